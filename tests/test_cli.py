"""The installed `kursbygger` console script, run as a course owner runs it."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.conftest import GOOD


def run(*args, cwd):
    exe = shutil.which("kursbygger")
    assert exe, "the console script is not installed; run pip install -e ."
    return subprocess.run([exe, *args], capture_output=True, text=True, cwd=cwd)


def test_build_prints_path_size_and_summary(tmp_path):
    result = run("build", "--source", str(GOOD), "--out", str(tmp_path), "--scorm", "all", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "demo-scorm12.zip" in result.stdout and "KiB" in result.stdout
    assert "2 lessons, 4 questions, 3 files" in result.stdout  # manifest, index.html, one image


def test_python_dash_m_is_the_same_cli(tmp_path):
    result = subprocess.run([sys.executable, "-m", "builder", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and "kursbygger" in result.stdout


def test_validate_command(tmp_path):
    run("build", "--source", str(GOOD), "--out", str(tmp_path), cwd=tmp_path)
    result = run("validate", str(tmp_path / "demo-scorm12.zip"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "OK: Moodle imports it and runs it as SCORM 1.2" in result.stdout
    assert "the official XSDs find no fault" in result.stdout
    bad = tmp_path / "bad.zip"
    bad.write_text("not a zip")
    result = run("validate", str(bad), cwd=tmp_path)
    assert result.returncode == 1 and "not a readable zip file" in result.stderr


def test_missing_source_is_a_clear_error(tmp_path):
    result = run("check", "--source", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 1
    assert "course/course.yaml not found" in result.stderr and "Traceback" not in result.stderr


def test_schema_writes_json_schemas(tmp_path):
    result = run("schema", "--out", str(tmp_path), cwd=tmp_path)
    assert result.returncode == 0
    import json

    course = json.loads((tmp_path / "course.schema.json").read_text())
    assert course["properties"]["tracking"]["$ref"] == "#/$defs/Tracking"
    assert course["$defs"]["Tracking"]["properties"]["completion"]["enum"] == ["lessons", "quiz", "lessons-and-quiz"]
    assert "title" in course["required"]
    quiz = json.loads((tmp_path / "quiz.schema.json").read_text())
    types = {ref["$ref"].rsplit("/", 1)[1]: quiz["$defs"][ref["$ref"].rsplit("/", 1)[1]]
             for ref in quiz["properties"]["questions"]["items"]["oneOf"]}
    assert [t["properties"]["type"]["const"] for t in types.values()] == ["single", "multiple", "true-false", "sort"]
    # the limits, with the SCORM reasons behind them
    options = types["Single"]["properties"]["options"]
    assert (options["minItems"], options["maxItems"]) == (2, 26) and "a–z" in options["x-reason"]
    categories = types["Sort"]["properties"]["categories"]
    assert (categories["minItems"], categories["maxItems"]) == (2, 9) and "digit" in categories["x-reason"]
    assert types["Sort"]["properties"]["items"]["maxItems"] == 26


@pytest.mark.parametrize("args", [["build", "--scorm", "3.0"], ["nonsense"]])
def test_usage_errors_exit_non_zero(tmp_path, args):
    assert run(*args, cwd=tmp_path).returncode != 0
