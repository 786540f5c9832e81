"""The HR report's HTML in Chromium: accessible, self-contained, charts without script, readable in print."""

from __future__ import annotations

import pytest

from benchmarks.exports import write_text
from builder.report import Request, run
from tests.test_report import COURSE, COURSE_EXPORTS, REPO, SHARED
from tests.test_report_cohort import COURSE_2_0

AXE = """async () => (await axe.run(document, {runOnly: {type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations.map(v => v.id + ': ' + v.nodes.length)"""


def reports(tmp_path):
    """The real export with the course and with names; a generated one with groups and no course; the cohort."""
    if not COURSE_EXPORTS.is_dir():
        pytest.skip(f"the shared Moodle exports are not at {COURSE_EXPORTS}")
    full = tmp_path / "full.html"
    run(Request([COURSE_EXPORTS / "interactions.xlsx"], full, source=COURSE, names=True))
    alone = tmp_path / "alone.html"
    run(Request([write_text(tmp_path / "g.txt", 300, 12, 3)], alone, names=True))
    cohort = tmp_path / "cohort.html"  # Moodle's default download: never-started learners, groups, flags, notes
    run(Request([SHARED / "moodle-4.3-cohort" / "interactions.txt"], cohort, source=COURSE_2_0, names=True))
    return [full, alone, cohort]


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


BARS = """() => [...document.querySelectorAll('.bar')].map(bar => {
    const svg = bar.querySelector('svg').getBoundingClientRect(), label = bar.querySelector('span').getBoundingClientRect();
    return {text: label.width > 0 && bar.textContent, apart: svg.right <= label.left + 0.5 || svg.bottom <= label.top + 0.5};
})"""


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1000])
def test_a_share_label_is_never_crossed_by_its_own_bar(tmp_path, browser, width):
    """«100 %» once sat under its own bar; every bar's label sits beside it or below it, on a phone and a desk."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    for out in reports(tmp_path):
        page.goto(out.as_uri())
        bars = page.evaluate(BARS)
        assert out.name != "cohort.html" or any(b["text"] == "100 %" for b in bars)
        assert [b["text"] for b in bars if not b["apart"] or not b["text"]] == []
    page.close()
