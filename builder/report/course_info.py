"""What the report may add from the course itself: from its sources (--source) or from the uploaded SCORM zip
(--package), whose index.html carries the quiz as JSON. The zip is only read, never run, and is treated as
untrusted: one member is read, its name and size checked first."""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..build import load_checked
from ..model import Question
from ..questions import BY_KIND
from .readers import ExportError

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
    origin: str  # the file or folder it came from, for the report's header


def from_source(source: Path) -> CourseInfo:
    course, _ = load_checked(source)
    questions = {q.id: q for q in course.quiz.questions} if course.quiz else {}
    return CourseInfo(course.title, course.language, course.version, course.passing_score,
                      {lesson.id: lesson.title for lesson in course.lessons}, questions, str(source))


def from_package(path: Path) -> CourseInfo:
    try:
        with zipfile.ZipFile(path) as archive:
            info = next((i for i in archive.infolist() if i.filename == "index.html"), None)
            if info is None:
                raise ExportError(f"{path}: no index.html at the top of the zip; expected the SCORM package that "
                                  "kursbygger built and that was uploaded to the LMS")
            if info.file_size > MAX_INDEX_BYTES:
                raise ExportError(f"{path}: index.html claims {info.file_size:,} bytes; not a kursbygger package")
            with archive.open(info) as member:
                page = member.read(MAX_INDEX_BYTES + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise ExportError(f"{path}: not a readable zip file ({exc.__class__.__name__}); expected the SCORM "
                          "package that was uploaded to the LMS") from None
    if len(page) > MAX_INDEX_BYTES:
        raise ExportError(f"{path}: index.html is larger than it claims; not a kursbygger package")
    found = KURS_DATA.search(page.decode("utf-8", errors="replace"))
    try:
        data = json.loads(found.group(1)) if found else None
        return course_from_data(data, path)
    except (ValueError, KeyError, TypeError, AttributeError):
        raise ExportError(f"{path}: index.html holds no course data that kursbygger can read; expected a package "
                          "built by kursbygger") from None


def course_from_data(data: dict, path: Path) -> CourseInfo:
    course, tracking, quiz = data["course"], data["tracking"], data.get("quiz") or {"questions": []}
    return CourseInfo(str(course["title"]), str(course["language"]), str(course["version"]),
                      float(tracking["passingScore"]),
                      {str(lesson["id"]): str(lesson["title"]) for lesson in data["lessons"]},
                      {str(q["id"]): question_from_data(q) for q in quiz["questions"]}, str(path))


def question_from_data(q: dict) -> Question:
    """The quiz question as the runtime sees it, back in the builder's model."""
    kind = BY_KIND.get(q["type"])
    if kind is None:
        raise ValueError(q["type"])
    return kind.from_data(q)
