"""The quality checks and `validate` speak the terminal's language from builder/words/ (areas quality, validate).

The codes are read from the modules' own source, not from a list: every say(…) call in builder/quality/ and
builder/validate/ names its code as a literal (or one of two) and its placeholders as keywords, so a new message is
checked here the moment it is written. Then `check --quality` and `validate` run with --lang nn on real cases.
"""

from __future__ import annotations

import ast
import json
import re
import string
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder import words
from builder.build import build
from builder.cli import main
from tests.conftest import GOOD, REPO
from tests.test_quality_quiz import SMALL, course_with

# builder/quality/ and builder/validate/, and any other module that says their words (course/topics.py, whose draw
# rules check runs, keeps its quality.* codes)
MODULES = sorted({*(REPO / "builder" / "quality").glob("*.py"), *(REPO / "builder" / "validate").glob("*.py"),
                  *(p for p in (REPO / "builder").rglob("*.py") if re.search(r'say\("(?:quality|validate)\.', p.read_text()))})
AREAS = ("quality.", "validate.")
CODE = re.compile(r"(?:quality|validate)\.[a-z0-9.-]+")
# Where each kind of finding takes its message: the argument that must be a say(…) call.
MESSAGE_ARGUMENT = {"Problem": 1, "cue": 2, "add": 2, "SchemasUnavailable": 0, "XMLSchemaParseError": 0}


def name(call: ast.Call) -> str:
    return call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")


