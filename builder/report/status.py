"""What one LMS attempt says about a learner, from what the LMS recorded and the course's completion rule.

Moodle's SCORM reports print a finished attempt's score (score_raw) in the SCO's column in place of its status, and
only statuses without a score come through as words («Incomplete», «Not attempted», a lessons-only «Completed»).
The course writes a score only once its process is over (passed, or every quiz attempt used), so a score there is
a finished attempt, and only the course's pass mark tells passed from failed. Nothing here guesses a pass mark.
"""

from __future__ import annotations

from ..course.grading import passes, quiz_decides
from .layout import number

# Outcomes of one attempt, and of a learner (the best done outcome, else their latest attempt's).
PASSED, COMPLETED, FAILED, FINISHED, OPEN, UNKNOWN, NOT_STARTED = (
    "passed", "completed", "failed", "finished", "open", "unknown", "not_started")
DONE = (PASSED, COMPLETED)
ORDER = (PASSED, COMPLETED, FAILED, FINISHED, OPEN, UNKNOWN, NOT_STARTED)  # the order figures and lists use

# The words Moodle's SCORM reports print for a status without a score: get_string(<status>, 'scorm') for the SCO's
# lesson_status (SCORM 1.2) or completion_status (2004), lower-cased. English from mod/scorm/lang/en/scorm.php;
# bokmål from Moodle's «no» language pack. No nynorsk version of these could be checked; where the nynorsk pack has
# no word of its own, Moodle shows the bokmål one (its parent language in the packs checked). docs/lms.md «Kilder»
# says where each was checked. A word not here is «status unknown», never a guess.
RECORDED = {
    "passed": PASSED, "bestått": PASSED,  # scorm|passed
    "failed": FAILED, "feilet": FAILED,  # scorm|failed
    "completed": COMPLETED, "fullført": COMPLETED,  # scorm|completed
    "incomplete": OPEN, "ufullstendig": OPEN,  # scorm|incomplete
    "browsed": OPEN, "lest": OPEN,  # scorm|browsed
    "not attempted": NOT_STARTED, "ikke forsøkt": NOT_STARTED,  # scorm|notattempted
}


def attempt_outcome(started: bool, sco: str | None, score: float | None, pass_mark: float | None,
                    rule: str | None) -> str:
    """sco is the SCO column's text, or None when the export has no such column (the Basic report)."""
    if not started:
        return NOT_STARTED
    if sco is None:
        # The Basic report's score column reads 0 for an unfinished attempt: only a score at the pass mark tells.
        if pass_mark is not None and quiz_decides(rule) and score is not None and passes(score, pass_mark):
            return PASSED
        return UNKNOWN
    value = number(sco) if sco else None
    if value is None:
        return RECORDED.get(sco.strip().lower(), UNKNOWN) if sco else UNKNOWN
    if not quiz_decides(rule):
        return UNKNOWN  # the quiz does not decide, and the score hides whether every lesson was read
    if pass_mark is None:
        return FINISHED
    return PASSED if passes(value, pass_mark) else FAILED
