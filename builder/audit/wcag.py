"""The 50 success criteria of WCAG 2.1 at levels A and AA (their names are in builder/words/, audit.criteria.*), and
how the audit's evidence (axe-core rules, the keyboard walk, the package's content) maps onto them."""

from __future__ import annotations

import re

CRITERIA: list[tuple[str, str]] = [
    ("1.1.1", "A"),
    ("1.2.1", "A"),
    ("1.2.2", "A"),
    ("1.2.3", "A"),
    ("1.2.4", "AA"),
    ("1.2.5", "AA"),
    ("1.3.1", "A"),
    ("1.3.2", "A"),
    ("1.3.3", "A"),
    ("1.3.4", "AA"),
    ("1.3.5", "AA"),
    ("1.4.1", "A"),
    ("1.4.2", "A"),
    ("1.4.3", "AA"),
    ("1.4.4", "AA"),
    ("1.4.5", "AA"),
    ("1.4.10", "AA"),
    ("1.4.11", "AA"),
    ("1.4.12", "AA"),
    ("1.4.13", "AA"),
    ("2.1.1", "A"),
    ("2.1.2", "A"),
    ("2.1.4", "A"),
    ("2.2.1", "A"),
    ("2.2.2", "A"),
    ("2.3.1", "A"),
    ("2.4.1", "A"),
    ("2.4.2", "A"),
    ("2.4.3", "A"),
    ("2.4.4", "A"),
    ("2.4.5", "AA"),
    ("2.4.6", "AA"),
    ("2.4.7", "AA"),
    ("2.5.1", "A"),
    ("2.5.2", "A"),
    ("2.5.3", "A"),
    ("2.5.4", "A"),
    ("3.1.1", "A"),
    ("3.1.2", "AA"),
    ("3.2.1", "A"),
    ("3.2.2", "A"),
    ("3.2.3", "AA"),
    ("3.2.4", "AA"),
    ("3.3.1", "A"),
    ("3.3.2", "A"),
    ("3.3.3", "AA"),
    ("3.3.4", "AA"),
    ("4.1.1", "A"),
    ("4.1.2", "A"),
    ("4.1.3", "AA"),
]

# Criteria that only concern sound, video or animation: not relevant when the package has none of them.
TIME_BASED_MEDIA = {"1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.2.5", "1.4.2"}
MEDIA_ELEMENTS = re.compile(r"<(video|audio|object|embed|iframe)\b", re.I)
CRITERION_TAG = re.compile(r"^wcag(\d)(\d)(\d+)$")

# A finding's status, worded as audit.status_<status>.
TESTED, PERSON, NOT_RELEVANT = "tested", "person", "not_relevant"


def criteria_of(tags: list[str]) -> list[str]:
    """axe-core tags its rules with the criteria they test: 'wcag143' → '1.4.3'."""
    return [".".join(m.groups()) for m in map(CRITERION_TAG.match, tags) if m]
