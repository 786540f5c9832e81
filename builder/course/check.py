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
from .problems import Problem, display_path, did_you_mean
from .topics import topic_problems


def check_course(course: Course) -> list[Problem]:
    problems: list[Problem] = []
    error = lambda where, message: problems.append(Problem(where or course.where, message))  # noqa: E731

    lesson_ids = [lesson.id for lesson in course.lessons] + [i for i in left_out(course, "lessons") if i]
    source_ids = [source.id for source in course.sources] + [i for i in left_out(course, "sources") if i]
    duplicates(error, "lesson", ((lesson.id, lesson.where_of("id")) for lesson in course.lessons))
    duplicates(error, "source", ((source.id, source.where) for source in course.sources))
    if not course.lessons and not left_out(course, "lessons"):
        error(course.where, "the course has no lessons; add Markdown files to course/lessons/")

    for lesson in course.lessons:
        for source_id in lesson.sources:
            if source_id not in source_ids:
                error(lesson.where_of("sources"), f"lesson '{lesson.id}' cites source '{source_id}', which is not in the course's "
                      f"'sources' list" + did_you_mean(source_id, source_ids))
        problems.extend(markdown.body_problems(course.root, lesson.where.path, lesson.body_line, lesson.document))

    quiz = course.quiz
    if quiz is None:
        if course.tracking.completion != "lessons" and not left_out(course, "quiz"):
            error(course.tracking.where_of("completion"), f"completion '{course.tracking.completion}' needs a quiz; add 'quiz: <id>' "
                  "to course.yaml or use completion: lessons")
        return problems

    duplicates(error, "question", ((q.id, q.where_of("id")) for q in quiz.questions))
    if not left_out(quiz, "questions"):  # with questions left out, the pool's size is not known
        if quiz.draw is not None and quiz.draw > len(quiz.questions):
            error(quiz.where_of("draw"), f"draw is {quiz.draw} but the quiz has only {len(quiz.questions)} "
                  "questions; lower draw or add questions")
        for message, field_name in draw_problems(quiz, [lesson.id for lesson in course.lessons if not lesson.local]):
            error(quiz.where_of(field_name), message)
        problems.extend(topic_problems(quiz))
    for question in quiz.questions:
        # with a lesson file whose id could not be read, a question of an unknown lesson may be one of its
        if question.lesson not in lesson_ids and ("lessons", None) not in course.left_out:
            error(question.where_of("lesson"), f"question '{question.id}' belongs to lesson '{question.lesson}', which does not "
                  "exist" + did_you_mean(question.lesson, lesson_ids))
        for source_id in question.sources:
            if source_id not in source_ids:
                error(question.where_of("sources"), f"question '{question.id}' cites source '{source_id}', which is not in the "
                      "course's 'sources' list" + did_you_mean(source_id, source_ids))
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
            yield (f"per_lesson is {quota} but lesson '{lesson_id}' has only {have} question"
                   f"{'' if have == 1 else 's'} in the pool; add questions for it or lower per_lesson"), "per_lesson"
    least = quota * len(lesson_ids)
    if quiz.draw is not None and quiz.draw < least:
        yield (f"draw is {quiz.draw} but per_lesson {quota} × {len(lesson_ids)} lessons draws {least}; "
               f"raise draw to at least {least}, lower per_lesson or leave draw out"), "draw"


def duplicates(error, what: str, pairs: Iterable[tuple[str, Where | None]]) -> None:
    first: dict[str, Where | None] = {}
    for key, where in pairs:
        if key in first:
            place = f"{display_path(first[key].path)}:{first[key].line}" if first[key] else "another place"
            error(where, f"{what} id '{key}' is already used at {place}; ids must be unique")
        else:
            first[key] = where
