"""HR report from the LMS's own exports:
`kursbygger report EXPORT… [--package ZIP | --source DIR] [--out FILE] [--names] [--csv FILE]`.

readers (format by content) → layout (columns by structure) → tally (one streamed pass, SQLite for attempts)
→ figures (with course_info's words when the package or sources are given) → output (HTML, CSV)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .course_info import CourseInfo, from_package, from_source
from .figures import Figures, figures
from .output import follow_up, score_text, status_word, write_csv, write_html
from .readers import DEFAULT_MAX_MB, ExportError
from .responses import describe_response, right_answer
from .tally import read_exports
from .words import WORDS


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


def course_for(request: Request) -> CourseInfo | None:
    if request.package is not None:
        return from_package(request.package)
    if request.source is not None:
        return from_source(request.source)
    return None


def run(request: Request) -> tuple[Figures, list[str]]:
    """Reads the exports, writes the HTML report (and the CSV list when asked); returns the figures and the lines
    of the terminal summary. Raises ExportError (or SourceError for --source) with a clear message."""
    course = course_for(request)
    passing = request.passing_score if request.passing_score is not None else (
        course.passing_score if course is not None else None)
    exports = [Path(p) for p in request.exports]
    with read_exports(exports, passing, request.max_mb) as counted:
        fig = figures(exports, counted, course, passing)
        lang = course.language if course is not None else "nb"
        t = WORDS[lang]
        write_html(request.out, course=course, fig=fig, lang=lang, t=t, names=request.names,
                   files=[p.name for p in exports], describe=describe_response, right_answer=right_answer,
                   lessons=lesson_rows(fig, course), people=follow_up(counted) if request.names else (),
                   status_word=status_word, score_text=score_text, pct=pct)
        listed = write_csv(request.csv, counted, passing is not None, t) if request.csv is not None else None
    return fig, summary_lines(fig, listed, request.csv)


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


def summary_lines(fig: Figures, listed: int | None, csv_path: Path | None) -> list[str]:
    completed = (f"{pct(fig.completion_rate)} completed" if fig.completion_known
                 else "completion unknown (add the Interactions report: the Basic report shows no status)")
    passed = (f"{pct(fig.pass_rate)} passed" if fig.pass_rate is not None
              else "pass rate unknown (give --package, --source or --passing-score)")
    lines = [f"{fig.learners} learners, {fig.attempts} attempts: {completed}, {passed}"]
    if fig.hardest(1):
        hardest = fig.hardest(1)[0]
        lines.append(f"hardest question: {hardest.id} ({pct(hardest.rate)} right)")
    if fig.unknown_ids:
        lines.append(f"not in the course's quiz (counted apart): {', '.join(fig.unknown_ids)}")
    if fig.mixed_ids or fig.other_versions:
        ids = sorted(set(fig.mixed_ids) | {q.id for q in fig.other_versions} - set(fig.unknown_ids))
        if ids:
            lines.append(f"answers from another version of the course (counted apart): {', '.join(ids)}")
    if csv_path is not None:
        lines.append(f"{listed} people to follow up written to {csv_path}")
    return lines


__all__ = ["run", "Request", "ExportError", "WORDS"]
