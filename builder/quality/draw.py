"""The quiz's draw rule in Python, bit for bit the same as the player's builder/outputs/runtime/draw.js (Mulberry32 and the
same shuffles), so the guesser plays the attempts a learner gets. tests/runtime/draw_port.test.mjs compares the two
over many seeds: change both together."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

MASK = 0xFFFFFFFF


def imul(a: int, b: int) -> int:
    """Math.imul on 32-bit patterns: the low 32 bits of the product (signedness does not change them)."""
    return (a * b) & MASK


def prng(seed: int) -> Callable[[], float]:
    """Mulberry32, kept as an unsigned 32-bit pattern throughout: JS's `| 0` and `>>> 0` give the same bits."""
    state = seed & MASK

    def next_float() -> float:
        nonlocal state
        state = (state + 0x6D2B79F5) & MASK
        t = imul(state ^ (state >> 15), 1 | state)
        t = ((t + imul(t ^ (t >> 7), 61 | t)) & MASK) ^ t
        return (t ^ (t >> 14)) / 4294967296

    return next_float


def shuffled(items: Sequence[int], rnd: Callable[[], float]) -> list[int]:
    a = list(items)
    for i in range(len(a) - 1, 0, -1):
        j = math.floor(rnd() * (i + 1))
        a[i], a[j] = a[j], a[i]
    return a


@dataclass(frozen=True)
class DrawRule:
    """What the draw needs of each question (lesson, topic, option count) and of the quiz."""

    lessons: tuple[str, ...]
    topics: tuple[str | None, ...]
    options: tuple[int, ...]
    draw: int
    per_lesson: int = 0
    required_topics: tuple[str, ...] = ()
    shuffle: bool = True

    @classmethod
    def of(cls, quiz) -> DrawRule:
        """From a loaded Quiz, as builder/outputs/render.py gives it to the player."""
        return cls(tuple(q.lesson for q in quiz.questions), tuple(q.topic for q in quiz.questions),
                   tuple(len(getattr(q, "options", ())) for q in quiz.questions), quiz.draw_count,
                   quiz.per_lesson or 0, tuple(quiz.required_topics), quiz.shuffle)


def picked(rule: DrawRule, rnd: Callable[[], float]) -> list[int]:
    """The drawn questions' indexes in the order asked; `rnd` has then given what the option shuffles start from."""
    pool = shuffled(range(len(rule.lessons)), rnd)
    must = [False] * len(pool)
    count: dict[str, int] = {}
    covered: set[str] = set()

    def take(position: int) -> None:
        index = pool[position]
        must[position] = True
        count[rule.lessons[index]] = count.get(rule.lessons[index], 0) + 1
        if rule.topics[index]:
            covered.add(rule.topics[index])

    for topic in rule.required_topics:
        if topic not in covered:
            position = next((p for p, index in enumerate(pool) if rule.topics[index] == topic), -1)
            if position >= 0:
                take(position)
    for position, index in enumerate(pool):
        if not must[position] and count.get(rule.lessons[index], 0) < rule.per_lesson:
            take(position)
    chosen = sorted(sorted(range(len(pool)), key=lambda p: (not must[p], p))[:rule.draw])
    drawn = [pool[p] for p in chosen]  # back in the shuffled order
    return drawn if rule.shuffle else sorted(drawn)


def drawn_questions(rule: DrawRule, seed: int) -> list[int]:
    """Only which questions an attempt asks (the guesser needs no option order)."""
    return picked(rule, prng(seed))


def layout(rule: DrawRule, seed: int) -> list[tuple[int, list[int]]]:
    """(question index, option indexes in display order) per drawn question, as draw.js's layout."""
    rnd = prng(seed)
    return [(index, shuffled(range(rule.options[index]), rnd) if rule.shuffle else list(range(rule.options[index])))
            for index in picked(rule, rnd)]
