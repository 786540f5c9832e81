"""Quality checks for course authors: whether the quiz measures knowledge (cues a test-wise guesser could use, a
simulated guesser, required topics) and whether the text is clear (readability, nynorsk that stays nynorsk).
Each finding is a coded warning from `check`; `check --quality` shows the figures behind them (overview.py)."""

from __future__ import annotations

from ..course.model import Course
from ..course.problems import Problem


def quality_problems(course: Course) -> list[Problem]:
    """The quiz's cues and the guesser's chance (required topics are draw rules: builder/course/check.py runs them)."""
    from .cues import cue_problems
    from .guesser import guess_problems

    if course.quiz is None:
        return []
    return cue_problems(course.quiz, course.language) + guess_problems(course)
