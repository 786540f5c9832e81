"""The HR report's words: the «report» area of builder/words/, in bokmål (the default), nynorsk (a nynorsk course,
or --lang nn) or English (--lang en). A message's key is its stable code: scripts and tests use the code, never the
wording, and the terminal prints it after an error. tests/test_report_words.py checks every code in use is there."""

from __future__ import annotations

from ..words import LANGUAGES, area
from .readers import ExportError

WORDS: dict[str, dict[str, str]] = {language: area("report", language) for language in LANGUAGES}


def say(lang: str, code: str, **params) -> str:
    return WORDS[lang][code].format(**params)


Refusal = ExportError  # every refusal of the report, the readers' too: a code and its facts (readers.py)
