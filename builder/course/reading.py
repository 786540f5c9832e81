"""A source file → its model object, with every problem as a friendly message at file:line:col.

One path for every YAML source: read the bytes (size, BOM, UTF-8), parse (builder/course/yamldoc.py keeps the places),
validate into the model class (pydantic, every error of the document in one pass), and turn each pydantic error
into the message a course owner can act on, at the place its `loc` leads to in the parsed nodes. Loading goes on
past errors: the faulty values are left out (an optional field falls back to its default, a list entry or an
object that lacks a required field is dropped) and the rest is validated again, so later checks still see it.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import re
import types
import typing
from pathlib import Path
from typing import Any, Callable

from pydantic import TypeAdapter, ValidationError

from .. import words
from . import yamldoc
from .located import NOT_A_MAPPING, Located, Where
from .problems import said
from .questions import BY_KIND

MAX_FILE_BYTES = 2_000_000
Error = Callable[[Where, str], None]


def read_text(path: Path, error: Error) -> str | None:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        error(Where(path), said("source.file.unreadable", reason=words.system_reason(exc)))
        return None
    if len(raw) > MAX_FILE_BYTES:
        error(Where(path, 1, 1), said("source.file.too-large", size=words.number(len(raw)),
                                      limit=words.number(MAX_FILE_BYTES)))
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        error(Where(path, 1, 1), said("source.file.byte-order-mark"))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        error(Where(path, line, col), said("source.file.not-utf8"))
        return None
    if not text.strip():
        error(Where(path, 1, 1), said("source.file.empty"))
        return None
    return text


def parse_yaml(text: str, path: Path, error: Error, first_line: int = 1) -> Any:
    """One YAML document; `first_line` is the file line where `text` starts."""
    for number, line in enumerate(text.splitlines(), first_line):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            error(Where(path, number, indent.index("\t") + 1), said("source.yaml.tab"))
            return None
    try:
        return yamldoc.parse(text)
    except yamldoc.YamlError as exc:
        error(Where(path, exc.line + first_line, exc.col + 1), exc.message)
    return None


def read_yaml(path: Path, error: Error) -> Any:
    text = read_text(path, error)
    return parse_yaml(text, path, error) if text is not None else None


def load_file(path: Path, cls: type, error: Error) -> Any:
    """Read, parse and validate one YAML file into `cls`; None when it cannot be read or its object is unusable."""
    data = read_yaml(path, error)
    return None if data is None else validate(data, cls, path, error)


@functools.cache
def adapter(cls: type) -> TypeAdapter:
    return TypeAdapter(cls)


def validate(node: Any, cls: type, path: Path, error: Error, first_line: int = 1) -> Any:
    """`node` (parsed YAML whose first line is `first_line` of the file) as a `cls`, every problem reported."""
    found: dict[tuple[Where, str], None] = {}  # in order, each once (a value validated again errs again)
    context = {"path": path, "first_line": first_line, "soft": []}
    result = None
    for _ in range(8):  # each round leaves out what failed; a few rounds settle any document
        context["soft"] = []
        try:
            result = adapter(cls).validate_python(node, context=context)
            errors = []
        except ValidationError as exc:
            errors = exc.errors(include_url=False, include_context=True)
        places = Places(cls, node, path, first_line)
        for owner, owner_node, key, kind, ctx in context["soft"]:
            found.setdefault(places.soft(owner, owner_node, key, kind, ctx), None)
        for err in errors:
            found.setdefault(places.message(err), None)
        if not errors:
            break
        node = leave_out(cls, node, errors)
        if node is None:
            break
    for (where, message) in sorted(found, key=lambda problem: (problem[0].line, problem[0].col)):
        error(where, message)
    if result is not None:
        result.where = Where(path, 1, 1)  # the document's object is the whole file
    return result


# --- walking a pydantic `loc` through the classes and the parsed nodes ---------------------------------------

def unwrap(annotation: Any) -> Any:
    """The type inside Annotated[…] and `X | None`."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType) and type(None) in typing.get_args(annotation):
            rest = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = rest[0] if len(rest) == 1 else typing.Union[tuple(rest)]
        else:
            return annotation


def field_info(cls: type, key: Any):
    for name, info in getattr(cls, "__pydantic_fields__", {}).items():
        if (info.alias or name) == key and info.init is not False:
            return info
    return None


def nested_objects(cls: type) -> list[tuple[str, type]]:
    """(key, class) of the fields of `cls` that hold an object of their own, such as course.yaml's tracking."""
    fields = cls.__pydantic_fields__
    return [(fields[f.name].alias or f.name, kind) for f in dataclasses.fields(cls) if f.init
            and isinstance(kind := unwrap(fields[f.name].annotation), type) and issubclass(kind, Located)]


