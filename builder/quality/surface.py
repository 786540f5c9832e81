"""Surface features a test-wise learner reads instead of the lesson: option lengths and a few telling words. The cue
warnings (cues.py), the guesser (guesser.py) and the overview (overview.py) all measure with these."""

from __future__ import annotations

import re

# An option «stands out» when it is this many times as long as every other one (characters).
STANDS_OUT = 1.3

# Words that claim too much: learners are taught that options holding them are wrong.
ABSOLUTE = {
    "nb": {"alltid", "aldri", "bare", "uansett", "ingen", "ingenting"},
    "nn": {"alltid", "aldri", "berre", "uansett", "ingen", "ingenting", "inkje"},
    "en": {"always", "never", "only", "regardless", "none", "nobody", "nothing"},
}
# Words that make a statement restrict the employee (forbid, oblige, deny); a statement without one grants or tells.
RESTRICTING = {
    "nb": {"ikke", "må", "forbudt", "aldri", "skal", "plikt"},
    "nn": {"ikkje", "må", "forbode", "forboden", "aldri", "skal", "plikt"},
    "en": {"not", "must", "forbidden", "never", "shall", "cannot", "duty"},
}
WORD = re.compile(r"\w+")


def words_of(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))


def absolute_words(text: str, language: str) -> set[str]:
    return words_of(text) & ABSOLUTE[language]


def restricting_words(text: str, language: str) -> set[str]:
    return words_of(text) & RESTRICTING[language]


def wording_says_true(text: str, language: str) -> bool:
    """The test-wise reading of a true/false statement: one that restricts is false, one that grants is true."""
    return not restricting_words(text, language)


def longest(texts: list[str]) -> list[int]:
    """Indexes of the longest texts (more than one on a tie)."""
    most = max(map(len, texts))
    return [i for i, text in enumerate(texts) if len(text) == most]


def shortest(texts: list[str]) -> list[int]:
    least = min(map(len, texts))
    return [i for i, text in enumerate(texts) if len(text) == least]


def stands_out(texts: list[str], index: int) -> bool:
    """Text `index` is at least STANDS_OUT times as long as every other one."""
    others = [len(t) for i, t in enumerate(texts) if i != index]
    return bool(others) and len(texts[index]) >= STANDS_OUT * max(others)
