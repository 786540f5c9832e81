"""JSON Schemas for the course's YAML files, generated from the same field specs the loader validates with."""

from __future__ import annotations

import json
from pathlib import Path

from . import fields as F

SLUG = {"type": "string", "pattern": F.SLUG.pattern}
KINDS = {
    "str": {"type": "string"}, "slug": SLUG, "int": {"type": "integer"}, "bool": {"type": "boolean"},
    "date": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    "slug-list": {"type": "array", "items": SLUG}, "str-list": {"type": "array", "items": {"type": "string"}},
}


def object_schema(spec: F.Spec) -> dict:
    properties = {}
    for name, fld in spec.fields.items():
        if fld.kind == "object":
            prop = object_schema(fld.item)
        elif fld.kind == "list":
            prop = {"type": "array", "items": object_schema(fld.item)}
        elif fld.kind == "map":
            prop = {"type": "object", "propertyNames": SLUG, "additionalProperties": object_schema(fld.item)}
        else:
            prop = dict(KINDS[fld.kind])
        if fld.choices:
            prop["enum"] = list(fld.choices)
        if fld.minimum is not None:
            prop["minItems" if prop.get("type") == "array" else "minimum"] = fld.minimum
        if fld.maximum is not None:
            prop["maximum"] = fld.maximum
        if fld.default not in (None, ""):
            prop["default"] = fld.default
        if fld.help:
            prop["description"] = fld.help
        properties[name] = prop
    schema = {"type": "object", "additionalProperties": False, "properties": properties}
    required = [name for name, fld in spec.fields.items() if fld.required]
    if required:
        schema["required"] = required
    return schema


def schemas() -> dict[str, dict]:
    out = {}
    for file_name, spec, title in (("course.schema.json", F.COURSE, "kursbygger course.yaml"),
                                   ("quiz.schema.json", F.QUIZ, "kursbygger quiz"),
                                   ("lesson.schema.json", F.LESSON, "kursbygger lesson front matter"),
                                   ("discussion.schema.json", F.DISCUSSION, "kursbygger discussion material"),
                                   ("edition.schema.json", F.EDITION, "kursbygger edition"),
                                   ("translation.schema.json", F.COURSE_TRANSLATION,
                                    "kursbygger course.yaml translation")):
        out[file_name] = {"$schema": "http://json-schema.org/draft-07/schema#", "title": title, **object_schema(spec)}
    return out


def write_schemas(out: Path) -> list[Path]:
    """The schema files editors read; `schema` and `new` both write them through here."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in schemas().items():
        (out / name).write_text(json.dumps(content, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(out / name)
    return written
