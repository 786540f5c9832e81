"""The built wheel, installed into a fresh virtual environment, runs every command from outside the checkout.

The rest of the suite runs against the editable install, which reads files straight from the checkout; only this
test sees what a course owner gets from `pip install kursbygger`: the package data that really ships.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.wheel
EXPORTS = REPO.parent / "shared" / "lms-exports" / "moodle-4.3-course"


def run(*command, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{' '.join(map(str, command))}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def kursbygger(tmp_path_factory) -> tuple[Path, Path, dict]:
    """(the installed `kursbygger` script, a work folder outside the checkout, the environment to run it in)."""
    tmp = tmp_path_factory.mktemp("wheel")
    # Build from a copy of what the wheel is made of, so the build leaves nothing behind in the checkout.
    project = tmp / "project"
    shutil.copytree(REPO / "builder", project / "builder", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copyfile(REPO / name, project / name)
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", tmp / "wheels", project, cwd=tmp)
    [wheel] = (tmp / "wheels").glob("kursbygger-*.whl")
    venv = tmp / "venv"
    # Without pip inside (Debian's python3 has no ensurepip unless python3-venv is installed); this pip fills it.
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp)
    python = venv / "bin" / "python"
    # With the publish extra, so the handout's PDF and the audit run from the installed package data too.
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--disable-pip-version-check",
        f"{wheel}[publish]", cwd=tmp)
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["KURSBYGGER_LANG"] = "en"  # made before the suite's autouse `english` fixture runs: the tool's words in English
    where = run(python, "-c", "import builder; print(builder.__file__)", cwd=tmp, env=env).stdout.strip()
    assert Path(where).is_relative_to(venv), f"builder imported from {where}, not from the wheel"
    work = tmp / "work"
    work.mkdir()
    for folder in ("course", "quizzes"):
        shutil.copytree(REPO / folder, work / "src" / folder)
    return venv / "bin" / "kursbygger", work, env


def test_build_check_validate_and_schema(kursbygger):
    script, work, env = kursbygger
    run(script, "check", "--source", "src", cwd=work, env=env)
    built = run(script, "build", "--source", "src", "--out", "dist", "--scorm", "all", cwd=work, env=env).stdout
    zips = sorted((work / "dist").glob("*.zip"))
    assert [z.name for z in zips] == ["sosiale-medier-scorm12.zip", "sosiale-medier-scorm2004.zip"], built
    with zipfile.ZipFile(zips[0]) as archive:
        assert "index.html" in archive.namelist()
    for path in zips:
        # the XSDs shipped in the wheel: no --schemas, no SCORM_SCHEMAS_DIR
        verdict = run(script, "validate", path, cwd=work, env={**env, "SCORM_SCHEMAS_DIR": ""}).stdout
        assert "OK: Moodle imports it" in verdict and "the official XSDs find no fault" in verdict, verdict
    run(script, "schema", "--source", "src", "--out", "schemas", cwd=work, env=env)
    # The same schemas the checkout holds in jsonschema/, which `kursbygger schema` wrote there.
    assert sorted(p.name for p in (work / "schemas").iterdir()) == sorted(
        p.name for p in (REPO / "jsonschema").glob("*.schema.json"))


def test_report(kursbygger):
    script, work, env = kursbygger
    if not EXPORTS.is_dir():
        pytest.skip(f"the shared Moodle exports of this course are not at {EXPORTS}; the report step needs one")
    run(script, "report", EXPORTS / "interactions.txt", "--source", "src", "--out", "report.html", cwd=work, env=env)
    page = (work / "report.html").read_text(encoding="utf-8")
    assert page.lower().startswith("<!doctype html>")


def test_new_then_preview(kursbygger):
    script, work, env = kursbygger
    run(script, "new", "starter", "--language", "nn", cwd=work, env=env)
    run(script, "check", "--source", "starter", cwd=work, env=env)
    preview = subprocess.Popen([str(script), "preview", "--source", "starter", "--no-open", "--port", "0"], cwd=work,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        address = None
        for line in preview.stdout:
            found = re.search(r"http://127\.0\.0\.1:\d+/", line)
            if found:
                address = found.group(0)
                break
        assert address, preview.stderr.read()
        with urllib.request.urlopen(address, timeout=30) as page:
            assert page.status == 200 and b"scorm-again" in page.read()
        for asset in ("lms-standards.js", "moodle.js", "simulator.js"):  # the one LMS simulator, from the wheel
            with urllib.request.urlopen(f"{address}_preview/{asset}", timeout=30) as script:
                assert script.status == 200 and b"window." in script.read(), asset
    finally:
        preview.send_signal(signal.SIGINT)
        out, err = preview.communicate(timeout=30)
    assert preview.returncode == 0 and "Traceback" not in err, err


def test_publish_and_audit(kursbygger):
    script, work, env = kursbygger
    run(script, "publish", "--source", "src", "--out", "kit", "--scorm", "1.2", cwd=work, env=env)
    made = {p.name for p in (work / "kit").iterdir()}
    assert {"sosiale-medier-scorm12.zip", "sosiale-medier-handout.html", "sosiale-medier-handout.pdf",
            "sosiale-medier-guide.html", "sosiale-medier-guide.pdf", "sosiale-medier-tilgjengelighet.html"} <= made, made
