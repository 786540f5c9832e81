"""The HR report's HTML in Chromium: accessible, self-contained, charts without script, readable in print."""

from __future__ import annotations

import pytest

from benchmarks.exports import write_text
from builder.report import Request, run
from tests.test_report import COURSE, COURSE_EXPORTS, REPO

AXE = """async () => (await axe.run(document, {runOnly: {type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations.map(v => v.id + ': ' + v.nodes.length)"""


def reports(tmp_path):
    """The real export with the course and with names; a generated one with groups and no course."""
    if not COURSE_EXPORTS.is_dir():
        pytest.skip(f"the shared Moodle exports are not at {COURSE_EXPORTS}")
    full = tmp_path / "full.html"
    run(Request([COURSE_EXPORTS / "interactions.xlsx"], full, source=COURSE, names=True))
    alone = tmp_path / "alone.html"
    run(Request([write_text(tmp_path / "g.txt", 300, 12, 3)], alone, names=True))
    return [full, alone]


@pytest.mark.parametrize("media", ["screen", "print"])
def test_report_is_accessible_and_self_contained(tmp_path, browser, media):
    for out in reports(tmp_path):
        page = browser.new_page(java_script_enabled=True)
        requests = []
        page.on("request", lambda r: requests.append(r.url))
        page.emulate_media(media=media)
        page.goto(out.as_uri())
        assert page.locator("script").count() == 0  # the charts are plain SVG: nothing to run
        assert page.locator("svg[role=img] title").count() >= 2
        page.evaluate((REPO / "tools" / "node_modules" / "axe-core" / "axe.min.js").read_text())
        assert page.evaluate(AXE) == [], out.name
        assert [u for u in requests if not u.startswith("file:")] == []
        page.close()
