"""Where each source file of a course is read from: a language's translation overlay, else the shared core."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

CORE_LANGUAGE = "nb"
TRANSLATIONS = "translations"


@dataclass(frozen=True)
class Overlay:
    """translations/<language>/ mirrors the source tree; a file there replaces the core file of the same path."""

    root: Path
    language: str = CORE_LANGUAGE

    @property
    def folder(self) -> Path | None:
        return None if self.language == CORE_LANGUAGE else self.root / TRANSLATIONS / self.language

    def translated(self, relative: str) -> Path | None:
        """The translation of `relative` (e.g. 'course/lessons/01-a.md'), when it exists."""
        folder = self.folder
        path = folder / relative if folder is not None else None
        return path if path is not None and path.is_file() else None

    def path(self, relative: str) -> Path:
        return self.translated(relative) or self.root / relative


def content_hash(path: Path) -> str:
    """What a translation records in `translated_from`: it changes whenever the bokmål file changes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]