def known_fields(cls: type) -> list[str]:
    fields = cls.__pydantic_fields__
    return [fields[f.name].alias or f.name for f in dataclasses.fields(cls) if f.init]


@dataclasses.dataclass
class Step:
    """Where a loc ends: the object (class and node) that owns the field, the field's key, and the entry."""

    owner: type
    node: Any
    key: Any = None
    items: Any = None  # the list (or id map) the faulty entry stands in
    index: Any = None
    id_key: bool = False  # the fault is in an id of an id → object map
    value: Any = None
    kind: Any = None  # the value's declared type


def walk(cls: type, node: Any, loc: tuple) -> Step:
    step = Step(cls, node, kind=cls, value=node)
    current, kind = node, cls
    for elem in loc:
        if elem == "[key]":
            step.id_key = True
            continue
        if isinstance(elem, str) and elem in BY_KIND:  # the question type that pydantic chose
            kind = BY_KIND[elem]
            continue
        kind = question_type(kind, current)
        origin = typing.get_origin(kind)
        if isinstance(kind, type) and issubclass(kind, Located) and isinstance(current, dict):
            info = field_info(kind, elem)
            step = Step(kind, current, elem)
            kind = unwrap(info.annotation) if info else None
            current = current.get(elem)
        elif origin is list and isinstance(elem, int) and isinstance(current, list):
            step.items, step.index = current, elem
            kind = unwrap(typing.get_args(kind)[0])
            current = current[elem] if elem < len(current) else None
        elif origin is dict and isinstance(current, dict) and elem in current:
            step.items, step.index = current, elem
            kind = unwrap(typing.get_args(kind)[1])
            current = current[elem]
        else:
            break
        step.value, step.kind = current, kind
    step.kind = question_type(kind, current)
    return step


def question_type(kind: Any, node: Any) -> Any:
    """The class of a question (an entry of the union of types) from its `type`."""
    if typing.get_origin(kind) in (typing.Union, types.UnionType) and isinstance(node, dict):
        return BY_KIND.get(node.get("type"), kind)
    return kind


