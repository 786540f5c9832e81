"""Which column holds what in a Moodle SCORM report, found by structure and by the shape of the values.

Headers follow the downloading user's language, so no English word is relied on. Moodle's layout is: the
learner's name, the identity fields the site shows (e-mail, department, institution…), the attempt number, two
dates, the score, one column per SCO, then numbered groups of four (question, response, right answer, result).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .words import Refusal

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
NUMBERED = re.compile(r"^(.*?)\s*(\d+)$")
RESULT = re.compile(r"^(correct|wrong|incorrect|unanticipated|neutral|-?\d+(\.\d+)?)?$", re.IGNORECASE)
SAMPLE_ROWS = 500
# The identity fields a site may show in its reports (showuseridentity) that divide people into groups, by the
# names Moodle heads their columns with (moodle|department, institution, city, country) in English, bokmål and
# nynorsk, lower-cased; docs/lms.md «Kilder» says where each was checked. The page names them in its own words
# (field_<id> in builder/words/); any other column, such as a site's own profile field, keeps its header.
IDENTITY_FIELDS = {
    "department": {"department", "avdeling"},
    "institution": {"institution", "institusjon"},
    "city": {"city/town", "sted", "stad"},
    "country": {"country", "land"},
}


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


def number(text: str) -> float | None:
    """A score as the LMS wrote it: "85", "85.5", "85,5" or "85 %"."""
    try:
        return float(text)
    except ValueError:
        try:
            return float(text.replace(",", ".").replace("%", "").strip())
        except ValueError:
            return None


def identity_field(header: str) -> str | None:
    """Which of Moodle's identity fields a column header names, in any of the three languages."""
    text = header.strip().lower()
    return next((field for field, names in IDENTITY_FIELDS.items() if text in names), None)


def find_layout(path: Path, header: list[str], sample: list[list[str]]) -> Layout:
    width = len(header)

    def column(i: int) -> list[str]:
        # «-» is Moodle's mark for a learner who never started: no attempt, no dates, no score
        return [row[i] for row in sample if i < len(row) and row[i] and row[i] != "-"]

    def numeric(i: int) -> bool:
        return all(number(v) is not None for v in column(i))

    def never_started(i: int) -> bool:
        """Attempt, two dates and score all «-»: in a course's first days, every row may be such."""
        return all(row[i:i + 4] == ["-"] * 4 for row in sample)

    # The attempt number is a column of small whole numbers followed by two dates (not numbers) and the score.
    attempt = next((i for i in range(1, width - 3) if column(i) and all(v.isdigit() and 0 < int(v) < 10_000
                                                                         for v in column(i))
                    and not (column(i + 1) and numeric(i + 1)) and not (column(i + 2) and numeric(i + 2))
                    and numeric(i + 3) or never_started(i)), None)
    if attempt is None:
        raise Refusal("not-an-export", path)
    questions = question_groups(header, column, attempt + 4)
    first_question = questions[0][0] if questions else width
    email = next((i for i in range(1, attempt) if column(i) and all(EMAIL.match(v) for v in column(i))), None)
    groups = {i: header[i].strip() or f"#{i + 1}" for i in range(1, attempt) if i != email}
    sco = attempt + 4 if attempt + 4 < first_question else None
    return Layout(width, 0, email, groups, attempt, attempt + 2, attempt + 3, sco,
                  header[sco].strip() if sco is not None else "", questions)


def question_groups(header: list[str], column, start: int) -> list[tuple[int, int, int, int]]:
    """Runs of four headers that end in the same number ("Question 0", "Response 0", …, in any language) whose
    fourth column holds results."""
    groups = []
    i = start
    while i + 3 < len(header):
        numbers = [NUMBERED.match(header[i + k].strip()) for k in range(4)]
        if all(numbers) and len({m.group(2) for m in numbers}) == 1 \
                and all(RESULT.match(v) for v in column(i + 3)):
            groups.append((i, i + 1, i + 2, i + 3))
            i += 4
        else:
            i += 1
    return groups
