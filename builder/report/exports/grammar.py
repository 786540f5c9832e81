"""What an LMS export grammar declares, and the layout it hands the report: which column holds what in one file.

The report reads a file through its Layout alone: the learner (name, e-mail, identity fields), the attempt, its last
access, its score, the SCO's column (its score, or a status word), the answer groups, and what the LMS writes in a
cell that holds nothing. Which LMS wrote the file, and in what words, is the grammar's business."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

# Which report a file is: answers per question, objectives only, neither, or no status column at all (the score only)
INTERACTIONS, NO_ANSWERS, BASIC = "interactions", "no_answers", "basic"


@dataclass
class Layout:
    width: int
    name: int
    email: int | None
    groups: dict[int, str]  # column → header, for identity fields such as department or institution
    attempt: int
    last_access: int
    score: int
    sco: int | None  # the SCO's column: its score, or a status word such as "Incomplete"
    sco_title: str  # the SCO column's header: the activity's SCO as the LMS names it
    questions: list[tuple[int, int, int, int]]  # question, response, right answer, result
    kind: str  # INTERACTIONS, NO_ANSWERS or BASIC
    nothing: str  # what the LMS writes for no attempt, date or score (Moodle: «-»); an empty cell is nothing too
    status_words: Mapping[str, str]  # the SCO column's words, lower-cased → an outcome of status.py


class ExportGrammar(Protocol):
    """One LMS's report download, as registered in exports/__init__.py."""

    name: str
    status_words: Mapping[str, str]  # as in Layout
    identity_fields: Mapping[str, set[str]]  # the page's field id (field_<id> in builder/words/) → headers, lower-cased

    def recognise(self, path: Path, header: list[str], sample: list[list[str]]) -> Layout | None:
        """The file's layout when it is this LMS's report, else None. May raise Refusal when the file is another of
        this LMS's downloads that is mistaken for the report (a gradebook export)."""

