"""The HR report's words: the «report» area of builder/words/, in bokmål (the default), nynorsk (a nynorsk course,
or --lang nn) or English (--lang en). A message's key is its stable code: scripts and tests use the code, never the
wording, and the terminal prints it after an error. tests/test_report_words.py checks every code in use is there."""

from __future__ import annotations

from pathlib import Path

from ..words import LANGUAGES, area

WORDS: dict[str, dict[str, str]] = {language: area("report", language) for language in LANGUAGES}


def say(lang: str, code: str, **params) -> str:
    return WORDS[lang][code].format(**params)


class Refusal(Exception):
    """An input the report refuses (an export it cannot read or count, a package that is not the course's), as a
    stable code and its facts, raised by the readers and the rest alike; worded in the report's language when
    shown."""

    def __init__(self, code: str, path: Path | None, lang: str = "nb", **params):
        super().__init__(code)
        self.code, self.path, self.lang, self.params = code, path, lang, params

    def __str__(self) -> str:
        return f"{say(self.lang, self.code, path=self.path, **self.params)} [{self.code}]"
