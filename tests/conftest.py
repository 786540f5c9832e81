"""Shared fixtures: the good course and the SCORM schemas folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
GOOD = REPO / "tests" / "fixtures" / "good"


@pytest.fixture
def schemas_dir() -> Path:
    folder = Path(os.environ.get("SCORM_SCHEMAS_DIR") or REPO.parent / "shared" / "schemas")
    if not (folder / "validate.py").is_file():
        pytest.skip(f"SCORM schemas not available at {folder} (set SCORM_SCHEMAS_DIR); XSD check not run")
    return folder
