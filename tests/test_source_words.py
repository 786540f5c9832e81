"""What `check` and `build` say about a course's files, by code: every case of the broken-course corpus gives its
expected codes in bokmål, nynorsk and English, and every source.* message the code can give renders in all three
without a missing placeholder. The codes are read from the source (the said() calls) and from the words home,
not from a list kept here."""

from __future__ import annotations

import ast
import os
import re
import string
from pathlib import Path

import pytest
from click.testing import CliRunner
from pydantic import Field

from builder import words
from builder.course import problems, yamldoc
from builder.cli import main
from builder.course.located import CONFIG, Located, Slug, entries, model
from builder.course.reading import validate
from tests.broken_courses import (BROKEN, BROKEN_EDITIONS, CASES, EDITION_CASES, expected, make_case,
                                  make_edition_case)
from tests.conftest import REPO

LANGUAGES = ("nb", "nn", "en")
# path:line:col: <severity in the language>: message [code]; no line: the whole file
LINE = re.compile(r"^(?P<path>[^:\s]+):(?:(?P<line>\d+):\d+:)? (?P<severity>\w+): (?P<message>.*) "
                  r"\[(?P<code>[a-z0-9_.-]+)\]$")
SOURCE_CASES = [(BROKEN, case) for case in CASES] + [(BROKEN_EDITIONS, case) for case in EDITION_CASES]


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def run(folder: Path, case: str, language: str, tmp: Path) -> list[dict]:
    make = make_case if folder == BROKEN else make_edition_case
    source = make(case, tmp / f"{case}-{language}")
    args = ["--edition", "all"] if folder == BROKEN_EDITIONS else []
    here = os.getcwd()
    os.chdir(source)
    try:
        result = CliRunner().invoke(main, ["--lang", language, "build", "--source", ".", *args])
    finally:
        os.chdir(here)
    assert result.exit_code == 1 and "Traceback" not in result.output, result.output
    error = words.say("source.severity.error", language)
    return [m.groupdict() for line in result.stderr.splitlines() if (m := LINE.match(line)) and m["severity"] == error]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Every case in every language, and every code whose words were looked up while they ran."""
    emitted: set[str] = set()
    original = problems.say

    def recording(code, language=None, /, **params):
        emitted.add(code)
        return original(code, language, **params)

    tmp = tmp_path_factory.mktemp("corpus")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(problems, "say", recording)
        reports = {(case, language): run(folder, case, language, tmp)
                   for folder, case in SOURCE_CASES for language in LANGUAGES}
        for language in LANGUAGES:  # a list limit without a message of its own: no source file has one today
            words.choose(language)
            found = []
            validate(yamldoc.parse("ids: [a, b, c]\n"), Limited, tmp / "limited.yaml", lambda *p: found.append(p))
            assert [w.line for w, _ in found] == [1] and found[0][1].code == "source.field.too-many-entries"
        words.choose(None)
    return reports, emitted


@model(config=CONFIG, kw_only=True)
class Limited(Located):
    ids: list[Slug] = Field(**entries(most=2))


@pytest.mark.parametrize(("folder", "case"), SOURCE_CASES, ids=[case for _, case in SOURCE_CASES])
def test_each_broken_course_gives_its_codes_in_every_language(corpus, folder, case):
    reports, _ = corpus
    want = sorted((e.path, e.line, e.code) for e in expected(case, folder))
    english = {r["message"] for r in reports[(case, "en")]}
    for language in LANGUAGES:
        reported = reports[(case, language)]
        assert sorted((r["path"], r["line"], r["code"]) for r in reported) == want, (language, reported)
        if language != "en":  # in the language asked for, not in English
            assert not english & {r["message"] for r in reported}, (language, reported)


# --- every code the source can give ------------------------------------------------------------------------

def said_calls() -> list[tuple[Path, ast.Call]]:
    """Every said(...) call in builder/: the messages about a course's files."""
    calls = []
    for path in sorted((REPO / "builder").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "said":
                calls.append((path, node))
    return calls


def literal(call: ast.Call) -> set[str]:
    """The codes a call names as written: "code", or "one" if … else "other"."""
    first = call.args[0] if call.args else None
    parts = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
    return {p.value for p in parts if isinstance(p, ast.Constant) and isinstance(p.value, str)}


def source_codes() -> set[str]:
    return {code for code in words.catalog("en") if code.startswith("source.")}


def test_every_message_said_with_its_code_has_the_placeholders_it_is_given():
    calls = [(path, call) for path, call in said_calls() if literal(call)]
    assert len(calls) > 100  # the scan finds the calls, not nothing
    for path, call in calls:
        given = {k.arg for k in call.keywords}
        for code in literal(call):
            assert None not in given, f"{path.name}:{call.lineno}: give {code}'s placeholders by name"
            for language in LANGUAGES:
                text = words.catalog(language).get(code)
                assert text is not None, f"{path.name}:{call.lineno}: {code} is not in {language}.toml"
                assert fields(text) <= given, f"{path.name}:{call.lineno}: {code} in {language} needs " \
                                              f"{fields(text) - given}"


def test_every_message_given_its_code_by_a_table_renders_in_the_corpus(corpus):
    """Codes chosen at run time (a pydantic error type's, a question type's, the parser's) are checked where they
    are used: each one with placeholders must come up in the broken-course corpus, in all three languages."""
    _, emitted = corpus
    by_literal = set().union(*(literal(call) for _, call in said_calls()))
    with_placeholders = {code for code in source_codes()
                         if any(fields(words.catalog(language)[code]) for language in LANGUAGES)}
    assert with_placeholders - by_literal - emitted == set()


def test_every_source_message_is_in_use():
    """No dead words: each source.* code is named in builder/'s code, or belongs to a family the code builds
    (f"source.noun.{…}")."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "builder").rglob("*.py"))
    named = set(re.findall(r'"(source\.[a-z0-9_.-]+)"', text))
    families = tuple(re.findall(r'f"(source\.[a-z0-9_.-]+\.)\{', text))
    assert families  # the nouns, the required fields' help, the severities
    assert {code for code in source_codes() if code not in named and not code.startswith(families)} == set()


def test_every_object_and_every_required_field_has_its_words():
    """The names of the model's objects and what their required fields hold, which a message about a missing
    field tells, in every language: a new class or field without them fails here."""
    from builder.course.located import Located

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    import builder.course.model  # noqa: F401  the classes, declared on import
    import builder.course.discussion  # noqa: F401

    catalog = words.catalog("en")
    classes = set(subclasses(Located)) | {Located}
    assert {f"source.noun.{cls.noun}" for cls in classes} - catalog.keys() == set()
    required = {f"source.help.{cls.noun}.{info.alias or name}" for cls in classes
                for name, info in cls.__pydantic_fields__.items()
                if info.init is not False and info.is_required() and info.description}
    assert len(required) > 40 and required - catalog.keys() == set()
    # the English help is the field's description (the JSON Schema's and the docs'), word for word
    assert {f"source.help.{cls.noun}.{info.alias or name}": info.description for cls in classes
            for name, info in cls.__pydantic_fields__.items()
            if f"source.help.{cls.noun}.{info.alias or name}" in catalog} == \
        {code: text for code, text in catalog.items() if code.startswith("source.help.")}
