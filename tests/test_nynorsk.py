"""Nynorsk that stays nynorsk: every bokmål form of the list is flagged at its place, quoted titles and code are
not, a bokmål lesson in an nn edition is an error, and the course's own nynorsk raises no flag."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from builder.build import check_all, load_checked
from builder.course.load import Loader
from builder.course.problems import SourceError
from builder.quality import nynorsk
from builder.quality.texts import Places, lesson_units
from builder.starter import create
from builder.words import catalog
from tests.broken_courses import with_editions
from tests.conftest import REPO

FRONT = "---\nid: prove\ntitle: Prøve\nminutes: 2\nobjectives:\n  - Du kan lese.\n---\n"
BODY_LINE = 8


def flags(tmp_path: Path, body: str) -> list[tuple[int, int, str, str]]:
    path = tmp_path / "prove.md"
    path.write_text(FRONT + body, encoding="utf-8")
    loader = Loader()
    lesson = loader.lesson(path)
    assert loader.problems == []
    found = nynorsk.units_problems(lesson_units(lesson), Places())
    assert {p.code for p in found} <= {"bokmal-form"} and {p.severity for p in found} <= {"warning"}
    return [(p.where.line, p.where.col, *re.match(r"'(.+)' is bokmål; in nynorsk write '(.+)'$", p.message).groups())
            for p in found]


def test_every_form_in_the_list_is_flagged_at_its_line_and_column(tmp_path):
    table = nynorsk.forms()
    assert len(table) >= 150
    # each form inside a nynorsk sentence of its own; a lower-case form once more at the start of a sentence
    lines = [f"Her står «{form}» og {form} i ei setning." for form in table]
    lines += [f"{form[0].upper() + form[1:]} står fyrst." for form in table if form[0].islower()]
    found = flags(tmp_path, "\n\n".join(lines) + "\n")
    expected = [(BODY_LINE + 2 * index, 16 + len(form), form, nynorsk_form)
                for index, (form, nynorsk_form) in enumerate(table.items())]
    expected += [(BODY_LINE + 2 * (len(table) + index), 1, form[0].upper() + form[1:], nn[0].upper() + nn[1:])
                 for index, (form, nn) in enumerate((f, n) for f, n in table.items() if f[0].islower())]
    assert found == expected


def test_the_nynorsk_forms_it_proposes_are_not_flagged_themselves():
    proposed = {word for nn in nynorsk.forms().values() for word in re.findall(r"[^\W\d_]+", nn)}
    assert [word for word in proposed if nynorsk.nynorsk_for(word)] == []


def test_matching_is_by_whole_word_and_case(tmp_path):
    # «ikkje» holds «ikk…», «Bare» is a capital «bare», «IKKE» and «NOrge» are not forms of the list
    assert flags(tmp_path, "Ikkje heimetenesta. IKKE NOrge norge. Bare ein.\n") == [(BODY_LINE, 39, "Bare", "Berre")]


def test_a_word_repeated_in_a_table_row_or_beside_an_image_is_found_at_each_place(tmp_path):
    body = ("| fra | og fra |\n| --- | --- |\n| fra | fra |\n\nHer fra ![fra og fra](media/figur.svg)\n\n"
            "Og fra her.\n")
    assert [(line - BODY_LINE, col) for line, col, _, _ in flags(tmp_path, body)] == [
        (0, 3), (0, 12), (2, 3), (2, 9), (4, 5), (4, 11), (4, 18), (6, 4)]


def test_quotes_code_addresses_and_numbered_words_are_not_checked(tmp_path):
    body = ("Sjå «Når og hvordan melde avvik?» og “Hva sier loven”, `ikke` eller "
            "[lenkja](https://example.no/hva-er-ikke) og <https://example.no/fra>, hva@example.no og HR-2020-hva.\n\n"
            "```\nikke kode\n```\n\n"
            "Men ikke dette.\n")
    assert flags(tmp_path, body) == [(BODY_LINE + 6, 5, "ikke", "ikkje")]


def test_an_abbreviation_s_ending_is_no_article(tmp_path):
    # «PC-en» and «LMS-et» are written so in both standards; «en» and «et» standing alone are bokmål
    assert flags(tmp_path, "Start PC-en og opne LMS-et, IT-en. Lag en plan for et år.\n") == [
        (BODY_LINE, 40, "en", "ein"), (BODY_LINE, 52, "et", "eit")]


def test_headings_callouts_tables_alt_texts_and_tell_til_tre_are_checked(tmp_path):
    body = ("## Hva no\n\n::: case Jeg og du\nTekst.\n:::\n\n| Når | Kven |\n| --- | --- |\n| fra | til |\n\n"
            "![Bilde av noko](media/figur.svg)\n\n"
            "```selfcheck\ntitle: Tell til tre\nsteps:\n  - question: Er det ikke sant?\n    if_yes: Ja.\n"
            "    if_no: Nei.\nend: Spør.\n```\n")
    assert [(line - BODY_LINE, col, word) for line, col, word, _ in flags(tmp_path, body)] == [
        (0, 4, "Hva"), (2, 10, "Jeg"), (8, 3, "fra"), (10, 3, "Bilde"), (15, 22, "ikke")]


def test_the_course_s_own_nynorsk_raises_no_flag():
    _, found, _ = check_all(REPO)
    assert [str(p) for p in found if p.code.startswith("bokmal")] == []
    course, _ = load_checked(REPO, "eksempel-nynorsk")
    assert course.language == "nn" and any(lesson.local for lesson in course.lessons)


def test_the_tool_s_own_nynorsk_raises_no_flag(tmp_path):
    assert nynorsk.wording_problems() == []
    create(tmp_path / "nn", "nn")
    assert load_checked(tmp_path / "nn")[1] == []
    # every area's words (player, report, preview, audit, cli …), not the player's only
    flagged = {code: word for code, text in catalog("nn").items() for _, word in nynorsk.checked_words(text)
               if nynorsk.nynorsk_for(word)}
    assert flagged == {}


def test_the_placeholders_nynorsk_wording_is_checked_where_it_is_written(monkeypatch):
    monkeypatch.setattr(nynorsk, "forms", lambda: {"personvernombodet": "x"})
    source = Path(nynorsk.__file__).parent.parent / "course" / "placeholders.py"
    lines = source.read_text(encoding="utf-8").splitlines()
    found = [(p.where.line, p.where.col) for p in nynorsk.wording_problems()]
    assert len(found) == 2  # the neutral wording and the role's noun
    for line, col in found:
        assert lines[line - 1][col - 1:].startswith("personvernombodet")


@pytest.fixture
def course(tmp_path):
    return with_editions(tmp_path / "c")


def test_translations_are_checked_lessons_quiz_and_course_yaml(course):
    def plant(relative: str, old: str, new: str) -> None:
        path = course / relative
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    plant("translations/nn/course/lessons/01-first.md", "Alle har", "Alle har ikke")
    plant("translations/nn/quizzes/demo-quiz.yaml", "text: ", "text: Hva ")
    plant("translations/nn/course/course.yaml", "title: ", "title: Fra ")
    found = [(p.where.path.relative_to(course).as_posix(), p.message.split("'")[1])
             for p in check_all(course)[1] if p.code == "bokmal-form"]
    # once each: not again for the nynorsk edition that reads the translation
    assert sorted(found) == [("translations/nn/course/course.yaml", "Fra"),
                             ("translations/nn/course/lessons/01-first.md", "ikke"),
                             ("translations/nn/quizzes/demo-quiz.yaml", "Hva")]


def test_the_translated_discussion_material_is_checked(tmp_path):
    for folder in ("course", "quizzes", "translations"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    path = tmp_path / "translations" / "nn" / "course" / "discussion.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("activity: ", "activity: Hvem ", 1), encoding="utf-8")
    [flag] = [p for p in check_all(tmp_path)[1] if p.code == "bokmal-form"]
    line = text.replace("activity: ", "activity: Hvem ", 1).splitlines()[flag.where.line - 1]
    assert flag.where.path == path and line[flag.where.col - 1:].startswith("Hvem ")


def test_a_nynorsk_edition_s_contacts_and_link_titles_are_checked(course):
    yaml = course / "editions" / "fjord" / "edition.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("name: Lise Døme", "name: Lise Døme hjemme")
                    + "links:\n  retningslinjer: {title: Hva vi gjør, url: \"https://fjord.example.no\"}\n",
                    encoding="utf-8")
    lines = yaml.read_text(encoding="utf-8").splitlines()
    found = [(p.where.line, p.where.col, p.message.split("'")[1]) for p in load_checked(course, "fjord")[1]
             if p.code == "bokmal-form"]
    assert [lines[line - 1][col - 1:col - 1 + len(word)] for line, col, word in found] == ["hjemme", "Hva", "gjør"]
    # the same words in a bokmål edition are its own business
    bygd = course / "editions" / "bygd" / "edition.yaml"
    bygd.write_text(bygd.read_text(encoding="utf-8").replace("Retningslinjer for", "Hva gjør"), encoding="utf-8")
    assert [p for p in load_checked(course, "bygd")[1] if p.code.startswith("bokmal")] == []


def local_lesson(course: Path, flagged: int, words: int) -> Path:
    """The fjord (nn) edition with a local lesson of `words` words, `flagged` of them bokmål forms."""
    body = " ".join(["ikke"] * flagged + ["ord"] * (words - flagged - 1) + ["slutt."])
    (course / "editions" / "fjord" / "lokal.md").write_text(FRONT.replace("prove", "lokal") + body + "\n",
                                                            encoding="utf-8")
    yaml = course / "editions" / "fjord" / "edition.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8") + "lessons:\n  - file: lokal.md\n", encoding="utf-8")
    return course


def test_a_local_lesson_below_the_bokmal_share_gets_warnings(course):
    # 200 words in the body and 4 in the front matter («Prøve», «Du kan lese»): 10 of 204 is 4.9 %
    found = load_checked(local_lesson(course, 10, 200), "fjord")[1]
    assert [p.code for p in found if p.code.startswith("bokmal")] == ["bokmal-form"] * 10


def test_a_local_lesson_at_the_bokmal_share_is_an_error(course):
    with pytest.raises(SourceError) as raised:
        load_checked(local_lesson(course, 10, 196), "fjord")  # with the front matter's 4 words: 10 of 200, 5 %
    [error] = [p for p in raised.value.problems if p.code == "bokmal-lesson"]
    assert error.severity == "error" and error.where.path.name == "lokal.md"
    assert "is in bokmål: 10 of its 200 words (5 %) are bokmål forms, such as 'ikke' (line 8)" in error.message
    assert [p for p in raised.value.problems if p.code == "bokmal-form"] == []  # one error, not 10 warnings


def test_a_bokmal_lesson_copied_into_a_nynorsk_edition_is_an_error(tmp_path):
    """Issue 24's case: the nynorsk example edition's local lesson replaced by the bokmål example's."""
    for folder in ("course", "quizzes", "translations", "editions"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    edition = tmp_path / "editions" / "eksempel-nynorsk"
    shutil.copyfile(tmp_path / "editions" / "eksempel-kommune" / "slik-gjor-vi-det.md", edition / "slik-gjer-vi-det.md")
    with pytest.raises(SourceError) as raised:
        load_checked(tmp_path, "eksempel-nynorsk")
    assert [(p.code, p.where.path.name) for p in raised.value.problems] == [("bokmal-lesson", "slik-gjer-vi-det.md")]


def test_a_course_written_in_nynorsk_is_checked_lessons_and_quiz(tmp_path):
    create(tmp_path / "nn", "nn")
    quiz = next((tmp_path / "nn" / "quizzes").glob("*.yaml"))
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("text: ", "text: Hvorfor ", 1), encoding="utf-8")
    lesson = next((tmp_path / "nn" / "course" / "lessons").glob("*.md"))
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\nDet er ikke slik.\n", encoding="utf-8")
    found = {(p.where.path.name, p.message.split("'")[1]) for p in check_all(tmp_path / "nn")[1]}
    assert found == {(quiz.name, "Hvorfor"), (lesson.name, "ikke")}
