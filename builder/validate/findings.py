"""What `validate` found in a package: findings with a severity, and what each SCO will launch."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning", "note"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "note")
MANIFEST = "imsmanifest.xml"


@dataclass(frozen=True)
class Finding:
    severity: Severity
    code: str           # short stable name for scripts, e.g. "missing-file"
    message: str        # what is wrong, what the LMS does with it, what to do
    line: int | None = None   # line in imsmanifest.xml
    entry: str | None = None  # zip entry, for findings about the archive itself
    name: str | None = None   # what the finding is about, e.g. the missing file, when findings of a code are grouped

    @property
    def place(self) -> str:
        if self.line is not None:
            return f"{MANIFEST}:{self.line}"
        return self.entry or ""


@dataclass(frozen=True)
class Launch:
    """One thing a learner can open: an item (or, with no organization, a resource) and the file it starts."""

    item: str | None
    title: str
    resource: str
    scorm_type: str   # "sco" or "asset"
    href: str | None  # package path of the launch file, None when there is none
    parameters: str
    present: bool
    line: int


@dataclass
class Report:
    path: Path
    version: str | None = None
    findings: list[Finding] = field(default_factory=list)
    launches: list[Launch] = field(default_factory=list)
    xsd: str = "not run"  # "valid", "invalid" or "not run" (the manifest could not be read)

    def add(self, severity: Severity, code: str, message: str, line: int | None = None,
            entry: str | None = None, name: str | None = None) -> None:
        self.findings.append(Finding(severity, code, message, line, entry, name))

    def count(self, severity: Severity) -> int:
        return sum(f.severity == severity for f in self.findings)

    def failed(self, strict: bool = False) -> bool:
        """Errors always fail; with `strict`, warnings do too."""
        return bool(self.count("error") or (strict and self.count("warning")))

    @property
    def ok(self) -> bool:
        return not self.failed()
