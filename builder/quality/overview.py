"""`kursbygger check --quality`: the figures behind the quality warnings, one screen per course. The overview is a
list of sections (SECTIONS), each one function of the course that gives a titled list of rows for the screen and
the same figures as data for `--format json`; a new concern (e.g. the lessons' readability) is one more function."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..course.model import Course
from ..course.questions import QUESTION_TYPES
from ..words import number, percent, say
from . import cues, guesser, readability

NO_TOPIC = "(no topic)"  # the JSON's key for the questions without a topic, the same in every language


@dataclass
class Section:
    key: str  # its name in the JSON
    title: str  # this and the rows in the terminal's language (builder/words/, «quality.overview»)
    rows: list[tuple[str, str]]
    data: dict = field(default_factory=dict)


def quiz_types(course: Course) -> Section | None:
    quiz = course.quiz
    if quiz is None:
        return None
    counts = Counter(q.kind() for q in quiz.questions)
    kinds = [cls.kind() for cls in QUESTION_TYPES]  # the names the author writes as `type:`, in every language
    return Section("types", say("quality.overview.types", quiz=quiz.id, questions=len(quiz.questions),
                                drawn=quiz.draw_count),
                   [(say("quality.overview.per-type"), " · ".join(f"{kind} {counts[kind]}" for kind in kinds))],
                   {kind: counts[kind] for kind in kinds})


def quiz_topics(course: Course) -> Section | None:
    quiz = course.quiz
    if quiz is None:
        return None
    counts = Counter(q.topic or "" for q in quiz.questions)
    shown = " · ".join(f"{topic or say('quality.overview.no-topic')} {n}" for topic, n in sorted(counts.items()))
    rows = [(say("quality.overview.per-topic"), shown)]
    if quiz.required_topics:
        rows.append((say("quality.overview.required"), ", ".join(quiz.required_topics)))
    return Section("topics", say("quality.overview.topics"), rows, {
        "questions": {t or NO_TOPIC: n for t, n in sorted(counts.items())}, "required": list(quiz.required_topics)})


def key_length(course: Course) -> Section | None:
    share = course.quiz and cues.key_length_share(course.quiz)
    if not share:
        return None
    return Section("key_length", say("quality.overview.key-length"), [(
        say("quality.overview.key-longest"), say("quality.overview.key-longest-value", longest=share["longest"],
                                                 questions=share["questions"], share=percent(share["share"]),
                                                 chance=percent(share["chance"])))], share)


def true_false(course: Course) -> Section | None:
    b = course.quiz and cues.true_false_balance(course.quiz, course.language)
    if not b:
        return None
    return Section("true_false", say("quality.overview.true-false"), [
        (say("quality.overview.balance"), say("quality.overview.balance-value", true=b["true"],
                                              false=b["statements"] - b["true"])),
        (say("quality.overview.wording"), say("quality.overview.wording-value", agree=b["agree"],
                                              statements=b["statements"], restrictive=b["restrictive"]))], b)


def guessing(course: Course) -> Section | None:
    result = guesser.course_guess(course)
    if result is None:
        return None
    attempts = course.tracking.max_attempts
    def figures(f: guesser.Figures) -> dict:  # noqa: E306
        return {"one_attempt": f.one, "within_max_attempts": f.within}
    def chance(f: guesser.Figures) -> str:  # noqa: E306
        return say("quality.overview.chance", one=guesser.percent(f.one), said=f.said())
    ceiling = number(course.quality.guess_ceiling)
    return Section("guesser", say("quality.overview.guessers", passing=number(course.passing_score),
                                  need=result.need, asked=result.asked, runs=number(result.runs)), [
        (say("quality.overview.test-wise"), chance(result.test_wise)),
        (say("quality.overview.random"), chance(result.random)),
        (say("quality.overview.ceiling"), say("quality.overview.ceiling-attempts", ceiling=ceiling) if attempts else
         say("quality.overview.ceiling-unlimited", ceiling=ceiling)),
    ], {"test_wise": figures(result.test_wise), "random": figures(result.random), "max_attempts": attempts,
        "ceiling_percent": course.quality.guess_ceiling, "draws": result.runs, "asked": result.asked,
        "right_needed": result.need, "strategies": {g.kind.kind(): say(g.how) for g in guesser.TEST_WISE}})


def readability_of_lessons(course: Course) -> Section | None:
    scores = readability.lesson_scores(course)
    if not scores:
        return None
    target = course.quality.lix_target
    above = say("quality.overview.above")
    return Section("lessons", say("quality.overview.lessons", target=target, words=course.quality.sentence_words), [
        (score.lesson, say("quality.overview.lesson", lix=number(score.lix), above=above if score.lix > target else "",
                           words=number(score.words), sentences=number(score.sentences),
                           long=len(score.long_sentences)))
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
