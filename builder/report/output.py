"""Writing what HR files and the course owner reads: the HTML report, the two lists as CSV, the item analysis as
JSON. Each is written to a temporary file beside the target and moved into place only when complete, so a failure
never leaves half a report."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

from ..atomic import atomic_open
from ..words import number
from ..templating import environment
from .dates import show, shown
from .figures import Figures
from .status import DONE, FINISHED, ORDER
from .tally import Tally

FOLLOW = tuple(s for s in ORDER if s not in DONE and s != FINISHED)  # failed, in progress, unknown, not started
RANK = "CASE status " + " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(ORDER)) + " END"


def completed_list(tally: Tally) -> Iterator[tuple]:
    """Who has passed or completed: name, e-mail, status, the date of the attempt that did it, best score."""
    yield from tally.db.execute(f"SELECT name, email, status, done_last, best FROM people WHERE status IN {DONE} "
                                "ORDER BY name COLLATE NOCASE, email")


def follow_up(tally: Tally) -> Iterator[tuple]:
    """Who must be followed up (failed, in progress, not started; never anyone who passed or completed): name,
    e-mail, status, best score, last access."""
    yield from tally.db.execute(f"SELECT name, email, status, best, last FROM people WHERE status IN {FOLLOW} "
                                f"ORDER BY {RANK}, name COLLATE NOCASE, email")


def undecided(tally: Tally) -> Iterator[tuple]:
    """Finished attempts whose result is unknown without the pass mark: on neither list."""
    yield from tally.db.execute(f"SELECT name, email, status, best, last FROM people WHERE status = '{FINISHED}' "
                                "ORDER BY name COLLATE NOCASE, email")


def status_word(status: str, best: float | None, t: dict, lang: str = "nb") -> str:
    return t[f"status_{status}"].format(score=score_text(best, lang))


def score_text(score: float | None, lang: str = "nb") -> str:
    """A score as the page's language writes it («72,5», «72.5»); the CSV keeps bokmål's decimal comma, which
    Norwegian spreadsheets read."""
    if score is None:
        return ""
    return number(score, 0 if float(score).is_integer() else 1, lang)


def write_csv(dest: Path, tally: Tally, t: dict, lang: str) -> tuple[int, int]:
    """Both lists in one sheet, a column saying which list: UTF-8 with a byte-order mark and semicolons, what Excel
    with Norwegian settings opens by double-click. Returns how many are on each list."""
    done = follow = 0
    with atomic_open(dest, encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow([t["list"], t["name"], t["email"], t["status"], t["score"], t["date"]])
        for name, email, status, when, best in completed_list(tally):
            writer.writerow([t["list_done"], name, email, status_word(status, best, t), score_text(best),
                             shown(when or "", lang)])
            done += 1
        for name, email, status, best, last in follow_up(tally):
            writer.writerow([t["list_follow"], name, email, status_word(status, best, t), score_text(best),
                             shown(last or "", lang)])
            follow += 1
        for name, email, status, best, last in undecided(tally):
            writer.writerow([t["list_undecided"], name, email, status_word(status, best, t), score_text(best),
                             shown(last or "", lang)])
    return done, follow


def item_json(fig: Figures, course, lang: str) -> dict:
    """The item analysis for the course owner (and next year's refresher): stable ids, figures, flags."""
    return {
        "course": course.title if course else None, "version": course.version if course else None,
        "status_date": show(fig.status_date, "en"), "method": "corrected point-biserial correlation",
        "questions": [{
            "id": q.id, "right_answer_recorded": q.right_code, "text": q.question.text if q.question else None,
            "answered": q.answered, "right": q.right, "difficulty": q.item.difficulty,
            "discrimination": None if q.item.discrimination is None else round(q.item.discrimination, 4),
            "quiz_attempts": q.item.attempts, "flags": q.item.flags,
        } for q in sorted(fig.questions, key=lambda q: (q.id, q.right_code))],
    }


def write_json(dest: Path, data: dict) -> None:
    with atomic_open(dest) as out:
        json.dump(data, out, ensure_ascii=False, indent=2)
        out.write("\n")


def write_html(dest: Path, **context) -> None:
    with atomic_open(dest) as out:
        for chunk in environment(__package__).get_template("report.html").generate(**context):
            out.write(chunk)
