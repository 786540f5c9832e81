"""What every source object is made of: its place in the file, and the field types with their limits.

The model classes (builder/course/model.py, builder/course/questions.py) are pydantic dataclasses built from these parts, so
one class is at once the model, the validator (builder/course/reading.py) and the JSON Schema (builder/course/schemas.py).
"""

from __future__ import annotations

import datetime
import functools
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Strict, StringConstraints, model_validator
from pydantic.dataclasses import dataclass as model
from pydantic.json_schema import SkipJsonSchema
from pydantic_core import PydanticCustomError

SLUG = re.compile(r"^[a-z0-9-]{1,64}$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# pydantic's error types for a value that should have been a mapping of key: value lines
NOT_A_MAPPING = ("dataclass_type", "dataclass_args_type", "dict_type", "model_type", "model_attributes_type")
# Unknown keys are errors; values are taken as written (no "1" for 1 or "yes" for true); text is trimmed.
# defer_build: a class's validator is built when first used, not at import, so a command pays only for the classes
# it validates (the discussion material's, the editions' and the JSON Schema's classes cost `build` nothing).
CONFIG = ConfigDict(extra="forbid", str_strip_whitespace=True, revalidate_instances="never", defer_build=True)

# pydantic never takes a number for text; numbers and yes/no are taken only as YAML wrote them (no "3", no "yes").
Text = str
Required = Annotated[str, StringConstraints(min_length=1)]  # a text that must say something
Slug = Annotated[str, StringConstraints(pattern=SLUG.pattern)]
Whole = Annotated[int, Strict()]
Flag = Annotated[bool, Strict()]
# Texts the learner reads in the player: {{ placeholders }} in them are filled at load (builder/course/placeholders.py).
WORDS = "words"
Words = Annotated[str, WORDS]
RequiredWords = Annotated[str, StringConstraints(min_length=1), WORDS]


def past_date(value: Any) -> datetime.date:
    """A calendar date written YYYY-MM-DD that has already passed: it tells learners when the content was checked."""
    text = value.strip() if isinstance(value, str) else ""
    try:
        day = datetime.date.fromisoformat(text) if ISO_DATE.match(text) else None
    except ValueError:
        day = None
    if day is None:
        raise PydanticCustomError("date_format", "must be a date written YYYY-MM-DD")
    if day > datetime.date.today():
        raise PydanticCustomError("date_future", "a date still to come", {"text": text})
    return day


PastDate = Annotated[datetime.date, BeforeValidator(past_date)]


def hex_colour(value: str) -> str:
    if not re.match(r"^#[0-9a-fA-F]{6}$", value):
        raise PydanticCustomError("colour", "must be written #rrggbb")
    return value


Colour = Annotated[str, AfterValidator(hex_colour)]


def email(value: str) -> str:
    if not re.match(r"^[^@\s<>()\[\]]+@[^@\s<>()\[\]]+\.[a-z]{2,}$", value, re.I):
        raise PydanticCustomError("email", "is not an e-mail address")
    return value


def https_url(value: str) -> str:
    if re.match(r"^http://[^\s<>]+$", value, re.I):
        raise PydanticCustomError("http_url", "must start with https://", {"secure": "https://" + value[7:]})
    if not re.match(r"^https://[^\s<>]+$", value):
        raise PydanticCustomError("https_url", "must be a web address starting with https://, without spaces")
    return value


Email = Annotated[str, AfterValidator(email)]
HttpsUrl = Annotated[str, AfterValidator(https_url)]


@dataclass(frozen=True)
class Where:
    """A place in a source file; line and col are 1-based (0 when unknown)."""

    path: Path
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}" if self.line else f"{self.path}"


