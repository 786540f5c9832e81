"""Figures for HR from the tallied exports: who completed and passed, which questions and wrong answers are common,
per group; with the course's own words when it is known."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Question
from .course_info import CourseInfo
from .readers import ExportError
from .responses import right_codes
from .tally import Tally

SMALL_GROUP = 5  # groups smaller than this are merged, so no one can be picked out of a group's figures


@dataclass
class QuestionFigures:
    id: str
    right_code: str  # the right answer as the LMS recorded it: it tells versions of a question apart
    answered: int = 0
    right: int = 0
    wrong: Counter = field(default_factory=Counter)  # response code → count
    question: Question | None = None

    @property
    def rate(self) -> float:
        return self.right / self.answered if self.answered else 0.0


@dataclass
class GroupRow:
    label: str
    learners: int
    completed: int
    passed: int | None


@dataclass
class Figures:
    learners: int
    attempts: int
    completed: int
    passed: int | None  # None when the pass mark is unknown
    completion_known: bool
    passing_score: float | None
    attempts_needed: list[tuple[int, int]]
    score_bins: list[tuple[str, int]]
    questions: list[QuestionFigures]  # hardest first; with a course, only those that match its quiz
    other_versions: list[QuestionFigures]  # a question id whose recorded right answer differs from the quiz's
    unknown_ids: list[str]  # question ids the course's quiz does not have
    mixed_ids: list[str]  # question ids recorded with more than one right answer: several versions in the export
    groups: dict[str, list[GroupRow]]  # identity field → rows, small groups merged

    @property
    def completion_rate(self) -> float:
        return self.completed / self.learners if self.learners else 0.0

    @property
    def pass_rate(self) -> float | None:
        return None if self.passed is None else self.passed / self.learners if self.learners else 0.0

    def hardest(self, n: int = 3) -> list[QuestionFigures]:
        return [q for q in self.questions if q.answered > q.right][:n]


def question_figures(counts: Counter) -> dict[tuple[str, str], QuestionFigures]:
    found: dict[tuple[str, str], QuestionFigures] = {}
    for (qid, response, right_code, result), n in counts.items():
        if not qid:
            continue
        figures = found.setdefault((qid, right_code), QuestionFigures(qid, right_code))
        figures.answered += n
        if result.lower() == "correct":
            figures.right += n
        else:
            figures.wrong[response] += n
    return found


def check_course(paths: list[Path], tally: Tally, course: CourseInfo) -> None:
    """An export whose questions are none of the quiz's is from another course: say so rather than report it."""
    for path, counts in zip(paths, tally.answers):
        ids = {qid for qid, *_ in counts if qid}
        if ids and not ids & course.questions.keys():
            shown = ", ".join(sorted(ids)[:5]) + (", …" if len(ids) > 5 else "")
            raise ExportError(f"{path}: none of its {len(ids)} question ids ({shown}) are in the quiz of "
                              f"«{course.title}» from {course.origin}; expected an export of that course "
                              "(check that the export and --package/--source belong together)")


def figures(paths: list[Path], tally: Tally, course: CourseInfo | None, passing: float | None) -> Figures:
    if course is not None:
        check_course(paths, tally, course)
    counts = sum(tally.answers, Counter())
    variants = question_figures(counts)
    per_id = Counter(qid for qid, _ in variants)
    mixed = sorted(qid for qid, n in per_id.items() if n > 1)
    questions, other, unknown = [], [], set()
    for (qid, right_code), f in variants.items():
        if course is None:
            questions.append(f)
        elif qid not in course.questions:
            unknown.add(qid)
            other.append(f)
        elif right_code in right_codes(course.questions[qid]):
            f.question = course.questions[qid]
            questions.append(f)
        else:
            other.append(f)
    order = lambda f: (f.rate, -f.answered, f.id, f.right_code)  # noqa: E731
    learners = tally.one("SELECT COUNT(*) FROM people")
    bins = dict(tally.all("SELECT MAX(0, MIN(CAST(score / 10 AS INTEGER), 9)) AS bin, COUNT(*) FROM kept "
                          "WHERE graded GROUP BY bin"))
    return Figures(
        learners=learners,
        attempts=tally.one("SELECT COUNT(*) FROM kept"),
        completed=tally.one("SELECT COUNT(*) FROM people WHERE completed"),
        passed=None if passing is None else tally.one("SELECT COUNT(*) FROM people WHERE passed_at IS NOT NULL"),
        completion_known=bool(tally.one("SELECT MIN(status_known) FROM kept")),
        passing_score=passing,
        attempts_needed=tally.all("SELECT passed_at, COUNT(*) FROM people WHERE passed_at IS NOT NULL "
                                  "GROUP BY passed_at ORDER BY passed_at"),
        score_bins=[(f"{b * 10}–{b * 10 + 9 if b < 9 else 100}", bins.get(b, 0)) for b in range(10)],
        questions=sorted(questions, key=order), other_versions=sorted(other, key=order),
        unknown_ids=sorted(unknown), mixed_ids=mixed,
        groups=group_rows(tally, learners, passing is not None),
    )


def group_rows(tally: Tally, learners: int, pass_known: bool) -> dict[str, list[GroupRow]]:
    """Completion and pass rate per value of each identity field. A field with about as many values as people
    (a user name, an employee number) says nothing about groups and is left out."""
    tables = {}
    for i, header in enumerate(tally.group_fields):
        distinct = tally.one(f"SELECT COUNT(DISTINCT g{i}) FROM people WHERE g{i} != ''")
        if distinct < 2 or distinct > learners / SMALL_GROUP:
            continue
        rows = [GroupRow(value, n, done, passed if pass_known else None) for value, n, done, passed in tally.all(
            f"SELECT COALESCE(NULLIF(g{i}, ''), '') AS value, COUNT(*), SUM(completed > 0), "
            f"SUM(passed_at IS NOT NULL) FROM people GROUP BY value ORDER BY value")]
        tables[header] = merge_small(rows, pass_known)
    return {header: rows for header, rows in tables.items() if len(rows) > 1}


def merge_small(rows: list[GroupRow], pass_known: bool) -> list[GroupRow]:
    """Groups under five people (and people with no value) go into one row, «Andre»; while that row is itself
    under five, the smallest remaining group joins it."""
    big = sorted((r for r in rows if r.learners >= SMALL_GROUP and r.label), key=lambda r: (-r.learners, r.label))
    small = [r for r in rows if r not in big]
    while small and sum(r.learners for r in small) < SMALL_GROUP and big:
        small.append(big.pop())
    if not small:
        return big
    other = GroupRow("", sum(r.learners for r in small), sum(r.completed for r in small),
                     sum(r.passed for r in small) if pass_known else None)
    return big + [other]
