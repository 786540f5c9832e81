"""The one home of the words: every code in bokmål, nynorsk and English with the same placeholders, read from the
files themselves; and the language the tool speaks, from --lang, $KURSBYGGER_LANG or the locale."""

from __future__ import annotations

import re
import shutil
import zipfile
import string

import pytest
from click.testing import CliRunner

from builder import words
from builder.cli import main
from tests.conftest import GOOD, REPO


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_there_is_one_file_per_language_and_no_other():
    assert sorted(p.stem for p in (REPO / "builder" / "words").glob("*.toml")) == sorted(words.LANGUAGES)


def test_every_code_is_in_every_language_with_the_same_placeholders():
    nb, nn, en = (words.catalog(language) for language in ("nb", "nn", "en"))
    assert nb.keys() == nn.keys() == en.keys()
    for code in nb:
        assert fields(nb[code]) == fields(nn[code]) == fields(en[code]), code
        assert all(isinstance(t, str) and t.strip() for t in (nb[code], nn[code], en[code])), code
    assert sum(nb[c] != en[c] for c in nb) > len(nb) * 0.9  # English, not a copy


def test_every_code_names_its_area():
    areas = {code.split(".")[0] for code in words.catalog("nb")}
    assert areas == {"player", "handout", "report", "preview", "audit", "cli", "refresher", "quality", "validate", "source"}


def test_say_fills_the_placeholders_in_the_language_asked():
    assert words.say("player.lesson_of", "nn", n=2, total=7) == "Leksjon 2 av 7"
    assert words.say("player.lesson_of", "en", n=2, total=7) == "Lesson 2 of 7"
    with pytest.raises(KeyError):
        words.say("player.no-such-code", "nb")


