"""Read course sources (YAML and Markdown front matter) into the model, keeping file:line:col.

Every problem is collected; loading never stops at the first one, so the course
owner sees all of them in one run.
"""

from __future__ import annotations

import datetime
import difflib
import re
from pathlib import Path
from typing import Any

from . import fields as F
from . import markdown, placeholders, yamldoc
from .editions import load_edition
from .model import Category, Course, Edition, Lesson, Option, Question, Quiz, SortItem, Source, Tracking, Where
from .problems import Problem, display_path
from .sources import CORE_LANGUAGE, Overlay
from .yamldoc import YamlList, YamlMap

MAX_FILE_BYTES = 2_000_000
MAX_LESSONS = 1000
MAX_QUESTIONS = 5000
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?$\n?", re.S | re.M)


class Loader:
    """Collects problems while turning YAML documents into model objects."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.overlay: Overlay | None = None  # the core unless an edition in another language is loaded
        self.edition: Edition | None = None
        self.words: dict[str, str] | None = None  # placeholder values, once the course's language is known

    def error(self, where: Where, message: str) -> None:
        self.problems.append(Problem(where, message))

    # --- files -----------------------------------------------------------------------------------

    def read_text(self, path: Path) -> str | None:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            self.error(Where(path), f"cannot read the file ({exc.strerror})")
            return None
        if len(raw) > MAX_FILE_BYTES:
            self.error(Where(path, 1, 1), f"file is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,} bytes — split it up")
            return None
        if raw.startswith(b"\xef\xbb\xbf"):
            self.error(Where(path, 1, 1), "file starts with a byte order mark (BOM); save it as UTF-8 without BOM")
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
            self.error(Where(path, line, col), "file is not valid UTF-8; save it with UTF-8 encoding")
            return None
        if not text.strip():
            self.error(Where(path, 1, 1), "file is empty")
            return None
        return text

    def parse_yaml(self, text: str, path: Path, first_line: int = 1) -> Any:
        """Parse one YAML document; `first_line` is the file line where `text` starts."""
        for number, line in enumerate(text.splitlines(), first_line):
            indent = line[: len(line) - len(line.lstrip(" \t"))]
            if "\t" in indent:
                self.error(Where(path, number, indent.index("\t") + 1),
                           "tab used for indentation; YAML needs spaces")
                return None
        try:
            return yamldoc.parse(text)
        except yamldoc.YamlError as exc:
            self.error(Where(path, exc.line + first_line, exc.col + 1), exc.message)
        return None

    # --- generic validation against a field spec --------------------------------------------------

    def at(self, node: Any, path: Path, offset: int, key: Any = None, index: int | None = None,
           value: bool = True) -> Where:
        if isinstance(node, YamlMap) and key is not None:
            line, col = node.value_at(key) if value else node.key_at(key)
        elif isinstance(node, YamlList) and index is not None:
            line, col = node.item_at(index)
        elif isinstance(node, (YamlMap, YamlList)):
            line, col = node.line, node.col
        else:
            return Where(path, offset, 1)
        return Where(path, line + offset, col + 1)

    def fields(self, node: Any, spec: F.Spec, where: Where, offset: int) -> dict[str, tuple[Any, Where]] | None:
        """Check `node` against `spec`; returns {name: (value, where)} with defaults filled in."""
        path = where.path
        if not isinstance(node, YamlMap):
            self.error(where, f"{spec.name} must be a mapping of key: value lines, found {describe(node)}")
            return None
        out: dict[str, tuple[Any, Where]] = {}
        for key in node:
            if key not in spec.fields:
                kwhere = self.at(node, path, offset, key, value=False)
                hint = difflib.get_close_matches(str(key), spec.fields, n=1, cutoff=0.6)
                known = f"did you mean '{hint[0]}'?" if hint else f"known fields: {', '.join(spec.fields)}"
                if node[key] is None and node.flow:
                    known += " (a comma inside { } starts a new field: put text with commas in quotes)"
                self.error(kwhere, f"unknown field '{key}' in {spec.name}; {known}")
                continue
            vwhere = self.at(node, path, offset, key)
            value = self.value(node[key], spec.fields[key], f"{spec.name} field '{key}'", vwhere, offset)
            if value is not _INVALID:
                out[key] = (value, vwhere)
            elif not spec.fields[key].required:
                out[key] = (spec.fields[key].default, vwhere)  # already reported; the default lets loading go on
        for name, fld in spec.fields.items():
            if name in out or name in node:
                continue
            if fld.required:
                self.error(where, f"{spec.name} is missing the required field '{name}'"
                           + (f" ({fld.help})" if fld.help else ""))
            else:
                out[name] = (fld.default, where)
        return out

    def value(self, value: Any, fld: F.Field, label: str, where: Where, offset: int) -> Any:
        kind = fld.kind
        if value is None and not fld.required:
            return fld.default
        if kind in ("str", "slug"):
            if isinstance(value, bool) or not isinstance(value, (str, int, float)):
                self.error(where, f"{label} must be text, found {describe(value)}")
                return _INVALID
            if not isinstance(value, str):
                self.error(where, f"{label} must be text, found a number; put it in quotes: \"{value}\"")
                return _INVALID
            text = str(value).strip()
            if kind == "slug" and not self.slug_ok(text, label, where):
                return _INVALID
            if kind == "str" and fld.required and not text:
                self.error(where, f"{label} must not be empty")
                return _INVALID
            if fld.choices and text not in fld.choices:
                hint = difflib.get_close_matches(text, fld.choices, n=1)
                extra = f"; did you mean '{hint[0]}'?" if hint else ""
                self.error(where, f"{label} is '{text}' but must be one of: {', '.join(fld.choices)}{extra}")
                return _INVALID
            return text
        if kind == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                self.error(where, f"{label} must be a whole number, found {describe(value)}")
                return _INVALID
            if (fld.minimum is not None and value < fld.minimum) or (fld.maximum is not None and value > fld.maximum):
                bounds = (f"between {fld.minimum} and {fld.maximum}" if fld.maximum is not None
                          else f"at least {fld.minimum}")
                self.error(where, f"{label} is {value} but must be {bounds}")
                return _INVALID
            return int(value)
        if kind == "date":
            return self.date(value, label, where)
        if kind == "bool":
            if not isinstance(value, bool):
                self.error(where, f"{label} must be true or false, found {describe(value)}")
                return _INVALID
            return value
        if kind == "object":
            return self.fields(value, fld.item, where, offset)
        if kind == "map":
            if not isinstance(value, YamlMap):
                self.error(where, f"{label} must be a mapping of id: {{…}} lines, found {describe(value)}")
                return _INVALID
            entries = {}
            for key in value:
                kwhere = self.at(value, where.path, offset, key, value=False)
                if self.slug_ok(str(key), f"id in {label}", kwhere):
                    parsed = self.fields(value[key], fld.item, self.at(value, where.path, offset, key), offset)
                    if parsed is not None:
                        entries[key] = (parsed, kwhere)
            return entries
        if kind in ("list", "slug-list", "str-list"):
            if not isinstance(value, YamlList):
                self.error(where, f"{label} must be a list (lines starting with '- '), found {describe(value)}")
                return _INVALID
            if fld.minimum and len(value) < fld.minimum:
                self.error(where, f"{label} needs at least {fld.minimum} entr{'y' if fld.minimum == 1 else 'ies'}")
            items = []
            for i, entry in enumerate(value):
                iwhere = self.at(value, where.path, offset, index=i)
                if kind == "list":
                    parsed = self.fields(entry, fld.item, iwhere, offset)
                    if parsed is not None:
                        items.append((parsed, iwhere))
                else:
                    item_kind = "slug" if kind == "slug-list" else "str"
                    parsed = self.value(entry, F.Field(item_kind, True), f"entry {i + 1} of {label}", iwhere, offset)
                    if parsed is not _INVALID:
                        items.append((parsed, iwhere))
            return items
        raise AssertionError(f"unknown field kind {kind}")

    def date(self, value: Any, label: str, where: Where) -> Any:
        """A calendar date written YYYY-MM-DD that has already passed: it tells learners when the content was checked."""
        text = value.strip() if isinstance(value, str) else ""
        try:
            day = datetime.date.fromisoformat(text) if ISO_DATE.match(text) else None
        except ValueError:
            day = None
        if day is None:
            self.error(where, f"{label} must be a date written YYYY-MM-DD, for example 2026-01-31; found {describe(value)}")
            return _INVALID
        if day > datetime.date.today():
            self.error(where, f"{label} is {text}, a date still to come; give the day the content was actually checked")
            return _INVALID
        return day

    def slug_ok(self, text: str, label: str, where: Where) -> bool:
        if F.SLUG.match(text):
            return True
        if not text:
            self.error(where, f"{label} must not be empty")
        elif len(text) > 64:
            self.error(where, f"{label} is {len(text)} characters long; ids may have at most 64")
        else:
            bad = next(c for c in text if not re.match(r"[a-z0-9-]", c))
            shown = "a space" if bad == " " else f"'{bad}'"
            self.error(where, f"{label} '{text}' contains {shown}; ids may use only a-z, 0-9 and '-'"
                       f" (for example '{suggest_slug(text)}')")
        return False

    # --- model objects ---------------------------------------------------------------------------

    def course(self, root: Path) -> Course | None:
        path = root / "course" / "course.yaml"
        if not path.is_file():
            self.error(Where(path), "course/course.yaml not found; is --source the folder that holds course/ and quizzes/?")
            return None
        text = self.read_text(path)
        data = self.parse_yaml(text, path) if text is not None else None
        if data is None:
            return None
        got = self.fields(data, F.COURSE, Where(path, 1, 1), 1)
        if got is None or not {"id", "title", "language", "version"} <= got.keys():
            return None
        v = values(got)
        overlay = self.overlay = self.overlay or Overlay(root)
        language = v["language"] if overlay.language == CORE_LANGUAGE else overlay.language
        self.words = placeholders.values(self.edition, language)
        self.plain_words = placeholders.values(self.edition, language, plain=True)
        tracking = Tracking(where=got["tracking"][1])
        if v["tracking"]:
            tracking = Tracking(**values(v["tracking"]), where=got["tracking"][1],
                                at=places(v["tracking"]))
        course = Course(
            id=v["id"], title=v["title"], language=language, version=v["version"], root=root,
            description=v["description"], organisation=v["organisation"], reviewed=v.get("reviewed"), tracking=tracking,
            sources=[Source(s["id"][0], s["title"][0], s["url"][0], w) for s, w in (v["sources"] or [])
                     if "id" in s and "title" in s],
            where=Where(path, 1, 1),
        )
        if (translation := overlay.translated("course/course.yaml")) is not None:
            self.course_translation(course, translation)
        course.lessons = self.lessons(root, v["lessons"], got.get("lessons", (None, course.where))[1])
        if v["quiz"]:
            quiz_path = overlay.path(f"quizzes/{v['quiz']}.yaml")
            if quiz_path.is_file():
                course.quiz = self.quiz(quiz_path)
            else:
                self.error(got["quiz"][1], f"quiz '{v['quiz']}' not found: expected the file quizzes/{v['quiz']}.yaml")
        if self.edition is not None:
            self.apply_edition(course, self.edition)
        return course

    def course_translation(self, course: Course, path: Path) -> None:
        """Title, description and source titles in the overlay's language; everything else stays the core's."""
        text = self.read_text(path)
        data = self.parse_yaml(text, path) if text is not None else None
        got = self.fields(data, F.COURSE_TRANSLATION, Where(path, 1, 1), 1) if data is not None else None
        if got is None or "title" not in got:
            return
        course.title, course.description = got["title"][0], got["description"][0] or course.description
        for entry, where in got["sources"][0] or []:
            source = course.source(entry["id"][0]) if {"id", "title"} <= entry.keys() else None
            if source is None:
                self.error(where, f"source '{entry['id'][0]}' is not in course/course.yaml's 'sources'; "
                           "a translation may only give titles to sources the course has")
            else:
                source.title = entry["title"][0]

    def apply_edition(self, course: Course, edition: Edition) -> None:
        course.edition = edition
        course.title = edition.title or f"{course.title} – {edition.organisation}"
        course.organisation = edition.organisation
        for path, after, where in edition.lessons:
            lesson = self.lesson(path)
            if lesson is None:
                continue
            lesson.local = True
            ids = [known.id for known in course.lessons]
            if after is None:
                course.lessons.append(lesson)
            elif after in ids:
                course.lessons.insert(ids.index(after) + 1, lesson)
            else:
                self.error(where, f"'after: {after}' names no lesson of the course" + did_you_mean(after, ids))
        if edition.passing_score is not None:
            course.tracking.passing_score = edition.passing_score
            if course.quiz is not None:
                course.quiz.passing_score = None  # the edition's pass mark wins over the quiz file's
        if edition.max_attempts is not None:
            course.tracking.max_attempts = edition.max_attempts

    def lessons(self, root: Path, order: list | None, order_where: Where) -> list[Lesson]:
        folder = root / "course" / "lessons"
        files = sorted(folder.glob("*.md")) if folder.is_dir() else []
        if len(files) > MAX_LESSONS:
            self.error(Where(folder), f"{len(files)} lessons; the limit is {MAX_LESSONS}")
            files = files[:MAX_LESSONS]
        lessons = [lesson for f in files
                   if (lesson := self.lesson(self.overlay.path(f"course/lessons/{f.name}"))) is not None]
        if not order:
            return lessons
        by_id = {lesson.id: lesson for lesson in lessons}
        ordered = []
        for lesson_id, where in order:
            if lesson_id in by_id:
                ordered.append(by_id.pop(lesson_id))
            else:
                self.error(where, f"course lists lesson '{lesson_id}', but no lesson file has that id"
                           + did_you_mean(lesson_id, [lesson.id for lesson in lessons]))
        for lesson in by_id.values():
            self.error(lesson.where, f"lesson '{lesson.id}' is not in the course's 'lessons' list; add it there or remove the file")
        return ordered

    def lesson(self, path: Path) -> Lesson | None:
        text = self.read_text(path)
        if text is None:
            return None
        match = FRONT_MATTER.match(text)
        if not match:
            self.error(Where(path, 1, 1), "lesson must start with front matter: a line '---', the fields "
                       "(id, title, minutes, objectives), and a closing '---'")
            return None
        data = self.parse_yaml(match.group(1), path, first_line=2)
        if data is None:
            return None
        got = self.fields(data, F.LESSON, Where(path, 1, 1), 2)
        if got is None or not {"id", "title", "minutes", "objectives"} <= got.keys():
            return None
        v = values(got)
        body_line = text[: match.end()].count("\n") + 1
        body = text[match.end():]
        if self.words is not None:
            body = placeholders.fill(body, Where(path, body_line, 1), self.words, self.edition, self.error)
        document = markdown.parse_body(body)
        return Lesson(
            id=v["id"], title=v["title"], minutes=v["minutes"], objectives=[o for o, _ in v["objectives"]],
            body=body, body_line=body_line, translated_from=v["translated_from"],
            sources=[s for s, _ in (v["sources"] or [])], where=Where(path, 1, 1), at=places(got),
            document=document, media=markdown.media_refs(document),
        )

    def quiz(self, path: Path) -> Quiz | None:
        text = self.read_text(path)
        data = self.parse_yaml(text, path) if text is not None else None
        if data is None:
            return None
        if isinstance(data, YamlMap) and isinstance(data.get("questions"), list) \
                and len(data["questions"]) > MAX_QUESTIONS:
            self.error(self.at(data, path, 1, "questions"),
                       f"{len(data['questions'])} questions; the limit is {MAX_QUESTIONS} per quiz")
            return None
        got = self.fields(data, F.QUIZ, Where(path, 1, 1), 1)
        if got is None or not {"id", "title", "questions"} <= got.keys():
            return None
        v = values(got)
        if v["id"] != path.stem:
            self.error(got["id"][1], f"quiz id '{v['id']}' differs from its file name '{path.name}'; "
                       f"rename one so they match")
        questions = [self.question(q, w) for q, w in v["questions"]]
        return Quiz(id=v["id"], title=v["title"], questions=[q for q in questions if q is not None],
                    # .get: a value refused above (draw: 0) is reported there and left out here
                    draw=v.get("draw"), per_lesson=v.get("per_lesson"), shuffle=v.get("shuffle", True),
                    passing_score=v.get("passing_score"), translated_from=v.get("translated_from"),
                    where=Where(path, 1, 1), at=places(got))

    def question(self, q: dict, where: Where) -> Question | None:
        if not {"id", "lesson", "type", "text", "explanation"} <= q.keys():
            return None
        q = self.filled(q, ("text", "explanation", "feedback_true", "feedback_false"))
        v = values(q)
        options = [Option(o["id"][0] if o["id"][0] else chr(ord("a") + i) if i < 26 else f"o{i}",
                          o["text"][0], o["correct"][0], o["feedback"][0], w)
                   for i, (o, w) in enumerate((self.filled(o, ("text", "feedback")), w) for o, w in v["options"] or [])
                   if "text" in o]
        return Question(
            id=v["id"], lesson=v["lesson"], type=v["type"], text=v["text"], options=options,
            answer=v["answer"], feedback_true=v["feedback_true"], feedback_false=v["feedback_false"],
            categories=[Category(c["id"][0], c["text"][0], w) for c, w in
                        ((self.filled(c, ("text",)), w) for c, w in v["categories"] or [])
                        if {"id", "text"} <= c.keys()],
            items=[SortItem(i["id"][0], i["text"][0], i["category"][0], w) for i, w in
                   ((self.filled(i, ("text",)), w) for i, w in v["items"] or [])
                   if {"id", "text", "category"} <= i.keys()],
            explanation=v["explanation"], sources=[s for s, _ in (v["sources"] or [])], where=where, at=places(q),
        )

    def filled(self, got: dict[str, tuple[Any, Where]], names: tuple[str, ...]) -> dict[str, tuple[Any, Where]]:
        """Placeholders in these plain-text fields replaced (a quiz read on its own, for the report, keeps them)."""
        words = getattr(self, "plain_words", None)
        if words is None:
            return got
        return {name: (placeholders.fill(value, where, words, self.edition, self.error), where)
                if name in names and isinstance(value, str) else (value, where)
                for name, (value, where) in got.items()}


_INVALID = object()


def values(got: dict[str, tuple[Any, Where]]) -> dict[str, Any]:
    return {name: value for name, (value, _) in got.items()}


def places(got: dict[str, tuple[Any, Where]]) -> dict[str, Where]:
    return {name: where for name, (_, where) in got.items()}


def describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}' (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the text '{value[:40]}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def suggest_slug(text: str) -> str:
    table = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "é": "e", " ": "-", "_": "-"})
    return re.sub(r"[^a-z0-9-]", "", text.lower().translate(table))[:64] or "my-id"


def did_you_mean(word: str, known: list[str]) -> str:
    hint = difflib.get_close_matches(word, known, n=1)
    return f"; did you mean '{hint[0]}'?" if hint else ""


def load_course(root: Path, edition_id: str | None = None) -> tuple[Course | None, list[Problem]]:
    """The core course, or with `edition_id` that edition of it (editions/<id>/edition.yaml)."""
    root = Path(root)
    loader = Loader()
    if edition_id is not None:
        edition = load_edition(loader, root, edition_id)
        if edition is None:
            return None, loader.problems
        loader.edition, loader.overlay = edition, Overlay(root, edition.language)
        if loader.overlay.folder is not None and not loader.overlay.folder.is_dir():
            loader.error(edition.where_of("language"), f"language {edition.language} needs the course's "
                         f"translation in {display_path(loader.overlay.folder)}/")
            return None, loader.problems
    course = loader.course(root)
    return course, loader.problems


def load_quiz_file(path: Path) -> tuple[Quiz | None, list[Problem]]:
    loader = Loader()
    quiz = loader.quiz(Path(path))
    return quiz, loader.problems
