"""Start-up: the CLI loads a heavy library only inside a command that needs it. pydantic alone costs some 80 ms of
CPU at import, the course model as much again, so `--help`, `--version`, `validate` and an HR report that names no
course must not load it. Each case runs the real command in a fresh interpreter and lists what it imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from builder.build import build
from tests.conftest import GOOD, REPO

HEAVY = {"pydantic", "jinja2", "lxml", "playwright", "markdown_it", "yaml"}

# Runs the CLI in this process and writes the top-level names of the modules it ended with to argv[1].
RUN_CLI = """
import sys
from builder.cli import main
try:
    main(sys.argv[2:], prog_name="kursbygger")
except SystemExit:
    pass
with open(sys.argv[1], "w") as out:
    out.write(" ".join(sorted({name.split(".")[0] for name in sys.modules})))
"""


def loaded(tmp_path: Path, *args: str) -> set[str]:
    record = tmp_path / "modules.txt"
    subprocess.run([sys.executable, "-c", RUN_CLI, str(record), *args], cwd=tmp_path, check=True,
                   capture_output=True, env={**os.environ, "PYTHONPATH": str(REPO)})
    return set(record.read_text().split())


def basic_export(folder: Path) -> Path:
    """One learner in Moodle 4.3's basic text download."""
    export = folder / "basic.txt"
    export.write_text('Name\t"Email address"\tAttempt\t"Started on"\t"Last accessed on"\tScore\n'
                      '"Kari Nordmann"\tkari@example.com\t1\t"Wednesday, 25 November 2026, 3:21 AM"\t'
                      '"Wednesday, 25 November 2026, 3:21 AM"\t100\n', encoding="utf-8")
    return export


def test_importing_the_cli_loads_no_heavy_library():
    code = "import sys, builder.cli; print(' '.join(sorted({n.split('.')[0] for n in sys.modules})))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            env={**os.environ, "PYTHONPATH": str(REPO)})
    assert set(result.stdout.split()) & HEAVY == set()


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["build", "--help"], ["report", "--help"]])
def test_help_and_version_load_no_heavy_library(tmp_path, args):
    assert loaded(tmp_path, *args) & HEAVY == set()


def test_validate_loads_no_course_model(tmp_path):
    _, built = build(GOOD, tmp_path / "dist", "1.2")
    modules = loaded(tmp_path, "validate", str(built[0].path))
    assert "lxml" in modules  # it did validate (the XML is read with lxml)
    assert "pydantic" not in modules


def test_a_report_without_its_course_loads_no_course_model(tmp_path):
    export = basic_export(tmp_path)
    modules = loaded(tmp_path, "report", str(export), "--passing-score", "80", "--out", str(tmp_path / "r.html"))
    assert (tmp_path / "r.html").is_file()  # it did report
    assert "pydantic" not in modules


def test_a_report_with_its_package_loads_the_course_model(tmp_path):
    """The other side of the rule above: the question types come back from the package through the model."""
    _, built = build(GOOD, tmp_path / "dist", "1.2")
    export = basic_export(tmp_path)
    modules = loaded(tmp_path, "report", str(export), "--package", str(built[0].path), "--out", str(tmp_path / "r.html"))
    assert (tmp_path / "r.html").is_file() and "pydantic" in modules
