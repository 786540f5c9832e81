"""course/discussion.yaml → the facilitator guide's material, with file:line:col problems like every source file.

The file is optional: a course without it gets a handout but no facilitator guide.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from pydantic import Field

from .located import CONFIG, Located, Required, Slug, Text, Whole, entries, model
from .model import TRANSLATED_FROM, Course
from .problems import Problem, did_you_mean, said
from .overlay import Overlay
from .reading import load_file

SOME = entries(least=1)


@model(config=CONFIG, kw_only=True)
class RunsheetStep(Located):
    noun: ClassVar[str] = "runsheet-step"
    minutes: Whole = Field(ge=1, le=120, description="how long the step takes")
    activity: Required = Field(description="what the group does in these minutes")


@model(config=CONFIG, kw_only=True)
class Case(Located):
    noun: ClassVar[str] = "case"
    title: Required = Field(description="the case's heading")
    text: Required = Field(description="the situation to discuss, in a few sentences")


@model(config=CONFIG, kw_only=True)
class LessonDiscussion(Located):
    noun: ClassVar[str] = "lesson-discussion"
    lesson: Slug = Field(description="id of the lesson the material belongs to")
    questions: list[Required] = Field(**SOME, description="2–3 open questions for the group")
    case: Case
    notes: list[Required] = Field(**SOME, description="for the facilitator: what the law says about the case")


@model(config=CONFIG, kw_only=True)
class Discussion(Located):
    noun: ClassVar[str] = "discussion"
    minutes: Whole = Field(ge=10, le=240, description="length of the meeting")
    aims: list[Required] = Field(**SOME, description="what the group should take away")
    runsheet: list[RunsheetStep] = Field(description="the meeting step by step; minutes add up to 'minutes'")
    selfcheck: list[Required] = Field(**SOME, description="how to go through the self-check together")
    lessons: list[LessonDiscussion] = Field(description="the material for each lesson")
    translated_from: Text | None = TRANSLATED_FROM

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
    problems: list[Problem] = []
    error = lambda where, message: problems.append(Problem(where, message))  # noqa: E731
    discussion = load_file(path, Discussion, error)
    if discussion is None or problems:
        return None, problems
    lesson_ids = [lesson.id for lesson in course.lessons]
    seen: set[str] = set()
    for entry in discussion.lessons:
        if entry.lesson not in lesson_ids:
            error(entry.where_of("lesson"), said("source.discussion.unknown-lesson", lesson=entry.lesson,
                                                 hint=did_you_mean(entry.lesson, lesson_ids)))
        elif entry.lesson in seen:
            error(entry.where_of("lesson"), said("source.discussion.lesson-twice", lesson=entry.lesson))
        seen.add(entry.lesson)
    total = sum(step.minutes for step in discussion.runsheet)
    if total != discussion.minutes:
        error(discussion.where_of("runsheet"), said("source.discussion.minutes-differ", total=total,
                                                    minutes=discussion.minutes))
    if problems:
        return None, problems
    order = {lesson_id: i for i, lesson_id in enumerate(lesson_ids)}
    discussion.lessons.sort(key=lambda d: order[d.lesson])
    return discussion, []
