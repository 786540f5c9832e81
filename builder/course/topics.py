"""Required topics (quiz field required_topics, question field topic): every drawn attempt asks at least one
question of each, beside per_lesson's quotas (builder/outputs/runtime/draw.js). Here: whether the pool and the draw
allow it."""

from __future__ import annotations

import itertools
import math
from collections import Counter

from .located import Where
from .model import Quiz
from .problems import Problem, did_you_mean

MESSAGES = {  # by stable code, as builder/quality/messages.py keeps the quality checks' own
    "quiz-topic-unknown": "required topic '{topic}' is on no question; add 'topic: {topic}' to its questions{hint}",
    "quiz-topic-draw": "{draw_name} is {draw} but the required topics with per_lesson {per_lesson} can need {needed} "
                       "questions in one attempt; raise draw to at least {needed}, or require fewer topics",
    "quiz-topic-one-question": "required topic '{topic}' has only one question ({question}), so every attempt asks it; "
                               "add more questions on the topic",
}

MOST_WAYS = 50_000  # ways the required topics can land in lessons that are tried one by one


def topic_problems(quiz: Quiz) -> list[Problem]:
    problems: list[Problem] = []
    carried = Counter(q.topic for q in quiz.questions if q.topic)
    where = quiz.where_of("required_topics")
    for index, topic in enumerate(quiz.required_topics):
        if topic not in carried:
            problems.append(error("quiz-topic-unknown", quiz.where_of("required_topics", index), topic=topic,
                                  hint=did_you_mean(topic, carried)))
        elif carried[topic] == 1:
            question = next(q.id for q in quiz.questions if q.topic == topic)
            problems.append(warning("quiz-topic-one-question", quiz.where_of("required_topics", index), topic=topic,
                                    question=question))
    required = set(quiz.required_topics) & set(carried)
    if required:
        needed = most_asked(quiz, required)
        if quiz.draw_count < needed:
            draw_name = "draw" if quiz.draw is not None else "the default draw (per_lesson × lessons)"
            problems.append(error("quiz-topic-draw", quiz.where_of("draw") if quiz.draw is not None else where,
                                  draw_name=draw_name, draw=quiz.draw_count, per_lesson=quiz.per_lesson or 0,
                                  needed=needed))
    return problems


def most_asked(quiz: Quiz, required: set[str]) -> int:
    """The most questions the draw can have to ask. Each required topic takes the first of its questions in the
    shuffled pool, which can lie in any lesson that has one; a lesson then holds its per_lesson quota or the topics'
    questions that landed in it, whichever is more. Every way the topics can land is tried while they are few;
    beyond that a bound that is never too low (every topic on top of a quota where it can be)."""
    quota = quiz.per_lesson or 0
    lessons_of: dict[str, set[str]] = {topic: set() for topic in required}
    for q in quiz.questions:
        if q.topic in required:
            lessons_of[q.topic].add(q.lesson)
    base = quota * len(quiz.lessons)
    choices = [sorted(lessons) for lessons in lessons_of.values()]
    if math.prod(map(len, choices)) > MOST_WAYS:
        carried = Counter(lesson for lessons in choices for lesson in lessons)
        return base + min(len(choices), sum(max(0, n - quota) for n in carried.values()))
    return base + max(sum(max(0, n - quota) for n in Counter(landing).values())
                      for landing in itertools.product(*choices))


def warning(code: str, where: Where | None, **figures) -> Problem:
    return Problem(where, MESSAGES[code].format(**figures), "warning", code)


def error(code: str, where: Where | None, **figures) -> Problem:
    return Problem(where, MESSAGES[code].format(**figures), "error", code)
