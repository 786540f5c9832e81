"""The report as text for people and as JSON for scripts and CI (shape documented in docs/validate.md)."""

from __future__ import annotations

import json
from itertools import groupby

from ..course.problems import display_path
from .findings import SEVERITIES, Finding, Launch, Report

SHOWN_LAUNCHES = 12  # a package with more SCOs (eXeLearning writes one per page) is summarised
GROUP_FROM = 3  # this many findings of one kind make one line (60 missing .mp3 files are one fault, not 60)
SHOWN_NAMES = 3


def text_report(report: Report, strict: bool = False) -> tuple[list[str], list[str], str]:
    """The findings (for stderr), what each SCO launches, and the verdict line."""
    name = display_path(report.path)
    findings = [f"{name}:{first.place}: {first.severity}: {text}" if first.place else
                f"{name}: {first.severity}: {text}" for first, text in grouped(report.findings)]
    launches = [f"{name}: {line}" for line in launch_lines(report.launches)]
    return findings, launches, f"{name}: {verdict(report, strict)}"


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
        shown = ", ".join(others[:SHOWN_NAMES]) + (f" and {len(others) - SHOWN_NAMES} more"
                                                   if len(others) > SHOWN_NAMES else "")
        lines.append((same[0], f"[{len(same)}×] {same[0].message}. The same for {shown} "
                               "(--format json lists each)"))
    return sorted(lines, key=lambda line: (SEVERITIES.index(line[0].severity), line[0].line or 0))


def launch_lines(launches: list[Launch]) -> list[str]:
    def line(launch: Launch) -> str:
        target = (launch.href or "(nothing)") + (f" {launch.parameters}" if launch.parameters else "")
        state = "" if launch.present else "  [MISSING]"
        opener = f"item '{launch.item}'" if launch.item else f"resource '{launch.resource}'"
        return f"{launch.scorm_type} {opener} «{launch.title}» launches {target}{state}"

    if len(launches) <= SHOWN_LAUNCHES:
        return [line(launch) for launch in launches]
    missing = [launch for launch in launches if not launch.present]
    present = [launch for launch in launches if launch.present]
    rest = [f"  … and {len(present) - 3} more whose launch files are present (--format json lists every one)"]
    return [f"{len(launches)} launchable items, {len(missing)} with a missing launch file:",
            *(f"  {line(launch)}" for launch in missing + present[:3]), *(rest if len(present) > 3 else [])]


def verdict(report: Report, strict: bool) -> str:
    """What Moodle will do with the package first, then what the official XSDs say: two separate judgements."""
    counts = ", ".join(f"{report.count(s)} {s}{'s' if report.count(s) != 1 else ''}" for s in SEVERITIES)
    faults = sum(f.code.startswith("xsd") for f in report.findings)
    xsd = {"valid": "the official XSDs find no fault",
           "invalid": f"the official XSDs find {faults} fault{'s' if faults != 1 else ''} (the xsd warnings above), "
                      "which tools that check them, such as ADL's test suite, reject",
           "not run": "the XSDs were not run, as the manifest could not be read"}[report.xsd]
    if report.count("error"):
        return f"INVALID: Moodle refuses it or learners hit the errors above ({counts}); {xsd}"
    moodle = f"Moodle imports it and runs it as SCORM {report.version} ({counts})"
    if report.failed(strict):
        return f"INVALID with --strict, where warnings count: {moodle}; {xsd}"
    return f"OK: {moodle}; {xsd}"


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
