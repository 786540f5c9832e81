"""Read course sources (YAML and Markdown front matter) into the model, keeping file:line:col.

Every problem is collected; loading never stops at the first one, so the course
owner sees all of them in one run.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import markdown, placeholders
from .editions import load_edition
from .located import words_fields
from .model import Course, CourseTranslation, Edition, Lesson, Quiz, Where
from .problems import Problem, closest, display_path, did_you_mean, said
from .overlay import CORE_LANGUAGE, Overlay
from .reading import load_file, parse_yaml, read_text, read_yaml, validate

MAX_LESSONS = 1000
MAX_QUESTIONS = 5000
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)^---[ \t]*\r?$\n?", re.S | re.M)
# a top-level `key: value` line, read from a file that does not parse, for what can still be known from it
TOP_LEVEL = re.compile(r"^(?P<key>[a-z_]+):[ \t]*[\"']?(?P<value>[a-z0-9-]+)[\"']?[ \t]*(#.*)?$", re.M)


class Loader:
    """Collects problems while turning source files into model objects."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.overlay: Overlay | None = None  # the core unless an edition in another language is loaded
        self.edition: Edition | None = None
        self.words: dict[str, str] | None = None  # placeholder values, once the course's language is known
        self.plain_words: dict[str, str] | None = None  # the same as plain text, for quiz texts
        self.root = Path(".")  # the course folder, once known (lessons' media are found from it)

    def error(self, where: Where, message: str) -> None:
        self.problems.append(Problem(where, message))

    # --- model objects ---------------------------------------------------------------------------

    def course(self, root: Path) -> Course | None:
        self.root = root
        path = root / "course" / "course.yaml"
        if not path.is_file():
            self.error(Where(path), said("source.course.not-found"))
            return None
        course = load_file(path, Course, self.error)
        if course is None:
            self.files_alone(root, path)
            return None
        overlay = self.overlay = self.overlay or Overlay(root)
        course.root = root
        if overlay.language != CORE_LANGUAGE:
            course.language = overlay.language
        self.words = placeholders.values(self.edition, course.language)
        self.plain_words = placeholders.values(self.edition, course.language, plain=True)
        if (translation := overlay.translated("course/course.yaml")) is not None:
            self.course_translation(course, translation)
        course.lessons = self.lessons(root, course)
        if course.quiz_id:
            quiz_path = overlay.path(f"quizzes/{course.quiz_id}.yaml")
            if quiz_path.is_file():
                course.quiz = self.quiz(quiz_path)
            else:
                self.error(course.where_of("quiz"), said("source.course.quiz-not-found", quiz=course.quiz_id))
            if course.quiz is None:  # reported above; the course's rules do not report it missing as well
                course.left_out.add(("quiz", course.quiz_id))
        if self.edition is not None:
            self.apply_edition(course, self.edition)
        return course

    def course_translation(self, course: Course, path: Path) -> None:
        """Title, description and source titles in the overlay's language; everything else stays the core's."""
        translation = load_file(path, CourseTranslation, self.error)
        if translation is None:
            return
        course.title, course.description = translation.title, translation.description or course.description
        for entry in translation.sources:
            source = course.source(entry.id)
            if source is None:
                self.error(entry.where, said("source.translation.unknown-source", source=entry.id))
            else:
                source.title = entry.title

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
                self.error(where, said("source.edition.after-unknown", after=after, hint=did_you_mean(after, ids)))
        if edition.passing_score is not None:
            course.tracking.passing_score = edition.passing_score
            if course.quiz is not None:
                course.quiz.passing_score = None  # the edition's pass mark wins over the quiz file's
        if edition.max_attempts is not None:
            course.tracking.max_attempts = edition.max_attempts

    def lessons(self, root: Path, course: Course) -> list[Lesson]:
        folder = root / "course" / "lessons"
        files = sorted(folder.glob("*.md")) if folder.is_dir() else []
        if len(files) > MAX_LESSONS:
            self.error(Where(folder), said("source.course.too-many-lessons", n=len(files), limit=MAX_LESSONS))
            files = files[:MAX_LESSONS]
        lessons = []
        for file in files:
            path = self.overlay.path(f"course/lessons/{file.name}")
            lesson = self.lesson(path)
            if lesson is not None:
                lessons.append(lesson)
            else:  # reported; known by its id, so that what refers to it is not reported as well
                course.left_out.add(("lessons", known_id(path)))
        if not course.lesson_order:
            return lessons
        by_id = {lesson.id: lesson for lesson in lessons}
        ordered = []
        unknown_left_out = ("lessons", None) in course.left_out  # a lesson file whose id could not be read
        suggested = set()
        for index, lesson_id in enumerate(course.lesson_order):
            if lesson_id in by_id:
                ordered.append(by_id.pop(lesson_id))
            elif ("lessons", lesson_id) not in course.left_out and not unknown_left_out:
                self.error(course.where_of("lessons", index), said(
                    "source.course.listed-lesson-missing", lesson=lesson_id,
                    hint=did_you_mean(lesson_id, [lesson.id for lesson in lessons])))
                suggested.add(closest(lesson_id, [lesson.id for lesson in lessons]))
        for lesson in by_id.values():  # the files the list does not name
            course.left_out.add(("lessons", lesson.id))  # a question of it is not a second fault
            if lesson.id not in suggested:  # else the list's misspelt entry already named it
                self.error(lesson.where, said("source.lesson.not-listed", lesson=lesson.id))
        return ordered

    def files_alone(self, root: Path, course_file: Path) -> None:
        """When course.yaml cannot be read, every lesson and the quiz are still checked on their own, so that one
        faulty file does not hide the problems of the others; the rules across files wait for course.yaml."""
        overlay = self.overlay = self.overlay or Overlay(root)
        known = top_level(course_file)
        language = overlay.language if overlay.language != CORE_LANGUAGE else known.get("language", CORE_LANGUAGE)
        if language in placeholders.NEUTRAL:  # the placeholders are checked too
            self.words = placeholders.values(self.edition, language)
            self.plain_words = placeholders.values(self.edition, language, plain=True)
        folder = root / "course" / "lessons"
        lessons = [overlay.path(f"course/lessons/{file.name}") for file in sorted(folder.glob("*.md"))] \
            if folder.is_dir() else []
        for path in lessons + [path for path, _, _ in (self.edition.lessons if self.edition else [])]:
            lesson = self.lesson(path)
            if lesson is not None:
                self.problems += markdown.body_problems(root, lesson.where.path, lesson.body_line, lesson.document)
        quizzes = [self.overlay.path(f"quizzes/{known['quiz']}.yaml")] if "quiz" in known else \
            sorted((root / "quizzes").glob("*.yaml"))
        for path in (p for p in quizzes if p.is_file()):
            quiz = self.quiz(path)
            for question in quiz.questions if quiz else []:
                for message, where in question.problems():
                    self.error(where or question.where, message)

    def lesson(self, path: Path) -> Lesson | None:
        text = read_text(path, self.error)
        if text is None:
            return None
        match = FRONT_MATTER.match(text)
        if not match:
            self.error(Where(path, 1, 1), said("source.lesson.no-front-matter"))
            return None
        data = parse_yaml(match.group(1), path, self.error, first_line=2)
        lesson = None if data is None else validate(data, Lesson, path, self.error, first_line=2)
        body_line = text[: match.end()].count("\n") + 1
        body = text[match.end():]
        if self.words is not None:
            body = placeholders.fill(body, Where(path, body_line, 1), self.words, self.edition, self.error)
        document = markdown.parse_body(body)
        if lesson is None:  # the body's own problems are known all the same
            self.problems += markdown.body_problems(self.root, path, body_line, document)
            return None
        lesson.body_line, lesson.body, lesson.document = body_line, body, document
        lesson.media = markdown.media_refs(lesson.document)
        return lesson

    def quiz(self, path: Path) -> Quiz | None:
        data = read_yaml(path, self.error)
        if data is None:
            return None
        if isinstance(data, dict) and isinstance(data.get("questions"), list) \
                and len(data["questions"]) > MAX_QUESTIONS:
            line, col = data.value_at("questions")
            self.error(Where(path, line + 1, col + 1),
                       said("source.quiz.too-many-questions", n=len(data["questions"]), limit=MAX_QUESTIONS))
            return None
        quiz = validate(data, Quiz, path, self.error)
        if quiz is None:
            return None
        if quiz.id != path.stem:
            self.error(quiz.where_of("id"), said("source.quiz.id-differs-from-file", quiz=quiz.id, file=path.name))
        if self.plain_words is not None:  # a quiz read on its own, for the report, keeps its placeholders
            for question in quiz.questions:
                self.fill_words(question)
        return quiz

    def fill_words(self, obj) -> None:
        """Placeholders in the learner's texts of `obj` and the objects in its lists replaced."""
        for name in words_fields(type(obj)):
            value = getattr(obj, name)
            if isinstance(value, str):
                setattr(obj, name, placeholders.fill(value, obj.where_of(name), self.plain_words, self.edition,
                                                     self.error))
        for value in vars(obj).values():
            if isinstance(value, list):
                for entry in value:
                    if hasattr(entry, "where_of"):
                        self.fill_words(entry)


