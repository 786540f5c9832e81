"""JSON Schemas for the course's YAML files, written from the same model classes the loader validates with."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from pydantic import TypeAdapter
from pydantic.json_schema import GenerateJsonSchema

from .model import Course, CourseTranslation, Edition, Lesson, Quiz
from .discussion import Discussion


class SourceFileSchema(GenerateJsonSchema):
    """Only the fields a course owner writes (not those the loader fills), in the order the class declares them,
    without pydantic's generated titles."""

    def dataclass_args_schema(self, schema):
        kept = [f for f in schema["fields"] if f.get("init") is not False]
        return super().dataclass_args_schema({**schema, "fields": kept})

    def dataclass_schema(self, schema):
        result = super().dataclass_schema(schema)
        cls = schema["cls"]
        fields = cls.__pydantic_fields__
        order = [fields[f.name].alias or f.name for f in dataclasses.fields(cls) if f.init]
        if "properties" in result:
            result["properties"] = {key: result["properties"][key] for key in order if key in result["properties"]}
        result.pop("title", None)
        result.pop("description", None)
        return result

    def field_title_should_be_set(self, schema) -> bool:
        return False


def schemas() -> dict[str, dict]:
    out = {}
    for file_name, cls, title in (("course.schema.json", Course, "kursbygger course.yaml"),
                                  ("quiz.schema.json", Quiz, "kursbygger quiz"),
                                  ("lesson.schema.json", Lesson, "kursbygger lesson front matter"),
                                  ("discussion.schema.json", Discussion, "kursbygger discussion material"),
                                  ("edition.schema.json", Edition, "kursbygger edition"),
                                  ("translation.schema.json", CourseTranslation, "kursbygger course.yaml translation")):
        out[file_name] = {"$schema": "http://json-schema.org/draft-07/schema#", "title": title, **schema(cls)}
    return out


def schema(cls: type) -> dict:
    """One model class as JSON Schema: for the files above, and for the field tables in docs/ (builder/docs.py)."""
    return TypeAdapter(cls).json_schema(schema_generator=SourceFileSchema)


def write_schemas(out: Path) -> list[Path]:
    """The schema files editors read; `schema` and `new` both write them through here."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in schemas().items():
        (out / name).write_text(json.dumps(content, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(out / name)
    return written
