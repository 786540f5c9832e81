"""A plain `pip install .` (not editable) must carry every template and bundled file: the report's templates were
once left out, and the report died on a real install."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO


def test_wheel_holds_every_template_and_dist_file(tmp_path: Path):
    copy = tmp_path / "src"  # build from a copy, so no build/ or egg-info lands in the work tree
    shutil.copytree(REPO / "builder", copy / "builder", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, copy / name)
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "wheel"),
                             str(copy)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(next((tmp_path / "wheel").glob("*.whl"))) as wheel:
        shipped = set(wheel.namelist())
    needed = sorted(str(p.relative_to(copy)) for pattern in ("builder/**/templates/*", "builder/**/dist/*",
                                                              "builder/templates/*")
                    for p in copy.glob(pattern) if p.is_file())
    assert any("report/templates/report.html" in n for n in needed)
    assert [n for n in needed if n not in shipped] == []
