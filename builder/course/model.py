"""The in-memory course: one class per source object, which knows nothing of YAML, templates or SCORM.

Each class is a pydantic dataclass: its fields, defaults and limits are what the loader validates
(builder/course/reading.py) and what the JSON Schemas say (builder/course/schemas.py). Fields declared with
`field(init=False)` are not in the source file; the loader fills them. Every object keeps `where` (the file and
line it came from) so that checks and later stages can point the course owner at the exact place to fix.
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import Any, ClassVar, Literal

from pydantic import Field

from .located import (CONFIG, NOT_A_MAPPING, Colour, Email, Flag, HttpsUrl, Located, PastDate, Required, Slug, Text, Where, Whole,
                      entries, model)
from .grading import PassRule
from .questions import QUESTION_TYPES, Category, Option, Question, Single, Sort, SortItem, TrueFalse

__all__ = ["Where", "Located", "Source", "Tracking", "Lesson", "Quiz", "Course", "SourceTitle", "CourseTranslation",
           "Question", "QUESTION_TYPES", "Option", "Category", "SortItem", "Single", "TrueFalse", "Sort", "Edition",
           "Contact", "Link"]

Language = Literal["nb", "nn", "en"]
TRANSLATED_FROM = Field(None, description="translations only: the first 12 hex digits of the SHA-256 of the bokmål "
                                          "file this text was translated from")
MAX_MINUTES = 120
CONTACT_ROLES = ("personvernombud", "varsling", "it-sikkerhet", "kommunikasjon")


@model(config=CONFIG, kw_only=True)
class Source(Located):
    """An entry in the course's source catalogue, cited by id from lessons and questions."""

    noun: ClassVar[str] = "source"
    id: Slug = Field(description="id cited from lessons and questions")
    title: Required = Field(description="law and section, or the guidance's title and year")
    url: Text | None = Field(None, description="public address of the source (https://…)")


@model(config=CONFIG, kw_only=True)
class Tracking(Located):
    noun: ClassVar[str] = "tracking"
    passing_score: Whole = Field(80, ge=0, le=100, description="percent of questions fully right needed to pass")
    completion: Literal["lessons", "quiz", "lessons-and-quiz"] = Field(
        "lessons-and-quiz", description="what completes the course")
    failed_status: Literal["failed", "incomplete"] = Field(
        "failed", description="status recorded when the last quiz attempt fails; before that the LMS attempt "
                              "stays incomplete so the learner can retry later")
    max_attempts: Whole = Field(0, ge=0, le=100, description="quiz attempts; 0 = unlimited")


@model(config=CONFIG, kw_only=True)
class Quality(Located):
    """Targets of the authors' quality checks (builder/quality/): above them `check` warns, with --strict it fails."""

    noun: ClassVar[str] = "quality"
    guess_ceiling: Whole = Field(5, ge=0, le=100, description="highest percent chance a test-wise guesser may have "
                                 "to pass within the allowed quiz attempts")
    lix_target: Whole = Field(45, ge=10, le=80, description="highest LIX (readability index) a lesson may have; "
                              "about 40 is plain, 50 is heavy official prose")
    sentence_words: Whole = Field(25, ge=5, le=100, description="sentences with more words than this are listed")


@model(config=CONFIG, kw_only=True)
class Lesson(Located):
    """A lesson: its front matter (the fields) and its Markdown body."""

    noun: ClassVar[str] = "lesson"
    id: Slug = Field(description="the lesson's id, cited by questions and the course's `lessons`")
    title: Required = Field(description="becomes the lesson's heading")
    minutes: Whole = Field(ge=1, le=MAX_MINUTES, description="estimated reading time")
    objectives: list[Required] = Field(**entries(least=1), description="what the learner can do after the lesson")
    sources: list[Slug] = Field(default_factory=list, description="ids from the course's source catalogue")
    translated_from: Text | None = TRANSLATED_FROM
    body: str = field(default="", init=False, repr=False)  # Markdown after the front matter
    body_line: int = field(default=1, init=False)  # line in the file where `body` starts, for error positions
    document: list = field(default_factory=list, init=False, repr=False, compare=False)  # `body` parsed once
    media: list[str] = field(default_factory=list, init=False)  # media/<file> paths the body points to
    local: bool = field(default=False, init=False)  # an edition's own lesson, which the shared quiz does not test


