"""Required topics (quiz field required_topics, question field topic): every drawn attempt asks at least one
question of each, beside per_lesson's quotas (builder/outputs/runtime/draw.js). Here: whether the pool and the draw allow it."""

from __future__ import annotations

import itertools
import math
from collections import Counter

from .model import Quiz
from .problems import Problem, closest
from ..words import say

MOST_WAYS = 50_000  # ways the required topics can land in lessons that are tried one by one


def topic_problems(quiz: Quiz) -> list[Problem]:
    problems: list[Problem] = []
    carried = Counter(q.topic for q in quiz.questions if q.topic)
    where = quiz.where_of("required_topics")
    for index, topic in enumerate(quiz.required_topics):
        if topic not in carried:
            hint = closest(topic, carried)
            problems.append(Problem(quiz.where_of("required_topics", index), say(
                "quality.quiz-topic-unknown", topic=topic,
                hint=say("quality.did-you-mean", word=hint) if hint else ""), "error", "quiz-topic-unknown"))
        elif carried[topic] == 1:
            question = next(q.id for q in quiz.questions if q.topic == topic)
            problems.append(Problem(quiz.where_of("required_topics", index), say(
                "quality.quiz-topic-one-question", topic=topic, question=question), "warning",
                "quiz-topic-one-question"))
    required = set(quiz.required_topics) & set(carried)
    if required:
        needed = most_asked(quiz, required)
        if quiz.draw_count < needed:
            draw_name = say("quality.draw-set") if quiz.draw is not None else say("quality.draw-default")
            problems.append(Problem(quiz.where_of("draw") if quiz.draw is not None else where, say(
                "quality.quiz-topic-draw", draw_name=draw_name, draw=quiz.draw_count,
                per_lesson=quiz.per_lesson or 0, needed=needed), "error", "quiz-topic-draw"))
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
