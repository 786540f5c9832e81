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
from collections.abc import Mapping
from dataclasses import dataclass
from contextlib import contextmanager
from functools import lru_cache, partial
from itertools import chain, islice
from operator import itemgetter
from pathlib import Path

from .dates import parse
from .exports import SAMPLE_ROWS, recognise
from .exports.grammar import BASIC, Layout
from .items import add
from .readers import DEFAULT_MAX_MB, open_rows
from .status import DONE, PASSED, attempt_outcome, number
from .words import Refusal

BATCH = 10_000
ATTEMPT_COLUMNS = ("file", "row", "person", "name", "email", "number", "score", "outcome", "best", "status_known",
                   "answered", "quiz_attempts", "last", "stamp")


def getter(columns: list[int]):
    """A C-speed picker that always returns a tuple, even for one column."""
    if not columns:
        return lambda row: ()
    pick = itemgetter(*columns)
    return pick if len(columns) > 1 else lambda row: (pick(row),)


def pickers(layout: Layout):
    """Four pickers: every question id, every response, every right answer, every result of a row."""
    return [getter([group[k] for group in layout.questions]) for k in range(4)]


@dataclass
class Rule:
    """What the course says about its own completion, when the package or sources are given."""
    pass_mark: float | None = None
    completion: str | None = None  # "lessons", "quiz", "lessons-and-quiz"
    per_attempt: int | None = None  # questions drawn per quiz attempt


class Tally:
    """The exports read: answer counts and item sums per file, an SQLite table of attempts."""

    def __init__(self, db: sqlite3.Connection, rule: Rule):
        self.db = db
        self.rule = rule
        self.answers: list[Counter] = []  # per file: (question, right answer, response, result) → count
        self.items: list[Counter] = []  # per file: the item counts (items.add)
        self.kinds: list[str] = []  # per file: which report it is (exports.grammar's kinds)
        self.sco_titles: list[str] = []
        self.group_fields: list[str] = []  # identity-field headers, in the order first seen; column g<i>
        self.has_email = False

    def read(self, path: Path, max_mb: float = DEFAULT_MAX_MB) -> None:
        file_no = len(self.answers)
        counts: Counter = Counter()
        item_counts: Counter = Counter()
        batch: list[tuple] = []
        rule = self.rule
        per_attempt = rule.per_attempt
        stamp_of = lru_cache(maxsize=4096)(stamp)
        for line, found, row in scan(path, max_mb):
            if found is not None:
                layout = found
                kind = layout.kind
                # The same few scores, status words and dates recur in most rows: each is worked out once.
                outcome_of = lru_cache(maxsize=4096)(partial(outcome_and_best, rule, layout.status_words))
                absent = (layout.nothing, "")
                self.kinds.append(kind)
                self.sco_titles.append(layout.sco_title)
                self.has_email |= layout.email is not None
                groups = [(col, self.group_column(header)) for col, header in layout.groups.items()]
                insert = (f"INSERT INTO attempts ({', '.join(ATTEMPT_COLUMNS)}"
                          f"{''.join(f', g{g}' for _, g in groups)}) VALUES "
                          f"({', '.join('?' * (len(ATTEMPT_COLUMNS) + len(groups)))})")
                pick_question, pick_response, pick_right, pick_result = pickers(layout)
                status_known = kind != BASIC
                attempt_column, score_column, sco_column = layout.attempt, layout.score, layout.sco
                name_column, email_column, last_column = layout.name, layout.email, layout.last_access
                group_columns = [col for col, _ in groups]
                continue
            attempt = row[attempt_column].strip()
            started = attempt not in absent
            if started and not attempt.isdigit():
                raise Refusal("attempt-not-number", path, row=line, value=attempt)
            score, outcome, best = outcome_of(started, row[score_column] if started else "",
                                              row[sco_column] if sco_column is not None else None, status_known)
            questions = pick_question(row)
            answered = len(questions) - questions.count("")
            if answered:  # (the empty groups of a row that has answers are taken out of the count at the end)
                rights, results = pick_right(row), pick_result(row)
                counts.update(zip(questions, pick_response(row), rights, results))
                add(item_counts, questions, rights, results, per_attempt)
            name = row[name_column]
            email = row[email_column] if email_column is not None else ""
            last = row[last_column] if started else ""
            # The person as a 64-bit hash (of the e-mail, or the name when there is none): SQLite groups whole
            # numbers far faster than text, and a collision among a million people has odds of about 1 in 10^7.
            batch.append((file_no, line, hash(email.lower() or name), name, email, int(attempt) if started else 0,
                          score, outcome, best, status_known, answered, quiz_attempts(answered, per_attempt), last,
                          stamp_of(last) if last else None, *[row[col] for col in group_columns]))
            if len(batch) >= BATCH:
                self.db.executemany(insert, batch)
                batch.clear()
        if batch:
            self.db.executemany(insert, batch)
        counts.pop(("", "", "", ""), None)  # the empty groups of attempts with fewer answers than the widest
        self.answers.append(counts)
        self.items.append(item_counts)

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
            PARTITION BY person, number ORDER BY status_known DESC, answered DESC, file, row)
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
                    questions, responses, rights, results = (p(row) for p in pick)
                    self.answers[file_no].subtract(zip(questions, responses, rights, results))
                    dropped_items = Counter()
                    add(dropped_items, questions, rights, results, self.rule.per_attempt)
                    self.items[file_no].subtract(dropped_items)
            self.answers[file_no] = +self.answers[file_no]
        self.db.execute("DELETE FROM kept WHERE copy > 1")

    def people(self) -> None:
        """One row per learner: passed or completed when any attempt was, else what their latest attempt says;
        the attempt that did it (its last access is the date for the record) and the quiz attempts it took."""
        groups = "".join(f", MAX(g{i}) AS g{i}" for i in range(len(self.group_fields)))
        self.db.execute(f"""CREATE TABLE people AS SELECT person, MAX(name) AS name, MAX(email) AS email,
            SUM(number > 0) AS attempts, MAX(best) AS best,
            COALESCE(MAX(CASE WHEN outcome = '{PASSED}' THEN outcome END),
                     MAX(CASE WHEN outcome IN {DONE} THEN outcome END),
                     substr(MAX(printf('%06d', number) || outcome), 7)) AS status,
            MIN(CASE WHEN outcome IN {DONE} THEN number END) AS done_at,
            substr(MAX(printf('%06d', number) || last), 7) AS last, MAX(stamp) AS stamp,
            NULL AS done_last, NULL AS needed {groups}
            FROM kept GROUP BY person""")
        table = "attempts" if self.db.execute("SELECT type FROM sqlite_master WHERE name = 'kept'").fetchone()[0] \
            == "view" else "kept"
        self.db.execute(f"CREATE INDEX attempt_of ON {table} (person, number)")
        self.db.execute("""UPDATE people SET
            done_last = (SELECT last FROM kept k WHERE k.person = people.person AND k.number = people.done_at),
            needed = (SELECT SUM(MAX(quiz_attempts, 1)) FROM kept k WHERE k.person = people.person
                      AND k.number BETWEEN 1 AND people.done_at)
            WHERE done_at IS NOT NULL""")

    def one(self, sql: str, *args):
        return self.db.execute(sql, args).fetchone()[0]

    def all(self, sql: str, *args) -> list[tuple]:
        return self.db.execute(sql, args).fetchall()


