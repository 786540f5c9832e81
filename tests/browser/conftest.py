"""Fixtures for the real-browser tests: one Chromium and one local site per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from builder.browser import BrowserMissing, headless_chromium
from tools.testlms.harness import REPO, LmsSession, Site, build_zip

GOOD = REPO / "tests" / "fixtures" / "good"


@pytest.fixture(scope="session")
def browser():
    try:
        with headless_chromium() as browser:
            yield browser
    except BrowserMissing as exc:
        pytest.fail(f"{exc} (the README's test command installs Debian's chromium)")


@pytest.fixture(scope="session")
def site():
    if not (REPO / "tools" / "node_modules" / "scorm-again").is_dir():
        pytest.fail("tools/node_modules is missing; run the README's test command (it runs npm ci)")
    site = Site()
    yield site
    site.close()


@pytest.fixture(scope="session")
def packages(site, tmp_path_factory):
    """Builds a course (optionally with course.yaml edits) once per variant and version; returns the SCO URL."""
    cache: dict = {}

    def get(version: str, source: Path = GOOD, **tracking) -> str:
        key = (version, str(source), tuple(sorted(tracking.items())))
        if key not in cache:
            work = tmp_path_factory.mktemp("course")
            if tracking:
                shutil.copytree(source, work / "src")
                source = work / "src"
                course_yaml = source / "course" / "course.yaml"
                text = course_yaml.read_text(encoding="utf-8")
                for name, value in tracking.items():
                    lines = [line for line in text.splitlines() if not line.strip().startswith(f"{name}:")]
                    index = next(i for i, line in enumerate(lines) if line.startswith("tracking:"))
                    lines.insert(index + 1, f"  {name}: {value}")
                    text = "\n".join(lines) + "\n"
                course_yaml.write_text(text, encoding="utf-8")
            zip_path = build_zip(source, work / "dist", version)
            cache[key] = site.add_zip(f"c{len(cache)}", zip_path)
        return cache[key]

    return get


@pytest.fixture
def lms(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    session = LmsSession(page, site)
    yield session
    context.close()
