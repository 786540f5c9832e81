"""Which of Moodle's downloads a file is: the SCORM Interactions, Objectives or Basic report, or a download that is
not a SCORM report at all (the gradebook export, the course completion report), told by its columns."""

from __future__ import annotations

import re

from .layout import Layout

# Moodle's words in these downloads, lower-cased, in English and in bokmål where the «no» language pack could be
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

INTERACTIONS, NO_ANSWERS, BASIC = "interactions", "no_answers", "basic"


def report_kind(layout: Layout) -> str:
    if layout.questions:
        return INTERACTIONS
    # A SCO column and no answers: the Objectives report, or an Interactions report before anyone took the quiz;
    # the page says the same of both (note_no_answers).
    return BASIC if layout.sco is None else NO_ANSWERS


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
