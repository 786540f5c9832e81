"""Rows of an LMS export, whatever format it came in: the format is told by the file's first bytes, not its name.

Moodle offers three downloads (text, Excel, OpenDocument), older installations wrote .xls. Every reader yields
rows as lists of strings, one at a time, so a large export is never held whole by this module.
"""

from __future__ import annotations

import codecs
import csv
import datetime
import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import ods, xlsx
from .progress import progress
from .xmlsplit import Damaged

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Excel (.xls), and also every password-protected workbook
ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
DEFAULT_MAX_MB = 4096


class ExportError(Exception):
    """A file that cannot be read as a report export; the message says which file, why and what was expected."""


def check_size(path: Path, max_mb: float) -> int:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ExportError(f"{path}: cannot read the file ({exc.strerror})") from None
    if size == 0:
        raise ExportError(f"{path}: the file is empty; download the report again from the LMS")
    if size > max_mb * 1_000_000:
        raise ExportError(f"{path}: {size / 1e6:,.0f} MB is more than the {max_mb:,.0f} MB guard against absurd "
                          "inputs; if the file is right, raise it with --max-size")
    return size


def detect(path: Path) -> str:
    """'text', 'xlsx', 'ods' or 'xls', judged from the content."""
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = set(archive.namelist())
                mimetype = archive.read("mimetype")[:80] if "mimetype" in names else b""
        except (zipfile.BadZipFile, OSError, EOFError):
            raise ExportError(f"{path}: a damaged or cut-off zip file (an .xlsx or .ods download that did not "
                              "finish?); download the report again") from None
        if "xl/workbook.xml" in names:
            return "xlsx"
        if mimetype.strip() == ODS_MIME or "content.xml" in names:
            return "ods"
        if "imsmanifest.xml" in names:
            raise ExportError(f"{path}: this is a SCORM package, not a report export; give it with --package "
                              "ZIP and the LMS's report download as the export")
        raise ExportError(f"{path}: a zip file that is neither an Excel (.xlsx) nor an OpenDocument (.ods) "
                          "spreadsheet; expected the LMS's SCORM report download")
    if head.startswith(OLE):
        return "xls"
    return "text"


@contextmanager
def open_rows(path: Path, max_mb: float = DEFAULT_MAX_MB) -> Iterator[Iterator[list[str]]]:
    """The export's rows, header first; blank rows are skipped."""
    size = check_size(path, max_mb)
    kind = detect(path)
    with progress(path.name, size if kind == "text" else None) as bar:
        if kind == "text":
            with path.open("rb") as handle:
                yield non_blank(text_rows(path, handle, bar))
        elif kind == "ods":
            yield non_blank(ods_rows(path, bar))
        else:
            yield non_blank(workbook_rows(path, kind, bar))


def counter(bar):
    """What the spreadsheet readers call once per row: the bar's count, or nothing when no bar is shown."""
    return None if bar.disable else lambda: bar.update(1)


def non_blank(rows: Iterator[list[str]]) -> Iterator[list[str]]:
    return (row for row in rows if any(row))


def text_rows(path: Path, handle, bar) -> Iterator[list[str]]:
    """Moodle's "text format": tab-separated, quoted only where needed, UTF-8 (perhaps with a byte-order mark).
    A comma- or semicolon-separated file saved from a spreadsheet is read too."""
    head = handle.read(1 << 16)
    handle.seek(0)
    try:  # the start must be text; a character cut at the end of the block is fine
        start = codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
    except UnicodeDecodeError:
        start = "\0"
    if "\0" in start:
        raise ExportError(f"{path}: neither a spreadsheet nor a UTF-8 text export; expected the LMS's report "
                          "download in text, Excel or OpenDocument format")
    first_line = start.splitlines()[0] if start else ""
    if first_line.lstrip().lower().startswith(("<!doctype", "<html", "<?xml")):
        raise ExportError(f"{path}: a web page, not a report export (perhaps the LMS's log-in page was saved); "
                          "download the report again")
    delimiter = "\t" if "\t" in first_line else ";" if first_line.count(";") > first_line.count(",") else ","
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    line = 0
    try:
        for line, row in enumerate(csv.reader(text, delimiter=delimiter), 1):
            if not line % 4096:
                bar.update(handle.tell() - bar.n)
            yield row
    except UnicodeDecodeError:
        raise ExportError(f"{path}: from row {line + 1} on the text is no longer UTF-8; expected the LMS's text export "
                          "as it was downloaded") from None


def workbook_rows(path: Path, kind: str, bar) -> Iterator[list[str]]:
    """.xlsx streamed row by row (xlsx.py); old .xls through calamine, which loads the sheet first (.xls files are
    small: the format stops at 65,536 rows)."""
    if kind == "xlsx":
        try:
            yield from xlsx.rows(path, counter(bar))
        except Damaged as exc:
            raise ExportError(f"{path}: a damaged or cut-off Excel (.xlsx) file: {exc}; download the report "
                              "again, or in text format") from None
        return
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        sheet = workbook.get_sheet_by_index(0)
    except python_calamine.PasswordError:
        raise ExportError(f"{path}: the workbook is password-protected; save it without a password, or download "
                          "the text format") from None
    except Exception as exc:  # noqa: BLE001 — calamine's errors name its internals; HR needs the file and what to do
        raise ExportError(f"{path}: an old Excel (.xls) file that cannot be read, or a password-protected workbook "
                          f"({exc.__class__.__name__}); save it again, or download the report in text format") from None
    bar.reset(total=sheet.height)
    try:
        for row in sheet.iter_rows():
            bar.update(1)
            yield [value if value.__class__ is str else cell_text(value) for value in row]
    finally:
        workbook.close()


def ods_rows(path: Path, bar) -> Iterator[list[str]]:
    """OpenDocument, streamed from content.xml (ods.py)."""
    try:
        yield from ods.rows(path, counter(bar))
    except Damaged as exc:
        raise ExportError(f"{path}: a damaged or cut-off OpenDocument (.ods) file: {exc}; download the report "
                          "again") from None


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    return str(value).strip()