def quiz_attempts(answered: int, per_attempt: int | None) -> int:
    """Quiz attempts made in one LMS attempt: each wrote its drawn questions as interactions."""
    if not answered:
        return 0
    return -(-answered // per_attempt) if per_attempt else 1


def outcome_and_best(rule: Rule, words: Mapping[str, str], started: bool, score_text: str, sco: str | None,
                     status_known: bool) -> tuple[float | None, str, float | None]:
    """An attempt's score, outcome and best score (the SCO column's when the export tells the status, else the
    score), from its score and SCO columns as written and the export's status words."""
    score = number(score_text) if score_text else None
    outcome = attempt_outcome(started, sco, score, rule.pass_mark, rule.completion, words)
    if not started:
        return score, outcome, None
    return score, outcome, (number(sco) if sco else None) if status_known else score


def stamp(last: str) -> str | None:
    """The last access, as written, in ISO form for sorting; None when it is not a date."""
    when = parse(last)
    return when.isoformat() if when else None


def scan(path: Path, max_mb: float):
    """(row number, layout, None) once, after the header, then (row number, None, row) for every attempt row."""
    with open_rows(path, max_mb) as rows:
        header = next(rows, None)
        sample = list(islice(rows, SAMPLE_ROWS))
        if header is None or not sample:
            raise Refusal("no-rows", path)
        layout: Layout = recognise(path, header, sample)
        yield 1, layout, None
        width = layout.width
        for line, row in enumerate(chain(sample, rows), 2):
            if len(row) < width:
                row.extend([""] * (width - len(row)))
            yield line, None, row


@contextmanager
def read_exports(paths: list[Path], rule: Rule, max_mb: float = DEFAULT_MAX_MB):
    with tempfile.TemporaryDirectory(prefix="kursbygger-report-") as folder:
        db = sqlite3.connect(Path(folder) / "attempts.db")
        try:
            db.execute("PRAGMA journal_mode = OFF")
            db.execute("PRAGMA synchronous = OFF")
            db.execute("PRAGMA cache_size = -16384")  # 16 MB of pages: sorts by person stay fast, memory bounded
            db.execute(f"CREATE TABLE attempts ({', '.join(ATTEMPT_COLUMNS)})")
            result = Tally(db, rule)
            for path in paths:
                result.read(path, max_mb)
            result.settle(paths, max_mb)
            result.people()
            yield result
        finally:
            db.close()
