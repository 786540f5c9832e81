"""YAML 1.2 text → plain dicts and lists that remember where each key, value and item stands.

PyYAML's C parser builds the node tree (it is many times faster than a pure-Python
parser, which matters for 5,000-question quizzes); values are resolved with the
YAML 1.2 core schema, so `no`, `on` and `2026-01-01` stay text as course owners expect.
Positions are 0-based here, as the parser reports them.
"""

from __future__ import annotations

import math
import re
from typing import Any

import yaml
from yaml.nodes import Node, ScalarNode, SequenceNode
from yaml.resolver import BaseResolver

from .problems import said

try:
    from yaml.cyaml import CParser
except ImportError:  # a PyYAML built without libyaml
    CParser = None

STR, INT, FLOAT, BOOL, NULL = (f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null"))


class YamlError(Exception):
    """A problem at a 0-based line and column of the parsed text; its message (from said()) carries its code."""

    def __init__(self, line: int, col: int, message: str):
        super().__init__(message)
        self.line, self.col, self.message = line, col, message


class YamlMap(dict):
    """A mapping with the position of the mapping, of each key and of each value."""

    line = col = 0
    flow = False

    def key_at(self, key: Any) -> tuple[int, int]:
        return self.keys_at.get(key, (self.line, self.col))

    def value_at(self, key: Any) -> tuple[int, int]:
        return self.values_at.get(key, (self.line, self.col))


class YamlList(list):
    """A sequence with the position of the sequence and of each item."""

    line = col = 0

    def item_at(self, index: int) -> tuple[int, int]:
        return self.items_at[index] if 0 <= index < len(self.items_at) else (self.line, self.col)


class CoreSchema(BaseResolver):
    """The YAML 1.2 core schema: only true/false are booleans, no dates, no sexagesimal numbers."""

    PLAIN = re.compile(
        r"(?P<null>~|null|Null|NULL|)|(?P<bool>true|True|TRUE|false|False|FALSE)"
        r"|(?P<int>[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)"
        r"|(?P<float>[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))")
    TAGS = {"null": NULL, "bool": BOOL, "int": INT, "float": FLOAT}
    STARTS = frozenset("~nNtTfF+-.0123456789")

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is ScalarNode and implicit[0]:  # a plain (unquoted) scalar
            if value and value[0] not in self.STARTS:  # most are text: skip the pattern
                return STR
            match = self.PLAIN.fullmatch(value)
            return self.TAGS[match.lastgroup] if match else STR
        return super().resolve(kind, value, implicit)


class PurePythonComposer(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer,
                         CoreSchema):
    def __init__(self, text: str) -> None:
        yaml.reader.Reader.__init__(self, text)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        CoreSchema.__init__(self)


# libyaml ships inside PyYAML's wheels; the pure-Python parser gives the same tree where it is missing.
PARSERS: list[type] = [PurePythonComposer]
if CParser:
    class LibYamlComposer(CParser, CoreSchema):
        pass

    PARSERS.insert(0, LibYamlComposer)


def parse(text: str, parser: type | None = None) -> Any:
    """One YAML document as YamlMap/YamlList/str/int/float/bool/None; raises YamlError."""
    composer_ = None
    try:
        composer_ = (parser or PARSERS[0])(text)
        node = composer_.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise syntax_error(exc, text) from None
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position)
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1)
        raise YamlError(line, col, said("source.yaml.control-character", code=f"{exc.character:04X}")) from None
    except yaml.YAMLError as exc:
        raise YamlError(0, 0, said("source.yaml.error", detail=exc)) from None
    finally:
        if composer_ is not None:
            composer_.dispose()
    return None if node is None else build(node, set())


