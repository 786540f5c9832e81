"""The report as text for people and as JSON for scripts and CI (shape documented in docs/validate.md)."""

from __future__ import annotations

import json

from ..problems import display_path
from .findings import SEVERITIES, Launch, Report

SHOWN_LAUNCHES = 12  # a package with more SCOs (eXeLearning writes one per page) is summarised


def text_report(report: Report, strict: bool = False) -> tuple[list[str], list[str], str]:
    """The findings (for stderr), what each SCO launches, and the verdict line."""
    name = display_path(report.path)
    findings = [f"{name}:{f.place}: {f.severity}: {f.message}" if f.place else f"{name}: {f.severity}: {f.message}"
                for f in sorted(report.findings, key=lambda f: (SEVERITIES.index(f.severity), f.line or 0))]
    launches = [f"{name}: {line}" for line in launch_lines(report.launches)]
    return findings, launches, f"{name}: {verdict(report, strict)}"


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
    counts = ", ".join(f"{report.count(s)} {s}{'s' if report.count(s) != 1 else ''}" for s in SEVERITIES)
    xsd = {"valid": "valid against the official XSDs", "invalid": "breaks the official XSDs",
           "not checked": "XSDs not checked: give --schemas or set SCORM_SCHEMAS_DIR",
           "not run": "XSDs not run: the manifest could not be read"}[report.xsd]
    if report.failed(strict):
        why = "errors" if report.count("error") else "warnings count with --strict"
        return f"INVALID ({counts}; {why}; {xsd})"
    return f"valid SCORM {report.version} package ({counts}; {xsd})"


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
