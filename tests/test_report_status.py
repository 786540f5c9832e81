"""What one LMS attempt says, row by row of docs/report.md's table: the LMS's word or score, the pass mark, the
course's completion rule. No pass mark is ever guessed."""

from __future__ import annotations

import pytest

from builder.report.status import attempt_outcome

QUIZ = "lessons-and-quiz"


@pytest.mark.parametrize("started, sco, score, mark, rule, outcome", [
    (False, "Not attempted", None, 80, QUIZ, "not_started"),
    (True, "Not attempted", None, 80, QUIZ, "not_started"),
    (True, "Incomplete", 0, 80, QUIZ, "open"),
    (True, "Ikke fullført", 0, None, QUIZ, "open"),  # a Norwegian download
    (True, "85", 85, 80, QUIZ, "passed"),
    (True, "80", 80, 80, "quiz", "passed"),  # at the mark is a pass
    (True, "79.5", 79.5, 80, QUIZ, "failed"),
    (True, "100", 100, None, QUIZ, "finished"),  # no pass mark: neither passed nor failed
    (True, "0", 0, None, QUIZ, "finished"),
    (True, "Passed", None, None, QUIZ, "passed"),
    (True, "Failed", None, None, QUIZ, "failed"),
    (True, "Completed", None, None, "lessons", "completed"),
    (True, "90", 90, 80, "lessons", "unknown"),  # the score hides whether every lesson was read
    (True, "Something else", None, 80, QUIZ, "unknown"),
    (True, None, 100, 80, QUIZ, "passed"),  # the Basic report: a score at the mark
    (True, None, 0, 80, QUIZ, "unknown"),  # the Basic report: 0 may be unfinished
    (True, None, 100, None, QUIZ, "unknown"),
    (True, None, 100, 80, "lessons", "unknown"),
])
def test_attempt_outcome(started, sco, score, mark, rule, outcome):
    assert attempt_outcome(started, sco, score, mark, rule) == outcome
