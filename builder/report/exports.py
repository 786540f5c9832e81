"""Read Moodle's SCORM report downloads (Basic and Interactions reports; text or Excel).

Columns are found by structure and by the shape of their values, not by English header words: an export from a
Norwegian-language Moodle has translated headers but the same layout — the learner's name first, an e-mail
column, an attempt number, two dates, the score, one column per SCO, then numbered groups of four columns
(question, response, right answer, result).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
NUMBERED = re.compile(r"^(.*?)\s*(\d+)$")
RESULTS = {"correct", "wrong", "incorrect", "unanticipated", "neutral"}
MAX_BYTES = 50_000_000


class ExportError(Exception):
    """A file that cannot be read as a report export; the message says which file and why."""


@dataclass
class Answer:
    question: str
    response: str
    right_answer: str
    result: str  # as the LMS wrote it


@dataclass
class Attempt:
    name: str
    email: str
    number: int
    score: float | None  # None when the LMS has no score for the attempt
    status_text: str = ""  # the SCO column when it holds a word (e.g. "Incomplete") instead of a score
    answers: list[Answer] = field(default_factory=list)
    source: str = ""
    # The Basic report has no SCO status column, so an unfinished attempt looks like a score of 0 there.
    status_known: bool = True

    @property
    def graded(self) -> bool:
        """A word in the SCO column (Moodle writes e.g. "Incomplete") means the SCO reported no score."""
        return not self.status_text and self.score is not None

    @property
    def person(self) -> tuple[str, str]:
        return (self.email.lower() or self.name, self.name)


def read_rows(path: Path) -> list[list[str]]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ExportError(f"{path}: cannot read the file ({exc.strerror})") from None
    if size == 0:
        raise ExportError(f"{path}: the file is empty; download the report again from the LMS")
    if size > MAX_BYTES:
        raise ExportError(f"{path}: {size:,} bytes is more than the {MAX_BYTES:,} byte limit")
    with path.open("rb") as handle:
        head = handle.read(8)
    if head.startswith(b"PK"):
        return xlsx_rows(path)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise ExportError(f"{path}: this is an encrypted (password-protected) or old-style Excel file; save it "
                          "without a password as .xlsx, or download the text format")
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExportError(f"{path}: not a text export (not UTF-8) and not an Excel file") from None
    return [row for row in csv.reader(io.StringIO(text), delimiter="\t") if any(cell.strip() for cell in row)]


def xlsx_rows(path: Path) -> list[list[str]]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ExportError(f"{path}: not a readable Excel (.xlsx) file ({exc.__class__.__name__})") from None
    try:
        sheet = workbook.worksheets[0]
        return [[cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)
                if any(v not in (None, "") for v in row)]
    finally:
        workbook.close()


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def parse_number(text: str) -> float | None:
    try:
        return float(text.replace(",", ".").replace("%", "").strip())
    except ValueError:
        return None


def find_layout(path: Path, header: list[str], rows: list[list[str]]) -> dict:
    """Which column holds what, judged from the header's numbering and the values underneath."""
    width = len(header)
    column = lambda i: [r[i] if i < len(r) else "" for r in rows]  # noqa: E731
    email = next((i for i in range(width) if rows and all(EMAIL.match(v) for v in column(i) if v)
                  and any(column(i))), None)
    attempt = next((i for i in range(width) if i != email and rows and column(i)
                    and all(v.isdigit() and int(v) >= 1 for v in column(i))), None)
    groups: list[tuple[int, int, int, int]] = []
    i = 0
    while i + 3 < width:
        numbers = [NUMBERED.match(header[i + k]) for k in range(4)]
        if all(numbers) and len({m.group(2) for m in numbers}) == 1 \
                and all(v.lower() in RESULTS | {""} for v in column(i + 3)):
            groups.append((i, i + 1, i + 2, i + 3))
            i += 4
        else:
            i += 1
    if attempt is None:
        raise ExportError(f"{path}: not a SCORM report export from the LMS: no column of attempt numbers found")
    first_group = groups[0][0] if groups else width
    # Between the attempt number and the questions: two dates, the score, then one column per SCO.
    numeric_after = [i for i in range(attempt + 1, first_group)
                     if all(parse_number(v) is not None for v in column(i) if v) and any(column(i))]
    score = numeric_after[0] if numeric_after else None
    sco = [i for i in range(attempt + 1, first_group) if i != score and i > (score if score is not None else attempt)]
    name = next((i for i in range(width) if i not in (email, attempt)), 0)
    return {"name": name, "email": email, "attempt": attempt, "score": score, "sco": sco, "groups": groups}


def read_export(path: Path) -> list[Attempt]:
    rows = read_rows(Path(path))
    if len(rows) < 2:
        raise ExportError(f"{path}: the export has no attempts (only {len(rows)} row); has anyone taken the course?")
    header, data = rows[0], rows[1:]
    layout = find_layout(path, header, data)
    attempts = []
    for line, row in enumerate(data, 2):
        row = row + [""] * (len(header) - len(row))
        cell = lambda i: row[i] if i is not None and i < len(row) else ""  # noqa: E731
        try:
            number = int(cell(layout["attempt"]))
        except ValueError:
            raise ExportError(f"{path}:{line}: attempt number '{cell(layout['attempt'])}' is not a number") from None
        status = next((cell(i) for i in layout["sco"] if cell(i) and parse_number(cell(i)) is None), "")
        answers = [Answer(cell(q), cell(r), cell(a), cell(res).lower())
                   for q, r, a, res in layout["groups"] if cell(q)]
        attempts.append(Attempt(cell(layout["name"]), cell(layout["email"]), number,
                                parse_number(cell(layout["score"])) if cell(layout["score"]) else None,
                                status, answers, source=str(path),
                                status_known=bool(layout["sco"] or answers)))
    return attempts


def merge(exports: list[list[Attempt]]) -> list[Attempt]:
    """The same attempt may come from a Basic and an Interactions report: keep one, with its answers."""
    merged: dict[tuple, Attempt] = {}
    for attempts in exports:
        for attempt in attempts:
            key = (attempt.person[0], attempt.number)
            known = merged.get(key)
            if known is None or weight(attempt) > weight(known):
                merged[key] = attempt
    return sorted(merged.values(), key=lambda a: (a.person, a.number))


def weight(attempt: Attempt) -> tuple[bool, int, bool]:
    """Which copy of an attempt tells more: one that knows its status, then the one with more answers."""
    return attempt.status_known, len(attempt.answers), bool(attempt.status_text)
