"""What the report may add from the course itself: from its sources (--source) or from the uploaded SCORM zip
(--package), whose index.html carries the quiz as JSON. The zip is only read, never run, and is treated as
untrusted: one member is read, its name and size checked first."""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .words import Refusal

if TYPE_CHECKING:  # the course model (pydantic) is loaded only when a report names its course
    from ..course.model import Question

MAX_INDEX_BYTES = 50_000_000  # a course page is well under a megabyte; this only stops a zip bomb
KURS_DATA = re.compile(r'<script type="application/json" id="kurs-data">(.*?)</script>', re.DOTALL)


@dataclass
class CourseInfo:
    title: str
    language: str
    version: str
    passing_score: float
    lessons: dict[str, str]  # id → title, in course order
    questions: dict[str, Question]
    origin: str  # the file or folder it came from (its name only: the page may be shared), for the header
    completion: str = "lessons-and-quiz"  # the course's completion rule: lessons, quiz or lessons-and-quiz
    per_attempt: int | None = None  # questions drawn per quiz attempt
    max_attempts: int = 0  # quiz attempts allowed; 0 = unlimited


def from_source(source: Path) -> CourseInfo:
    from ..build import load_checked

    course, _ = load_checked(source)
    questions = {q.id: q for q in course.quiz.questions} if course.quiz else {}
    return CourseInfo(course.title, course.language, course.version, course.passing_score,
                      {lesson.id: lesson.title for lesson in course.lessons}, questions, source.resolve().name,
                      course.tracking.completion, course.quiz.draw_count if course.quiz else None,
                      course.tracking.max_attempts)


def from_package(path: Path) -> CourseInfo:
    try:
        with zipfile.ZipFile(path) as archive:
            info = next((i for i in archive.infolist() if i.filename == "index.html"), None)
            if info is None:
                raise Refusal("package-no-index", path)
            if info.file_size > MAX_INDEX_BYTES:
                raise Refusal("package-huge", path, size=info.file_size)
            with archive.open(info) as member:
                page = member.read(MAX_INDEX_BYTES + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise Refusal("package-unreadable", path, reason=exc.__class__.__name__) from None
    found = KURS_DATA.search(page.decode("utf-8", errors="replace"))
    try:
        data = json.loads(found.group(1)) if found else None
        return course_from_data(data, path)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise Refusal("package-no-data", path) from None


def course_from_data(data: dict, path: Path) -> CourseInfo:
    """The course's own rule, as its player applies it: pass mark, completion rule, questions per attempt."""
    course, tracking, quiz = data["course"], data["tracking"], data.get("quiz") or {"questions": []}
    return CourseInfo(str(course["title"]), str(course["language"]), str(course["version"]),
                      float(tracking["passingScore"]),
                      {str(lesson["id"]): str(lesson["title"]) for lesson in data["lessons"]},
                      {str(q["id"]): question_from_data(q) for q in quiz["questions"]}, path.name,
                      str(tracking.get("completion", "lessons-and-quiz")), int(quiz["draw"]) if quiz.get("draw") else None,
                      int(tracking.get("maxAttempts") or 0))


def question_from_data(q: dict) -> Question:
    """The quiz question as the runtime sees it, back in the builder's model."""
    from ..course.questions import BY_KIND

    return BY_KIND[q["type"]].from_data(q)  # an unknown type: KeyError, a package this builder did not make
