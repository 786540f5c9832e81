"""Problems found in course sources, reported as `path:line:col: severity: message [code]` in the reader's language.

A message is made with `said(code, **params)` (builder/words, area `source`): the text in the CLI's language that
keeps its code, so that a Problem made from it carries the code without being told twice."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # located.py stands on pydantic, which commands that judge a zip or an export do without
    from .located import Where
from ..words import say


class Message(str):
    """A message in the reader's language that remembers the stable code it was made from."""

    code = ""


def said(code: str, /, **params) -> Message:
    message = Message(say(code, **params))
    message.code = code
    return message


@dataclass(frozen=True)
class Problem:
    where: Where
    message: str  # what is wrong and what to do about it
    severity: Literal["error", "warning"] = "error"
    code: str = ""  # a stable name for the rule (e.g. "quiz-key-longest"), so scripts and tests need not read wording

    def __post_init__(self) -> None:
        if not self.code and isinstance(self.message, Message):  # a message from said() names its own code
            object.__setattr__(self, "code", self.message.code)

    def __str__(self) -> str:
        place = f"{self.where.line}:{self.where.col}:" if self.where.line else ""  # a whole file has no line
        code = f" [{self.code}]" if self.code else ""
        severity = say(f"source.severity.{self.severity}")
        return f"{display_path(self.where.path)}:{place} {severity}: {self.message}{code}"


class SourceError(Exception):
    """Raised when the sources have errors; carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the course sources")


def display_path(path: os.PathLike | str) -> str:
    """Relative to the working directory when the file lies below it, so messages stay short."""
    try:
        return os.path.relpath(path)
    except ValueError:
        return str(path)


def closest(word: str, known) -> str | None:
    hint = difflib.get_close_matches(word, list(known), n=1)
    return hint[0] if hint else None


def did_you_mean(word: str, known) -> str:
    """The tail «; did you mean 'x'?» for a message's {hint}, or nothing when no known word is close."""
    hint = closest(word, known)
    return say("source.hint.did-you-mean", word=hint) if hint else ""
