"""`kursbygger audit ZIP`: an accessibility report in the CLI's language (bokmål by default), per WCAG 2.1 A/AA
success criterion, with the evidence behind each status — material for a tilgjengelighetserklæring. It never
states that a criterion is met: automatic rules can find faults, not prove their absence.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import mimetypes
import re
import tempfile
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import atomic_open
from ..browser import headless_chromium
from ..course.problems import display_path
from ..local_server import serve_folder
from ..templating import environment
from ..validate import validate_zip
from ..words import area, counted, current, say, speaking
from .walk import PageCheck, walk
from .wcag import CRITERIA, MEDIA_ELEMENTS, NOT_RELEVANT, PERSON, TESTED, TIME_BASED_MEDIA, criteria_of

WIDTHS = (1280, 360)  # desktop and phone
KURS_DATA = re.compile(r'<script type="application/json" id="kurs-data">(.*?)</script>', re.S)


class AuditError(Exception):
    """The zip cannot be audited (not a valid kursbygger package); the message says why."""


@dataclass
class Finding:
    criterion: str
    level: str
    name: str  # in the report's language
    status: str  # TESTED, PERSON or NOT_RELEVANT
    faults: int = 0  # failing elements (axe) plus controls the keyboard did not reach
    evidence: list[str] = field(default_factory=list)


@dataclass
class AuditReport:
    path: Path
    pages: list[PageCheck]
    findings: list[Finding]
    outside: list[str]
    language: str

    @property
    def ok(self) -> bool:
        return not any(f.faults for f in self.findings)

    def summary(self):
        """Lines for the terminal, each with False when it reports a fault."""
        counts = {s: sum(f.status == s for f in self.findings) for s in (TESTED, PERSON, NOT_RELEVANT)}
        yield say("audit.terminal_summary", self.language, path=display_path(self.path), pages=len(self.pages),
                  tested=counts[TESTED], person=counts[PERSON], not_relevant=counts[NOT_RELEVANT]), True
        for f in self.findings:
            if f.faults:
                yield say("audit.terminal_fault", self.language, criterion=f.criterion, name=f.name,
                          faults=counted("audit.faults", f.faults, self.language),
                          evidence="; ".join(f.evidence)), False
        if self.outside:
            yield counted("audit.terminal_outside", len(self.outside), self.language), False


def audit_zip(zip_path: Path, out: Path, language: str | None = None) -> AuditReport:
    """Checks the package in headless Chromium and writes the report to `out`, in `language` (default: the CLI's).
    Raises AuditError for a zip that is not a package, browser.BrowserMissing when there is no Chromium."""
    language = language or current()
    with speaking(language):  # validate's findings, quoted below, in the report's language
        checked = validate_zip(zip_path)
    if not checked.ok:
        reasons = "; ".join(f.message for f in checked.findings if f.severity == "error")
        raise AuditError(say("audit.not_valid", language, path=display_path(zip_path), reasons=reasons))
    with zipfile.ZipFile(zip_path) as archive:
        if "index.html" not in archive.namelist():
            raise AuditError(say("audit.no_index", language, path=display_path(zip_path)))
        index = archive.read("index.html").decode("utf-8", "replace")
        media_files = [name for name in archive.namelist()
                       if (mimetypes.guess_type(name)[0] or "").startswith(("audio/", "video/"))]
    found = KURS_DATA.search(index)
    if not found:
        raise AuditError(say("audit.no_data", language, path=display_path(zip_path)))
    course = json.loads(found.group(1))["course"]
    pages, outside = [], []
    with headless_chromium() as browser, served(zip_path) as url:
        for width in WIDTHS:
            pages += walk(browser, url, width, outside, language)
        tools = {"chromium": browser.version, "axe": pages[0].axe["version"] if pages else ""}
    findings = assess(pages, has_media=bool(MEDIA_ELEMENTS.search(index) or media_files), language=language)
    report = AuditReport(Path(out), pages, findings, outside, language)
    write_report(report, zip_path, course, tools)
    return report


@contextlib.contextmanager
def served(zip_path: Path):
    """The unpacked package on a local web server (as an LMS serves it); yields the address of index.html."""
    with tempfile.TemporaryDirectory(prefix="kursbygger-audit-") as folder:
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(folder)
        server = serve_folder(folder)
        try:
            yield f"{server.base}/index.html"
        finally:
            server.stop()


def assess(pages: list[PageCheck], has_media: bool, language: str) -> list[Finding]:
    # criterion → outcome → rule id → [elements, pages]
    rules: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(lambda: [0, set()])))
    for page in pages:
        where = f"{page.name} ({page.width} px)"
        for outcome in ("violations", "passes", "incomplete"):
            for rule in page.axe[outcome]:
                for criterion in criteria_of(rule["tags"]):
                    entry = rules[criterion][outcome][rule["id"]]
                    entry[0] += len(rule["nodes"])
                    entry[1].add(where)
    findings = []
    for criterion, level in CRITERIA:
        finding = Finding(criterion, level, say(f"audit.criteria.{criterion}", language), PERSON)
        found = rules.get(criterion, {})
        for rule_id, (elements, where) in found.get("violations", {}).items():
            finding.faults += elements
            finding.evidence.append(say("audit.evidence_fault", language, rule=rule_id,
                                        elements=counted("audit.count.elements", elements, language),
                                        where=", ".join(sorted(where))))
        for rule_id, (elements, where) in found.get("passes", {}).items():
            finding.evidence.append(say("audit.evidence_pass", language, rule=rule_id,
                                        elements=counted("audit.count.elements", elements, language),
                                        pages=counted("audit.count.pages", len(where), language)))
        for rule_id, (elements, where) in found.get("incomplete", {}).items():
            finding.evidence.append(say("audit.evidence_undecided", language, rule=rule_id,
                                        elements=counted("audit.count.elements", elements, language),
                                        pages=counted("audit.count.pages", len(where), language)))
        if found.get("violations") or found.get("passes"):
            finding.status = TESTED
        if criterion == "2.1.1":
            keyboard(finding, pages, language)
        if criterion in TIME_BASED_MEDIA and not has_media and finding.status != TESTED:
            finding.status = NOT_RELEVANT
            finding.evidence.append(say("audit.evidence_no_media", language))
        findings.append(finding)
    return findings


def keyboard(finding: Finding, pages: list[PageCheck], language: str) -> None:
    finding.status = TESTED
    controls = sum(p.controls for p in pages)
    missed = [(p, what) for p in pages for what in p.unreached]
    finding.faults += len(missed)
    finding.evidence.append(say("audit.evidence_keyboard", language,
                                pages=counted("audit.count.pages", len(pages), language),
                                reached=controls - len(missed), controls=controls))
    finding.evidence += [say("audit.evidence_unreached", language, what=what, page=p.name, width=p.width)
                         for p, what in missed]


def write_report(report: AuditReport, zip_path: Path, course: dict, tools: dict) -> None:
    t = area("audit", report.language)
    html = environment(__package__).get_template("report.html").render(
        report=report, course=course, package=zip_path.name, tools=tools, t=t, lang=report.language,
        counted=lambda code, n: counted(code, n, report.language),
        widths=f" {t['and']} ".join(map(str, WIDTHS)),
        date=datetime.date.today().isoformat(), statuses=(TESTED, PERSON, NOT_RELEVANT))
    with atomic_open(report.path) as file:
        file.write(html)


__all__ = ["AuditError", "AuditReport", "audit_zip"]
