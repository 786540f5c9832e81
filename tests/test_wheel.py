"""The built wheel, installed into a fresh virtual environment, runs every command from outside the checkout.

The rest of the suite runs against the editable install, which reads files straight from the checkout; only this
test sees what a course owner gets from `pip install kursbygger`: the package data that really ships.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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
    run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--disable-pip-version-check", wheel,
        cwd=tmp)
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
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
        assert ": valid SCORM " in run(script, "validate", path, cwd=work, env=env).stdout
    run(script, "schema", "--source", "src", "--out", "schemas", cwd=work, env=env)
    assert sorted(p.name for p in (work / "schemas").iterdir()) == [
        "course.schema.json", "lesson.schema.json", "quiz.schema.json"]


def test_report(kursbygger):
    script, work, env = kursbygger
    if not EXPORTS.is_dir():
        pytest.skip(f"the shared Moodle exports of this course are not at {EXPORTS}; the report step needs one")
    run(script, "report", EXPORTS / "interactions.txt", "--source", "src", "--out", "report.html", cwd=work, env=env)
    page = (work / "report.html").read_text(encoding="utf-8")
    assert page.lower().startswith("<!doctype html>")
