"""The in-memory course: plain dataclasses that know nothing of YAML, templates or SCORM.

Every object keeps `where` (the file and line it came from) so that checks and
later stages can point the course owner at the exact place to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

QuestionType = Literal["single", "multiple", "true-false", "sort"]
Completion = Literal["lessons", "quiz", "lessons-and-quiz"]
FailedStatus = Literal["failed", "incomplete"]
Language = Literal["nb", "nn", "en"]


@dataclass(frozen=True)
class Where:
    """A place in a source file; line and col are 1-based (0 when unknown)."""

    path: Path
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass
class Located:
    """Where an object starts, and where each of its fields stands, so a check can point at the very line."""

    where: Where | None = field(default=None, kw_only=True)
    at: dict[str, Where] = field(default_factory=dict, kw_only=True, repr=False, compare=False)

    def where_of(self, name: str) -> Where | None:
        return self.at.get(name, self.where)


@dataclass
class Source:
    """An entry in the course's source catalogue, cited by id from lessons and questions."""

    id: str
    title: str
    url: str | None = None
    where: Where | None = None


@dataclass
class Tracking(Located):
    passing_score: int = 80
    completion: Completion = "lessons-and-quiz"
    failed_status: FailedStatus = "failed"
    max_attempts: int = 0  # 0 = unlimited


@dataclass
class Lesson(Located):
    id: str
    title: str
    objectives: list[str]
    minutes: int
    body: str  # Markdown after the front matter
    body_line: int  # line in the file where `body` starts, for error positions
    sources: list[str] = field(default_factory=list)  # Source ids
    document: list = field(default_factory=list, repr=False, compare=False)  # `body` parsed once (markdown.parse_body)
    media: list[str] = field(default_factory=list)  # media/<file> paths the body points to
    translated_from: str | None = None  # translations: hash of the bokmål file (builder/translations.py)
    local: bool = False  # an edition's own lesson, which the shared quiz does not test


@dataclass
class Option:
    id: str
    text: str
    correct: bool = False
    feedback: str | None = None
    where: Where | None = None


@dataclass
class Category:
    id: str
    text: str
    where: Where | None = None


@dataclass
class SortItem:
    id: str
    text: str
    category: str  # Category id
    where: Where | None = None


@dataclass
class Question(Located):
    id: str
    lesson: str  # Lesson id
    type: QuestionType
    text: str
    options: list[Option] = field(default_factory=list)  # single, multiple
    answer: bool | None = None  # true-false
    feedback_true: str | None = None  # true-false: feedback for choosing "true"
    feedback_false: str | None = None
    categories: list[Category] = field(default_factory=list)  # sort
    items: list[SortItem] = field(default_factory=list)  # sort
    explanation: str = ""
    sources: list[str] = field(default_factory=list)  # Source ids


@dataclass
class Quiz(Located):
    id: str
    title: str
    questions: list[Question]
    draw: int | None = None  # None = every question, or per_lesson from each lesson
    per_lesson: int | None = None  # questions every attempt draws from each lesson
    shuffle: bool = True
    passing_score: int | None = None  # overrides Tracking.passing_score
    translated_from: str | None = None

    @property
    def lessons(self) -> set[str]:
        return {q.lesson for q in self.questions}

    @property
    def draw_count(self) -> int:
        if self.draw is not None:
            return self.draw
        return self.per_lesson * len(self.lessons) if self.per_lesson else len(self.questions)


@dataclass
class Contact:
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None


@dataclass
class Link:
    title: str
    url: str


@dataclass
class Edition(Located):
    """One organisation's package of the shared course: its name, look, contacts and local lessons."""

    id: str
    organisation: str
    folder: Path
    language: Language = "nb"
    title: str | None = None
    logo: Path | None = None
    brand: str | None = None  # #rrggbb
    brand_text: str = "#ffffff"
    contacts: dict[str, Contact] = field(default_factory=dict)  # role → contact
    links: dict[str, Link] = field(default_factory=dict)  # id → link
    lessons: list[tuple[Path, str | None, Where]] = field(default_factory=list)  # (file, after lesson id, where)
    passing_score: int | None = None  # tracking overrides
    max_attempts: int | None = None


@dataclass
class Course:
    id: str
    title: str
    language: Language
    version: str
    root: Path  # the source folder (holds course/ and quizzes/)
    description: str = ""
    organisation: str = ""
    reviewed: date | None = None  # when the content was last checked against its sources
    tracking: Tracking = field(default_factory=Tracking)
    lessons: list[Lesson] = field(default_factory=list)
    quiz: Quiz | None = None
    sources: list[Source] = field(default_factory=list)
    where: Where | None = None
    edition: Edition | None = None  # None: the shared core course

    @property
    def package_id(self) -> str:
        """Identifies the package in the LMS: editions of one course must not share identifiers."""
        return self.id if self.edition is None else f"{self.id}-{self.edition.id}"

    @property
    def passing_score(self) -> int:
        if self.quiz is not None and self.quiz.passing_score is not None:
            return self.quiz.passing_score
        return self.tracking.passing_score

    @property
    def quiz_decides_status(self) -> bool:
        """True when the quiz result is what the LMS should record as passed/failed."""
        return self.quiz is not None and self.tracking.completion != "lessons"

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)
