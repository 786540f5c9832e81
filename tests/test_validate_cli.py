"""The `kursbygger validate` command as an administrator or a CI job runs it: exit codes, --strict, --format json."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from tests.test_validate import manifest, make_zip


def run(*args, cwd):
    exe = shutil.which("kursbygger")
    assert exe, "the console script is not installed; run pip install -e ."
    return subprocess.run([exe, "validate", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def warned(tmp_path):
    """A package with one warning and no error: a 1.2 manifest without <metadata>."""
    return make_zip(tmp_path / "warned.zip", [("imsmanifest.xml", manifest(metadata="")), ("index.html", "x")])


def test_warnings_pass_unless_strict(tmp_path, warned):
    result = run(str(warned), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "warned.zip:imsmanifest.xml:2: warning: there is no <schemaversion>" in result.stderr
    assert "sco item 'I' «Lesson» launches index.html" in result.stdout
    assert "OK: Moodle imports it and runs it as SCORM 1.2 (0 errors, 1 warning, 0 notes);" in result.stdout
    strict = run(str(warned), "--strict", cwd=tmp_path)
    assert strict.returncode == 1 and "INVALID with --strict, where warnings count" in strict.stderr


def test_errors_fail(tmp_path):
    broken = make_zip(tmp_path / "broken.zip", [("imsmanifest.xml", manifest())])
    result = run(str(broken), cwd=tmp_path)
    assert result.returncode == 1
    assert "broken.zip:imsmanifest.xml:7: error: resource 'R' launches 'index.html'" in result.stderr
    assert "index.html  [MISSING]" in result.stdout and "(1 error, 0 warnings, 0 notes)" in result.stderr
    assert "Traceback" not in result.stderr


def test_json_for_scripts(tmp_path, warned):
    result = run(str(warned), "--format", "json", cwd=tmp_path)
    assert result.returncode == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    assert (data["valid"], data["version"], data["counts"]["warning"]) == (True, "1.2", 1)
    assert data["findings"][0]["code"] == "version-unknown" and data["findings"][0]["line"] == 2
    strict = run(str(warned), "--format", "json", "--strict", cwd=tmp_path)
    assert strict.returncode == 1 and json.loads(strict.stdout)["valid"] is False


def test_a_schemas_folder_without_xsds_is_wrong_usage(tmp_path, warned):
    (tmp_path / "empty").mkdir()
    result = run(str(warned), "--schemas", str(tmp_path / "empty"), cwd=tmp_path)
    assert result.returncode == 2 and "imscp_rootv1p1p2.xsd" in result.stderr and "Traceback" not in result.stderr


def test_the_readme_example_with_a_schemas_folder_that_is_not_there(tmp_path, warned):
    """`--schemas ../shared/schemas` exited 2 wherever the checkout had no such neighbour, saying only that files were
    missing; the XSDs now ship, and a folder that is not there is named as such."""
    result = run(str(warned), "--schemas", "../shared/schemas", cwd=tmp_path)
    assert result.returncode == 2 and "is not a folder" in result.stderr and "leave --schemas out" in result.stderr
    shipped = run(str(warned), cwd=tmp_path)
    assert shipped.returncode == 0 and "the official XSDs find no fault" in shipped.stdout


def test_schemas_dir_from_the_environment_overrides_the_shipped_ones(tmp_path, warned):
    (tmp_path / "empty").mkdir()
    result = subprocess.run([shutil.which("kursbygger"), "validate", str(warned)], capture_output=True, text=True,
                            cwd=tmp_path, env={**os.environ, "SCORM_SCHEMAS_DIR": str(tmp_path / "empty")})
    assert result.returncode == 2 and "imscp_rootv1p1p2.xsd" in result.stderr
