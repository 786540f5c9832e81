"""Output targets (builder/outputs/targets.py): every standard declared once, and a new one needs no other edit —
shown with a made-up standard that the CLI, the build and the preview pick up from its registration alone."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder.cli import main
from builder.outputs import targets
from builder.outputs.targets import ALL, REGISTERED, Target, register
from builder.preview.memory import build_package
from tests.conftest import GOOD, REPO

RUNTIME = REPO / "builder" / "outputs" / "runtime"


def cmi5_like(course, files: list[str]) -> bytes:
    """A trivial manifest of a standard kursbygger does not know: enough to see where it lands."""
    return f'<courseStructure id="{course.package_id}" files="{len(files)}"/>'.encode("utf-8")


@pytest.fixture
def cmi5():
    """Registered for one test only."""
    yield register(Target("cmi5-like", "cmi5like", cmi5_like, "cmi5.xml", adapter="CMI5LIKE", api="no-window-object",
                          launch={"course.id": "/courseStructure/@id"}))
    del REGISTERED["cmi5-like"]


def test_each_target_names_an_adapter_the_runtime_exports_and_the_api_it_looks_for():
    runtime = "\n".join(p.read_text(encoding="utf-8") for p in RUNTIME.glob("*.js"))
    exported = set(re.findall(r"^export const (\w+)", runtime, re.M))
    assert REGISTERED and {t.adapter for t in REGISTERED.values()} <= exported
    assert all(f"'{t.api}'" in runtime for t in REGISTERED.values())


def test_ids_and_zip_suffixes_are_unique_and_all_is_no_target():
    assert len({t.suffix for t in REGISTERED.values()}) == len(REGISTERED) and ALL not in REGISTERED
    with pytest.raises(ValueError):
        register(next(iter(REGISTERED.values())))


def test_the_cli_offers_exactly_the_registered_targets():
    help_text = CliRunner().invoke(main, ["build", "--help"]).output
    assert f"--scorm [{'|'.join([*REGISTERED, ALL])}]" in help_text


def test_a_registered_target_is_built_offered_and_previewed_without_other_edits(cmi5, tmp_path):
    runner = CliRunner()
    assert f"--scorm [{'|'.join([*targets.ids(), ALL])}]" in runner.invoke(main, ["build", "--help"]).output
    assert "cmi5-like" in runner.invoke(main, ["preview", "--help"]).output

    result = runner.invoke(main, ["build", "--source", str(GOOD), "--out", str(tmp_path), "--scorm", "cmi5-like"])
    assert result.exit_code == 0, result.output
    [zip_path] = tmp_path.glob("*.zip")
    assert cmi5.made(zip_path.name)
    with zipfile.ZipFile(zip_path) as archive:
        names = set(archive.namelist())
        assert archive.read("cmi5.xml").startswith(b"<courseStructure id=")
    assert "index.html" in names and "imsmanifest.xml" not in names

    every = tmp_path / "all"
    assert runner.invoke(main, ["build", "--source", str(GOOD), "--out", str(every), "--scorm", ALL]).exit_code == 0
    assert sorted(p.name.rpartition("-")[2] for p in every.glob("*.zip")) == sorted(
        f"{t.suffix}.zip" for t in REGISTERED.values())

    package = build_package(GOOD, 1)
    assert set(package.files) == set(REGISTERED) and "cmi5.xml" in package.files["cmi5-like"]
    assert package.launch["cmi5-like"] == {"course.id": zip_path.name.removesuffix("-cmi5like.zip")}


def test_an_unregistered_standard_is_refused_by_the_cli(tmp_path):
    result = CliRunner().invoke(main, ["build", "--source", str(GOOD), "--out", str(tmp_path), "--scorm", "cmi5-like"])
    assert result.exit_code == 2 and "--scorm can only be one of" in result.output and "cmi5-like" not in result.output
    assert not list(Path(tmp_path).glob("*.zip"))


def test_the_preview_hands_the_sco_what_the_manifest_declares():
    package = build_package(GOOD, 1)
    for target in REGISTERED.values():
        assert package.launch[target.id] == target.launch_data(package.files[target.id])
    # the fixture's quiz decides the status: 1.2's mastery score and 2004's scaled passing score are both declared
    assert package.launch["1.2"]["cmi.student_data.mastery_score"] == "80"
    assert package.launch["2004"]["cmi.scaled_passing_score"] == "0.8"
