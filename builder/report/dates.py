"""Dates as the LMS wrote them (in the downloading user's language) read back, and written in Norwegian or English.

Moodle writes «Thursday, 3 December 2026, 4:26 PM» for an English user and «torsdag, 3. desember 2026, 16:26» for
a Norwegian one; a date that cannot be read is shown as it was written, never guessed."""

from __future__ import annotations

import datetime
import re
from functools import lru_cache

MONTHS = {name: i for i, names in enumerate((
    ("january", "januar", "jan"), ("february", "februar", "feb"), ("march", "mars", "mar"),
    ("april", "apr"), ("may", "mai"), ("june", "juni", "jun"), ("july", "juli", "jul"),
    ("august", "aug"), ("september", "sep", "sept"), ("october", "oktober", "okt", "oct"),
    ("november", "nov"), ("december", "desember", "des", "dec")), 1) for name in names}
DATE = re.compile(r"(\d{1,2})\.?\s+([a-zæøå]+)\.?\s+(\d{4})(?:\D+?(\d{1,2})[:.](\d{2})\s*([ap]\.?\s?m\.?)?)?",
                  re.IGNORECASE)
ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?")
NAMES = {
    "nb": ("januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober",
           "november", "desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
NAMES["nn"] = NAMES["nb"]


@lru_cache(maxsize=4096)  # an export repeats the same few dates many times
def parse(text: str) -> datetime.datetime | None:
    found = ISO.search(text)
    if found:
        y, m, d, hh, mm = found.groups()
        return safe(int(y), int(m), int(d), int(hh or 0), int(mm or 0))
    found = DATE.search(text)
    if not found:
        return None
    day, month, year, hour, minute, half = found.groups()
    if month.lower() not in MONTHS:
        return None
    h = int(hour or 0)
    if half:
        h = h % 12 + (12 if half.lower().startswith("p") else 0)
    return safe(int(year), MONTHS[month.lower()], int(day), h, int(minute or 0))


def safe(*parts: int) -> datetime.datetime | None:
    try:
        return datetime.datetime(*parts)
    except ValueError:
        return None


def show(when: datetime.datetime | None, lang: str, time: bool = True) -> str:
    """«3. desember 2026 kl. 16.26» in Norwegian, «3 December 2026, 16:26» in English."""
    if when is None:
        return ""
    month = NAMES[lang][when.month - 1]
    if lang == "en":
        return f"{when.day} {month} {when.year}" + (f", {when:%H:%M}" if time else "")
    return f"{when.day}. {month} {when.year}" + (f" kl. {when:%H.%M}" if time else "")


def shown(text: str, lang: str) -> str:
    """A date from the export in the report's language, or the text as it was when it is not a date."""
    when = parse(text) if text and text != "-" else None
    return show(when, lang) if when else ("" if text == "-" else text)