@model(config=CONFIG, kw_only=True)
class Quiz(Located):
    noun: ClassVar[str] = "quiz"
    id: Slug = Field(description="must match the file name and course.yaml's `quiz`")
    title: Required = Field(description="the quiz's heading")
    draw: Whole | None = Field(None, ge=1,
                             description="questions drawn per attempt, at most the pool; default all, or "
                             "per_lesson × lessons")
    per_lesson: Whole | None = Field(None, ge=1,
                                   description="questions drawn from every lesson in each attempt, so every attempt "
                                   "tests every lesson; draw, when larger, is filled from the rest of the pool")
    required_topics: list[Slug] = Field(default_factory=list,
                                        description="topics every drawn attempt includes, at least one question each")
    shuffle: Flag = Field(True, description="shuffle questions and options per attempt")
    passing_score: Whole | None = Field(None, ge=0, le=100, description="overrides tracking.passing_score")
    questions: list[Question] = Field(description="the pool the attempts are drawn from")
    translated_from: Text | None = TRANSLATED_FROM

    @property
    def lessons(self) -> set[str]:
        return {q.lesson for q in self.questions}

    @property
    def draw_count(self) -> int:
        if self.draw is not None:
            return self.draw
        return self.per_lesson * len(self.lessons) if self.per_lesson else len(self.questions)


@model(config=CONFIG, kw_only=True)
class Course(Located):
    """course/course.yaml, and once loaded the whole course: its lessons, quiz and edition."""

    noun: ClassVar[str] = "course"
    id: Slug = Field(description="course id, used in the zip name and SCORM identifiers")
    title: Required = Field(description="the course's title, shown to learners and in the LMS")
    description: Text = Field("", description="a short description, shown at the start and in the manifest")
    language: Language = Field(description="language of the course and the player")
    version: Required = Field(description="course version, e.g. 1.0.0; saved progress from another version is "
                              "set aside safely")
    organisation: Text = Field("", description="who publishes the course")
    reviewed: PastDate | None = Field(None, description="when the content was last checked against its sources, "
                                      "YYYY-MM-DD; shown to learners as «Faglig kontrollert»")
    quiz_id: Slug | None = Field(None, alias="quiz", description="id of quizzes/<id>.yaml")
    lesson_order: list[Slug] | None = Field(None, alias="lessons",
                                            description="explicit lesson order by id; default: file-name order")
    tracking: Tracking = Field(default_factory=Tracking)
    quality: Quality = Field(default_factory=Quality)
    sources: list[Source] = Field(default_factory=list, description="the source catalogue")
    root: Path = field(default=Path("."), init=False)  # the source folder (holds course/ and quizzes/)
    # Loaded file by file and validated there; typed loosely, as a typed field would make pydantic build the
    # Lesson and Quiz validators a second time inside Course's, which costs the build its start-up.
    lessons: list = field(default_factory=list, init=False)  # [Lesson]
    quiz: Any = field(default=None, init=False)  # Quiz | None
    edition: Any = field(default=None, init=False)  # an Edition (declared below); None: the shared core course

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
    def pass_rule(self) -> PassRule:
        return PassRule(self.passing_score, self.tracking.completion, self.tracking.failed_status, self.quiz is not None)

    @property
    def quiz_decides_status(self) -> bool:
        """True when the quiz result is what the LMS should record as passed/failed."""
        return self.pass_rule.quiz_decides

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)


STEP = ("source.selfcheck.step-keys", "object")
TEXT_ERRORS = ("missing", "string_type", "string_too_short")


@model(config=CONFIG, kw_only=True)
class SelfCheckStep(Located):
    noun: ClassVar[str] = "selfcheck-step"
    messages: ClassVar = {(None, "unknown"): STEP, **{(name, error): STEP for name in ("question", "if_yes", "if_no")
                                                      for error in TEXT_ERRORS}}
    question: Required = Field(description="a yes-or-no question")
    if_yes: Required = Field(description="what a yes means, and what to do")
    if_no: Required = Field(description="what a no means, and what to do")


@model(config=CONFIG, kw_only=True)
class SelfCheck(Located):
    """A ```selfcheck block in a lesson («tell til tre»): the player walks the learner through it a step at a time.
    Its messages point at lines inside the block (builder/course/markdown.py)."""

    noun: ClassVar[str] = "selfcheck"
    messages: ClassVar = {
        **{(None, error): ("source.selfcheck.not-a-mapping", "object") for error in NOT_A_MAPPING},
        (None, "unknown"): ("source.selfcheck.unknown-key", "key"),
        **{(name, error): ("source.selfcheck.needs-text", "object") for name in ("title", "end")
           for error in TEXT_ERRORS},
        **{("steps", error): ("source.selfcheck.steps", "object")
           for error in ("missing", "list_type", "too_short", "too_long")},
        **{("steps", error): (STEP[0], "value") for error in NOT_A_MAPPING},
    }
    title: Required = Field(description="the block's heading")
    steps: list[SelfCheckStep] = Field(**entries(
        least=1, most=10, why="one question per screen: a longer walk is a checklist, and learners stop midway"),
        description="the questions, one screen each")
    end: Required = Field(description="what to do when still unsure")


# translations/<language>/course/course.yaml: the translated parts of course.yaml only.
@model(config=CONFIG, kw_only=True)
class SourceTitle(Located):
    noun: ClassVar[str] = "source-title"
    id: Slug = Field(description="id of a source in course/course.yaml")
    title: Required = Field(description="the source's title in this language")


