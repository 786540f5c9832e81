"""The LMS export grammars the HR report reads, each declared once, and the registry that holds them.

The report (tally, figures) reads a file through the Layout the registry hands it and names no LMS. A new LMS's
export is a module here with an ExportGrammar (grammar.py), registered below, its words' sources in docs/lms.md, and
its tests; tally, figures and output stay as they are."""

from __future__ import annotations

from pathlib import Path

from ..words import Refusal
from .grammar import ExportGrammar, Layout
from .moodle import MOODLE

SAMPLE_ROWS = 500  # the rows a grammar sees besides the header to recognise its file by the shape of the values

REGISTERED: list[ExportGrammar] = []


def register(grammar: ExportGrammar) -> ExportGrammar:
    if any(known.name == grammar.name for known in REGISTERED):
        raise ValueError(f"an export grammar named {grammar.name!r} is already registered")
    REGISTERED.append(grammar)
    return grammar


def recognise(path: Path, header: list[str], sample: list[list[str]]) -> Layout:
    """The layout of the first registered grammar that knows the file; refused when none does."""
    for grammar in REGISTERED:
        layout = grammar.recognise(path, header, sample)
        if layout is not None:
            return layout
    raise Refusal("not-an-export", path)


def identity_field(header: str) -> str | None:
    """Which identity field (department, institution…) a column header names, in any registered LMS's words."""
    text = header.strip().lower()
    return next((field for grammar in REGISTERED for field, names in grammar.identity_fields.items()
                 if text in names), None)


register(MOODLE)
