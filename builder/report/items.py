"""Item analysis for the course owner: per question, the share right (difficulty) and how well it separates strong
from weak learners (discrimination), kept as running sums so memory grows with questions, not learners.

Discrimination is the corrected point-biserial correlation: over every quiz attempt that drew the question, the
correlation between answering it right (1/0) and the share right on the attempt's *other* questions. Leaving the
question itself out keeps it from correlating with itself; with 15 questions per attempt that matters."""

from __future__ import annotations

import math
from dataclasses import dataclass

EASY = 0.9  # nearly everyone right: the question teaches or tests little
HARD = 0.3  # most wrong: unclear wording, a wrong key, or a topic the lessons do not cover
MIN_ANSWERS = 10  # fewer answers than this say too little to flag a question


def add(sums: dict, questions, rights, results, per_attempt: int | None, sign: int = 1) -> None:
    """Adds (or, with sign -1, takes back) one LMS attempt's answers. Its interactions hold every quiz attempt
    made in it, one after the other; per_attempt (the quiz's draw) splits them, else the row is one attempt."""
    answered = [(q, r, res.lower() == "correct") for q, r, res in zip(questions, rights, results) if q]
    size = per_attempt or len(answered)
    for start in range(0, len(answered), size or 1):
        part = answered[start:start + size]
        if len(part) < 2:
            continue
        total = sum(x for _, _, x in part)
        for q, r, x in part:
            y = (total - x) / (len(part) - 1)
            s = sums.get((q, r))
            if s is None:
                s = sums[(q, r)] = [0, 0, 0.0, 0.0, 0.0]
            s[0] += sign
            s[1] += sign * x
            s[2] += sign * y
            s[3] += sign * y * y
            s[4] += sign * x * y


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
