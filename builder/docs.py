"""The field tables in docs/*.md, written from the same JSON Schemas `kursbygger schema` writes for editors, so the
documentation says what the loader accepts: names, types, limits, defaults and each field's own description.

    python -m builder.docs            rewrite every table in docs/*.md
    python -m builder.docs --check    exit 1, naming the files, when a committed table is not what this writes

A table stands between `<!-- fields NAME -->` and `<!-- /fields -->`. NAME is a schema's name (course, lesson,
quiz, discussion, edition, translation) or selfcheck, the YAML of a ```selfcheck block. To change a field's words,
change its `description` in builder/course/model.py, builder/course/questions.py or builder/course/discussion.py and run this.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

from .course.schemas import schema, schemas
from .course.located import SLUG
from .course.model import SelfCheck

DOCS = Path(__file__).resolve().parent.parent / "docs"
BLOCK = re.compile(r"(<!-- fields (?P<name>[a-z]+) -->\n).*?(<!-- /fields -->)", re.S)
HEADER = "| field | type | default | meaning |\n|---|---|---|---|"
REGENERATE = "python -m builder.docs"


def all_schemas() -> dict[str, dict]:
    """Every table's schema by name: the files `kursbygger schema` writes, and the selfcheck block."""
    return {**{name.split(".")[0]: content for name, content in schemas().items()}, "selfcheck": schema(SelfCheck)}


def ref_name(node: dict) -> str | None:
    ref = optional(node).get("$ref")
    return ref.rsplit("/", 1)[1] if ref else None


def optional(node: dict) -> dict:
    """A field that may be left out is `anyOf: [X, null]`: X."""
    kinds = [k for k in node.get("anyOf", ()) if k.get("type") != "null"]
    return kinds[0] if len(kinds) == 1 else node


def count(node: dict) -> str:
    least, most = node.get("minItems"), node.get("maxItems")
    if least and most:
        return f" ({least}–{most})"
    return f" (at least {least})" if least else f" (at most {most})" if most else ""


def type_of(node: dict, below: str) -> str:
    node = optional(node)
    if "$ref" in node or "oneOf" in node:
        return below
    if "enum" in node:
        return ", ".join(f"`{value}`" for value in node["enum"])
    if "const" in node:
        return f"`{node['const']}`"
    kind = node.get("type")
    if kind == "string":
        if node.get("pattern") == SLUG.pattern:
            return "id"
        return "date `YYYY-MM-DD`" if node.get("format") == "date" else "text"
    if kind == "integer":
        low, high = node.get("minimum"), node.get("maximum")
        if low is not None and high is not None:
            return f"whole number {low}–{high}"
        return f"whole number ≥ {low}" if low is not None else "whole number"
    if kind == "boolean":
        return "`true`, `false`"
    if kind == "array":
        items = optional(node["items"])
        if "$ref" in items or "oneOf" in items:
            return f"list{count(node)}: {below}"
        return f"list of {type_of(items, below)}{count(node)}"
    if kind == "object" and "patternProperties" in node:
        (value,) = node["patternProperties"].values()
        return f"`<id>:` {type_of(value, below)}"
    raise ValueError(f"no wording for the schema {json.dumps(node)}: teach builder/docs.py type_of")


def default_of(name: str, node: dict, required: list[str], within: str) -> str:
    if name in required:
        return f"required in `{within}`" if within else "required"
    if "default" not in node:
        return "–"
    value = node["default"]
    if value is None:
        return "none"
    return f"`{value}`" if isinstance(value, str) and value else f"`{json.dumps(value)}`"


def meaning(node: dict) -> str:
    node_or_list = node if "x-reason" in node else optional(node)
    words = [node.get("description", "")]
    if "x-reason" in node_or_list:
        words.append(f"(limit: {node_or_list['x-reason']})")
    # in Markdown a table cell ends at '|', and <id> would be read as an HTML tag
    return " ".join(w for w in words if w).replace("|", "\\|").replace("<", "\\<").replace("\n", " ")


