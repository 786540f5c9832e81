"""Shared fixtures (the good course, the SCORM schemas folder) and the suite's own rules: every test under
tests/browser/ carries the browser marker, and in CI a skipped test fails instead of passing unnoticed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
GOOD = REPO / "tests" / "fixtures" / "good"


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """The suite reads the tool in English unless a test chooses another language (tests/test_words.py)."""
    from builder import words

    monkeypatch.setenv(words.ENV, "en")
    words.choose(None)


@pytest.fixture
def schemas_dir() -> Path:
    folder = Path(os.environ.get("SCORM_SCHEMAS_DIR") or REPO.parent / "shared" / "schemas")
    if not (folder / "validate.py").is_file():
        pytest.skip(f"SCORM schemas not available at {folder} (set SCORM_SCHEMAS_DIR); XSD check not run")
    return folder


BROWSER_TESTS = Path(__file__).resolve().parent / "browser"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if BROWSER_TESTS in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """A skip in CI means something the suite needs (../shared, npm packages, Chromium) was missing there."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome, report.longrepr = "failed", f"skipped in CI, which must run every test: {reason}"
