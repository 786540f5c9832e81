"""The report as text for people and as JSON for scripts and CI (shape documented in docs/validate.md)."""

from __future__ import annotations

import json
from itertools import groupby

from ..course.problems import display_path
from ..words import say
from .findings import SEVERITIES, Finding, Launch, Report

SHOWN_LAUNCHES = 12  # a package with more SCOs (eXeLearning writes one per page) is summarised
GROUP_FROM = 3  # this many findings of one kind make one line (60 missing .mp3 files are one fault, not 60)
SHOWN_NAMES = 3


def text_report(report: Report, strict: bool = False) -> tuple[list[str], list[str], str]:
    """The findings (for stderr), what each SCO launches, and the verdict line."""
    name = display_path(report.path)
    findings = [f"{name}:{first.place}: {severity(first)}: {text}" if first.place else
                f"{name}: {severity(first)}: {text}" for first, text in grouped(report.findings)]
    launches = [f"{name}: {line}" for line in launch_lines(report.launches)]
    return findings, launches, f"{name}: {verdict(report, strict)}"


def severity(finding: Finding) -> str:
    return {"error": say("validate.error"), "warning": say("validate.warning"),
            "note": say("validate.note")}[finding.severity]


def grouped(findings: list[Finding]) -> list[tuple[Finding, str]]:
    """(the first finding, the text to show) per line: each finding alone, or a kind that recurs as one line that
    names its first few. Only findings that name what they are about (a missing file) are grouped: the others of
    one code can say different things (each XSD fault has its own message)."""
    def kind(finding: Finding) -> tuple:
        return SEVERITIES.index(finding.severity), finding.code, finding.name is None

    lines = []
    for (_, _, unnamed), same in groupby(sorted(findings, key=lambda f: (*kind(f), f.line or 0)), key=kind):
        same = list(same)
        if unnamed or len(same) < GROUP_FROM:
            lines += [(f, f.message) for f in same]
            continue
        others = [f.name for f in same[1:]]
        shown = ", ".join(others[:SHOWN_NAMES])
        if len(others) > SHOWN_NAMES:
            shown = say("validate.names-more", names=shown, more=len(others) - SHOWN_NAMES)
        lines.append((same[0], say("validate.group", count=len(same), message=same[0].message, names=shown)))
    return sorted(lines, key=lambda line: (SEVERITIES.index(line[0].severity), line[0].line or 0))


def launch_lines(launches: list[Launch]) -> list[str]:
    def line(launch: Launch) -> str:
        target = launch.href or say("validate.launch-nothing")
        target += f" {launch.parameters}" if launch.parameters else ""
        opener = (say("validate.launch-item", item=launch.item) if launch.item else
                  say("validate.launch-resource", resource=launch.resource))
        return say("validate.launch", type=launch.scorm_type, opener=opener, title=launch.title, target=target,
                   missing="" if launch.present else say("validate.launch-missing"))

    if len(launches) <= SHOWN_LAUNCHES:
        return [line(launch) for launch in launches]
    missing = [launch for launch in launches if not launch.present]
    present = [launch for launch in launches if launch.present]
    rest = [say("validate.launch-rest", more=len(present) - 3)]
    return [say("validate.launch-count", launches=len(launches), missing=len(missing)),
            *(f"  {line(launch)}" for launch in missing + present[:3]), *(rest if len(present) > 3 else [])]


def counts(report: Report) -> str:
    """«1 error, 4 warnings, 0 notes», in the singular or the plural each."""
    errors, warnings, notes = (report.count(s) for s in SEVERITIES)
    return ", ".join((say("validate.errors-one" if errors == 1 else "validate.errors", n=errors),
                      say("validate.warnings-one" if warnings == 1 else "validate.warnings", n=warnings),
                      say("validate.notes-one" if notes == 1 else "validate.notes", n=notes)))


def verdict(report: Report, strict: bool) -> str:
    """What Moodle will do with the package first, then what the official XSDs say: two separate judgements."""
    faults = sum(f.code.startswith("xsd") for f in report.findings)
    xsd = (say("validate.xsd-valid") if report.xsd == "valid" else
           say("validate.xsd-not-run") if report.xsd == "not run" else
           say("validate.xsd-invalid-one" if faults == 1 else "validate.xsd-invalid", faults=faults))
    if report.count("error"):
        return say("validate.verdict-invalid", counts=counts(report), xsd=xsd)
    moodle = say("validate.moodle", version=report.version, counts=counts(report))
    if report.failed(strict):
        return say("validate.verdict-strict", moodle=moodle, xsd=xsd)
    return say("validate.verdict-ok", moodle=moodle, xsd=xsd)


def as_json(report: Report, strict: bool = False) -> str:
    return json.dumps({
        "format": 1,
        "path": str(report.path),
        "valid": not report.failed(strict),
        "strict": strict,
        "version": report.version,
        "xsd": report.xsd,
        "counts": {s: report.count(s) for s in SEVERITIES},
        "findings": [vars(f) for f in report.findings],
        "launches": [vars(launch) for launch in report.launches],
    }, ensure_ascii=False, indent=2)