def render(root: dict) -> str:
    """The tables for one schema: the file's own fields first, nested objects flattened into `a.b` rows; a list's
    entries, an object used in several places and each question type get a table of their own, in order."""
    defs = root.get("$defs", {})
    uses = Counter(json.dumps(node) for node in walk(root) if "$ref" in node)
    queue: list[tuple[list[str], dict]] = [([], root)]
    seen_defs: dict[str, list[str]] = {}
    tables = []
    while queue:
        places, node = queue.pop(0)
        rows: list[str] = []
        rows_of(node, "", "", rows, queue, defs, uses, seen_defs)
        title = "**" + ", ".join(places) + "**\n\n" if places else ""
        tables.append(title + HEADER + "\n" + "\n".join(rows))
    return "\n\n".join(tables) + "\n\n"


def rows_of(node, prefix, within, rows, queue, defs, uses, seen_defs) -> None:
    """The rows of one object's fields; `within` names the optional object they belong to, if any."""
    required = node.get("required", [])
    for name, field in node.get("properties", {}).items():
        path = prefix + name
        inner = optional(field)
        target = ref_name(field)
        items = inner.get("items", {})
        values = next(iter(inner.get("patternProperties", {}).values()), {})
        if target and uses[json.dumps(inner)] == 1:  # one object of its own: its fields as `path.field`
            optional_parent = within or ("" if name in required else path)
            rows_of(defs[target], path + ".", optional_parent, rows, queue, defs, uses, seen_defs)
            continue
        below = "entries below"
        if "oneOf" in items:  # a list of several kinds told apart by one field: the questions
            queue.extend(variants(path, items, defs))
            below = f"{name} below"
        elif ref_name(items) or ref_name(values) or target:
            shared = ref_name(items) or ref_name(values) or target
            place = (f"`{path}` entries" if ref_name(items) else f"`{path}.<id>`" if ref_name(values)
                     else f"`{path}`")
            if shared not in seen_defs:  # one table for an object used in several places, headed by them all
                seen_defs[shared] = [place]
                queue.append((seen_defs[shared], defs[shared]))
            elif place not in seen_defs[shared]:
                seen_defs[shared].append(place)
            below = "fields below" if target else below
        default = default_of(name, field, required, within)
        rows.append(f"| `{path}` | {type_of(field, below)} | {default} | {meaning(field)} |")


def variants(path: str, items: dict, defs: dict) -> list[tuple[str, dict]]:
    """A table of the fields every kind shares, then one per kind with the fields only it has."""
    kinds = [defs[ref_name(choice)] for choice in items["oneOf"]]
    key = items["discriminator"]["propertyName"]
    shared = [name for name in kinds[0]["properties"]
              if name != key and all(k["properties"].get(name) == kinds[0]["properties"][name] for k in kinds)]
    common = {"properties": {name: value for name, value in kinds[0]["properties"].items()
                             if name in shared or name == key},
              "required": kinds[0].get("required", [])}
    common["properties"][key] = {"enum": [k["properties"][key]["const"] for k in kinds],
                                 "description": "the question type; its own fields are below"}
    out = [([f"`{path}` entries, every type"], common)]
    for kind in kinds:
        own = {name: value for name, value in kind["properties"].items() if name not in common["properties"]}
        out.append(([f"`{key}: {kind['properties'][key]['const']}`"],
                    {"properties": own, "required": kind.get("required", [])}))
    return out


def walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk(value)


def marker(name: str) -> str:
    return f"<!-- fields {name} -->"


def rewrite(text: str, tables: dict[str, str]) -> str:
    return BLOCK.sub(lambda m: m.group(1) + tables[m.group("name")] + m.group(3), text)


def stale(docs: Path = DOCS) -> list[Path]:
    """The docs whose tables are not what the model says now."""
    tables = {name: render(content) for name, content in all_schemas().items()}
    return [path for path in sorted(docs.glob("*.md"))
            if rewrite(text := path.read_text(encoding="utf-8"), tables) != text]


def main(argv: list[str]) -> int:
    late = stale()
    if "--check" in argv:
        for path in late:
            print(f"{path}: the field tables differ from the model; run `{REGENERATE}` and commit", file=sys.stderr)
        return 1 if late else 0
    tables = {name: render(content) for name, content in all_schemas().items()}
    for path in late:
        path.write_text(rewrite(path.read_text(encoding="utf-8"), tables), encoding="utf-8")
        print(f"rewrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