def syntax_error(exc: yaml.MarkedYAMLError, text: str) -> YamlError:
    # A quote left open runs on to a later quote, and the parser notices only there (or at the end of
    # the file); the line that opened it is the place to fix.
    mark = exc.problem_mark or exc.context_mark
    quote_line = open_quote_line(text, mark.line if mark else 0)
    if quote_line is not None:
        return YamlError(quote_line, 0, said("source.yaml.quote-open-on-line"))
    # The parser notices some faults only on a later line; the line it was reading when it began (its context)
    # is the one to fix.
    context = exc.context or ""
    opened = next((what for start, what in OPENED_HERE.items() if context.startswith(start)), None)
    if opened and exc.context_mark:
        return YamlError(exc.context_mark.line, exc.context_mark.column, said(opened))
    if "quoted scalar" in context and exc.context_mark:
        return YamlError(exc.context_mark.line, exc.context_mark.column, said("source.yaml.quote-never-closed"))
    what = (exc.problem or exc.context or "").strip()  # the parser's own words, in English
    if what.startswith("but ") and exc.context:  # "expected a single document … but found another document"
        what = f"{exc.context} {what}"
    if mark is None:
        return YamlError(0, 0, said("source.yaml.syntax-unplaced", detail=what))
    return YamlError(mark.line, mark.column, said("source.yaml.syntax", detail=what))


OPENED_HERE = {  # the parser's context → the code of what to fix at the place it names
    "while scanning a simple key": "source.yaml.key-without-colon",
    "while parsing a flow sequence": "source.yaml.list-not-closed",
    "while parsing a flow mapping": "source.yaml.braces-not-closed",
}


def open_quote_line(text: str, last: int) -> int | None:
    """The first line up to `last` with an odd number of unescaped double quotes outside a comment."""
    for number, line in enumerate(text.splitlines()[: last + 1]):
        code = re.sub(r"'[^']*'|\\.", "", line.split(" #")[0])
        if code.count('"') % 2:
            return number
    return None


def build(node: Node, seen: set[int]) -> Any:
    # The composer hands back the anchored node again for each alias; expanding them would let a
    # few lines grow without bound (or loop), and course files have no need for them.
    if id(node) in seen:
        raise YamlError(node.start_mark.line, node.start_mark.column, said("source.yaml.alias"))
    seen.add(id(node))
    if isinstance(node, ScalarNode):
        return node.value if node.tag == STR else scalar(node)
    start = node.start_mark
    if isinstance(node, SequenceNode):
        items = YamlList([build(item, seen) for item in node.value])
        items.line, items.col = start.line, start.column
        items.items_at = [(item.start_mark.line, item.start_mark.column) for item in node.value]
        return items
    mapping = YamlMap()
    mapping.line, mapping.col, mapping.flow = start.line, start.column, bool(node.flow_style)
    mapping.keys_at, mapping.values_at = keys_at, values_at = {}, {}
    for key_node, value_node in node.value:
        key_mark = key_node.start_mark
        if not isinstance(key_node, ScalarNode):
            raise YamlError(key_mark.line, key_mark.column, said("source.yaml.complex-key"))
        key = scalar(key_node)
        if key in keys_at:
            raise YamlError(key_mark.line, key_mark.column, said("source.yaml.duplicate-key", key=key))
        mapping[key] = build(value_node, seen)
        keys_at[key] = (key_mark.line, key_mark.column)
        values_at[key] = (value_node.start_mark.line, value_node.start_mark.column)
    return mapping


def scalar(node: ScalarNode) -> Any:
    text, tag = node.value, node.tag
    if tag == STR:
        return text
    if tag == NULL:
        return None
    if tag == BOOL:
        return text.lower() == "true"
    try:
        if tag == INT:
            base = {"0o": 8, "0x": 16}.get(text[:2], 10)
            return int(text[2:] if base != 10 else text, base)
        if tag == FLOAT:
            lowered = text.lower()
            return math.nan if lowered == ".nan" else float(lowered.replace(".inf", "inf"))
    except ValueError:
        pass
    raise YamlError(node.start_mark.line, node.start_mark.column,
                    said("source.yaml.tag", tag=tag.removeprefix("tag:yaml.org,2002:"), text=text))
