"""Every rule over the loaded course. `build` refuses to run while any error remains."""

from __future__ import annotations

from collections.abc import Iterable

from . import markdown
from .load import did_you_mean
from .model import Course, Question, Quiz, Where
from .problems import Problem, display_path


def check_course(course: Course) -> list[Problem]:
    problems: list[Problem] = []
    error = lambda where, message: problems.append(Problem(where or course.where, message))  # noqa: E731

    lesson_ids = [lesson.id for lesson in course.lessons]
    source_ids = [source.id for source in course.sources]
    duplicates(error, "lesson", ((lesson.id, lesson.where_of("id")) for lesson in course.lessons))
    duplicates(error, "source", ((source.id, source.where) for source in course.sources))
    if not course.lessons:
        error(course.where, "the course has no lessons; add Markdown files to course/lessons/")

    for lesson in course.lessons:
        for source_id in lesson.sources:
            if source_id not in source_ids:
                error(lesson.where_of("sources"), f"lesson '{lesson.id}' cites source '{source_id}', which is not in the course's "
                      f"'sources' list" + did_you_mean(source_id, source_ids))
        problems.extend(markdown.lesson_problems(course, lesson))

    quiz = course.quiz
    if quiz is None:
        if course.tracking.completion != "lessons":
            error(course.tracking.where_of("completion"), f"completion '{course.tracking.completion}' needs a quiz; add 'quiz: <id>' "
                  "to course.yaml or use completion: lessons")
        return problems

    duplicates(error, "question", ((q.id, q.where_of("id")) for q in quiz.questions))
    if quiz.draw is not None and quiz.draw > len(quiz.questions):
        error(quiz.where_of("draw"), f"draw is {quiz.draw} but the quiz has only {len(quiz.questions)} questions; "
              "lower draw or add questions")
    for message, field_name in draw_problems(quiz, [lesson.id for lesson in course.lessons if not lesson.local]):
        error(quiz.where_of(field_name), message)
    for question in quiz.questions:
        if question.lesson not in lesson_ids:
            error(question.where_of("lesson"), f"question '{question.id}' belongs to lesson '{question.lesson}', which does not "
                  "exist" + did_you_mean(question.lesson, lesson_ids))
        for source_id in question.sources:
            if source_id not in source_ids:
                error(question.where_of("sources"), f"question '{question.id}' cites source '{source_id}', which is not in the "
                      "course's 'sources' list" + did_you_mean(source_id, source_ids))
        for message, where in question_problems(question):
            error(where, message)
    return problems


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


def question_problems(q: Question) -> Iterable[tuple[str, Where | None]]:
    name = f"question '{q.id}'"
    if q.type in ("single", "multiple"):
        if len(q.options) < 2:
            yield f"{name} ({q.type}) needs at least two options", q.where_of("options")
        if len(q.options) > 26:
            yield f"{name} has {len(q.options)} options; at most 26 are possible", q.where_of("options")
        correct = sum(option.correct for option in q.options)
        if q.type == "single" and correct != 1:
            yield (f"{name} is 'single' but has {correct} correct options; mark exactly one with 'correct: true' "
                   "or make it 'multiple'"), q.where_of("options")
        if q.type == "multiple" and correct == 0:
            yield f"{name} is 'multiple' but no option is correct; mark at least one with 'correct: true'", q.where_of("options")
        for dup_id, where in repeated((o.id, o.where) for o in q.options):
            yield f"option id '{dup_id}' is used twice in {name}", where
    else:
        if q.options:
            yield f"{name} is '{q.type}' and cannot have 'options'", q.where_of("options")
    if q.type == "true-false" and q.answer is None:
        yield f"{name} is 'true-false' but has no 'answer'; add 'answer: true' or 'answer: false'", q.where
    if q.type != "true-false" and (q.answer is not None or q.feedback_true or q.feedback_false):
        yield f"{name} is '{q.type}'; 'answer', 'feedback_true' and 'feedback_false' belong to true-false", q.where
    if q.type == "sort":
        if not 2 <= len(q.categories) <= 9:
            yield f"{name} (sort) needs 2 to 9 categories, has {len(q.categories)}", q.where_of("categories")
        if not 1 <= len(q.items) <= 26:
            yield f"{name} (sort) needs 1 to 26 items, has {len(q.items)}", q.where_of("items")
        category_ids = [c.id for c in q.categories]
        for dup_id, where in repeated((c.id, c.where) for c in q.categories):
            yield f"category id '{dup_id}' is used twice in {name}", where
        for dup_id, where in repeated((i.id, i.where) for i in q.items):
            yield f"item id '{dup_id}' is used twice in {name}", where
        for item in q.items:
            if item.category not in category_ids:
                yield (f"item '{item.id}' is sorted into category '{item.category}', which {name} does not have"
                       + did_you_mean(item.category, category_ids)), item.where
    elif q.categories or q.items:
        yield f"{name} is '{q.type}'; 'categories' and 'items' belong to sort questions", q.where


def repeated(pairs: Iterable[tuple[str, Where | None]]) -> Iterable[tuple[str, Where | None]]:
    seen: set[str] = set()
    for key, where in pairs:
        if key in seen:
            yield key, where
        seen.add(key)


def duplicates(error, what: str, pairs: Iterable[tuple[str, Where | None]]) -> None:
    first: dict[str, Where | None] = {}
    for key, where in pairs:
        if key in first:
            place = f"{display_path(first[key].path)}:{first[key].line}" if first[key] else "another place"
            error(where, f"{what} id '{key}' is already used at {place}; ids must be unique")
        else:
            first[key] = where
