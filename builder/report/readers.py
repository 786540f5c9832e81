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

from ..words import current, number, say, system_reason
from . import ods, xlsx
from .progress import progress
from .xmlsplit import Damaged

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old Excel (.xls), and also every password-protected workbook
ODS_MIME = b"application/vnd.oasis.opendocument.spreadsheet"
DEFAULT_MAX_MB = 4096


class ExportError(Exception):
    """An input the report refuses: a stable code (a key of the «report» words) and its facts, worded in the report's
    language (`lang`, set once the course is known) when shown; the terminal prints the code after the message."""

    def __init__(self, code: str, path: Path | None, lang: str | None = None, **params):
        super().__init__(code)  # before the course is known, the terminal's language (the report sets its own)
        self.code, self.path, self.lang, self.params = code, path, lang or current(), params

    def __str__(self) -> str:
        return f"{say(f'report.{self.code}', self.lang, path=self.path, **shown(self.params, self.lang))} [{self.code}]"


def shown(params: dict, lang: str) -> dict:
    """Facts as the report's language writes them: «4 096 MB», «rad 12 345», what is damaged and why the system
    refused the file in its words."""
    return {k: say(f"report.{v.code}", lang, **shown(v.facts, lang)) if isinstance(v, Damaged)
            else system_reason(v, lang) if isinstance(v, OSError)
            else number(v, 0, lang) if isinstance(v, (int, float)) and not isinstance(v, bool) else v
            for k, v in params.items()}


def check_size(path: Path, max_mb: float) -> int:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ExportError("file-unreadable", path, reason=exc) from None
    if size == 0:
        raise ExportError("file-empty", path)
    if size > max_mb * 1_000_000:
        raise ExportError("file-too-large", path, size=size / 1e6, max=max_mb)
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
            raise ExportError("file-damaged", path) from None
        if "xl/workbook.xml" in names:
            return "xlsx"
        if mimetype.strip() == ODS_MIME or "content.xml" in names:
            return "ods"
        if "imsmanifest.xml" in names:
            raise ExportError("package-as-export", path)
        raise ExportError("zip-not-spreadsheet", path)
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
        raise ExportError("not-text", path)
    first_line = start.splitlines()[0] if start else ""
    if first_line.lstrip().lower().startswith(("<!doctype", "<html", "<?xml")):
        raise ExportError("web-page", path)
    delimiter = "\t" if "\t" in first_line else ";" if first_line.count(";") > first_line.count(",") else ","
    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    line = 0
    try:
        for line, row in enumerate(csv.reader(text, delimiter=delimiter), 1):
            if not line % 4096:
                bar.update(handle.tell() - bar.n)
            yield row
    except UnicodeDecodeError:
        raise ExportError("not-utf8", path, row=line + 1) from None


def workbook_rows(path: Path, kind: str, bar) -> Iterator[list[str]]:
    """.xlsx streamed row by row (xlsx.py); old .xls through calamine, which loads the sheet first (.xls files are
    small: the format stops at 65,536 rows)."""
    if kind == "xlsx":
        try:
            yield from xlsx.rows(path, counter(bar))
        except Damaged as exc:
            raise ExportError("file-damaged-at", path, detail=exc) from None
        return
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        sheet = workbook.get_sheet_by_index(0)
    except python_calamine.PasswordError:
        raise ExportError("password", path) from None
    except Exception:  # noqa: BLE001 — calamine's errors name its internals; HR needs the file and what to do
        raise ExportError("file-damaged", path) from None
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
        raise ExportError("file-damaged-at", path, detail=exc) from None


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    return str(value).strip()