class Places:
    """Turns errors into (where, message), reading places from the parsed nodes."""

    def __init__(self, cls: type, root: Any, path: Path, first_line: int):
        self.cls, self.root, self.path, self.first_line = cls, root, path, first_line

    def at(self, line_col: tuple[int, int]) -> Where:
        return Where(self.path, line_col[0] + self.first_line, line_col[1] + 1)

    def of_object(self, node: Any) -> Where:
        if node is self.root or not hasattr(node, "line"):
            return Where(self.path, 1, 1)
        return self.at((node.line, node.col))

    def of_value(self, step: Step) -> Where:
        if step.items is not None and isinstance(step.items, list):
            return self.at(step.items.item_at(step.index))
        if step.items is not None:  # an entry of an id map
            return self.at(step.items.key_at(step.index) if step.id_key else step.items.value_at(step.index))
        if step.key is not None and isinstance(step.node, dict) and step.key in step.node:
            return self.at(step.node.value_at(step.key))
        return self.of_object(step.node)

    def soft(self, owner: type, node: Any, key: str, kind: str, ctx: dict) -> tuple[Where, str]:
        """A list-length limit that the object's own validator found (see Located)."""
        step = Step(owner, node, key, value=node.get(key))
        return self.message({"type": kind, "loc": (), "ctx": ctx, "input": step.value}, step)

    def message(self, err: dict, step: Step | None = None) -> tuple[Where, str]:
        kind = err["type"]
        if kind in ("extra_forbidden", "unexpected_keyword_argument"):
            kind = "unknown"
        elif kind in ("missing", "missing_argument"):
            kind = "missing"
        loc = err["loc"]
        if step is None:
            step = walk(self.cls, self.root, loc if kind != "missing" else loc[:-1])
            if kind == "missing":
                step = Step(step.kind, step.value, loc[-1])
        ctx = dict(err.get("ctx") or {})
        value = err.get("input")
        owner, node, key = step.owner, step.node, step.key
        messages = getattr(owner, "messages", {})
        custom = messages.get((key, kind)) or messages.get((None, kind))  # None: any field of the object
        if custom is not None:
            code, place = custom
            found = node if isinstance(node, dict) else {}
            text = said(code, id=found.get("id"), type=found.get("type"), key=key,
                        actual_length=ctx.get("actual_length", 0))
            where = {"value": self.of_value, "object": lambda _: self.of_object(node),
                     "key": lambda _: self.at(node.key_at(key))}[place](step)
            return where, text
        label = said("source.field.label", noun=noun(owner), key=key)
        if step.items is not None and isinstance(step.items, list) and step.value is value \
                and not isinstance(value, dict):
            label = said("source.field.entry-of", n=step.index + 1, label=label)
        if kind == "unknown":
            return self.at(node.key_at(key)), self.unknown(owner, node, key)
        if kind == "missing":
            return self.of_object(node), said("source.field.missing", noun=noun(owner), key=key,
                                              hint=field_help(owner, key))
        where = self.of_value(step)
        if kind in ("union_tag_invalid", "union_tag_not_found"):
            node = step.value
            if kind == "union_tag_not_found":
                return self.of_object(node), said("source.question.type-missing", types=", ".join(BY_KIND))
            tag, label = node.get("type"), said("source.field.label", noun=noun(BY_KIND["single"]), key="type")
            return self.at(node.value_at("type")), (choice(label, tag, list(BY_KIND)) if isinstance(tag, str)
                                                    else self.value_message("string_type", label, tag, step, ctx))
        if step.id_key:
            return where, slug_message(said("source.field.id-in", label=label), str(step.index))
        return where, self.value_message(kind, label, value, step, ctx)

    def unknown(self, owner: type, node: Any, key: Any) -> str:
        known = known_fields(owner)
        hint = difflib.get_close_matches(str(key), known, n=1, cutoff=0.6)
        inside = next((name for name, kind in nested_objects(owner) if key in known_fields(kind)), None)
        comma = said("source.hint.comma-in-braces") if node[key] is None and getattr(node, "flow", False) else ""
        if inside:
            return said("source.field.misplaced", key=key, noun=noun(owner), parent=inside, comma=comma)
        text = said("source.hint.maybe", word=hint[0]) if hint else \
            said("source.hint.known-fields", fields=", ".join(known))
        return said("source.field.unknown", key=key, noun=noun(owner), hint=text, comma=comma)

    def value_message(self, kind: str, label: str, value: Any, step: Step, ctx: dict) -> str:
        if kind in ("string_type", "literal_error") and not isinstance(value, str):
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                return said("source.field.not-text", label=label, found=describe(value))
            return said("source.field.number-not-text", label=label, value=value)
        if kind == "string_pattern_mismatch":
            return slug_message(label, value.strip())
        if kind == "literal_error":
            return choice(label, value.strip(), [str(a) for a in typing.get_args(step.kind)])
        if kind in ("greater_than_equal", "less_than_equal"):
            info = field_info(step.owner, step.key)
            low = next((m.ge for m in info.metadata if getattr(m, "ge", None) is not None), None)
            high = next((m.le for m in info.metadata if getattr(m, "le", None) is not None), None)
            if high is not None:
                return said("source.field.out-of-range", label=label, value=value, low=low, high=high)
            return said("source.field.too-small", label=label, value=value, low=low)
        if kind == "too_short":
            least = ctx["min_length"]
            return said("source.field.too-few-entries", label=label,
                        least=said("source.count.entry" if least == 1 else "source.count.entries", n=least))
        if kind in NOT_A_MAPPING:
            if typing.get_origin(step.kind) is dict:
                return said("source.field.not-an-id-map", label=label, found=describe(value))
            owner = step.kind if isinstance(step.kind, type) else BY_KIND["single"]  # not a class: the question union
            return said("source.field.not-a-mapping", noun=noun(owner), found=describe(value))
        if kind not in MESSAGES:
            return said("source.field.other", label=label, kind=kind)
        return said(MESSAGES[kind], label=label, value=value, found=describe(value), **{
            name: ctx.get(name) for name in ("actual_length", "max_length", "text", "secure")})


# pydantic's error types (and those of the validators in builder/course/located.py) → the code of the message the course
# owner reads; each is given label, value and found, and what the error's context (ctx) holds of actual_length,
# max_length (too_long), text (date_future) and secure (http_url)
MESSAGES = {
    "int_type": "source.field.not-whole",
    "bool_type": "source.field.not-true-false",
    "list_type": "source.field.not-a-list",
    "string_too_short": "source.field.empty",
    "too_long": "source.field.too-many-entries",
    "date_format": "source.field.not-a-date",
    "date_future": "source.field.date-in-future",
    "colour": "source.field.not-a-colour",
    "email": "source.field.not-an-email",
    "https_url": "source.field.not-https",
    "http_url": "source.field.http",
}


def noun(cls: type) -> str:
    """What a model class is called in messages («the lesson front matter»), in the reader's language."""
    return said(f"source.noun.{cls.noun}")


def field_help(cls: type, key: str) -> str:
    """What a required field holds, told when it is missing: its description where the words home has it."""
    code = f"source.help.{cls.noun}.{key}"
    return said("source.hint.field-help", help=said(code)) if code in words.catalog(words.current()) else ""


