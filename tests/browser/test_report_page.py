"""The HR report's HTML in Chromium: accessible and self-contained."""

from __future__ import annotations

import pytest

from builder.report import run
from tests.test_report import COURSE, EXPORTS, REPO


@pytest.mark.browser
def test_report_is_accessible(tmp_path, browser):
    if not EXPORTS.is_dir():
        pytest.skip(f"the shared Moodle exports are not at {EXPORTS}")
    exports = EXPORTS
    out = tmp_path / "r.html"
    run([exports / "interactions.txt"], COURSE, out, names=True)
    page = browser.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(out.as_uri())
    page.evaluate((REPO / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js").read_text())
    violations = page.evaluate("""async () => (await axe.run(document, {runOnly: {type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations.map(v => v.id)""")
    assert violations == []
    assert [u for u in requests if not u.startswith("file:")] == []
    page.close()
