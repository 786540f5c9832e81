"""The JSON Schemas that `kursbygger schema` writes from the model classes: what editors check as the owner types
accepts the real course's files and refuses what the loader refuses, limits included."""

from __future__ import annotations

import copy
import datetime
import re

import pytest
import yaml
from jsonschema import Draft7Validator

from builder.course.schemas import schemas
from tests.conftest import REPO

FILES = [("course.schema.json", "course/course.yaml"), ("quiz.schema.json", "quizzes/sosiale-medier.yaml"),
         ("quiz.schema.json", "translations/nn/quizzes/sosiale-medier.yaml"),
         ("discussion.schema.json", "course/discussion.yaml"), ("edition.schema.json", "editions/eksempel-kommune/edition.yaml"),
         ("translation.schema.json", "translations/nn/course/course.yaml")]


def read(relative: str) -> dict:
    text = (REPO / relative).read_text(encoding="utf-8")
    if relative.endswith(".md"):
        text = re.match(r"---\n(.*?)\n---", text, re.S).group(1)
    data = yaml.safe_load(text)
    # PyYAML reads YYYY-MM-DD as a date; the course's YAML 1.2 reader, like an editor, keeps it as text
    return {key: value.isoformat() if isinstance(value, datetime.date) else value for key, value in data.items()}


def errors(schema_name: str, data: dict) -> list[str]:
    return [error.message for error in Draft7Validator(schemas()[schema_name]).iter_errors(data)]


@pytest.mark.parametrize("schema_name, relative", FILES)
def test_the_real_files_meet_their_schema(schema_name, relative):
    assert errors(schema_name, read(relative)) == []


def test_every_lesson_meets_the_lesson_schema():
    for lesson in sorted((REPO / "course" / "lessons").glob("*.md")):
        assert errors("lesson.schema.json", read(str(lesson.relative_to(REPO)))) == [], lesson.name


def test_the_schema_refuses_what_the_loader_refuses():
    quiz = read("quizzes/sosiale-medier.yaml")
    single = next(i for i, q in enumerate(quiz["questions"]) if q["type"] == "single")
    sort = next(i for i, q in enumerate(quiz["questions"]) if q["type"] == "sort")
    too_many = copy.deepcopy(quiz)
    too_many["questions"][single]["options"] = [{"text": f"svar {i}"} for i in range(27)]
    ten = copy.deepcopy(quiz)
    ten["questions"][sort]["categories"] = [{"id": f"k{i}", "text": "k"} for i in range(10)]
    unknown = copy.deepcopy(quiz)
    unknown["questions"][single]["answer"] = True  # a true-false field on a single-choice question
    for broken in (too_many, ten, unknown):
        assert errors("quiz.schema.json", broken)
    assert errors("quiz.schema.json", quiz) == []
