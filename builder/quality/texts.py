"""Where a course's prose is, for the text checks (readability.py, nynorsk.py): each piece of it as a Unit with the
place in its file it came from, and a way back from a word to its line and column.

Lessons are read from the tokens the loader parsed once (Lesson.document), so the checks see exactly what the
learner gets: placeholders filled, Markdown syntax gone. What a unit is:
- text: a paragraph (also in a list item, a quote or a callout box such as «::: husk»), a table's body cell, and the
  questions, answers and ending of a «tell til tre» block: the learner reads these as running text;
- heading: «##» headings, callout titles («::: case Tittel»), table header cells and a «tell til tre» block's title:
  labels, which readability leaves out (a three-word label is not a short sentence) and nynorsk checks;
- alt: an image's alt text, which the screen reader reads: nynorsk checks it, readability leaves it out.
Code (inline and fenced), link addresses, e-mail addresses and file names are not prose; link texts are.
"""

from __future__ import annotations

import bisect
import functools
import re
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from markdown_it.token import Token

from ..course.located import Located
from ..course.model import Course, CourseTranslation, Edition, Lesson
from ..course.overlay import Overlay

# Addresses and file names are left out of the prose (replaced by spaces, so offsets stay put).
NOT_PROSE = re.compile(r"(?:https?://|mailto:|www\.)\S+|\S+@\S+\.\w+|\S+\.(?:md|ya?ml|svg|png|jpe?g|gif|pdf)\b")


@dataclass(frozen=True)
class Unit:
    """A piece of prose that no sentence crosses, and where it stands: it starts on `line` (at `col`), and its
    words are found in the file no further down than `last` (placeholders and YAML folding change columns, not
    this)."""

    text: str
    kind: str  # "text", "heading" or "alt" (see the module's docstring)
    path: Path
    line: int
    col: int
    last: int
    before: str = ""  # what precedes it from the same start (earlier cells of its table row, text before an image)


# --- lessons --------------------------------------------------------------------------------------

def lesson_units(lesson: Lesson) -> Iterator[Unit]:
    path = lesson.where.path
    kind, row, in_row = "text", "", False
    for token in lesson.document:
        first, last = (lesson.body_line + token.map[0], lesson.body_line + token.map[1] - 1) if token.map else (0, 0)
        if token.type in ("heading_open", "th_open"):
            kind = "heading"
        elif token.type in ("heading_close", "th_close"):
            kind = "text"
        elif token.type in ("tr_open", "tr_close"):
            row, in_row = "", token.type == "tr_open"
        elif token.type == "container_block_open":
            title = token.info.strip().partition(" ")[2]
            if title:
                yield Unit(title, "heading", path, first, 1, first)
        elif token.type == "fence" and token.info.strip() == "selfcheck" and token.meta["selfcheck"][0]:
            yield from selfcheck_units(token.meta["selfcheck"][0], path, first, last)
        elif token.type == "inline":
            text = inline_text(token.children or [])
            yield Unit(text, kind, path, first, 1, last, row)
            for index, child in enumerate(token.children or []):
                if child.type == "image" and child.content.strip():
                    before = row + inline_text(token.children[:index], alt=True)
                    yield Unit(child.content, "alt", path, first, 1, last, before)
            row += text + " " if in_row else ""  # a table row's cells share its lines


