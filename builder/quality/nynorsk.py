"""Nynorsk that stays nynorsk: bokmål forms in nynorsk texts, from the word list bokmal-nynorsk.tsv.

Checked: a course written in nynorsk (its lessons, quiz and course.yaml), translations/nn/ (lessons, quiz,
course.yaml, discussion material), an nn edition's own words (local lessons, contacts, link titles) and, by the
tests, the tool's own nynorsk wording of placeholders. Each bokmål form is a warning at its line and column. A local
lesson of an nn edition that is mostly bokmål is an error instead: copied from a bokmål edition, it would ship
inside the nynorsk package.

A word is a run of letters, so each part of «IT-sikkerhet» counts. Not checked: words with a digit in them (case
numbers, hashes), an abbreviation's ending («PC-en», «LMS-et»: the same in both written standards, not the article
«en»), code, addresses, file names, and anything between quotation marks («…», “…”, "…"): a quoted title of a
source or a quoted bokmål term is cited as published.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..course.model import Course, Lesson, Where
from ..course.problems import Problem
from ..words import percent, say
from .texts import (LETTERS, Places, Translation, Unit, edition_units, lesson_units, object_units, own_lessons)

LIST = "bokmal-nynorsk.tsv"
# «Mostly bokmål»: this share of a lesson's words are forms from the list. Measured on this course: its bokmål
# lessons have 17–23 %, their nynorsk translations 0 % (of 12,000 words); one slip in twenty is no translation.
BOKMAL_SHARE = 0.05
QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]|\"[^\"\n]*\"")
WORD = re.compile(r"\S+")
ABBREVIATION = re.compile(r"(?<![^\W\d_])[A-ZÆØÅ]{2,}-$")  # what precedes the ending of «LMS-et»


@functools.cache
def forms() -> dict[str, str]:
    """bokmål form → the nynorsk form to write."""
    table = {}
    for line in resources.files(__package__).joinpath(LIST).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            bokmal, nynorsk = line.split("\t")
            table[bokmal.strip()] = nynorsk.strip()
    return table


def nynorsk_for(word: str) -> str | None:
    """The nynorsk form for a bokmål `word` as written, or with a capital first letter; else None."""
    table = forms()
    if word in table:
        return table[word]
    lower = word[:1].lower() + word[1:]
    if lower != word and lower in table:
        nynorsk = table[lower]
        return nynorsk[:1].upper() + nynorsk[1:]
    return None


@dataclass(frozen=True)
class Flag:
    word: str
    nynorsk: str
    where: Where


def checked_words(text: str) -> Iterator[tuple[int, str]]:
    """(offset, word) of each word of `text` that the check reads (see the module's docstring)."""
    text = QUOTED.sub(lambda m: " " * len(m.group(0)), text)
    for token in WORD.finditer(text):
        if any(character.isdigit() for character in token.group(0)):
            continue
        for part in LETTERS.finditer(token.group(0)):
            if not ABBREVIATION.search(token.group(0)[:part.start()]):
                yield token.start() + part.start(), part.group(0)


def scan(unit: Unit, places: Places) -> tuple[int, list[Flag]]:
    """How many words the unit has that are checked, and its bokmål forms at their places."""
    words, flags = 0, []
    for offset, word in checked_words(unit.text):
        words += 1
        nynorsk = nynorsk_for(word)
        if nynorsk is None:
            continue
        found = places.at(unit, offset)
        if found is not None:  # else it came from a placeholder's value, checked where that is written
            flags.append(Flag(word, nynorsk, Where(unit.path, *found)))
    return words, flags


def warnings(flags: Iterable[Flag]) -> list[Problem]:
    return [Problem(flag.where, say("quality.bokmal-form", word=flag.word, nynorsk=flag.nynorsk), "warning",
                    "bokmal-form") for flag in flags]


def units_problems(units: Iterable[Unit], places: Places) -> list[Problem]:
    return warnings(flag for unit in units for flag in scan(unit, places)[1])


def local_lesson_problems(lesson: Lesson, edition_id: str, places: Places) -> list[Problem]:
    """An nn edition's own lesson: its bokmål forms, or one error when it is mostly bokmål."""
    words, flags = 0, []
    for unit in lesson_texts(lesson):
        count, found = scan(unit, places)
        words, flags = words + count, flags + found
    if words and len(flags) / words >= BOKMAL_SHARE:
        examples = ", ".join(dict.fromkeys(say("quality.bokmal-example", word=flag.word, line=flag.where.line)
                                           for flag in flags[:5]))
        return [Problem(Where(lesson.where.path), say(
            "quality.bokmal-lesson", lesson=lesson.id, edition=edition_id, found=len(flags), words=words,
            share=percent(len(flags) / words), examples=examples, limit=percent(BOKMAL_SHARE)),
            "error", "bokmal-lesson")]
    return warnings(flags)


def problems(course: Course) -> list[Problem]:
    """The bokmål forms in what this load of a nynorsk course brings (see texts.own_lessons)."""
    if course.language != "nn":
        return []
    places = Places()
    edition = course.edition
    if edition is None:  # a course written in nynorsk
        objects = [course] + ([course.quiz] if course.quiz else [])
        return units_problems(all_units(course.lessons, objects), places)
    found = units_problems(edition_units(edition), places)
    for lesson in own_lessons(course):
        found += local_lesson_problems(lesson, edition.id, places)
    return found


def translation_problems(translation: Translation) -> list[Problem]:
    if translation.language != "nn":
        return []
    return units_problems(all_units(translation.course.lessons, translation.objects), Places())


def lesson_texts(lesson: Lesson) -> Iterator[Unit]:
    """The front matter's title and objectives, then the body."""
    yield from object_units(lesson)
    yield from lesson_units(lesson)


def all_units(lessons: list[Lesson], objects: list) -> Iterator[Unit]:
    for lesson in lessons:
        yield from lesson_texts(lesson)
    for obj in objects:
        yield from object_units(obj)


def wording_problems() -> list[Problem]:
    """The tool's own nynorsk wording of placeholders (builder/course/placeholders.py), where it is written there."""
    from ..course import placeholders

    path = Path(placeholders.__file__)
    source = path.read_text(encoding="utf-8")
    units = []
    for name in ("NEUTRAL", "ROLE_NOUN"):
        block = source.index('"nn":', source.index(f"\n{name}"))  # the nynorsk entries of the table
        for text in getattr(placeholders, name)["nn"].values():
            offset = source.index(f'"{text}"', block) + 1
            line = source.count("\n", 0, offset) + 1
            units.append(Unit(text, "text", path, line, offset - source.rfind("\n", 0, offset), line))
    return units_problems(units, Places())
