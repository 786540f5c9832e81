"""What one LMS attempt says about a learner, from what the LMS recorded and the course's completion rule.

The SCO's column holds a finished attempt's score or a status word (the export grammar's, exports/). The course
writes a score only once its process is over (passed, or every quiz attempt used), so a score there is a finished
attempt, and only the course's pass mark tells passed from failed. Nothing here guesses a pass mark.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..course.grading import passes, quiz_decides

# Outcomes of one attempt, and of a learner (the best done outcome, else their latest attempt's).
PASSED, COMPLETED, FAILED, FINISHED, OPEN, UNKNOWN, NOT_STARTED = (
    "passed", "completed", "failed", "finished", "open", "unknown", "not_started")
DONE = (PASSED, COMPLETED)
ORDER = (PASSED, COMPLETED, FAILED, FINISHED, OPEN, UNKNOWN, NOT_STARTED)  # the order figures and lists use


def number(text: str) -> float | None:
    """A score as the LMS wrote it: "85", "85.5", "85,5" or "85 %"."""
    try:
        return float(text)
    except ValueError:
        try:
            return float(text.replace(",", ".").replace("%", "").strip())
        except ValueError:
            return None


def attempt_outcome(started: bool, sco: str | None, score: float | None, pass_mark: float | None,
                    rule: str | None, words: Mapping[str, str] | None = None) -> str:
    """sco is the SCO column's text, or None when the export has no such column (the Basic report); words are the
    export grammar's status words (none given: every word is «status unknown»)."""
    if not started:
        return NOT_STARTED
    if sco is None:
        # The Basic report's score column reads 0 for an unfinished attempt: only a score at the pass mark tells.
        if pass_mark is not None and quiz_decides(rule) and score is not None and passes(score, pass_mark):
            return PASSED
        return UNKNOWN
    value = number(sco) if sco else None
    if value is None:
        return (words or {}).get(sco.strip().lower(), UNKNOWN) if sco else UNKNOWN
    if not quiz_decides(rule):
        return UNKNOWN  # the quiz does not decide, and the score hides whether every lesson was read
    if pass_mark is None:
        return FINISHED
    return PASSED if passes(value, pass_mark) else FAILED
