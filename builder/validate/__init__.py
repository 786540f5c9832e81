"""`kursbygger validate`: judges any SCORM zip the way LMSs read it, with a severity for each finding.

error — an LMS refuses the package, or a learner cannot start it or hits a missing file;
warning — it breaks the specification but the common LMSs accept it (the message says what may go wrong elsewhere);
note — style.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..words import say
from .archive import check_entries, read_manifest
from .findings import Finding, Launch, Report
from .manifest import check_manifest, parse
from .xsd import PACKAGED, SchemasUnavailable, check_xsd

__all__ = ["Finding", "Launch", "Report", "SchemasUnavailable", "validate_zip"]


def validate_zip(path: Path, schemas_dir: Path | None = None) -> Report:
    """Checked against the XSDs in `schemas_dir`, by default those kursbygger ships; raises SchemasUnavailable when
    that folder lacks the XSDs the package needs."""
    report = Report(Path(path))
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        report.add("error", "not-found", say("validate.not-found"))
        return report
    except (zipfile.BadZipFile, OSError) as exc:
        report.add("error", "not-a-zip", say("validate.not-a-zip", detail=exc))
        return report
    with archive:
        names = check_entries(archive, report)
        data = read_manifest(archive, names, report)
    root = parse(data, report) if data is not None else None
    version = check_manifest(root, names, report) if root is not None else None
    if version:
        check_xsd(root, version, schemas_dir or PACKAGED, report)
    return report
