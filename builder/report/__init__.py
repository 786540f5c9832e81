"""HR report from the LMS's own exports:
`kursbygger report EXPORT… [--package ZIP | --source DIR] [--out FILE] [--names] [--csv FILE] [--json FILE]`.

readers (format by content) → exports (the registered LMS grammars: which column holds what, the status words) →
tally (one streamed pass, SQLite for attempts, status per attempt from status.py) → figures (with course_info's words
and rule when the package or sources are given) → output (HTML, CSV, JSON). Every word and message is in words.py, in bokmål, nynorsk and English."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .course_info import CourseInfo, from_package, from_source
from .dates import show, shown
from .figures import Figures, figures
from .items import EASY, HARD, MIN_ANSWERS
from .exports import identity_field
from .output import (completed_list, follow_up, item_json, score_text, status_word, undecided, write_csv,
                     write_html, write_json)
from .readers import DEFAULT_MAX_MB, ExportError
from .responses import describe_response, quoted, right_answer
from .tally import Rule, read_exports
from .words import WORDS, Refusal, say


@dataclass
class Request:
    exports: list[Path]
    out: Path
    package: Path | None = None
    source: Path | None = None
    names: bool = False
    csv: Path | None = None
    passing_score: float | None = None
    max_mb: float = DEFAULT_MAX_MB
    lang: str | None = None  # nb, nn or en; by default the course's language, else bokmål
    json: Path | None = None


def course_for(request: Request) -> CourseInfo | None:
    if request.package is not None:
        return from_package(request.package)
    if request.source is not None:
        return from_source(request.source)
    return None


def run(request: Request) -> tuple[Figures, list[str]]:
    """Reads the exports, writes the HTML report (and the CSV lists and JSON item analysis when asked); returns the
    figures and the lines of the terminal summary. Raises Refusal (or SourceError for --source), in the report's
    language."""
    lang = request.lang or "nb"
    try:
        course = course_for(request)
        if request.lang is None and course is not None and course.language in WORDS:
            lang = course.language
        return report(request, course, lang)
    except Refusal as exc:
        exc.lang = lang
        raise


def report(request: Request, course: CourseInfo | None, lang: str) -> tuple[Figures, list[str]]:
    passing = request.passing_score if request.passing_score is not None else (
        course.passing_score if course is not None else None)
    rule = Rule(passing, course.completion if course else None, course.per_attempt if course else None)
    exports = [Path(p) for p in request.exports]
    t = WORDS[lang]
    with read_exports(exports, rule, request.max_mb) as counted:
        fig = figures(exports, counted, course, passing)
        lists = {"done": list(completed_list(counted)), "follow": list(follow_up(counted)),
                 "undecided": list(undecided(counted))} if request.names else None
        write_html(request.out, course=course, fig=fig, lang=lang, t=t, say=say, lists=lists,
                   files=[p.name for p in exports], describe=describe_response, quoted=quoted, right_answer=right_answer,
                   lessons=lesson_rows(fig, course), status_word=partial(status_word, lang=lang),
                   score_text=partial(score_text, lang=lang), pct=pct,
                   date=lambda text: shown(text or "", lang), when=show(fig.status_date, lang, time=False),
                   min_answers=MIN_ANSWERS, easy=EASY, hard=HARD, field_name=lambda header: field_name(header, t))
        listed = write_csv(request.csv, counted, t, lang) if request.csv is not None else None
        if request.json is not None:
            write_json(request.json, item_json(fig, course, lang))
    return fig, summary_lines(fig, listed, request, lang)


def field_name(header: str, t: dict[str, str]) -> str:
    """An identity field's column as the page names it: Moodle's own fields in the report's language, whatever
    language the download's headers are in; a site's own profile field by its header."""
    field = identity_field(header)
    return t[f"field_{field}"] if field else header


def few(ids: list[str], shown: int = 8) -> str:
    """A terminal line, not a page: the first few ids and how many in all."""
    return ", ".join(ids[:shown]) + (f", … ({len(ids)})" if len(ids) > shown else "")


def pct(share: float | None) -> str:
    return "–" if share is None else f"{round(share * 100)} %"


def lesson_rows(fig: Figures, course: CourseInfo | None) -> list[tuple[str, int, int]]:
    """Per lesson of the course: its title, right answers and all answers to its questions."""
    if course is None:
        return []
    per = {lesson: [0, 0] for lesson in course.lessons}
    for q in fig.questions:
        if q.question is not None and q.question.lesson in per:
            per[q.question.lesson][0] += q.right
            per[q.question.lesson][1] += q.answered
    return [(course.lessons[lesson], right, answered) for lesson, (right, answered) in per.items() if answered]


def summary_lines(fig: Figures, listed: tuple[int, int] | None, request: Request, lang: str) -> list[str]:
    s = fig.status
    lines = [say(lang, f"sum_headline_{fig.headline}", done=fig.done, n=fig.enrolled, date=show(fig.status_date, lang, time=False)),
             say(lang, "sum_counts", failed=s["failed"], open=s["open"], not_started=s["not_started"],
                 finished=s["finished"], unknown=s["unknown"])]
    if not fig.pass_known:
        lines.append(say(lang, "sum_no_pass_mark"))
    if not fig.status_known:
        lines.append(say(lang, "note_basic"))
    if fig.another_version:
        lines.append(say(lang, "note_another_version", missing=fig.another_version[0], n=fig.another_version[1]))
    if fig.hardest(1):
        hardest = fig.hardest(1)[0]
        lines.append(say(lang, "sum_hardest", id=hardest.id, pct=pct(hardest.rate)))
    if fig.unknown_ids:
        lines.append(say(lang, "sum_unknown_ids", ids=few(fig.unknown_ids)))
    versions = sorted(set(fig.mixed_ids) | {q.id for q in fig.other_versions} - set(fig.unknown_ids))
    if versions:
        lines.append(say(lang, "sum_other_versions", ids=few(versions)))
    if request.csv is not None and listed is not None:
        lines.append(say(lang, "sum_csv", done=listed[0], follow=listed[1], path=request.csv))
    if request.json is not None:
        lines.append(say(lang, "sum_json", path=request.json))
    lines.append(say(lang, "sum_written", path=request.out))
    return lines


__all__ = ["run", "Request", "Refusal", "WORDS"]
