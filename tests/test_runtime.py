"""The learner runtime's modules (tracking model, suspend_data codec, question types, SCORM adapters, draw) and its
bundle, unit by unit, in Node's own test runner."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.conftest import REPO


@pytest.mark.parametrize("name", sorted(p.name for p in (REPO / "tests" / "runtime").glob("*.test.mjs")))
def test_tracking_model_and_adapters(name):
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed; the README's test command needs Node.js")
    result = subprocess.run([node, "--test", str(REPO / "tests" / "runtime" / name)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# fail 0" in result.stdout
