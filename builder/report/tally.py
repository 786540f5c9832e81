"""Reading the exports in one pass with memory bounded by questions × answer codes, not by learners.

Answers are counted in memory: one counter entry per (question, recorded right answer, response, result), however
many learners gave it. What is kept per attempt (person, attempt number, score, status, identity fields) goes to a
temporary SQLite file on disk, where joining a Basic and an Interactions export of the same attempts, and the
per-person and per-group figures, are plain SQL.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections import Counter
from contextlib import contextmanager
from itertools import chain, islice
from operator import itemgetter
from pathlib import Path

from .layout import SAMPLE_ROWS, Layout, find_layout, number
from .readers import DEFAULT_MAX_MB, ExportError, open_rows

BATCH = 10_000
ATTEMPT_COLUMNS = ("file", "row", "person", "name", "email", "number", "score", "graded", "status_known",
                   "answered", "has_status", "last")


def getter(columns: list[int]):
    """A C-speed picker that always returns a tuple, even for one column."""
    if not columns:
        return lambda row: ()
    pick = itemgetter(*columns)
    return pick if len(columns) > 1 else lambda row: (pick(row),)


def pickers(layout: Layout):
    """Four pickers: every question id, every response, every right answer, every result of a row."""
    return [getter([group[k] for group in layout.questions]) for k in range(4)]


class Tally:
    """The exports read: answer counts per file and an SQLite table of attempts."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.answers: list[Counter] = []  # per file: (question, right answer, response, result) → count
        self.group_fields: list[str] = []  # identity-field headers, in the order first seen; column g<i>

    def read(self, path: Path, max_mb: float = DEFAULT_MAX_MB) -> None:
        file_no = len(self.answers)
        counts: Counter = Counter()
        batch: list[tuple] = []
        for line, found, row in scan(path, max_mb):
            if found is not None:
                layout = found
                groups = [(col, self.group_column(header)) for col, header in layout.groups.items()]
                insert = (f"INSERT INTO attempts ({', '.join(ATTEMPT_COLUMNS)}"
                          f"{''.join(f', g{g}' for _, g in groups)}) VALUES "
                          f"({', '.join('?' * (len(ATTEMPT_COLUMNS) + len(groups)))})")
                pick = pickers(layout)
                status_known = layout.sco is not None or bool(layout.questions)
                continue
            attempt = row[layout.attempt]
            if not attempt.isdigit():
                raise ExportError(f"{path}: row {line}: the attempt number '{attempt}' is not a whole number; "
                                  "expected the LMS's report as downloaded")
            score = number(row[layout.score]) if row[layout.score] else None
            status = row[layout.sco] if layout.sco is not None and number(row[layout.sco]) is None else ""
            questions = pick[0](row)
            counts.update(zip(questions, pick[1](row), pick[2](row), pick[3](row)))
            name = row[layout.name]
            email = row[layout.email] if layout.email is not None else ""
            # The person as a 64-bit hash (of the e-mail, or the name when there is none): SQLite groups whole
            # numbers far faster than text, and a collision among a million people has odds of about 1 in 10^7.
            batch.append((file_no, line, hash(email.lower() or name), name, email, int(attempt), score,
                          not status and score is not None, status_known, len(questions) - questions.count(""),
                          bool(status), row[layout.last_access], *(row[col] for col, _ in groups)))
            if len(batch) >= BATCH:
                self.db.executemany(insert, batch)
                batch.clear()
        if batch:
            self.db.executemany(insert, batch)
        counts.pop(("", "", "", ""), None)  # the empty groups of attempts with fewer answers than the widest
        self.answers.append(counts)

    def group_column(self, header: str) -> int:
        key = header.strip()
        if key not in self.group_fields:
            self.group_fields.append(key)
            self.db.execute(f"ALTER TABLE attempts ADD COLUMN g{len(self.group_fields) - 1} TEXT")
        return self.group_fields.index(key)

    def settle(self, paths: list[Path], max_mb: float) -> None:
        """The same attempt may come from several exports (a Basic and an Interactions report): keep the copy
        that tells most, and take back the answers of the copies dropped. One export lists each attempt once."""
        if len(paths) == 1:
            self.db.execute("CREATE VIEW kept AS SELECT * FROM attempts")
            return
        self.db.execute("""CREATE TABLE kept AS SELECT * FROM (SELECT *, ROW_NUMBER() OVER (
            PARTITION BY person, number ORDER BY status_known DESC, answered DESC, has_status DESC, file, row)
            AS copy FROM attempts)""")
        dropped = self.db.execute("SELECT file, row FROM kept WHERE copy > 1 AND answered > 0 ORDER BY file")
        by_file: dict[int, set[int]] = {}
        for file_no, row in dropped:
            by_file.setdefault(file_no, set()).add(row)
        for file_no, rows in by_file.items():
            pick = None
            for line, found, row in scan(paths[file_no], max_mb):
                if found is not None:
                    pick = pickers(found)
                elif line in rows:
                    self.answers[file_no].subtract(zip(*(p(row) for p in pick)))
            self.answers[file_no] = +self.answers[file_no]
        self.db.execute("DELETE FROM kept WHERE copy > 1")

    def people(self, passing: float | None) -> None:
        groups = "".join(f", MAX(g{i}) AS g{i}" for i in range(len(self.group_fields)))
        self.db.execute(f"""CREATE TABLE people AS SELECT person, MAX(name) AS name, MAX(email) AS email,
            COUNT(*) AS attempts, MAX(CASE WHEN graded THEN score END) AS best, MAX(graded) AS completed,
            MIN(CASE WHEN graded AND score >= ? THEN number END) AS passed_at,
            substr(MAX(printf('%06d', number) || last), 7) AS last {groups}
            FROM kept GROUP BY person""", (passing,))

    def one(self, sql: str, *args):
        return self.db.execute(sql, args).fetchone()[0]

    def all(self, sql: str, *args) -> list[tuple]:
        return self.db.execute(sql, args).fetchall()


def scan(path: Path, max_mb: float):
    """(row number, layout, None) once, after the header, then (row number, None, row) for every attempt row."""
    with open_rows(path, max_mb) as rows:
        header = next(rows, None)
        sample = list(islice(rows, SAMPLE_ROWS))
        if header is None or not sample:
            raise ExportError(f"{path}: the export has no attempts (no rows under the header); expected a report "
                              "downloaded after people have taken the course")
        layout: Layout = find_layout(path, header, sample)
        yield 1, layout, None
        width = layout.width
        for line, row in enumerate(chain(sample, rows), 2):
            if len(row) < width:
                row.extend([""] * (width - len(row)))
            yield line, None, row


@contextmanager
def read_exports(paths: list[Path], passing: float | None, max_mb: float = DEFAULT_MAX_MB):
    with tempfile.TemporaryDirectory(prefix="kursbygger-report-") as folder:
        db = sqlite3.connect(Path(folder) / "attempts.db")
        try:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            db.execute("PRAGMA cache_size = -16384")  # 16 MB of pages: sorts by person stay fast, memory bounded
            db.execute(f"CREATE TABLE attempts ({', '.join(ATTEMPT_COLUMNS)})")
            result = Tally(db)
            for path in paths:
                result.read(path, max_mb)
            result.settle(paths, max_mb)
            result.people(passing)
            yield result
        finally:
            db.close()
