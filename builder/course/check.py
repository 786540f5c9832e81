"""Every rule across objects of the loaded course (a single object's own limits are checked as it is loaded,
builder/course/reading.py; a question type's rules are in builder/course/questions.py). `build` refuses to run while any error
remains.

The rules run even when loading found errors, so that `check` shows everything in one pass. What loading left out
for an error (Located.left_out: a lesson file, a source entry, a question, the quiz) counts here as present: a
reference to it is not a second fault, and a count that lacks it is not judged."""

from __future__ import annotations

from collections.abc import Iterable

from . import markdown
from .model import Course, Quiz, Where
from .problems import Problem, display_path, did_you_mean, said
from .topics import topic_problems


def check_course(course: Course) -> list[Problem]:
    problems: list[Problem] = []
    error = lambda where, message: problems.append(Problem(where or course.where, message))  # noqa: E731

    lesson_ids = [lesson.id for lesson in course.lessons] + [i for i in left_out(course, "lessons") if i]
    source_ids = [source.id for source in course.sources] + [i for i in left_out(course, "sources") if i]
    duplicates(error, "source.lesson.duplicate-id", ((lesson.id, lesson.where_of("id")) for lesson in course.lessons))
    duplicates(error, "source.course.duplicate-source-id", ((source.id, source.where) for source in course.sources))
    if not course.lessons and not left_out(course, "lessons"):
        error(course.where, said("source.course.no-lessons"))

    for lesson in course.lessons:
        for source_id in lesson.sources:
            if source_id not in source_ids:
                error(lesson.where_of("sources"), said("source.lesson.unknown-source", lesson=lesson.id,
                                                       source=source_id, hint=did_you_mean(source_id, source_ids)))
        problems.extend(markdown.body_problems(course.root, lesson.where.path, lesson.body_line, lesson.document))

    quiz = course.quiz
    if quiz is None:
        if course.tracking.completion != "lessons" and not left_out(course, "quiz"):
            error(course.tracking.where_of("completion"),
                  said("source.course.completion-needs-quiz", completion=course.tracking.completion))
        return problems

    duplicates(error, "source.question.duplicate-id", ((q.id, q.where_of("id")) for q in quiz.questions))
    if not left_out(quiz, "questions"):  # with questions left out, the pool's size is not known
        if quiz.draw is not None and quiz.draw > len(quiz.questions):
            error(quiz.where_of("draw"), said("source.quiz.draw-larger-than-pool", draw=quiz.draw,
                                              pool=len(quiz.questions)))
        for message, field_name in draw_problems(quiz, [lesson.id for lesson in course.lessons if not lesson.local]):
            error(quiz.where_of(field_name), message)
        problems.extend(topic_problems(quiz))
    for question in quiz.questions:
        # with a lesson file whose id could not be read, a question of an unknown lesson may be one of its
        if question.lesson not in lesson_ids and ("lessons", None) not in course.left_out:
            error(question.where_of("lesson"), said("source.question.unknown-lesson", question=question.id,
                                                    lesson=question.lesson,
                                                    hint=did_you_mean(question.lesson, lesson_ids)))
        for source_id in question.sources:
            if source_id not in source_ids:
                error(question.where_of("sources"), said("source.question.unknown-source", question=question.id,
                                                         source=source_id, hint=did_you_mean(source_id, source_ids)))
        for message, where in question.problems():
            error(where, message)
    return problems


def left_out(obj, key: str) -> list[str | None]:
    """The ids (None when not known) of the entries of `key` that loading left out of `obj` for an error."""
    return [entry_id for field_name, entry_id in obj.left_out if field_name == key]


def draw_problems(quiz: Quiz, lesson_ids: list[str]) -> Iterable[tuple[str, str]]:
    """per_lesson promises that every attempt tests every lesson: each lesson's pool must hold its quota."""
    quota = quiz.per_lesson
    if quota is None:
        return
    for lesson_id in lesson_ids:
        have = sum(q.lesson == lesson_id for q in quiz.questions)
        if have < quota:
            yield said("source.quiz.per-lesson-short", quota=quota, lesson=lesson_id,
                       have=said("source.count.questions" if have != 1 else "source.count.question", n=have)), \
                "per_lesson"
    least = quota * len(lesson_ids)
    if quiz.draw is not None and quiz.draw < least:
        yield said("source.quiz.draw-below-quotas", draw=quiz.draw, quota=quota, lessons=len(lesson_ids),
                   least=least), "draw"


def duplicates(error, code: str, pairs: Iterable[tuple[str, Where | None]]) -> None:
    first: dict[str, Where | None] = {}
    for key, where in pairs:
        if key in first:
            place = f"{display_path(first[key].path)}:{first[key].line}" if first[key] else \
                said("source.hint.another-place")
            error(where, said(code, id=key, place=place))
        else:
            first[key] = where
