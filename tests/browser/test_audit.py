"""`kursbygger audit`: our package has no violations at desktop and phone width; a package broken on purpose
(low-contrast text, quiz answers without labels) is caught by criterion, with a non-zero exit."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import lxml.html
import pytest

from builder.audit.wcag import CRITERIA
from builder.words import say

from tools.testlms.harness import REPO, build_zip

NODE_AXE = REPO / "tools" / "node_modules" / "axe-core"
VENDORED = REPO / "builder" / "audit" / "vendor"
# Grey on white (about 2:1, far below 4.5:1), and a script that strips every label from the quiz as it is drawn.
LOW_CONTRAST = "<style>.lesson p, .quiz p { color: #b5b5b5 !important; background: #fff !important; }</style>"
DROP_LABELS = ("<script>new MutationObserver(() => document.querySelectorAll('[data-quiz] label')"
               ".forEach((label) => label.remove()))"
               ".observe(document.body, {childList: true, subtree: true});</script>")


def audit(zip_path: Path, out: Path, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "builder", "audit", str(zip_path), "--out", str(out)],
                          capture_output=True, text=True, env={**os.environ, **env})


def report_rows(path: Path) -> dict[str, list[str]]:
    tree = lxml.html.fromstring(path.read_text(encoding="utf-8"))
    rows = tree.xpath("//table[1]/tbody/tr")
    return {row.xpath("th")[0].text_content().split()[0]: [td.text_content().strip() for td in row.xpath("td")]
            for row in rows}


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    return build_zip(REPO, tmp_path_factory.mktemp("dist"), "1.2")


def test_vendored_axe_core_is_the_locked_npm_version():
    lock = json.loads((REPO / "tools" / "package-lock.json").read_text(encoding="utf-8"))
    version = lock["packages"]["node_modules/axe-core"]["version"]
    shipped = (VENDORED / "axe.min.js").read_bytes()
    assert shipped.startswith(f"/*! axe v{version}".encode()), "run tools/vendor-axe after changing axe-core"
    if not NODE_AXE.is_dir():
        pytest.fail("tools/node_modules is missing; run the README's test command (it runs npm ci)")
    assert shipped == (NODE_AXE / "axe.min.js").read_bytes(), "run tools/vendor-axe"
    assert (VENDORED / "axe-core-LICENSE.txt").read_bytes() == (NODE_AXE / "LICENSE").read_bytes()


def test_our_package_has_no_violations_and_every_control_is_reached(package, tmp_path):
    """In bokmål, as a Norwegian course owner's locale gives it; the broken package below is checked in English."""
    out = tmp_path / "report.html"
    result = audit(package, out, KURSBYGGER_LANG="nb")
    assert result.returncode == 0, result.stderr
    data = json.loads(re.search(r'id="kurs-data">(.*?)</script>',
                                zipfile.ZipFile(package).read("index.html").decode()).group(1))
    pages = 2 * (len(data["lessons"]) + 2)  # every lesson, the quiz and the result page, at two widths
    assert say("audit.terminal_summary", "nb", path="", pages=pages, tested=11, person=33,
               not_relevant=6).split(";")[0] in result.stdout  # «… 18 sider kontrollert»
    rows = report_rows(out)
    assert list(rows) == [criterion for criterion, _ in CRITERIA]
    assert not [c for c, cells in rows.items() if "brudd" in cells[2] and "ingen" not in cells[2]]
    assert rows["1.4.3"][1] == "testet automatisk" and "color-contrast" in rows["1.4.3"][3]
    assert rows["2.1.1"][1] == "testet automatisk"
    assert rows["1.2.2"][1] == "ikke relevant"  # no video in the package
    assert rows["3.3.4"][1] == "må vurderes av et menneske"
    text = out.read_text(encoding="utf-8")
    assert "Resultatsiden" in text and "360 px" in text and "1280 px" in text and '<html lang="nb">' in text


def test_broken_package_names_the_failing_criteria(package, tmp_path):
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(broken, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "index.html":
                html = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", data.decode("utf-8"))
                html = html.replace("</head>", LOW_CONTRAST + "</head>").replace("</body>", DROP_LABELS + "</body>")
                data = html.encode("utf-8")
            target.writestr(info, data)
    out = tmp_path / "report.html"
    result = audit(broken, out)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "WCAG 1.4.3" in result.stderr and "WCAG 4.1.2" in result.stderr
    rows = report_rows(out)
    assert rows["1.4.3"][1] == "tested automatically"
    assert "fault" in rows["1.4.3"][2] and "color-contrast" in rows["1.4.3"][3]
    assert "fault" in rows["4.1.2"][2] and "label" in rows["4.1.2"][3]
    assert "The quiz" in rows["4.1.2"][3] and "Name, Role, Value" in out.read_text(encoding="utf-8")


def test_without_chromium_audit_says_so_and_exits_3(package, tmp_path):
    result = audit(package, tmp_path / "report.html", CHROMIUM=str(tmp_path / "no-chromium"))
    assert result.returncode == 3
    assert "Chromium not found" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "report.html").exists()


def test_a_zip_that_is_not_a_package_is_refused_clearly(tmp_path):
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("hello.txt", "not a course")
    result = audit(bad, tmp_path / "report.html")
    assert result.returncode == 1 and "not a valid SCORM package" in result.stderr
    assert "Traceback" not in result.stderr


def test_handout_and_guide_are_accessible_and_fetch_nothing(browser, tmp_path):
    result = subprocess.run([sys.executable, "-m", "builder", "publish", "--source", str(REPO), "--out",
                             str(tmp_path), "--no-audit"], capture_output=True, text=True,
                            env={**os.environ, "CHROMIUM": str(tmp_path / "no-chromium")})  # HTML is enough here
    documents = sorted(tmp_path.glob("*.html"))
    assert [d.name for d in documents] == ["sosiale-medier-guide.html", "sosiale-medier-handout.html"], result.stderr
    for document in documents:
        page = browser.new_page()
        requests = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(document.as_uri())
        assert requests == [document.as_uri()], "the document loads nothing besides itself"
        page.evaluate((VENDORED / "axe.min.js").read_text(encoding="utf-8"))
        violations = page.evaluate("""async () => (await axe.run(document, {runOnly: {type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations.map((v) => v.id)""")
        assert violations == [], document.name
        page.close()
