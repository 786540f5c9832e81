"""Problems found in course sources, reported as `path:line:col: severity: message`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Literal

from .model import Where


@dataclass(frozen=True)
class Problem:
    where: Where
    message: str  # what is wrong and what to do about it
    severity: Literal["error", "warning"] = "error"

    def __str__(self) -> str:
        return f"{display_path(self.where.path)}:{self.where.line}:{self.where.col}: {self.severity}: {self.message}"


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