def choice(label: str, text: Any, choices: list[str]) -> str:
    hint = difflib.get_close_matches(str(text), choices, n=1)
    return said("source.field.not-a-choice", label=label, value=text, choices=", ".join(choices),
                hint=said("source.hint.did-you-mean", word=hint[0]) if hint else "")


def slug_message(label: str, text: str) -> str:
    if not text:
        return said("source.field.empty", label=label)
    if len(text) > 64:
        return said("source.field.id-too-long", label=label, length=len(text))
    bad = next(c for c in text if not re.match(r"[a-z0-9-]", c))
    shown = said("source.found.space") if bad == " " else said("source.found.character", character=bad)
    return said("source.field.id-bad-character", label=label, value=text, shown=shown, example=suggest_slug(text))


def describe(value: Any) -> str:
    if value is None:
        return said("source.found.nothing")
    if isinstance(value, bool):
        return said("source.found.true-false", value=str(value).lower())
    if isinstance(value, (int, float)):
        return said("source.found.number", value=value)
    if isinstance(value, str):
        return said("source.found.text", value=value[:40])
    if isinstance(value, list):
        return said("source.found.list")
    if isinstance(value, dict):
        return said("source.found.mapping")
    return type(value).__name__


def suggest_slug(text: str) -> str:
    table = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "é": "e", " ": "-", "_": "-"})
    return re.sub(r"[^a-z0-9-]", "", text.lower().translate(table))[:64] or "my-id"


# --- leaving out what failed -------------------------------------------------------------------------------

def leave_out(cls: type, node: Any, errors: list[dict]) -> Any:
    """`node` without the values that failed, so that the next round validates; None when the object itself
    cannot be made (a required field of the document is missing or wrong)."""
    doomed: set[tuple] = set()
    for err in errors:
        loc = data_loc(err["loc"])
        kind = err["type"]
        if kind in ("missing", "missing_argument"):
            loc = loc[:-1]  # the object that lacks the field
        doomed.add(removable(cls, node, loc))
    if () in doomed:
        return None
    doomed = {loc for loc in doomed if not any(loc[: n] in doomed for n in range(len(loc)))}
    for loc in sorted(doomed, reverse=True):  # the last entries of a list first, so the others keep their index
        mark_left_out(cls, node, loc)
        parent = node
        for elem in loc[:-1]:
            parent = parent[elem]
        last = loc[-1]
        if isinstance(parent, list):
            del parent[last]
            if hasattr(parent, "items_at"):
                parent.items_at = parent.items_at[:last] + parent.items_at[last + 1:]
        else:
            del parent[last]
    return node


def mark_left_out(cls: type, node: Any, loc: tuple) -> None:
    """Notes on the object that owns it what is left out: (field, id) for an entry of a list or id map, (field, None)
    for a field. The object keeps the note (Located.left_out), so that a check does not report again, as a second
    fault, what was left out for the first (a question that cites a source whose entry failed, say)."""
    parents = [node]
    for elem in loc[:-1]:
        parents.append(parents[-1][elem])
    parent, last = parents[-1], loc[-1]
    kind = walk(cls, node, loc[:-1]).kind
    if isinstance(parent, list) or not (isinstance(kind, type) and issubclass(kind, Located)):  # an entry
        if len(loc) < 2 or not isinstance(parents[-2], dict):
            return
        owner, key = parents[-2], loc[-2]
        entry = parent[last]
        entry_id = last if isinstance(parent, dict) else entry.get("id") if isinstance(entry, dict) else None
    else:
        owner, key, entry_id = parent, last, None
    if not hasattr(owner, "left_out"):
        owner.left_out = set()
    owner.left_out.add((key, entry_id if isinstance(entry_id, str) else None))


def data_loc(loc: tuple) -> tuple:
    """The loc without the question-type names and the `[key]` markers that pydantic adds."""
    return tuple(elem for elem in loc if elem != "[key]" and not (isinstance(elem, str) and elem in BY_KIND))


def removable(cls: type, node: Any, loc: tuple) -> tuple:
    """The smallest part around `loc` that can be left out: a list entry, an optional field, else the object
    that holds a failed required field (and so on upwards)."""
    while loc:
        parent_loc, last = loc[:-1], loc[-1]
        parent = node
        for elem in parent_loc:
            parent = parent[elem]
        if isinstance(parent, list):
            return loc
        step = walk(cls, node, parent_loc)
        owner = step.kind
        if isinstance(owner, type) and issubclass(owner, Located):
            info = field_info(owner, last)
            if info is None or not info.is_required():
                return loc
        else:  # an entry of an id map
            return loc
        loc = parent_loc
    return ()
