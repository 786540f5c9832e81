"""Moodle 4.3's SCORM report downloads: which column holds what, found by structure and by the shape of the values;
Moodle's status words; and which of Moodle's other downloads (the gradebook export, the course completion report)
a file is, told by its columns.

Headers follow the downloading user's language, so no English word is relied on. Moodle's layout is: the
learner's name, the identity fields the site shows (e-mail, department, institution…), the attempt number, two
dates, the score, one column per SCO, then numbered groups of four (question, response, right answer, result).
«-» is Moodle's mark for a learner who never started: no attempt, no dates, no score.

Moodle's SCORM reports print a finished attempt's score (score_raw) in the SCO's column in place of its status, and
only statuses without a score come through as words («Incomplete», «Not attempted», a lessons-only «Completed»).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..status import COMPLETED, FAILED, NOT_STARTED, OPEN, PASSED, number
from ..words import Refusal
from .grammar import BASIC, INTERACTIONS, NO_ANSWERS, Layout

NOTHING = "-"
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
NUMBERED = re.compile(r"^(.*?)\s*(\d+)$")
RESULT = re.compile(r"^(correct|wrong|incorrect|unanticipated|neutral|-?\d+(\.\d+)?)?$", re.IGNORECASE)
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

# Moodle's words in its other downloads, lower-cased, in English and in bokmål where the «no» language pack could be
# checked (docs/lms.md «Kilder»); none could be checked in nynorsk, whose pack shows bokmål where it has no word.
# The gradebook export names each grade column «<item> (<display type>)» (grades|gradeexportcolumntype) with the
# display type grades|real, grades|percentage or grades|letter (bokmål «Virkelig» and «Bokstav» are from an older
# copy of the pack only), and ends with the download time.
GRADE_TYPE = re.compile(r"\((real|percentage|letter|virkelig|prosentandel|bokstav)\)\s*$", re.IGNORECASE)
GRADEBOOK_LAST = {"last downloaded from this course"}  # gradeexport_txt|timeexported
# The course completion report ends with completion|coursecomplete; its activity columns hold
# completion|completion-n («Not completed») or completion-y, -pass, -fail («Completed», «Completed (achieved pass
# grade)», …). The bokmål forms are those of completion-alt-auto-n and -y («Ikke fullført: …», «Fullført: …»).
COMPLETION_HEADER = {"course complete"}
COMPLETION_VALUE = re.compile(r"^(not completed|completed|ikke fullført|fullført)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Moodle:
    name: str = "moodle-4.3"
    status_words: dict[str, str] = field(default_factory=lambda: RECORDED)
    identity_fields: dict[str, set[str]] = field(default_factory=lambda: IDENTITY_FIELDS)

    def recognise(self, path: Path, header: list[str], sample: list[list[str]]) -> Layout | None:
        """Headers tell a wrong download first; the values only when the file has no SCORM report's columns."""
        wrong = wrong_download(header, sample)
        if wrong is None:
            layout = find_layout(header, sample)
            if layout is not None:
                return layout
            wrong = wrong_download(header, sample, by_values=True)
        if wrong is not None:
            raise Refusal(f"download-{wrong}", path)
        return None


MOODLE = Moodle()


def find_layout(header: list[str], sample: list[list[str]]) -> Layout | None:
    width = len(header)

    def column(i: int) -> list[str]:
        return [row[i] for row in sample if i < len(row) and row[i] and row[i] != NOTHING]

    def numeric(i: int) -> bool:
        return all(number(v) is not None for v in column(i))

    def never_started(i: int) -> bool:
        """Attempt, two dates and score all «-»: in a course's first days, every row may be such."""
        return all(row[i:i + 4] == [NOTHING] * 4 for row in sample)

    # The attempt number is a column of small whole numbers followed by two dates (not numbers) and the score.
    attempt = next((i for i in range(1, width - 3) if column(i) and all(v.isdigit() and 0 < int(v) < 10_000
                                                                         for v in column(i))
                    and not (column(i + 1) and numeric(i + 1)) and not (column(i + 2) and numeric(i + 2))
                    and numeric(i + 3) or never_started(i)), None)
    if attempt is None:
        return None
    questions = question_groups(header, column, attempt + 4)
    first_question = questions[0][0] if questions else width
    email = next((i for i in range(1, attempt) if column(i) and all(EMAIL.match(v) for v in column(i))), None)
    groups = {i: header[i].strip() or f"#{i + 1}" for i in range(1, attempt) if i != email}
    sco = attempt + 4 if attempt + 4 < first_question else None
    return Layout(width, 0, email, groups, attempt, attempt + 2, attempt + 3, sco,
                  header[sco].strip() if sco is not None else "", questions, report_kind(sco, questions),
                  NOTHING, RECORDED)


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


def report_kind(sco: int | None, questions: list) -> str:
    """Which of Moodle's SCORM reports: Interactions, or Basic (no SCO column). A SCO column and no answers is the
    Objectives report, or an Interactions report before anyone took the quiz; the page says the same of both."""
    if questions:
        return INTERACTIONS
    return BASIC if sco is None else NO_ANSWERS


def wrong_download(header: list[str], sample: list[list[str]], by_values: bool = False) -> str | None:
    """'gradebook' or 'completion' when the file is one of those downloads, else None. Headers decide first;
    by_values (only for a file that has no SCORM report's columns: a lessons-only course's SCO column may say
    «Completed» for everyone) also takes a column of nothing but completion states."""
    cells = [h.strip().lower() for h in header]
    if any(GRADE_TYPE.search(h) for h in cells) or GRADEBOOK_LAST & set(cells):
        return "gradebook"
    if COMPLETION_HEADER & set(cells):
        return "completion"
    if by_values:
        for i in range(len(header)):
            values = [row[i].strip() for row in sample if i < len(row) and row[i].strip()]
            if values and all(COMPLETION_VALUE.match(v) for v in values):
                return "completion"
    return None
