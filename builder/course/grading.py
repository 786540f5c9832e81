"""The pass rule, declared once for the Python side: a score is a whole percent of the questions fully right, it
passes at or above the passing score, and the quiz decides passed or failed under every completion rule but
«lessons». The manifest's mastery score (outputs/scorm.py), the page data the runtime grades by (outputs/render.py;
the runtime's own copy of the rule is runtime/grading.js), the HR report's judgement of a recorded score
(report/status.py) and the simulated guesser's pass mark (quality/guesser.py) all read it here."""

from __future__ import annotations

import math
from dataclasses import dataclass

LESSONS_ONLY = "lessons"  # the completion rule under which reading the lessons completes the course, quiz or not


def percent(right: int, asked: int) -> int:
    """An attempt's score: the whole percent of the questions fully right, rounded half up, as the player shows it
    and the LMS stores it (Math.round in the runtime)."""
    return math.floor(100 * right / asked + 0.5)


def passes(score: float, passing_score: float) -> bool:
    return score >= passing_score


def quiz_decides(completion: str | None) -> bool:
    """Whether the quiz's result is what the LMS records as passed or failed (an unknown rule: it may be)."""
    return completion != LESSONS_ONLY


@dataclass(frozen=True)
class PassRule:
    """One course's pass rule, as its files declare it (model.Course.pass_rule)."""
    passing_score: int  # percent of the questions fully right
    completion: str  # lessons, quiz or lessons-and-quiz
    failed_status: str  # what the LMS records when the last quiz attempt fails: failed, or incomplete
    has_quiz: bool

    @property
    def quiz_decides(self) -> bool:
        return self.has_quiz and quiz_decides(self.completion)

    def passes(self, score: float) -> bool:
        return passes(score, self.passing_score)

    @property
    def mastery_score(self) -> int | None:
        """SCORM 1.2's masteryscore, with which LMSs override the SCO's own status: only while the quiz decides
        and a failed attempt is recorded as failed."""
        return self.passing_score if self.quiz_decides and self.failed_status == "failed" else None

    @property
    def scaled_passing_score(self) -> str | None:
        """SCORM 2004's primary objective's minNormalizedMeasure (0–1): only while the quiz decides."""
        return f"{self.passing_score / 100:g}" if self.quiz_decides else None

    def page_data(self) -> dict:
        """The rule as the runtime reads it from the page (docs/design.md «What the package holds»)."""
        return {"passingScore": self.passing_score, "completion": self.completion, "failedStatus": self.failed_status}