@model(config=CONFIG, kw_only=True)
class CourseTranslation(Located):
    noun: ClassVar[str] = "course-translation"
    translated_from: Text | None = TRANSLATED_FROM
    title: Required = Field(description="the course title in this language")
    description: Text = Field("", description="the description in this language")
    sources: list[SourceTitle] = Field(default_factory=list,
                                       description="source titles that have a form in this language")


# editions/<id>/edition.yaml: one organisation's own package of the shared course.
@model(config=CONFIG, kw_only=True)
class Colours(Located):
    noun: ClassVar[str] = "colours"
    brand: Colour = Field(description="brand colour as #rrggbb: header, buttons and links")
    brand_text: Colour = Field("#ffffff", description="text colour on the brand colour, as #rrggbb")


@model(config=CONFIG, kw_only=True)
class Contact(Located):
    noun: ClassVar[str] = "contact"
    name: Text | None = Field(None, description="person or office")
    email: Email | None = Field(None, description="e-mail address")
    phone: Text | None = Field(None, description="telephone number, as it should be shown")
    url: HttpsUrl | None = Field(None, description="web page (https://…)")


@model(config=CONFIG, kw_only=True)
class Contacts(Located):
    """The roles a lesson can name with {{ kontakt.<role> }} (CONTACT_ROLES)."""

    noun: ClassVar[str] = "contacts"
    personvernombud: Contact | None = Field(None, description="the data protection officer")
    varsling: Contact | None = Field(None, description="where to report wrongdoing (whistleblowing)")
    it_sikkerhet: Contact | None = Field(None, alias="it-sikkerhet", description="where to report a security incident")
    kommunikasjon: Contact | None = Field(None, description="the communications staff")


@model(config=CONFIG, kw_only=True)
class Link(Located):
    noun: ClassVar[str] = "link"
    title: Required = Field(description="the link text")
    url: HttpsUrl = Field(description="https://…")


@model(config=CONFIG, kw_only=True)
class EditionLesson(Located):
    noun: ClassVar[str] = "edition-lesson"
    file: Required = Field(description="Markdown lesson file in the edition's folder")
    after: Slug | None = Field(None, description="id of the lesson it follows; default: after the last lesson")


@model(config=CONFIG, kw_only=True)
class EditionTracking(Located):
    noun: ClassVar[str] = "edition-tracking"
    passing_score: Whole | None = Field(None, ge=0, le=100, description="overrides the course's pass mark")
    max_attempts: Whole | None = Field(None, ge=0, le=100, description="quiz attempts; 0 = unlimited")


@model(config=CONFIG, kw_only=True)
class Edition(Located):
    """One organisation's package of the shared course: its name, look, contacts and local lessons."""

    noun: ClassVar[str] = "edition"
    id: Slug = Field(description="the edition's id: the name of its folder under editions/")
    organisation: Required = Field(description="the organisation's name, shown in the package and as the logo's text")
    language: Literal["nb", "nn"] = Field("nb", description="nn reads the texts from translations/nn/")
    title: Text | None = Field(None, description="the package's title; default: the course title – organisation")
    logo_file: Text | None = Field(None, alias="logo", description="SVG or PNG file in the edition's folder, at "
                                   "most 200 KB")
    colours: Colours | None = Field(None, description="the organisation's colours")
    contact_roles: Contacts | None = Field(None, alias="contacts", description="filled into {{ kontakt.<role> }}")
    links: dict[Slug, Link] = Field(default_factory=dict,
                                    description="id → title and url; filled into {{ lenke.<id> }}")
    lesson_files: list[EditionLesson] = Field(default_factory=list, alias="lessons",
                                              description="extra lessons, e.g. «Slik gjør vi det hos oss»")
    tracking: EditionTracking | None = Field(None, description="the edition's own pass mark and attempts")
    folder: Path = field(default=Path("."), init=False)
    logo: Path | None = field(default=None, init=False)  # the logo file, once found and checked
    lessons: list = field(default_factory=list, init=False)  # (file, after lesson id, where) of each found file

    @property
    def contacts(self) -> dict[str, Contact]:
        """role → contact, for the roles the edition gives."""
        roles = self.contact_roles
        return {} if roles is None else {
            role: contact for role in CONTACT_ROLES if (contact := getattr(roles, role.replace("-", "_")))}

    @property
    def brand(self) -> str | None:
        return self.colours.brand if self.colours else None

    @property
    def brand_text(self) -> str:
        return self.colours.brand_text if self.colours else "#ffffff"

    @property
    def passing_score(self) -> int | None:
        return self.tracking.passing_score if self.tracking else None

    @property
    def max_attempts(self) -> int | None:
        return self.tracking.max_attempts if self.tracking else None
