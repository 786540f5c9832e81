"""The rooms of builder/ and which way their imports run (docs/design.md «Rooms»), read from the code itself: every
import counts, also one inside a function or under TYPE_CHECKING, for each is a dependency a reader must follow.

- course/ (the course model and its reading) stands on the shared infrastructure only;
- outputs/ (pages, manifests, the zip) stands on course/ and the infrastructure;
- the infrastructure is what stands on nothing else of builder/ (words/, atomic.py, browser.py: found, not listed);
- the sub-apps, build.py and cli.py stand on those; nothing but __main__ imports cli.py;
- no module imports itself round a circle, nor does a room or sub-app (reports, say, and build);
- and every import of a builder module finds it in this checkout.

A room is allowed what it may import rather than denied what it may not, so a new sub-app needs no entry here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO

ROOMS = {"builder.course": ("builder.course",), "builder.outputs": ("builder.outputs", "builder.course")}  # → below


def unit(module: str) -> str:
    """A module's room, sub-app or top-level module: builder.report.tally → builder.report."""
    return ".".join(module.split(".")[:2])


def units(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    joined: dict[str, set[str]] = {}
    for module, targets in graph.items():
        joined.setdefault(unit(module), set()).update(unit(t) for t in targets if unit(t) != unit(module))
    return joined


def infrastructure(graph: dict[str, set[str]]) -> set[str]:
    """The units that stand on nothing but each other: what every room may use."""
    joined, found = units(graph), set()
    candidates = set(joined) - set(ROOMS)
    while candidates != found:
        found = candidates
        candidates = {u for u in found if joined[u] <= found}
    return found


def allowed(graph: dict[str, set[str]]) -> dict[str, tuple[str, ...]]:
    """Room → what its modules may import."""
    infra = tuple(sorted(infrastructure(graph)))
    return {**{room: (*below, *infra) for room, below in ROOMS.items()}, **{u: infra for u in infra}}


def module_name(root: Path, path: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(root: Path) -> dict[str, set[str]]:
    """Each module of the package at `root` → the modules of that package it imports."""
    files = {module_name(root, path): path for path in sorted(root.rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(up + ([node.module] if node.module else []))
                # `from . import markdown` imports the module markdown; `from .model import Course` the module model
                named = [f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in files]
                targets |= set(named) if len(named) == len(node.names) else {base, *named}
        graph[name] = {target for target in targets if target != name}
    return graph


def inside(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The graph with only the imports of modules that are there (the rest are other packages)."""
    return {module: {target for target in targets if target in graph} for module, targets in graph.items()}


def missing(graph: dict[str, set[str]]) -> list[str]:
    """Imports of a module of the package that is not there (kept working only by another copy on sys.path, such as
    an editable install of another checkout)."""
    package = min(graph, key=len)
    return [f"{module} imports {target}, which is not in {package}" for module, targets in sorted(graph.items())
            for target in sorted(targets) if target.split(".")[0] == package and target not in graph]


def wrong_way(graph: dict[str, set[str]]) -> list[str]:
    """Imports that run back up: out of a room into one it may not stand on, or into cli.py."""
    found, rules = [], allowed(graph)
    for module, targets in sorted(graph.items()):
        room = unit(module)
        for target in sorted(targets):
            if room in rules and unit(target) not in rules[room]:
                found.append(f"{module} imports {target}, outside what {room} stands on ({', '.join(rules[room])})")
            if target.endswith(".cli") and not module.endswith(".__main__"):
                found.append(f"{module} imports {target}: the CLI is the top, nothing stands on it")
    return found


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One circle per strongly connected group of modules (Tarjan), shown as the modules in it."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in sorted(graph.get(module, ())):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_no_import_runs_back_up():
    assert wrong_way(inside(imports(REPO / "builder"))) == []


def test_no_import_circle():
    assert circles(inside(imports(REPO / "builder"))) == []


def test_no_circle_between_rooms_and_sub_apps():
    assert circles(units(inside(imports(REPO / "builder")))) == []


def test_every_import_of_builder_finds_its_module_in_builder():
    assert missing(imports(REPO / "builder")) == []


def test_the_tests_tools_and_benchmarks_import_modules_that_are_there():
    graph = imports(REPO / "builder")
    wrong = []
    for path in sorted(p for folder in ("tests", "tools", "benchmarks") for p in (REPO / folder).rglob("*.py")
                       if "node_modules" not in p.parts):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import) else
                     [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else [])
            wrong += [f"{path.relative_to(REPO)}:{node.lineno}: {name}" for name in names
                      if name.split(".")[0] == "builder" and name not in graph]
    assert wrong == []


def test_the_rooms_are_there():
    # the rules above judge nothing if the rooms were renamed away
    graph = inside(imports(REPO / "builder"))
    for room in ROOMS:
        assert any(unit(m) == room for m in graph), f"no module in {room}"
    assert {"builder.words", "builder.atomic", "builder.browser"} <= infrastructure(graph)
    assert not {"builder.build", "builder.cli", "builder.report", "builder.quality"} & infrastructure(graph)
    assert graph["builder.outputs.render"] >= {"builder.course.model"}  # lazy and TYPE_CHECKING imports count too


@pytest.fixture
def tree(tmp_path):
    """A package laid out like builder/, to show the rules catch what they are for."""
    def make(files: dict[str, str]) -> Path:
        root = tmp_path / "builder"
        skeleton = {"__init__.py": "", "course/__init__.py": "", "outputs/__init__.py": "", "words/__init__.py": "",
                    "report/__init__.py": "", "cli.py": "from . import report\n"}
        for relative, text in {**skeleton, **files}.items():
            (root / relative).parent.mkdir(parents=True, exist_ok=True)
            (root / relative).write_text(text)
        return root
    return make


def test_a_course_module_importing_a_sub_app_is_caught(tree):
    # a sub-app stands on the course model, so it is no infrastructure
    root = tree({"course/load.py": "def f():\n    from ..report import tally\n", "course/model.py": "",
                 "report/tally.py": "from ..course.model import Course\n"})
    assert wrong_way(inside(imports(root))) == ["builder.course.load imports builder.report.tally, outside what "
                                                "builder.course stands on (builder.course, builder, builder.words)"]


def test_course_importing_outputs_and_anything_importing_cli_are_caught(tree):
    root = tree({"course/model.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                    "    from ..outputs.render import x\n",
                 "outputs/render.py": "", "report/run.py": "from .. import cli\n"})
    found = wrong_way(inside(imports(root)))
    assert len(found) == 2 and "builder.course.model imports builder.outputs.render" in found[0]
    assert found[1] == "builder.report.run imports builder.cli: the CLI is the top, nothing stands on it"


def test_a_circle_is_caught(tree):
    root = tree({"course/load.py": "from .editions import load_edition\n",
                 "course/editions.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                       "    from .load import Loader\n",
                 "course/model.py": "from . import questions\n",
                 "course/questions.py": "import builder.course.model\n"})
    assert circles(inside(imports(root))) == [["builder.course.editions", "builder.course.load"],
                                      ["builder.course.model", "builder.course.questions"]]


def test_an_import_of_a_module_that_moved_away_is_caught(tree):
    root = tree({"course/model.py": "", "quality/__init__.py": "",
                 "quality/messages.py": "from ..located import Where\n"})
    assert missing(imports(root)) == ["builder.quality.messages imports builder.located, which is not in builder"]
