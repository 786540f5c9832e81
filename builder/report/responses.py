"""Response codes as the LMS recorded them, turned back into the course's words (see docs/runtime.md, "Interaction
formats": SCORM 1.2 writes letters by position in the source, SCORM 2004 writes ids). An answer of several parts
(a multiple choice, a sorting) comes back as its parts, so the page can list them rather than run them together."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the course model (pydantic) is loaded only when a report names its course
    from ..course.model import Question


def right_codes(question: Question) -> set[str]:
    """The right answer as the course writes it in both SCORM versions: an LMS that recorded another right answer
    for this question id played another version of the quiz."""
    return question.right_codes()


def parts(question: Question, text: str) -> list[str]:
    """The question type joins the parts of an answer with «; »; split them again only where every part is one of
    the question's own texts, so an option that itself holds «; » stays whole."""
    known = {o.text for o in getattr(question, "options", [])}
    known |= {f"{i.text} → {c.text}" for i in getattr(question, "items", []) for c in getattr(question, "categories", [])}
    pieces = text.split("; ")
    return pieces if len(pieces) > 1 and all(p in known for p in pieces) else [text]


def describe_response(question: Question | None, code: str, words: dict) -> tuple[list[str], str]:
    """The learner's response in words (its parts), and the feedback (the misconception it reveals) when the course
    has one."""
    if question is None or not code:
        return [code or "—"], ""
    text, feedback = question.describe(code, words)
    return parts(question, text), feedback


def right_answer(question: Question, words: dict) -> list[str]:
    return parts(question, question.right_answer(words))


def quoted(pieces: list[str], words: dict) -> str:
    """«A», «B» og «C»: for a sentence."""
    marked = [f"«{p}»" for p in pieces]
    return marked[0] if len(marked) == 1 else f"{', '.join(marked[:-1])} {words['and']} {marked[-1]}"
