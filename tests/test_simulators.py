"""One LMS simulator: the preview and the test LMS play each standard's LMS side from one shared asset.

builder/preview/assets/lms-standards.js holds, per output target, the API object, scorm-again's API, the API's
functions and the data model's elements; the preview's simulator.js and tools/testlms/lms.js name none of them, so
the two LMSs cannot drift apart, and a new target is added in one place beside its Target in outputs/targets.py.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from builder.outputs.targets import REGISTERED
from tests.conftest import REPO

ASSETS = REPO / "builder" / "preview" / "assets"
SHARED = ASSETS / "lms-standards.js"
PLAYERS = [ASSETS / "simulator.js", REPO / "tools" / "testlms" / "lms.js"]
# Loads the shared asset as a page would and prints its table as JSON (scorm-again's constructors left out).
DUMP = "window = {}; require(process.argv[1]); console.log(JSON.stringify(window.LmsStandards.STANDARDS));"
COMMENTS = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
LITERALS = re.compile(r"'((?:[^'\\\n]|\\.)*)'|\"((?:[^\"\\\n]|\\.)*)\"")


def standards() -> dict:
    node = shutil.which("node")
    assert node, "node is needed to read lms-standards.js"
    out = subprocess.run([node, "-e", DUMP, str(SHARED)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def code_of(path) -> str:
    """The script without its comments, which may name elements to explain themselves."""
    return COMMENTS.sub("", path.read_text(encoding="utf-8"))


def literals(code: str) -> set[str]:
    return {single or double for single, double in LITERALS.findall(code)}


def per_standard_words(table: dict) -> set[str]:
    """What only a per-standard table needs to spell: target ids, API objects, function and element names."""
    words = set(table)
    for standard in table.values():
        words |= {standard["api"], standard["response"], *standard["fn"].values(), *standard["elements"].values(),
                  *standard["shownStatus"]}
    return words


def test_the_shared_table_has_each_registered_target_and_its_api():
    table = standards()
    assert sorted(table) == sorted(REGISTERED)  # JavaScript lists a key such as 2004 first
    assert {key: standard["api"] for key, standard in table.items()} == {t.id: t.api for t in REGISTERED.values()}


def test_the_shared_table_says_the_same_for_every_standard():
    """Each standard answers every question the simulators ask, so none of them needs a fallback of its own."""
    shapes = {key: {part: sorted(value) if isinstance(value, dict) else type(value).__name__
                    for part, value in standard.items()} for key, standard in standards().items()}
    first = next(iter(shapes.values()))
    assert all(shape == first for shape in shapes.values()), shapes


@pytest.mark.parametrize("path", PLAYERS, ids=lambda p: p.name)
def test_no_per_standard_table_outside_the_shared_asset(path):
    code = code_of(path)
    named = literals(code) & per_standard_words(standards())
    assert not named, f"{path.name} spells what lms-standards.js holds: {sorted(named)}"
    assert not [text for text in literals(code) if "cmi." in text or text.startswith("API")], path.name
    # Nor reaches into one standard's data model or constructs its API itself.
    assert not re.search(r"\.core\.|Scorm\d+API|API_1484_11", code), path.name


def test_the_guard_sees_a_table_come_back():
    """The check above is not blind: the preview's old table, pasted back, is caught."""
    old = "var VERSIONS = { '1.2': { global: 'API', error: 'LMSGetLastError', exit: 'cmi.core.exit' } };"
    assert literals(code_of(PLAYERS[0]) + old) & per_standard_words(standards()) >= {"1.2", "API", "LMSGetLastError"}


def test_both_pages_load_the_shared_asset_before_moodles_rules():
    for page in (ASSETS / "simulator.html", REPO / "tools" / "testlms" / "host.html"):
        text = page.read_text(encoding="utf-8")
        assert -1 < text.index("lms-standards.js") < text.index("moodle.js") < text.index(
            "simulator.js" if page.name == "simulator.html" else "lms.js"), page.name


def test_the_test_lms_has_its_launch_data_from_the_targets_registry(tmp_path):
    """The harness hands the test LMS what the preview's memory hands the simulator: Target.launch_data."""
    from builder.preview.memory import build_package
    from tools.testlms.harness import Site

    package = build_package(REPO / "tests" / "fixtures" / "good", 1)
    site = Site()
    try:
        for target in REGISTERED.values():
            folder = site.root / "sco" / f"p{target.suffix}"
            folder.mkdir()
            (folder / target.manifest_name).write_bytes(package.files[target.id][target.manifest_name])
            assert site.launch_data(target.id, f"/sco/p{target.suffix}/index.html") == package.launch[target.id] != {}
        assert site.launch_data(target.id, "/sco/none/index.html") == {}  # a SCO without a manifest
    finally:
        site.close()
