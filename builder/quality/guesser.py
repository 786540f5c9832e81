"""A simulated test-wise guesser: she reads no lesson, only the surface of each question, and plays the quiz's own
draw (draw.py, the player's rule) over many seeded attempts. Each question type's guess is one entry of TEST_WISE;
for a drawn attempt the chance to pass follows exactly from the chances per question, and the attempts are
averaged. A pure random guesser's chance stands beside it."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass

from ..course import grading
from ..course.model import Course, Quiz
from ..course.problems import Problem
from ..course.questions import Multiple, Single, Sort, TrueFalse
from ..words import number, say
from ..words import percent as in_percent
from . import surface
from .draw import DrawRule, drawn_questions, prng

RUNS = 500  # seeded attempts; fewer for a large pool (BUDGET), so `check` stays quick
BUDGET = 200_000  # questions shuffled in all, at most
LEAST_RUNS = 40
DECIMALS = 6  # the finest a chance is shown: a millionth of a percent
TINY = 10 ** -DECIMALS


@dataclass(frozen=True)
class Guess:
    """How a guesser answers one question type: the chance that the answer is fully right, and for the test-wise
    guesser the code of its words (`check --quality --format json` lists them)."""

    kind: type
    chance: Callable[[object, str], float]
    how: str = ""


def key_index(q) -> int:
    return next(i for i, o in enumerate(q.options) if o.correct)


def longest_option(q, language: str) -> float:
    ties = surface.longest([o.text for o in q.options])
    return 1 / len(ties) if key_index(q) in ties else 0.0


def all_but_shortest(q, language: str) -> float:
    ties = surface.shortest([o.text for o in q.options])
    wrong = [i for i, o in enumerate(q.options) if not o.correct]
    return 1 / len(ties) if len(wrong) == 1 and wrong[0] in ties else 0.0


def by_wording(q, language: str) -> float:
    return float(surface.wording_says_true(q.text, language) == q.answer)


def sort_by_elimination(q, language: str) -> float:
    """With one item per category the items are a one-to-one match: a guess among the orderings; else at random."""
    if sorted(i.category for i in q.items) == sorted(c.id for c in q.categories):
        return 1 / math.factorial(len(q.categories))
    return random_sort(q, language)


def random_sort(q, language: str) -> float:
    return len(q.categories) ** -len(q.items)


TEST_WISE = (
    Guess(Single, longest_option, "quality.guess-single"),
    Guess(Multiple, all_but_shortest, "quality.guess-multiple"),
    Guess(TrueFalse, by_wording, "quality.guess-true-false"),
    Guess(Sort, sort_by_elimination, "quality.guess-sort"),
)
RANDOM = (  # any option; any set of options; true or false; any category for each item
    Guess(Single, lambda q, language: 1 / len(q.options)),
    Guess(Multiple, lambda q, language: 1 / (2 ** len(q.options) - 1)),
    Guess(TrueFalse, lambda q, language: 0.5),
    Guess(Sort, random_sort),
)


def chances(quiz: Quiz, language: str, table: tuple[Guess, ...]) -> list[float]:
    """Per question, the chance the table's guess is fully right (the player grades only fully right answers)."""
    return [next(g.chance(q, language) for g in table if isinstance(q, g.kind)) for q in quiz.questions]


def needed(asked: int, passing: int) -> int:
    """Fewest right answers that pass, by the course's grading rule."""
    return next(r for r in range(asked + 1) if r == asked or grading.passes(grading.percent(r, asked), passing))


def pass_chance(ps: list[float], need: int) -> float:
    """Chance that at least `need` of independent answers with chances `ps` are right."""
    right = [1.0] + [0.0] * len(ps)  # right[k]: chance of exactly k right so far
    for p in ps:
        for k in range(len(right) - 1, 0, -1):
            right[k] = right[k] * (1 - p) + right[k - 1] * p
        right[0] *= 1 - p
    return sum(right[need:])


@dataclass(frozen=True)
class Figures:
    """One guesser's chance to pass: in one attempt, and within the allowed attempts (None: unlimited)."""

    one: float
    attempts: int  # 0 = unlimited

    @property
    def within(self) -> float | None:
        return None if not self.attempts else 1 - (1 - self.one) ** self.attempts

    @property
    def ceiling_figure(self) -> float:
        """What the ceiling is held against: the chance within the attempts, or per attempt where they are
        unlimited (then any chance above 0 passes in the end)."""
        return self.one if self.within is None else self.within

    def said(self) -> str:
        if self.within is not None:
            return say("quality.guess-within-one" if self.attempts == 1 else "quality.guess-within",
                       within=percent(self.within), attempts=self.attempts)
        if not self.one:
            return say("quality.guess-unlimited-never", one=percent(self.one))
        return say("quality.guess-unlimited", one=percent(self.one), average=number(1 / self.one))


def percent(share: float) -> str:
    """One decimal, or two significant digits for the tiny chances of a random guesser (never a false 0.0 %), down
    to a millionth of a percent; below that «under 0.000001 %»."""
    if share == 0 or share >= 0.01:
        return in_percent(share, 1)
    if 100 * share < TINY:
        return say("quality.under", limit=in_percent(TINY / 100, DECIMALS))
    return in_percent(share, min(DECIMALS, 1 - math.floor(math.log10(100 * share))))


@dataclass(frozen=True)
class Result:
    test_wise: Figures
    random: Figures
    runs: int
    asked: int
    need: int


def simulate(quiz: Quiz, language: str, passing: int, attempts: int, seed: int = 1) -> Result:
    """Deterministic for a seed: the attempts' seeds come from Mulberry32 started at `seed`."""
    return played(DrawRule.of(quiz), tuple(chances(quiz, language, TEST_WISE)),
                  tuple(chances(quiz, language, RANDOM)), passing, attempts, seed)


@functools.lru_cache(maxsize=16)  # the preview rebuilds on every save, and each edition shares the core's quiz
def played(rule: DrawRule, wise: tuple[float, ...], blind: tuple[float, ...], passing: int, attempts: int,
           seed: int) -> Result:
    pool = len(rule.lessons)
    whole = rule.draw >= pool  # every attempt asks the whole pool: one attempt tells it all
    runs = 1 if whole else max(LEAST_RUNS, min(RUNS, BUDGET // max(1, pool)))
    seeds = prng(seed)
    asked = min(rule.draw, pool)
    need = needed(asked, passing)
    one_wise = one_blind = 0.0
    for _ in range(runs):
        drawn = drawn_questions(rule, math.floor(seeds() * 2147483647))  # seeds as the player makes them
        one_wise += pass_chance([wise[i] for i in drawn], need)
        one_blind += pass_chance([blind[i] for i in drawn], need)
    return Result(Figures(one_wise / runs, attempts), Figures(one_blind / runs, attempts), runs, asked, need)


def course_guess(course: Course) -> Result | None:
    if course.quiz is None or not course.quiz.questions:
        return None
    return simulate(course.quiz, course.language, course.passing_score, course.tracking.max_attempts)


def guess_problems(course: Course, result: Result | None = None) -> list[Problem]:
    """Above the ceiling (course.yaml quality.guess_ceiling), a warning; only where the quiz decides the status."""
    result = result or course_guess(course)
    if result is None or not course.quiz_decides_status:
        return []
    ceiling = course.quality.guess_ceiling
    if 100 * result.test_wise.ceiling_figure <= ceiling:
        return []
    return [Problem(course.quiz.where, say("quality.quiz-guessable", chance=result.test_wise.said(),
                                           random_chance=result.random.said(), ceiling=number(ceiling)),
                    "warning", "quiz-guessable")]