def literals(node: ast.expr) -> list[str] | None:
    """The codes a code argument can be: a string, or either branch of «a if … else b»; None when not literal."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = literals(node.body), literals(node.orelse)
        return body + orelse if body is not None and orelse is not None else None
    return None


def calls() -> list[ast.Call]:
    """Every call in the modules, each with its file and the function it stands in."""
    found = {}
    for path in MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for function in [tree, *(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef))]:
            for node in ast.walk(function):  # outer functions first, so a call keeps the innermost one's name
                if isinstance(node, ast.Call):
                    node.path, node.function = path, getattr(function, "name", "")
                    found[id(node)] = node
    return list(found.values())


def says() -> list[tuple[str, list[str], set[str]]]:
    """(place, codes, keywords) of every say(…) call in the modules."""
    found = []
    for call in calls():
        if name(call) != "say":
            continue
        place = f"{call.path.relative_to(REPO)}:{call.lineno}"
        codes = literals(call.args[0]) if call.args else None
        if codes is None and call.args and not call.keywords:
            continue  # a code kept to be said later: passed_codes() finds it where it is written
        assert codes is not None, f"{place}: say() with a code this test cannot read; write it as a literal"
        assert len(call.args) == 1, f"{place}: the checks speak the terminal's language; pass no language"
        assert all(k.arg for k in call.keywords), f"{place}: name each placeholder (no **figures)"
        found.append((place, codes, {k.arg for k in call.keywords}))
    return found


def passed_codes() -> set[str]:
    """Codes written outside a say(…) call, kept to be said later (hrefs.py's Target.problem, the guessers' ways)."""
    in_say = {code for _, codes, _ in says() for code in codes}
    constants = {node.value for path in MODULES for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                 if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    return {c for c in constants if CODE.fullmatch(c) and c not in in_say}


def fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_the_scan_finds_the_messages():
    assert len(says()) > 120
    assert {code.split(".")[0] for _, codes, _ in says() for code in codes} == {"quality", "validate"}


@pytest.mark.parametrize("language", words.LANGUAGES)
def test_every_message_renders_with_all_its_placeholders_filled(language):
    catalog = words.catalog(language)
    for place, codes, keywords in says():
        for code in codes:
            assert code in catalog, f"{place}: {code} is not in {language}.toml"
            assert fields(catalog[code]) == keywords, f"{place}: {code} in {language} has {fields(catalog[code])}"
            shown = words.say(code, language, **{k: f"<{k}>" for k in keywords})
            assert all(f"<{k}>" in shown for k in keywords) and "{" not in shown, (code, shown)
    for code in passed_codes():
        assert code in catalog and fields(catalog[code]) == set(), f"{code} in {language}"


def test_no_word_of_the_two_areas_is_left_unused():
    used = {code for _, codes, _ in says() for code in codes} | passed_codes()
    assert {code for code in words.catalog("en") if code.startswith(AREAS)} - used == set()


def test_every_finding_s_message_is_said_not_written_in_the_code():
    """A warning, a validate finding or a schemas error built from an English string would pass the tests above."""
    checked = 0
    for call in calls():
        index = MESSAGE_ARGUMENT.get(name(call))
        if index is None or len(call.args) <= index or (name(call) == "add" and len(call.args) < 3):
            continue
        message = call.args[index]
        if isinstance(message, ast.Name) and call.function in MESSAGE_ARGUMENT:
            continue  # a helper that passes its caller's message on (cues.cue): its callers are checked
        assert isinstance(message, ast.Call) and name(message) == "say", \
            f"{call.path.relative_to(REPO)}:{call.lineno}: the message is not a say(…) call"
        checked += 1
    assert checked > 50


# --- the commands in nynorsk ---------------------------------------------------------------------------------------

def test_check_with_the_quality_overview_speaks_nynorsk(tmp_path):
    source = course_with(tmp_path, [dict(q) for q in SMALL])
    runner = CliRunner()
    results = {language: runner.invoke(main, ["--lang", language, "check", "--source", str(source), "--quality",
                                              "--format", "json"]) for language in ("nn", "nb", "en")}
    data = {language: json.loads(result.stdout) for language, result in results.items()}
    problems = {language: {p["code"]: p["message"] for p in d["problems"]} for language, d in data.items()}
    # the same codes in every language (scripts read them), the words of each language
    assert problems["nn"].keys() == problems["en"].keys() >= {"quiz-key-longer", "quiz-guessable", "quiz-all-but-one"}
    for code, message in problems["nn"].items():
        assert message not in (problems["nb"][code], problems["en"][code]), code
    assert data["nn"]["quality"]["guesser"]["strategies"]["single"] == words.say("quality.guess-single", "nn")

    text = runner.invoke(main, ["--lang", "nn", "check", "--source", str(source), "--quality"])
    assert text.exit_code == 0
    for code, message in problems["nn"].items():
        assert f"{message} [{code}]" in text.stderr
    for label in ("quality.overview.per-type", "quality.overview.test-wise", "quality.overview.random"):
        assert f"  {words.say(label, 'nn')}  " in text.stdout
    # the decimal comma and the spaced per cent sign, here and in the warnings
    assert "75,0 % per forsøk" in text.stdout and "98,4 %" in problems["nn"]["quiz-guessable"]
    assert "8,3" in problems["nn"]["quiz-key-longer"] and "8.3" in problems["en"]["quiz-key-longer"]


def broken_package(tmp_path: Path) -> Path:
    """Our own package as a careless repackaging leaves it: no <schemaversion>, and four sound files listed but not
    in the zip."""
    _, [built] = build(GOOD, tmp_path / "built", "1.2")
    path = tmp_path / "broken.zip"
    with zipfile.ZipFile(built.path) as source, zipfile.ZipFile(path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "imsmanifest.xml":
                text = data.decode().replace("<schemaversion>1.2</schemaversion>", "")
                sounds = "".join(f'<file href="lyd/klipp{n}.mp3"/>' for n in range(1, 5))
                data = text.replace("</resource>", sounds + "</resource>", 1).encode()
            target.writestr(info, data)
    return path


def test_validate_speaks_nynorsk(tmp_path):
    path = broken_package(tmp_path)
    runner = CliRunner()
    data = {language: json.loads(runner.invoke(main, ["--lang", language, "validate", str(path), "--format", "json"])
                                 .stdout) for language in ("nn", "en")}
    # the JSON is the same but for the messages' wording: codes, lines, names and counts are machine-stable
    without_words = {language: {**d, "findings": [{**f, "message": None} for f in d["findings"]]}
                     for language, d in data.items()}
    assert without_words["nn"] == without_words["en"]
    assert [f["code"] for f in data["nn"]["findings"]] == ["version-unknown", *["missing-file"] * 4]

    result = runner.invoke(main, ["--lang", "nn", "validate", str(path)])
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    warning = words.say("validate.warning", "nn")
    assert lines[0].endswith(f":imsmanifest.xml:{data['nn']['findings'][0]['line']}: {warning}: "
                             + data["nn"]["findings"][0]["message"])
    first = data["nn"]["findings"][1]
    names = words.say("validate.names-more", "nn", names="lyd/klipp2.mp3, lyd/klipp3.mp3, lyd/klipp4.mp3", more=0)
    assert len(lines) == 2 and lines[1].endswith(f": {warning}: " + words.say(
        "validate.group", "nn", count=4, message=first["message"], names="lyd/klipp2.mp3, lyd/klipp3.mp3, "
                                                                         "lyd/klipp4.mp3"))
    assert names not in lines[1]  # three others: all named, no «og 0 til»
    counts = ", ".join((words.say("validate.errors", "nn", n=0), words.say("validate.warnings", "nn", n=5),
                        words.say("validate.notes", "nn", n=0)))
    assert result.stdout.splitlines()[-1].endswith(words.say(
        "validate.verdict-ok", "nn", moodle=words.say("validate.moodle", "nn", version="1.2", counts=counts),
        xsd=words.say("validate.xsd-valid", "nn")))
    assert "OK: Moodle importerer pakken og køyrer han som SCORM 1.2 (0 feil, 5 åtvaringar, 0 merknader)" \
        in result.stdout  # one plain reading, so the test shows what a nynorsk reader sees


@pytest.mark.parametrize(("language", "shown"), [("nn", "1 åtvaring"), ("nb", "1 advarsel"), ("en", "1 warning")])
def test_the_counts_take_the_singular_for_one(tmp_path, language, shown):
    path = broken_package(tmp_path)
    text = path.read_bytes()  # one warning only: the schemaversion, with the sound files in place
    with zipfile.ZipFile(path, "a") as archive:
        for n in range(1, 5):
            archive.writestr(f"lyd/klipp{n}.mp3", b"")
    assert text != path.read_bytes()
    result = CliRunner().invoke(main, ["--lang", language, "validate", str(path)])
    assert f"({words.say('validate.errors', language, n=0)}, {shown}, " in result.stdout


# --- figures as each language writes them --------------------------------------------------------------------------

@pytest.mark.parametrize(("language", "expected"), [
    ("nb", ["0,5", "1234", "12 345,7", "1 000 000 000", "98,4 %", "100 %"]),
    ("nn", ["0,5", "1234", "12 345,7", "1 000 000 000", "98,4 %", "100 %"]),
    ("en", ["0.5", "1,234", "12,345.7", "1,000,000,000", "98.4 %", "100 %"]),
])
def test_figures_take_the_language_s_decimal_sign_and_grouping(language, expected):
    assert [words.number(0.5, 1, language), words.number(1234, 0, language), words.number(12345.67, 1, language),
            words.number(1e9, 0, language), words.percent(0.984, 1, language), words.percent(1, 0, language)] == expected


def test_a_guesser_s_tiny_chance_shows_two_digits_and_never_an_exponent():
    from builder.quality.guesser import percent

    words.choose("nb")
    try:
        assert [percent(0), percent(0.75), percent(0.00033), percent(5.2e-7), percent(1e-12)] == [
            "0,0 %", "75,0 %", "0,033 %", "0,000052 %", words.say("quality.under", "nb", limit="0,000001 %")]
    finally:
        words.choose(None)


def test_a_chance_of_exactly_the_smallest_shown_is_shown_not_said_to_be_under_it():
    from builder.quality.guesser import TINY, percent

    words.choose("nb")
    try:
        assert percent(TINY / 100) == "0,000001 %" and percent(TINY / 100 * 0.99) == words.say(
            "quality.under", "nb", limit="0,000001 %")
    finally:
        words.choose(None)


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_norwegian_groups_digits_from_ten_thousand(language):
    assert words.number(9999, 0, language) == "9999" and words.number(10_000, 0, language) == "10 000"
