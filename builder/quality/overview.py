"""`kursbygger check --quality`: the figures behind the quality warnings, one screen per course. The overview is a
list of sections (SECTIONS), each one function of the course that gives a titled list of rows for the screen and
the same figures as data for `--format json`; a new concern (e.g. the lessons' readability) is one more function."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..course.model import Course
from ..course.questions import QUESTION_TYPES
from . import cues, guesser, readability


@dataclass
class Section:
    key: str  # its name in the JSON
    title: str
    rows: list[tuple[str, str]]
    data: dict = field(default_factory=dict)


def quiz_types(course: Course) -> Section | None:
    quiz = course.quiz
    if quiz is None:
        return None
    counts = Counter(q.kind() for q in quiz.questions)
    kinds = [cls.kind() for cls in QUESTION_TYPES]
    return Section("types", f"Quiz '{quiz.id}': {len(quiz.questions)} questions, {quiz.draw_count} drawn per attempt",
                   [("items per type", " · ".join(f"{kind} {counts[kind]}" for kind in kinds))],
                   {kind: counts[kind] for kind in kinds})


def quiz_topics(course: Course) -> Section | None:
    quiz = course.quiz
    if quiz is None:
        return None
    counts = Counter(q.topic or "" for q in quiz.questions)
    shown = " · ".join(f"{topic or '(no topic)'} {n}" for topic, n in sorted(counts.items()))
    rows = [("items per topic", shown)]
    if quiz.required_topics:
        rows.append(("required in every attempt", ", ".join(quiz.required_topics)))
    return Section("topics", "Topics", rows, {"questions": {t or "(no topic)": n for t, n in sorted(counts.items())},
                                              "required": list(quiz.required_topics)})


def key_length(course: Course) -> Section | None:
    share = course.quiz and cues.key_length_share(course.quiz)
    if not share:
        return None
    return Section("key_length", "Key length", [(
        "right option is the longest", f"{share['longest']} of {share['questions']} single-choice questions "
        f"({share['share']:.0%}; by chance about {share['chance']:.0%})")], share)


def true_false(course: Course) -> Section | None:
    b = course.quiz and cues.true_false_balance(course.quiz, course.language)
    if not b:
        return None
    return Section("true_false", "True/false", [
        ("balance", f"{b['true']} true, {b['statements'] - b['true']} false"),
        ("«restricting is false» holds", f"in {b['agree']} of {b['statements']} statements "
                                         f"({b['restrictive']} with a restricting word)")], b)


def guessing(course: Course) -> Section | None:
    result = guesser.course_guess(course)
    if result is None:
        return None
    attempts = course.tracking.max_attempts
    def figures(f: guesser.Figures) -> dict:  # noqa: E306
        return {"one_attempt": f.one, "within_max_attempts": f.within}
    return Section("guesser", f"Guessers (pass {course.passing_score} % = {result.need} of {result.asked} right; "
                              f"{result.runs} seeded draws)", [
        ("test-wise guesser", f"{guesser.percent(result.test_wise.one)} per attempt; {result.test_wise.said()}"),
        ("random guesser", f"{guesser.percent(result.random.one)} per attempt; {result.random.said()}"),
        ("ceiling", f"{course.quality.guess_ceiling} % " + ("within the attempts" if attempts else
                                                           "per attempt (attempts are unlimited)")),
    ], {"test_wise": figures(result.test_wise), "random": figures(result.random), "max_attempts": attempts,
        "ceiling_percent": course.quality.guess_ceiling, "draws": result.runs, "asked": result.asked,
        "right_needed": result.need, "strategies": {g.kind.kind(): g.how for g in guesser.TEST_WISE}})


def readability_of_lessons(course: Course) -> Section | None:
    scores = readability.lesson_scores(course)
    if not scores:
        return None
    target = course.quality.lix_target
    return Section("lessons", f"Lessons (LIX target {target}; sentences over {course.quality.sentence_words} words)", [
        (score.lesson, f"LIX {score.lix:.0f}{' — above the target' if score.lix > target else ''} · "
                       f"{score.words} words in {score.sentences} sentences · {len(score.long_sentences)} long")
        for score in scores], {"lix_target": target, "scores": [score.json() for score in scores]})


SECTIONS: list[Callable[[Course], Section | None]] = [quiz_types, quiz_topics, key_length, true_false, guessing,
                                                       readability_of_lessons]


def sections(course: Course) -> list[Section]:
    return [section for make in SECTIONS if (section := make(course)) is not None]


def as_text(found: list[Section]) -> list[str]:
    width = max((len(label) for s in found for label, _ in s.rows), default=0)
    lines = []
    for section in found:
        lines.append(section.title)
        lines += [f"  {label:<{width}}  {value}" for label, value in section.rows]
    return lines


def as_data(found: list[Section]) -> dict:
    return {section.key: section.data for section in found}