def inline_text(children: list[Token], alt: bool = False) -> str:
    """The words a reader sees: text and link texts (and with `alt` image descriptions); line breaks kept (a
    sentence's line is counted from them)."""
    parts = []
    for child in children:
        if child.type == "text" or (alt and child.type == "image"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type in ("code_inline", "image", "html_inline"):
            parts.append(" ")
    return NOT_PROSE.sub(blank, "".join(parts))


def selfcheck_units(block, path: Path, fence_line: int, last: int) -> Iterator[Unit]:
    """The block's texts; its places are counted from the block's first line, the one after the ``` line."""
    def unit(obj, name: str, kind: str = "text") -> Unit:
        where = obj.where_of(name)
        return Unit(getattr(obj, name), kind, path, fence_line + where.line, where.col, last)

    yield unit(block, "title", "heading")
    for step in block.steps:
        yield from (unit(step, name) for name in ("question", "if_yes", "if_no"))
    yield unit(block, "end")


def blank(match: re.Match) -> str:
    return " " * len(match.group(0))


# --- texts in YAML files ---------------------------------------------------------------------------

def object_units(obj: Located) -> Iterator[Unit]:
    """Every prose field of a source object (and of the objects it holds), each as a unit at its value's place.
    Prose is a text field without a pattern or a validator of its own: ids, addresses, colours and dates are not."""
    for name in prose_fields(type(obj)):
        value = getattr(obj, name)
        for index, text in enumerate(value) if isinstance(value, list) else [(None, value)]:
            where = obj.where_of(name, index)
            if isinstance(text, str) and text and where is not None and where.line:
                # a value folded over several lines has fewer line breaks than lines: allow for a line per 40 chars
                yield Unit(NOT_PROSE.sub(blank, text), "text", where.path, where.line, where.col,
                           where.line + text.count("\n") + len(text) // 40 + 2)
    for name in nested_fields(type(obj)):
        value = getattr(obj, name)
        values = value.values() if isinstance(value, dict) else value if isinstance(value, list) else [value]
        for item in values:
            if isinstance(item, Located):
                yield from object_units(item)


def fields(cls: type) -> dict:
    # the fields read from the file (the loader's own, `init=False`, are not)
    return {name: info for name, info in cls.__pydantic_fields__.items() if info.init is not False}


@functools.cache
def prose_fields(cls: type) -> list[str]:
    return [name for name, info in fields(cls).items() if is_prose(info.annotation, tuple(info.metadata))]


@functools.cache
def nested_fields(cls: type) -> list[str]:
    return [name for name, info in fields(cls).items() if not is_prose(info.annotation, tuple(info.metadata))]


def is_prose(annotation, metadata: tuple = ()) -> bool:
    if typing.get_origin(annotation) is typing.Annotated:
        base, *more = typing.get_args(annotation)
        return is_prose(base, metadata + tuple(more))
    if annotation is str:
        return not any(getattr(m, "pattern", None) or hasattr(m, "func") for m in metadata)
    return any(is_prose(arg, metadata) for arg in typing.get_args(annotation) if arg is not type(None))


def edition_units(edition: Edition) -> Iterator[Unit]:
    """The edition's own words: its name and title, contacts and link titles (not its file names)."""
    for obj, names in ((edition, ("organisation", "title")),
                       *((contact, ("name",)) for contact in edition.contacts.values()),
                       *((link, ("title",)) for link in edition.links.values())):
        for name in names:
            value, where = getattr(obj, name), obj.where_of(name)
            if value and where is not None and where.line:
                yield Unit(value, "text", where.path, where.line, where.col, where.line + len(value) // 40 + 2)


# --- which lessons and texts a load brings -----------------------------------------------------------

def own_lessons(course: Course) -> list[Lesson]:
    """The lessons this load of the course adds: all of the core course's; an edition's local ones only (its
    shared lessons are checked with the core course or with their translation)."""
    return [lesson for lesson in course.lessons if course.edition is None or lesson.local]


@dataclass
class Translation:
    """translations/<language>/ as a course reads it: its lessons, quiz, course.yaml and discussion material."""

    language: str
    course: Course  # holds only the lessons and the quiz that are translated
    objects: list[Located]  # the quiz, the course.yaml translation and the discussion material, when translated


def translations(root: Path) -> list[Translation]:
    from ..course.load import Loader
    from ..course.discussion import Discussion
    from ..course.translations import languages
    from ..course.reading import load_file

    found = []
    for language in languages(root):
        overlay = Overlay(root, language)
        loader = Loader()
        loader.overlay = overlay
        course = loader.course(root)  # its problems are reported by the parity check and the editions' loads
        if course is None:
            continue
        inside = lambda path: path.is_relative_to(overlay.folder)  # noqa: E731 — a missing file falls back to nb
        course.lessons = [lesson for lesson in course.lessons if lesson.where and inside(lesson.where.path)]
        objects = [course.quiz] if course.quiz and inside(course.quiz.where.path) else []
        for relative, cls in (("course/course.yaml", CourseTranslation), ("course/discussion.yaml", Discussion)):
            if (path := overlay.translated(relative)) is not None:
                if (obj := load_file(path, cls, lambda where, message: None)) is not None:
                    objects.append(obj)
        found.append(Translation(language, course, objects))
    return found


# --- from a word back to its place ----------------------------------------------------------------

class Places:
    """Finds a word of a unit in its file. A unit's text is not its source (Markdown syntax, placeholders, YAML
    quoting and folding), so the word's n-th occurrence is looked for in the file from the unit's start on; a word
    that is not there came from a placeholder's value, which is checked where that value is written."""

    def __init__(self) -> None:
        self.files: dict[Path, tuple[str, list[int]]] = {}

    def source(self, path: Path) -> tuple[str, list[int]]:
        if path not in self.files:
            text = path.read_text(encoding="utf-8", errors="replace")
            starts = [0] + [m.end() for m in re.finditer("\n", text)]
            self.files[path] = (text, starts)
        return self.files[path]

    def at(self, unit: Unit, offset: int) -> tuple[int, int] | None:
        """(line, col) of the word that starts at or after `offset` in the unit's text."""
        match = LETTERS.search(unit.text, offset)
        if match is None:
            return None
        pattern = whole_word(match.group(0))
        nth = len(pattern.findall(unit.before)) + len(pattern.findall(unit.text, 0, match.start()))
        return self.find(unit, match.group(0), nth)

    def find(self, unit: Unit, word: str, nth: int = 0) -> tuple[int, int] | None:
        """(line, col) of the `nth` whole-word occurrence of `word` at or after the unit's start, else None."""
        text, starts = self.source(unit.path)
        if unit.line > len(starts):
            return None
        begin = starts[unit.line - 1] + unit.col - 1
        end = starts[unit.last] if unit.last < len(starts) else len(text)
        for count, match in enumerate(whole_word(word).finditer(text, begin, end)):
            if count == nth:
                line = bisect.bisect_right(starts, match.start())
                return line, match.start() - starts[line - 1] + 1
        return None



LETTERS = re.compile(r"[^\W\d_]+")


@functools.cache
def whole_word(word: str) -> re.Pattern:
    return re.compile(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])")
