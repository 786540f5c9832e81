"""The benchmark suite runs end to end on its smallest size with one run, and reports every figure it promises.

Marked browser because the learner figures come from headless Chromium; --quick keeps it to ~20 s.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from benchmarks.synthetic import write_course
from builder.course.questions import QUESTION_TYPES
from tests.conftest import REPO


def test_synthetic_course_builds_with_every_question_type(tmp_path: Path):
    source = write_course(tmp_path / "c", lessons=4, questions=8)
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "builder", "build", "--source", str(source), "--out", str(out)],
                            capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(next(out.glob("*.zip"))) as archive:
        page = archive.read("index.html").decode("utf-8")
    for kind in (cls.kind() for cls in QUESTION_TYPES):
        assert f'"type": "{kind}"' in page or f'"type":"{kind}"' in page


@pytest.mark.browser
def test_quick_run_reports_every_figure(tmp_path: Path):
    result = subprocess.run([sys.executable, "-m", "benchmarks", "--quick", "--out", str(tmp_path)],
                            capture_output=True, text=True, cwd=REPO, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    figures = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    smallest = figures["sizes"][0]
    assert (smallest["lessons"], smallest["questions"]) == (10, 50)
    assert 0 < smallest["build_s_median"] < 60 and smallest["peak_mb"] > 5
    startup = figures["startup"]
    assert 0 < startup["interpreter_cpu_s_median"] < startup["version_cpu_s_median"] < startup["build_cpu_s_median"]
    assert figures["quality_check"]["plain_s_median"] > 0 and figures["quality_check"]["ratio"] > 0
    real = figures["real_course"]
    assert real["runtime_bytes"] > 1000 and 0 < real["zip_without_media_bytes"] <= real["zip_bytes"]
    assert real["launch_ms_median"] > 0 and real["submit_ms_median"] >= 0
    assert real["first_text"]["bare_ms_median"] > 0 and real["first_text"]["lesson_text_ratio"] > 0
    assert 0 < real["suspend_chars"] <= figures["worst_case_suspend_chars"]
    preview = figures["preview"]["real_course"]
    assert preview["start_ms_median"] > preview["save_ms_min"] > 0
    report = {f["kind"]: f for f in figures["report"]}
    assert sorted(report) == ["ods", "text", "xlsx"] and all(f["learners"] == 1000 for f in report.values())
    assert all(f["read"]["code"] == 0 and f["read"]["rows"] > 1000 and f["read"]["peak_mb"] > 5
               for f in report.values())
    assert "Reading stage alone" in result.stdout and "Whole `report` command" in result.stdout
    table = (tmp_path / "results.md").read_text(encoding="utf-8")
    for name in ("real course build", "start-up: real course build, CPU time", "runtime JS + CSS", "launch → first lesson interactive", "suspend_data",
                 "preview: save → reloaded lesson visible", "phone, slow 4G: first lesson text on screen"):
        assert name in table
