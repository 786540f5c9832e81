"""What one LMS attempt says, row by row of docs/report.md's table: the LMS's word or score, the pass mark, the
course's completion rule. No pass mark is ever guessed."""

from __future__ import annotations

import pytest

from builder.report import status
from builder.report.exports.moodle import MOODLE

QUIZ = "lessons-and-quiz"


def attempt_outcome(*args):
    """An attempt's outcome as a Moodle export's row gives it: with Moodle's status words."""
    return status.attempt_outcome(*args, MOODLE.status_words)


@pytest.mark.parametrize("started, sco, score, mark, rule, outcome", [
    (False, "Not attempted", None, 80, QUIZ, "not_started"),
    (True, "Not attempted", None, 80, QUIZ, "not_started"),
    (True, "Incomplete", 0, 80, QUIZ, "open"),
    (True, "Ufullstendig", 0, None, QUIZ, "open"),  # a Norwegian download
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
    (True, None, 100, 80, QUIZ, "passed"),  # the Basic report: a score at the mark or above
    (True, None, 80, 80, QUIZ, "passed"),  # exactly at the mark is a pass there too
    (True, None, 79.5, 80, QUIZ, "unknown"),
    (True, None, 0, 80, QUIZ, "unknown"),  # the Basic report: 0 may be unfinished
    (True, None, 100, None, QUIZ, "unknown"),
    (True, None, 100, 80, "lessons", "unknown"),
])
def test_attempt_outcome(started, sco, score, mark, rule, outcome):
    assert attempt_outcome(started, sco, score, mark, rule) == outcome


# Every status word Moodle 4.3 prints in the SCO column (scorm|<id>, English and the bokmål pack; see docs/lms.md
# «Kilder»), each its own case, so dropping one from exports.moodle.RECORDED goes red.
@pytest.mark.parametrize("word, rule, outcome", [
    ("Passed", QUIZ, "passed"), ("Bestått", QUIZ, "passed"),  # scorm|passed
    ("Failed", QUIZ, "failed"), ("Feilet", QUIZ, "failed"),  # scorm|failed
    ("Completed", "lessons", "completed"), ("Fullført", "lessons", "completed"),  # scorm|completed
    ("Incomplete", QUIZ, "open"), ("Ufullstendig", QUIZ, "open"),  # scorm|incomplete
    ("Browsed", QUIZ, "open"), ("Lest", QUIZ, "open"),  # scorm|browsed
    ("Not attempted", QUIZ, "not_started"), ("Ikke forsøkt", QUIZ, "not_started"),  # scorm|notattempted
])
def test_each_of_moodles_status_words(word, rule, outcome):
    assert attempt_outcome(True, word, None, 80, rule) == outcome
    assert attempt_outcome(True, f" {word.upper()} ", None, 80, rule) == outcome  # as a spreadsheet may hold it
