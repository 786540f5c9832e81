"""Item analysis for the course owner: per question, the share right (difficulty) and how well it separates strong
from weak learners (discrimination), kept as running sums so memory grows with questions, not learners.

Discrimination is the corrected point-biserial correlation: over every quiz attempt that drew the question, the
correlation between answering it right (1/0) and the share right on the attempt's *other* questions. Leaving the
question itself out keeps it from correlating with itself; with 15 questions per attempt that matters."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from itertools import repeat

EASY = 0.9  # nearly everyone right: the question teaches or tests little
HARD = 0.3  # most wrong: unclear wording, a wrong key, or a topic the lessons do not cover
MIN_ANSWERS = 10  # fewer answers than this say too little to flag a question


CORRECT = frozenset({"correct", "Correct", "CORRECT"})


def add(counts: Counter, questions, rights, results, per_attempt: int | None) -> None:
    """Counts one LMS attempt's answers as (question, right answer, right 1/0, right in its quiz attempt, questions
    in it). Its interactions hold every quiz attempt made in it, one after the other; per_attempt (the quiz's draw)
    splits them, else the row is one attempt. Counting keys, not adding floats, keeps this at C speed and lets a
    dropped duplicate be taken back exactly (Counter.subtract); sums() turns the counts into the sums."""
    answered = len(questions) - questions.count("")  # Moodle numbers them from 0: the empty ones are at the end
    size = per_attempt or answered
    for start in range(0, answered, size or 1):
        end = min(start + size, answered)
        if end - start < 2:
            continue
        right = list(map(CORRECT.__contains__, results[start:end]))
        counts.update(zip(questions[start:end], rights[start:end], right, repeat(sum(right)), repeat(end - start)))


def sums(counts: Counter) -> dict[tuple[str, str], list]:
    """(question, right answer) → [n, Σx, Σy, Σy², Σxy], y the share right on the attempt's other questions. Every
    count is above zero: figures.summed_items adds the files' Counters, and Counter addition drops the rest."""
    found: dict[tuple[str, str], list] = {}
    for (q, r, x, total, k), c in counts.items():
        y = (total - x) / (k - 1)
        s = found.setdefault((q, r), [0, 0, 0.0, 0.0, 0.0])
        s[0] += c
        s[1] += c * x
        s[2] += c * y
        s[3] += c * y * y
        s[4] += c * x * y
    return found


@dataclass
class ItemFigures:
    attempts: int  # quiz attempts that drew the question (and at least one other)
    difficulty: float | None  # share right
    discrimination: float | None  # corrected point-biserial; None when either side does not vary
    flags: list[str]  # "easy", "hard", "negative"


def item_figures(s: list | None) -> ItemFigures:
    if not s or s[0] <= 0:
        return ItemFigures(0, None, None, [])
    n, sx, sy, syy, sxy = s
    vx, vy = n * sx - sx * sx, n * syy - sy * sy
    r = (n * sxy - sx * sy) / math.sqrt(vx * vy) if vx > 0 and vy > 1e-9 else None
    p = sx / n
    flags = []
    if n >= MIN_ANSWERS:
        flags += ["easy"] * (p > EASY) + ["hard"] * (p < HARD) + ["negative"] * (r is not None and r < 0)
    return ItemFigures(n, p, r, flags)
