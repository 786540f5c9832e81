"""Response codes as the LMS recorded them, turned back into the course's words (see the README's "Interaction
formats": SCORM 1.2 writes letters by position in the source, SCORM 2004 writes ids)."""

from __future__ import annotations

from ..model import Question

def right_codes(question: Question) -> set[str]:
    """The right answer as the course writes it in both SCORM versions: an LMS that recorded another right answer
    for this question id played another version of the quiz."""
    return question.right_codes()


def describe_response(question: Question | None, code: str, words: dict) -> tuple[str, str]:
    """The learner's response in words, and the feedback (the misconception it reveals) when the course has one."""
    if question is None or not code:
        return code or "—", ""
    return question.describe(code, words)


def right_answer(question: Question, words: dict) -> str:
    return question.right_answer(words)
