"""course/discussion.yaml → the facilitator guide's material, with file:line:col problems like every source file.

The file is optional: a course without it gets a handout but no facilitator guide.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .. import fields as F
from ..load import Loader, did_you_mean, places, values
from ..model import Course, Where
from ..problems import Problem
from ..sources import Overlay


@dataclass
class Case:
    title: str
    text: str


@dataclass
class LessonDiscussion:
    lesson: str  # Lesson id
    questions: list[str]
    case: Case
    notes: list[str]


@dataclass
class Discussion:
    minutes: int
    aims: list[str]
    runsheet: list[tuple[int, str]]  # (minutes, activity)
    selfcheck: list[str]
    lessons: list[LessonDiscussion]

    def for_lesson(self, lesson_id: str) -> LessonDiscussion | None:
        return next((d for d in self.lessons if d.lesson == lesson_id), None)


def discussion_path(course: Course) -> Path:
    """The course's own file, or its translation for an edition in another language (translations/<language>/)."""
    return Overlay(course.root, course.language).path("course/discussion.yaml")


def load_discussion(course: Course) -> tuple[Discussion | None, list[Problem]]:
    """The discussion material checked against the course; (None, []) when the course has none."""
    path = discussion_path(course)
    if not path.is_file():
        return None, []
    loader = Loader()
    text = loader.read_text(path)
    data = loader.parse_yaml(text, path) if text is not None else None
    got = loader.fields(data, F.DISCUSSION, Where(path, 1, 1), 1) if data is not None else None
    if got is None or loader.problems:
        return None, loader.problems
    v = values(got)
    lessons = []
    lesson_ids = [lesson.id for lesson in course.lessons]
    seen: set[str] = set()
    for entry, where in v["lessons"]:
        e = values(entry)
        at = places(entry)
        if e["lesson"] not in lesson_ids:
            loader.error(at["lesson"], f"discussion material for lesson '{e['lesson']}', which the course does not "
                         "have" + did_you_mean(e["lesson"], lesson_ids))
        elif e["lesson"] in seen:
            loader.error(at["lesson"], f"lesson '{e['lesson']}' has discussion material twice; merge the two entries")
        seen.add(e["lesson"])
        case = values(e["case"])
        lessons.append(LessonDiscussion(e["lesson"], [q for q, _ in e["questions"]], Case(case["title"], case["text"]),
                                        [n for n, _ in e["notes"]]))
    runsheet = [(values(step)["minutes"], values(step)["activity"]) for step, _ in v["runsheet"]]
    total = sum(minutes for minutes, _ in runsheet)
    if total != v["minutes"]:
        loader.error(got["runsheet"][1], f"the run-sheet adds up to {total} minutes but the meeting is "
                     f"{v['minutes']} minutes; make the steps add up to 'minutes'")
    if loader.problems:
        return None, loader.problems
    order = {lesson_id: i for i, lesson_id in enumerate(lesson_ids)}
    lessons.sort(key=lambda d: order[d.lesson])
    return Discussion(v["minutes"], [a for a, _ in v["aims"]], runsheet, [s for s, _ in v["selfcheck"]], lessons), []
