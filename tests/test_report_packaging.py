"""A plain `pip install .` (not editable) must carry every template and bundled file: the report's templates were
once left out, and the report died on a real install. The SCORM XSDs that `validate` uses by default ship too."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> tuple[Path, set[str]]:
    """(the copy of the checkout the wheel was built from, the names in the wheel)."""
    tmp_path = tmp_path_factory.mktemp("wheel")
    copy = tmp_path / "src"  # build from a copy, so no build/ or egg-info lands in the work tree
    shutil.copytree(REPO / "builder", copy / "builder", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, copy / name)
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path / "wheel"),
                             str(copy)], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    with zipfile.ZipFile(next((tmp_path / "wheel").glob("*.whl"))) as built:
        return copy, set(built.namelist())


def test_wheel_holds_every_template_and_dist_file(wheel):
    copy, shipped = wheel
    needed = sorted(str(p.relative_to(copy)) for pattern in ("builder/**/templates/*", "builder/**/dist/*",
                                                              "builder/outputs/templates/*")
                    for p in copy.glob(pattern) if p.is_file())
    assert any("report/templates/report.html" in n for n in needed)
    assert [n for n in needed if n not in shipped] == []


def test_wheel_holds_the_scorm_xsds_with_their_origin_and_licence(wheel):
    copy, shipped = wheel
    schemas = copy / "builder" / "validate" / "schemas"
    needed = sorted(str(p.relative_to(copy)) for p in schemas.rglob("*") if p.is_file())
    assert "builder/validate/schemas/scorm12/imscp_rootv1p1p2.xsd" in needed
    assert "builder/validate/schemas/scorm2004-4th/common/elementTypes.xsd" in needed  # a sub-folder of the LOM set
    assert "builder/validate/schemas/README.md" in needed
    assert [n for n in needed if n not in shipped] == []