def top_level(path: Path) -> dict[str, str]:
    """The simple `key: value` lines at the top level of a YAML file (the first of each key), read as text: what
    is known of a file that does not parse."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}
    known: dict[str, str] = {}
    for match in TOP_LEVEL.finditer(text):
        known.setdefault(match["key"], match["value"])
    return known


def known_id(path: Path) -> str | None:
    """The id in a lesson's front matter, read as text (for a lesson whose front matter does not load)."""
    return top_level(path).get("id")


def load_course(root: Path, edition_id: str | None = None) -> tuple[Course | None, list[Problem]]:
    """The core course, or with `edition_id` that edition of it (editions/<id>/edition.yaml)."""
    root = Path(root)
    loader = Loader()
    if edition_id is not None:
        edition = load_edition(loader.error, root, edition_id)
        if edition is None:
            return None, loader.problems
        loader.edition, loader.overlay = edition, Overlay(root, edition.language)
        if loader.overlay.folder is not None and not loader.overlay.folder.is_dir():
            loader.error(edition.where_of("language"), said("source.edition.translation-missing",
                                                            language=edition.language,
                                                            folder=display_path(loader.overlay.folder)))
            return None, loader.problems
    course = loader.course(root)
    return course, loader.problems


def load_quiz_file(path: Path) -> tuple[Quiz | None, list[Problem]]:
    loader = Loader()
    quiz = loader.quiz(Path(path))
    return quiz, loader.problems
