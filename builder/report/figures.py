"""Figures for HR from the tallied exports: who of those enrolled has passed or completed, who is failed, in progress
or not started; which questions and wrong answers are common, per group; with the course's own words when known."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .course_info import CourseInfo
from .exports.grammar import BASIC, INTERACTIONS
from .items import ItemFigures, item_figures, sums
from .responses import right_codes
from .status import DONE, ORDER
from .tally import Tally
from .words import Refusal

if TYPE_CHECKING:  # the course model (pydantic) is loaded only when a report names its course
    from ..course.model import Question

SMALL_GROUP = 5  # groups smaller than this are merged, so no one can be picked out of a group's figures
OTHER = None  # the label of the merged row («Andre»); "" is the group of those with no value in the field


@dataclass
class QuestionFigures:
    id: str
    right_code: str  # the right answer as the LMS recorded it: it tells versions of a question apart
    answered: int = 0
    right: int = 0
    wrong: Counter = field(default_factory=Counter)  # response code → count
    question: Question | None = None
    item: ItemFigures = field(default_factory=lambda: item_figures(None))

    @property
    def rate(self) -> float:
        return self.right / self.answered if self.answered else 0.0


@dataclass
class GroupRow:
    label: str | None  # None: «Andre», the groups under five merged
    learners: int
    done: int  # passed or completed
    not_started: int
    members: list[str] = field(default_factory=list)  # the groups inside «Andre»

    @property
    def hidden(self) -> bool:
        """«Andre» under five people: named, but its figures are not shown."""
        return self.learners < SMALL_GROUP


@dataclass
class Figures:
    enrolled: int  # everyone the export lists, those who never started included
    attempts: int  # LMS attempts made
    status: dict[str, int]  # status.ORDER → learners
    pass_known: bool
    passing_score: float | None
    completion_rule: str | None  # from the package or sources; None when only the export is given
    kinds: list[str]  # per export: interactions, no_answers, basic
    activity: str  # the SCO's name as the LMS shows it
    status_date: datetime.datetime | None  # the newest access in the export, else the files' time
    date_from_file: bool
    attempts_needed: list[tuple[int, int]]  # quiz attempts → learners who passed after so many
    score_bins: list[tuple[str, int]]
    questions: list[QuestionFigures]  # hardest first; with a course, only those that match its quiz
    other_versions: list[QuestionFigures]  # a question id whose recorded right answer differs from the quiz's
    unknown_ids: list[str]  # question ids the course's quiz does not have
    mixed_ids: list[str]  # question ids recorded with more than one right answer: several versions in the export
    another_version: tuple[int, int] | None  # (ids not in the package, ids in the export) when most are missing
    groups: dict[str, list[GroupRow]]  # identity field → rows, small groups merged
    small_fields: dict[str, list[str]]  # identity field whose groups are all under five → the groups' names
    identity: bool  # the export has identity fields beyond the e-mail (department, institution…)

    @property
    def done(self) -> int:
        return self.status[DONE[0]] + self.status[DONE[1]]

    @property
    def headline_passed(self) -> bool:
        """Bestått when the quiz decides (or may: the rule is unknown), fullført when lessons alone do."""
        return self.completion_rule != "lessons"

    @property
    def headline(self) -> str:
        """Which headline is true: passed, completed, or (a finished attempt without the pass mark) unknown."""
        if not self.headline_passed:
            return "completed"
        return "passed" if self.pass_known or not (self.status["finished"] or self.status["unknown"]) \
            else "no_pass_mark"

    @property
    def status_known(self) -> bool:
        return any(kind != BASIC for kind in self.kinds)

    @property
    def has_answers(self) -> bool:
        return INTERACTIONS in self.kinds

    def share(self, n: int) -> float:
        return n / self.enrolled if self.enrolled else 0.0

    def hardest(self, n: int = 3) -> list[QuestionFigures]:
        return [q for q in self.questions if q.answered > q.right][:n]

    def flagged(self) -> list[QuestionFigures]:
        return [q for q in self.questions if q.item.flags]


def question_figures(counts: Counter, items: dict) -> dict[tuple[str, str], QuestionFigures]:
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
    for key, f in found.items():
        f.item = item_figures(items.get(key))
    return found


def summed_items(per_file: list[Counter]) -> dict:
    return sums(sum(per_file, Counter()))


def check_course(paths: list[Path], tally: Tally, course: CourseInfo) -> tuple[int, int] | None:
    """An export whose questions are none of the quiz's is from another course: refused. One where most are not
    in the quiz is probably from another version of the course: returned, for the page to say so."""
    every: set[str] = set()
    for path, counts in zip(paths, tally.answers):
        ids = {qid for qid, *_ in counts if qid}
        if ids and not ids & course.questions.keys():
            shown = ", ".join(sorted(ids)[:5]) + (", …" if len(ids) > 5 else "")
            raise Refusal("another-course", path, n=len(ids), ids=shown, title=course.title, origin=course.origin)
        every |= ids
    missing = len(every - course.questions.keys())
    return (missing, len(every)) if every and missing * 2 > len(every) else None


def figures(paths: list[Path], tally: Tally, course: CourseInfo | None, passing: float | None) -> Figures:
    another = check_course(paths, tally, course) if course is not None else None
    counts = sum(tally.answers, Counter())
    variants = question_figures(counts, summed_items(tally.items))
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
    enrolled = tally.one("SELECT COUNT(*) FROM people")
    status = dict.fromkeys(ORDER, 0) | dict(tally.all("SELECT status, COUNT(*) FROM people GROUP BY status"))
    bins = dict(tally.all("SELECT MAX(0, MIN(CAST(best / 10 AS INTEGER), 9)) AS bin, COUNT(*) FROM kept "
                          "WHERE best IS NOT NULL AND outcome IN ('passed', 'failed', 'finished') GROUP BY bin"))
    newest = tally.one("SELECT MAX(stamp) FROM kept")
    when = datetime.datetime.fromisoformat(newest) if newest else max(
        datetime.datetime.fromtimestamp(p.stat().st_mtime) for p in paths)
    groups, small = group_rows(tally, enrolled)
    return Figures(
        enrolled=enrolled,
        attempts=tally.one("SELECT COUNT(*) FROM kept WHERE number > 0"),
        status=status, pass_known=passing is not None, passing_score=passing,
        completion_rule=tally.rule.completion, kinds=tally.kinds,
        activity=next((t for t in tally.sco_titles if t), ""),
        status_date=when, date_from_file=not newest,
        attempts_needed=tally.all("SELECT needed, COUNT(*) FROM people WHERE status = 'passed' "
                                  "GROUP BY needed ORDER BY needed"),
        score_bins=[(f"{b * 10}–{b * 10 + 9 if b < 9 else 100}", bins.get(b, 0)) for b in range(10)],
        questions=sorted(questions, key=order), other_versions=sorted(other, key=order),
        unknown_ids=sorted(unknown), mixed_ids=mixed, another_version=another,
        groups=groups, small_fields=small, identity=bool(tally.group_fields),
    )


def group_rows(tally: Tally, learners: int) -> tuple[dict[str, list[GroupRow]], dict[str, list[str]]]:
    """Learners, done and not started per value of each identity field. A field with about as many values as
    people (a user name, an employee number) says nothing about groups and is left out."""
    tables, small = {}, {}
    for i, header in enumerate(tally.group_fields):
        distinct = tally.one(f"SELECT COUNT(DISTINCT g{i}) FROM people")
        if distinct < 2 or distinct > learners / 2:
            continue
        rows = [GroupRow(value, n, done, not_started) for value, n, done, not_started in tally.all(
            f"SELECT COALESCE(g{i}, '') AS value, COUNT(*), SUM(status IN {DONE}), "
            f"SUM(status = 'not_started') FROM people GROUP BY value ORDER BY value")]
        merged = merge_small(rows)
        if len(merged) > 1:
            tables[header] = merged
        else:
            small[header] = merged[0].members
    return tables, small


def merge_small(rows: list[GroupRow]) -> list[GroupRow]:
    """Groups under five people go into one row, «Andre», which names them; a group of five or more is never
    merged. When «Andre» is itself under five, it is named but its figures are not shown."""
    big = sorted((r for r in rows if r.learners >= SMALL_GROUP), key=lambda r: (-r.learners, r.label))
    small = sorted((r for r in rows if r.learners < SMALL_GROUP), key=lambda r: (-r.learners, r.label))
    if not small:
        return big
    return big + [GroupRow(OTHER, sum(r.learners for r in small), sum(r.done for r in small),
                           sum(r.not_started for r in small), [r.label for r in small])]