@model(config=CONFIG, kw_only=True)
class Located:
    """Where an object starts, and where each of its fields stands, so a check can point at the very line.

    `noun` is the key of the object's name in messages: source.noun.<noun> in builder/words («unknown field 'x'
    in tracking»); source.help.<noun>.<field> tells what a required field holds when it is missing.
    """

    noun: ClassVar[str] = "object"
    where: SkipJsonSchema[Any] = field(default=None, init=False, repr=False, compare=False)
    # key → 0-based (line, col) of its value in the file, and the file line the parsed text starts on
    at: SkipJsonSchema[Any] = field(default_factory=dict, init=False, repr=False, compare=False)
    first_line: SkipJsonSchema[int] = field(default=1, init=False, repr=False, compare=False)
    # key → the places of the entries of its list, for a check about one entry
    entries_at: SkipJsonSchema[Any] = field(default=None, init=False, repr=False, compare=False)
    # (field, id of the entry or None) of what loading left out for an error it reported (builder/course/reading.py)
    left_out: SkipJsonSchema[Any] = field(default_factory=set, init=False, repr=False, compare=False)

    def where_of(self, name: str, index: int | None = None) -> Where | None:
        """Where the field's value stands (or its list's entry `index`); else where the object does."""
        places = self.entries_at.get(name) if index is not None and self.entries_at else None
        line_col = places[index] if places and index < len(places) else self.at.get(name)
        if line_col is None or self.where is None:
            return self.where
        return Where(self.where.path, line_col[0] + self.first_line, line_col[1] + 1)

    @model_validator(mode="wrap")
    @classmethod
    def _placed(cls, data: Any, handler, info) -> Any:
        node = data
        if isinstance(data, dict) and None in data.values():
            # an empty optional field (`description:`) means its default, as when it is left out
            data = {key: value for key, value in data.items() if value is not None or key not in optional(cls)}
        obj = handler(data)
        context = info.context
        for name, key, least, most in limits(cls):
            count = len(getattr(obj, name))
            if context is not None and least is not None and count < least:
                context["soft"].append((cls, node, key, "too_short", {"min_length": least, "actual_length": count}))
            if context is not None and most is not None and count > most:
                context["soft"].append((cls, node, key, "too_long", {"max_length": most, "actual_length": count}))
        if context is not None and hasattr(node, "values_at"):
            first = context["first_line"]
            obj.where = Where(context["path"], node.line + first, node.col + 1)
            obj.at, obj.first_line = node.values_at, first
            obj.entries_at = {key: value.items_at for key, value in node.items() if hasattr(value, "items_at")}
            obj.left_out = set(getattr(node, "left_out", ()))
        return obj


@functools.cache
def optional(cls: type) -> frozenset[str]:
    """The input names of the fields a class has a default for."""
    return frozenset(info.alias or name for name, info in cls.__pydantic_fields__.items()
                     if info.init is not False and not info.is_required())


@functools.cache
def words_fields(cls: type) -> list[str]:
    """The fields of `cls` declared as Words: texts the learner reads, which may hold placeholders."""
    return [name for name, info in cls.__pydantic_fields__.items()
            if marked(info.annotation, WORDS) or WORDS in info.metadata]


def marked(annotation: Any, marker: str) -> bool:
    return marker in getattr(annotation, "__metadata__", ()) or any(
        marked(arg, marker) for arg in typing.get_args(annotation))


def entries(least: int | None = None, most: int | None = None, why: str | None = None) -> dict:
    """A list's length limits (and why), for the JSON Schema and for Located's check. They are checked after the
    object is made rather than by pydantic, so an object with too few or too many entries is still loaded and the
    later checks see it; the build stops on the error all the same."""
    schema = {"minItems": least, "maxItems": most, "x-reason": why}
    return {"json_schema_extra": {key: value for key, value in schema.items() if value is not None}}


@functools.cache
def limits(cls: type) -> list[tuple[str, str, int | None, int | None]]:
    """(field name, key in the file, least, most) of the fields declared with `entries`."""
    return [(name, info.alias or name, extra.get("minItems"), extra.get("maxItems"))
            for name, info in cls.__pydantic_fields__.items()
            if isinstance(extra := info.json_schema_extra, dict) and ("minItems" in extra or "maxItems" in extra)]
