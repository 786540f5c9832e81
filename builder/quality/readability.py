"""Klarspråk (språklova § 9): how heavy each lesson reads, as LIX, and which sentences are too long.

LIX = words per sentence + the percentage of words with seven letters or more. Only running text counts (texts.py:
paragraphs, list items, callout boxes, table body cells, the steps of «tell til tre»); headings and other labels do
not, nor the front matter's title and objectives, image descriptions, code or addresses. Words and sentences:
- a word is a run of characters between spaces with at least one letter in it; its length is its letters only, so
  «IT-avdelingen» has 12, «(GDPR)» 4 and «f.eks.» 4, while «§», «100» and «2.1» are no words at all;
- a sentence ends at «.», «!», «?» or «…» (after any closing quote or bracket) when the next word begins with a
  capital letter or a digit, at «:» when the next word begins with a capital, and at the end of its paragraph,
  list item or cell. So «1. februar», «jf. § 100» and «f.eks. Facebook» (a dotted abbreviation never ends one) go
  on, and a quotation «…» ends its sentence only where the text around it does.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

from ..course.model import Course, Lesson, Where
from ..course.problems import Problem, display_path
from ..words import number, percent, say
from .texts import Places, Unit, lesson_units

LONG_WORD = 7  # letters: a long word in LIX
ENDS = ".!?…"
CLOSERS = "»\"”’')]*"
OPENERS = "«\"“‘'([*–-"
DOTTED = re.compile(r"^\(?(?:[^\W\d_]{1,4}\.){2,}")  # f.eks., bl.a., t.d., m.a.
INITIAL = re.compile(r"^[A-ZÆØÅ]\.$")  # «Alf T. Meling»
SHOWN_WORDS = 8  # words of a long sentence quoted in its warning


@dataclass(frozen=True)
class Sentence:
    words: int
    line: int
    col: int
    start: str  # its first words, so the author finds it


@dataclass(frozen=True)
class LessonScore:
    """One lesson's readability: what the `check --quality` overview shows; `json()` gives it for scripts."""

    lesson: str  # lesson id
    path: Path  # the lesson file
    lix: float  # words / sentences + 100 × long words / words; 0 for a lesson without running text
    words: int
    sentences: int
    long_words: int  # words of LONG_WORD letters or more
    long_sentences: tuple[Sentence, ...]  # sentences over the course's quality.sentence_words

    def json(self) -> dict:
        return {**dataclasses.asdict(self), "path": display_path(self.path)}


def letters(word: str) -> int:
    return sum(character.isalpha() for character in word)


def sentences(text: str) -> list[list[tuple[int, str]]]:
    """The sentences of a unit's text, each as its words: (offset in `text`, word)."""
    tokens = [(m.start(), m.group()) for m in re.finditer(r"\S+", text)]
    found: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for index, (offset, token) in enumerate(tokens):
        if letters(token):
            current.append((offset, token))
        following = tokens[index + 1][1] if index + 1 < len(tokens) else None
        if current and ends(token, following):
            found.append(current)
            current = []
    if current:
        found.append(current)
    return found


def ends(token: str, following: str | None) -> bool:
    if following is None:
        return True
    last = token.rstrip(CLOSERS)[-1:]
    first = following.lstrip(OPENERS)[:1]
    if last == ":":
        return first.isupper()
    if last and last in ENDS and not DOTTED.match(token) and not INITIAL.match(token):
        return first.isupper() or first.isdigit()
    return False


def lix(words: int, sentences: int, long_words: int) -> float:
    return words / sentences + 100 * long_words / words if words else 0.0


def lesson_score(lesson: Lesson, sentence_words: int, places: Places | None = None) -> LessonScore:
    places = places or Places()
    words = count = long_words = 0
    long: list[Sentence] = []
    for unit in lesson_units(lesson):
        if unit.kind != "text":
            continue
        for sentence in sentences(unit.text):
            count += 1
            words += len(sentence)
            long_words += sum(letters(word) >= LONG_WORD for _, word in sentence)
            if len(sentence) > sentence_words:
                long.append(place(unit, sentence, places))
    return LessonScore(lesson.id, lesson.where.path, round(lix(words, count, long_words), 1), words, count,
                       long_words, tuple(long))


def place(unit: Unit, sentence: list[tuple[int, str]], places: Places) -> Sentence:
    offset = sentence[0][0]
    found = places.at(unit, offset)
    line, col = found or (unit.line + unit.text.count("\n", 0, offset), 1)
    start = " ".join(word for _, word in sentence[:SHOWN_WORDS])
    return Sentence(len(sentence), line, col, start)


def lesson_scores(course: Course, lessons: list[Lesson] | None = None) -> list[LessonScore]:
    """The score of each of the course's lessons (or of `lessons`), in course order."""
    places = Places()
    return [lesson_score(lesson, course.quality.sentence_words, places)
            for lesson in (course.lessons if lessons is None else lessons)]


def problems(course: Course, lessons: list[Lesson]) -> list[Problem]:
    """A warning for each lesson above the course's LIX target and for each sentence over its length limit."""
    target, limit = course.quality.lix_target, course.quality.sentence_words
    found = []
    for score in lesson_scores(course, lessons):
        if score.lix > target:
            found.append(Problem(Where(score.path), say(
                "quality.lix-above-target", lix=number(score.lix), target=target,
                per_sentence=number(score.words / score.sentences, 1), long=percent(score.long_words / score.words),
                letters=LONG_WORD), "warning", "lix-above-target"))
        for sentence in score.long_sentences:
            found.append(Problem(Where(score.path, sentence.line, sentence.col), say(
                "quality.sentence-too-long", words=sentence.words, limit=limit, start=sentence.start),
                "warning", "sentence-too-long"))
    return found
