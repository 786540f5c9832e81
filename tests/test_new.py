"""`kursbygger new`: the starter course passes `check`, builds, shows every source feature, and never overwrites."""

from __future__ import annotations

import pytest

from builder.build import load_checked
from builder.course.questions import QUESTION_TYPES
from builder.outputs.render import render_course
from tests.test_cli import run

LANGUAGES = ("nb", "nn", "en")


@pytest.fixture(scope="module")
def starters(tmp_path_factory):
    """One starter course per language, written by the real command."""
    root = tmp_path_factory.mktemp("starters")
    for language in LANGUAGES:
        result = run("new", str(root / language), "--language", language, cwd=root)
        assert result.returncode == 0, result.stderr
        assert "kursbygger preview" in result.stdout  # says what to do next
    return root


@pytest.mark.parametrize("language", LANGUAGES)
def test_starter_passes_check_and_builds(starters, language, tmp_path):
    source = starters / language
    check = run("check", "--source", str(source), cwd=tmp_path)
    assert check.returncode == 0 and check.stderr == "", check.stderr
    build = run("build", "--source", str(source), "--out", str(tmp_path), "--scorm", "all", cwd=tmp_path)
    assert build.returncode == 0, build.stderr
    assert len(list(tmp_path.glob("*-scorm12.zip"))) == 1 and len(list(tmp_path.glob("*-scorm2004.zip"))) == 1


@pytest.mark.parametrize("language", LANGUAGES)
def test_starter_shows_every_markdown_feature_and_question_type(starters, language):
    course, warnings = load_checked(starters / language, quality=True)
    assert warnings == []
    assert course.language == language and len(course.lessons) == 2
    html = render_course(course)["index.html"].decode("utf-8")
    for mark in ('class="callout callout-case"', 'class="callout callout-husk"', 'class="callout callout-kilde"',
                 "<figcaption>", 'target="_blank"', 'href="mailto:', 'class="selfcheck"', 'class="source-list"',
                 "<table>", "<strong>"):
        assert mark in html, mark
    assert {q.type for q in course.quiz.questions} == {kind.kind() for kind in QUESTION_TYPES}
    assert "media/steps.svg" in render_course(course)


def test_starter_texts_are_in_the_chosen_language(starters):
    titles = {language: load_checked(starters / language)[0].lessons[0].title for language in LANGUAGES}
    assert len(set(titles.values())) == 3, titles
    assert titles["en"] == "How to write a lesson"


def test_yaml_files_point_editors_at_the_schemas_that_schema_writes(starters, tmp_path):
    source = starters / "nb"
    for yaml_file in [source / "course" / "course.yaml", *(source / "quizzes").glob("*.yaml")]:
        first = yaml_file.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), yaml_file
        assert (yaml_file.parent / first.split("$schema=", 1)[1]).resolve().is_file(), first
    assert run("schema", "--out", str(tmp_path), cwd=tmp_path).returncode == 0
    written = sorted(p.name for p in (source / "jsonschema").iterdir())
    assert written == sorted(p.name for p in tmp_path.iterdir())
    for name in written:
        assert (source / "jsonschema" / name).read_bytes() == (tmp_path / name).read_bytes(), name


def test_new_refuses_a_folder_that_is_not_empty(tmp_path):
    target = tmp_path / "course"
    target.mkdir()
    (target / "notes.txt").write_text("mine", encoding="utf-8")
    result = run("new", str(target), cwd=tmp_path)
    assert result.returncode == 1
    assert "not an empty folder" in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in target.iterdir()] == ["notes.txt"]
    assert (target / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_new_refuses_a_file_and_accepts_an_empty_folder(tmp_path):
    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    assert run("new", "a-file", cwd=tmp_path).returncode == 1
    (tmp_path / "empty").mkdir()
    assert run("new", "empty", cwd=tmp_path).returncode == 0
    assert (tmp_path / "empty" / "course" / "course.yaml").is_file()


def test_unknown_language_is_wrong_usage(tmp_path):
    result = run("new", "x", "--language", "de", cwd=tmp_path)
    assert result.returncode == 2 and not (tmp_path / "x").exists()


def test_without_language_the_starter_speaks_as_the_messages_do(tmp_path):
    """`kursbygger --lang nn new kurs` writes a nynorsk course, as its own lines are in nynorsk; --language wins."""
    from click.testing import CliRunner

    from builder.cli import main

    result = CliRunner().invoke(main, ["--lang", "nn", "new", str(tmp_path / "kurs")])
    assert result.exit_code == 0 and "language: nn" in (tmp_path / "kurs/course/course.yaml").read_text("utf-8")
    result = CliRunner().invoke(main, ["--lang", "nn", "new", str(tmp_path / "en"), "--language", "en"])
    assert result.exit_code == 0 and "language: en" in (tmp_path / "en/course/course.yaml").read_text("utf-8")