@pytest.mark.parametrize(("env", "expected"), [
    ({}, "nb"),  # the audience is Norwegian
    ({"LANG": "nb_NO.UTF-8"}, "nb"), ({"LANG": "no_NO.UTF-8"}, "nb"), ({"LANG": "nb"}, "nb"),
    ({"LANG": "nn_NO.UTF-8"}, "nn"), ({"LANG": "en_GB.UTF-8"}, "en"), ({"LANG": "en_US"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "nb"), ({"LANG": "C.UTF-8"}, "nb"),
    ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "nn_NO.UTF-8"}, "nn"),
    ({"LC_MESSAGES": "nn_NO.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
    ({"LC_ALL": "nn_NO.UTF-8", "KURSBYGGER_LANG": "en"}, "en"),
    ({"LANG": "nn_NO.UTF-8", "KURSBYGGER_LANG": "xx"}, "nn"),
])
def test_the_language_comes_from_the_environment(env, expected):
    assert words.from_environment(env) == expected


def test_the_cli_choice_comes_before_the_environment(monkeypatch):
    monkeypatch.setenv("KURSBYGGER_LANG", "en")
    assert words.current() == "en"
    words.choose("nn")
    assert words.current() == "nn"
    words.choose(None)
    assert words.current() == "en"


BUILDER = REPO / "builder"
CODE = re.compile(r'"((?:player|handout|report|preview|audit|cli|refresher|quality|validate|source)\.[a-z0-9_.-]+)"')


def python_codes() -> set[str]:
    """Every literal «area.key» in builder/'s Python, less file names and whole areas (area("preview.panel"))."""
    found = {c for p in BUILDER.rglob("*.py") for c in CODE.findall(p.read_text(encoding="utf-8"))}
    areas = {code.rsplit(".", n)[0] for code in words.catalog("nb") for n in range(1, code.count("."))}
    return {c for c in found if not c.endswith((".html", ".js", ".css")) and c not in areas}


def panel_keys() -> set[str]:
    assets = BUILDER / "preview" / "assets"
    page = (assets / "simulator.html").read_text(encoding="utf-8")
    script = (assets / "simulator.js").read_text(encoding="utf-8")
    return set(re.findall(r"\bw\.([a-z_]+)", page)) | set(re.findall(r"\bt\('([a-z_]+)'", script))


def template_keys(path) -> set[str]:
    text = path.read_text(encoding="utf-8")
    return set(re.findall(r"\bt\.([a-z_]+)", text)) | set(re.findall(r'\bt\["([a-z_]+)"\]', text))


def test_every_code_the_code_names_is_there():
    nb = words.catalog("nb")
    assert python_codes() - nb.keys() == set()
    assert {f"preview.panel.{k}" for k in panel_keys()} - nb.keys() == set()
    assert {f"audit.{k}" for k in template_keys(BUILDER / "audit" / "templates" / "report.html")} - nb.keys() == set()
    handout = set().union(*(template_keys(p) for p in (BUILDER / "publish" / "templates").glob("*.html")))
    assert {f"handout.{k}" for k in handout} - nb.keys() == set()
    assert len(python_codes()) > 30 and len(panel_keys()) > 30  # the scans find the codes, not nothing


def test_every_message_of_the_cli_and_the_preview_is_in_use():
    """No dead words: a code left behind when its message goes is found here."""
    used = python_codes() | {f"preview.panel.{k}" for k in panel_keys()}
    used |= {f"{code}-one" for code in used}  # counted() picks the singular by the suffix
    unused = {c for c in words.catalog("nb") if c.startswith(("cli.", "preview.", "refresher."))} - used
    assert unused == set()


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
def test_check_speaks_the_language_chosen_with_lang(language):
    result = CliRunner().invoke(main, ["--lang", language, "check", "--source", str(GOOD)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == words.say(
        "cli.checked", language, course="demo", lessons=words.counted("cli.count.lessons", 2, language),
        questions=words.counted("cli.count.questions", 4, language))


@pytest.mark.parametrize(("env", "language"), [
    ({"KURSBYGGER_LANG": "nn"}, "nn"),
    ({"KURSBYGGER_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": "en_GB.UTF-8"}, "en"),
    ({"KURSBYGGER_LANG": None, "LC_ALL": None, "LC_MESSAGES": "nn_NO.UTF-8", "LANG": "en_GB.UTF-8"}, "nn"),
    ({"KURSBYGGER_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}, "nb"),
])
def test_without_lang_the_environment_decides(env, language):
    result = CliRunner().invoke(main, ["check", "--source", str(GOOD)], env=env)
    assert result.output.splitlines()[-1].endswith(words.say(
        "cli.checked", language, course="", lessons=words.counted("cli.count.lessons", 2, language),
        questions=words.counted("cli.count.questions", 4, language)))


def test_an_unknown_language_is_refused_with_the_choices():
    result = CliRunner().invoke(main, ["check", "--source", str(GOOD)], env={"KURSBYGGER_LANG": "de"})
    assert result.exit_code == 2 and "--lang" in result.output
    assert re.search(r"[«']nb[»'], [«']nn[»'], [«']en[»']", result.output), result.output


def test_the_error_summary_and_the_starter_speak_nynorsk(tmp_path):
    broken = tmp_path / "broken"
    shutil.copytree(GOOD, broken)
    (broken / "course" / "course.yaml").write_text("title: [\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--lang", "nn", "build", "--source", str(broken), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert words.counted("cli.nothing_built", 1, "nn") in result.output
    result = CliRunner().invoke(main, ["--lang", "nn", "new", str(tmp_path / "kurs")])
    assert result.output.startswith("Startkurs skrive til")


@pytest.mark.parametrize(("language", "one", "many"), [
    ("nb", "1 fil", "12 345 filer"), ("nn", "1 fil", "12 345 filer"), ("en", "1 file", "12,345 files")])
def test_a_count_is_worded_in_the_right_number_and_written_as_the_language_writes_it(language, one, many):
    assert words.counted("cli.count.files", 1, language) == one
    assert words.counted("cli.count.files", 12345, language) == many
    assert words.counted("cli.count.editions", 2, "nn") == "2 utgåver"


def test_no_message_leaves_the_number_to_the_reader():
    """«utgave(r)», «fil(er)», «page(s)»: a count in brackets is a plural the code left to the reader; counted()
    chooses."""
    bracketed = re.compile(r"\w(?<!http)\((?:s|es|r|er|ar|e)\)")  # «http(s)» is two schemes, not a plural
    for language in words.LANGUAGES:
        assert [c for c, text in words.catalog(language).items() if bracketed.search(text)] == [], language


@pytest.mark.parametrize(("language", "size", "counts"), [
    ("nb", ",", ("2 leksjoner", "4 spørsmål")), ("nn", ",", ("2 leksjonar", "4 spørsmål")),
    ("en", ".", ("2 lessons", "4 questions"))])
def test_build_writes_its_figures_as_the_language_does(tmp_path, language, size, counts):
    result = CliRunner().invoke(main, ["--lang", language, "build", "--source", str(GOOD), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    line = result.output.splitlines()[-1]
    assert re.search(rf"  \d+\{size}\d KiB  SCORM 1.2: ", line), line
    assert all(count in line for count in counts), line


def test_the_audit_quotes_validate_in_the_audit_s_language(tmp_path, monkeypatch):
    """audit_zip(language="nn") from an English terminal: validate's reasons come in nynorsk too, not mixed."""
    from builder.audit import AuditError, audit_zip
    from builder.course.problems import display_path
    from builder.validate import validate_zip

    monkeypatch.setenv("KURSBYGGER_LANG", "en")
    path = tmp_path / "web.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("index.html", "<!doctype html><title>x</title>")
    english = [f.message for f in validate_zip(path).findings if f.severity == "error"]
    with words.speaking("nn"):
        nynorsk = [f.message for f in validate_zip(path).findings if f.severity == "error"]
    assert english and nynorsk != english and words.current() == "en"  # the block's language ends with it
    with pytest.raises(AuditError) as caught:
        audit_zip(path, tmp_path / "r.html", language="nn")
    assert str(caught.value) == words.say("audit.not_valid", "nn", path=display_path(path), reasons="; ".join(nynorsk))


@pytest.mark.parametrize(("language", "reason"), [("nb", "ikke en mappe"), ("nn", "ikkje ei mappe"),
                                                  ("en", "Not a directory")])
def test_a_file_the_system_refuses_is_named_with_why_in_words(tmp_path, language, reason):
    """Not «NotADirectoryError: [Errno 20] Not a directory» from the last line of defence: the path and why."""
    from builder.course.problems import display_path

    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    out = tmp_path / "a-file" / "dist"
    result = CliRunner().invoke(main, ["--lang", language, "build", "--source", str(GOOD), "--out", str(out)])
    assert result.exit_code == 1 and "Error" not in result.output and "Traceback" not in result.output
    assert result.output.strip() == words.say("cli.os_error", language, path=display_path(out), reason=reason)
    assert words.system_reason(FileNotFoundError(2, "No such file or directory"), language) == words.say(
        "cli.os.enoent", language)
    assert words.system_reason(OSError(5, "Input/output error"), language) == "Input/output error"  # a rare one


@pytest.mark.parametrize("language", words.LANGUAGES)
@pytest.mark.parametrize("args, code, facts", [
    (["biuld"], "cli.usage.no-such-command", ["biuld", "build"]),
    (["build", "--foo"], "cli.usage.no-such-option", ["--foo", "--from"]),
    (["build", "--scorm", "3"], "cli.usage.choose", ["--scorm", "2004"]),
    (["build", "--out"], "cli.usage.needs-value", ["--out"]),
    (["report"], "cli.usage.missing", ["EXPORT"]),
])
def test_a_mistyped_command_is_told_in_the_message_language(language, args, code, facts):
    """click's own lines (its usage errors, «Usage:», «Try … --help») come in the chosen language, not click's
    English; the exit code stays click's 2."""
    result = CliRunner().invoke(main, ["--lang", language, *args])
    assert result.exit_code == 2, result.output
    assert words.catalog(language)[code].split("{")[0] in result.output  # the code's own words, up to its first fact
    assert all(fact in result.output for fact in facts), result.output
    if language != "en":
        assert not re.search(r"\b(Usage|Error|Try|No such|Invalid value|requires an argument)\b", result.output)
