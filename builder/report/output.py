"""Writing what HR reads: the HTML report and the follow-up list as CSV. Both are written to a temporary file
beside the target and moved into place only when complete, so a failure never leaves half a report."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import jinja2

from ..atomic import atomic_open
from .tally import Tally

FOLLOW_UP = ("SELECT name, email, completed, passed_at, best, last FROM people WHERE passed_at IS NULL "
             "ORDER BY completed, name COLLATE NOCASE, email")


def follow_up(tally: Tally) -> Iterator[tuple]:
    """Everyone who has not passed, those who have not finished first: the list for a reminder."""
    yield from tally.db.execute(FOLLOW_UP)


def status_word(completed: int, passed_at: int | None, pass_known: bool, t: dict) -> str:
    if passed_at:
        return t["status_passed"]
    if not completed:
        return t["status_incomplete"]
    return t["status_failed"] if pass_known else t["status_completed"]


def score_text(score: float | None) -> str:
    """Norwegian spreadsheets read a decimal comma."""
    if score is None:
        return ""
    return str(int(score)) if float(score).is_integer() else f"{score:.1f}".replace(".", ",")


def write_csv(dest: Path, tally: Tally, pass_known: bool, t: dict) -> int:
    """UTF-8 with a byte-order mark and semicolons: what Excel with Norwegian settings opens by double-click."""
    count = 0
    with atomic_open(dest, encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow([t["name"], t["email"], t["status"], t["best"], t["last_access"]])
        for name, email, completed, passed_at, best, last in follow_up(tally):
            writer.writerow([name, email, status_word(completed, passed_at, pass_known, t), score_text(best), last])
            count += 1
    return count


def write_html(dest: Path, **context) -> None:
    env = jinja2.Environment(loader=jinja2.PackageLoader("builder.report", "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    with atomic_open(dest) as out:
        for chunk in env.get_template("report.html").generate(**context):
            out.write(chunk)
