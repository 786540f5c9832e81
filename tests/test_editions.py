"""Editions: one organisation's package of the shared course, checked, built and kept apart in the LMS."""

from __future__ import annotations

import html as html_lib
import re
import shutil
import zipfile

import pytest
from click.testing import CliRunner
from lxml import etree

from builder.build import build, build_editions
from builder.cli import main
from builder.course.editions import contrast_problems, contrast_ratio
from builder.course.load import load_course
from builder.course.problems import SourceError
from builder.outputs.render import csp_hash
from tests.broken_courses import (BROKEN_EDITIONS, EDITION_CASES, expected, make_edition_case,
                                  with_editions)
from tests.conftest import GOOD, REPO
from tests.test_build import xsd_errors

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): error: (?P<message>.+)$")


@pytest.fixture
def course(tmp_path):
    return with_editions(tmp_path / "course")


def page(zip_path) -> str:
    return zipfile.ZipFile(zip_path).read("index.html").decode()


def manifest(zip_path) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(zip_path).read("imsmanifest.xml"))


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_every_edition_builds_a_valid_package(course, tmp_path, schemas_dir, version):
    results = build_editions(course, tmp_path / "dist", version, "all")
    assert [r.edition for r in results] == ["bygd", "fjord"]
    for [built] in (r.built for r in results):
        with zipfile.ZipFile(built.path) as archive:
            names = set(archive.namelist())
            assert xsd_errors(schemas_dir, version, archive.read("imsmanifest.xml")) == []
        listed = set(manifest(built.path).xpath("//*[local-name()='file']/@href"))
        assert listed == names - {"imsmanifest.xml"}


def test_editions_side_by_side_keep_their_own_identifiers(course, tmp_path):
    results = build_editions(course, tmp_path / "dist", "all", "all")
    _, core = build(course, tmp_path / "dist", "all")
    zips = [b.path for r in results for b in r.built] + [b.path for b in core]
    assert sorted(p.name for p in zips) == ["demo-bygd-scorm12.zip", "demo-bygd-scorm2004.zip",
                                           "demo-fjord-scorm12.zip", "demo-fjord-scorm2004.zip",
                                           "demo-scorm12.zip", "demo-scorm2004.zip"]
    for version in ("scorm12", "scorm2004"):
        ids = [set(manifest(z).xpath("//@identifier")) for z in zips if z.name.endswith(f"-{version}.zip")]
        assert len(ids) == 3 and all(ids[i].isdisjoint(ids[j]) for i in range(3) for j in range(i + 1, 3))
        titles = {manifest(z).xpath("string(//*[local-name()='organization']/*[local-name()='title'])")
                  for z in zips if z.name.endswith(f"-{version}.zip")}
        assert titles == {"Demokurs", "Demokurs – Bygd kommune", "Demokurs på nynorsk – Fjord kommune"}


def test_the_edition_shows_its_name_logo_colours_contacts_and_local_lesson(course, tmp_path):
    _, [built] = build(course, tmp_path, "1.2", "bygd")
    html = page(built.path)
    assert '<img class="edition-logo" src="logo.svg" alt="Bygd kommune">' in html
    assert zipfile.ZipFile(built.path).read("logo.svg") == (course / "editions/bygd/logo.svg").read_bytes()
    assert 'data-edition="bygd">Utgave: Bygd kommune (bygd), versjon 1.0.0<' in html
    assert '"edition":{"id":"bygd","organisation":"Bygd kommune"}' in html
    # the colours sit in the one <style> the CSP admits by hash
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    assert ":root{--brand:#0b5d3b;--brand-ink:#ffffff;}" in style
    assert csp_hash(style) in html_lib.unescape(re.search(r'Content-Security-Policy" content="([^"]+)"', html).group(1))
    assert "style=" not in html
    # the local lesson after 'first', with its placeholders filled
    assert re.findall(r'data-lesson="([^"]+)"', html) == ["first", "hos-oss", "second"]
    assert ("I Bygd kommune gjelder <a href=\"https://bygd.example.no/retningslinjer\"" in html
            and "kontakt personvernombudet (personvern@bygd.example.no)." in html)
    # a contact without a name is called by its role
    assert 'bruk varslingskanalen (<a href="https://bygd.example.no/varsling"' in html
    assert "{{" not in html
    # tracking overrides
    assert '"maxAttempts":2' in html and '"passingScore":70' in html
    assert "<adlcp:masteryscore>70</adlcp:masteryscore>" in zipfile.ZipFile(built.path).read("imsmanifest.xml").decode()


def test_a_nynorsk_edition_reads_the_translation_and_speaks_nynorsk(course, tmp_path):
    _, [built] = build(course, tmp_path, "1.2", "fjord")
    html = page(built.path)
    assert '<html lang="nn">' in html and 'aria-label="Innhald"' in html and "Utgåve: Fjord kommune" in html
    assert "Alle har <strong>ytringsfridom</strong>" in html  # the lesson from translations/nn/
    assert "Kven har ytringsfridom?" in html  # the quiz from translations/nn/
    assert "Grunnlova § 100" in html  # a source title from translations/nn/course/course.yaml
    assert "kontakt Lise Døme (12 34 56 78)." in html
    assert "<title>Demokurs på nynorsk – Fjord kommune</title>" in html


def test_the_core_course_fills_placeholders_with_neutral_wording(course, tmp_path):
    lesson = course / "course/lessons/01-first.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\nSpør {{ kontakt.personvernombud }}.\n", encoding="utf-8")
    _, [built] = build(course, tmp_path, "1.2")
    assert "<p>Spør personvernombudet i kommunen din.</p>" in page(built.path)
    nn, _ = load_course(course, "fjord")
    assert "Lise Døme (12 34 56 78)" in nn.lessons[0].body


def test_quiz_texts_fill_placeholders_as_plain_text(course, tmp_path):
    quiz = course / "quizzes/demo-quiz.yaml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace(
        "explanation: Grunnloven gir alle ytringsfrihet.",
        "explanation: Grunnloven gir alle ytringsfrihet, også i {{ organisasjon }}.").replace(
        "feedback: Ytringsfriheten gjelder alle.", "feedback: Les {{ lenke.retningslinjer }}."), encoding="utf-8")
    core, problems = load_course(course)
    first = core.quiz.questions[0]
    assert first.explanation == "Grunnloven gir alle ytringsfrihet, også i kommunen din."
    assert first.options[1].feedback == "Les retningslinjene for sosiale medier i kommunen din."
    bygd, _ = load_course(course, "bygd")
    first = bygd.quiz.questions[0]
    assert first.explanation == "Grunnloven gir alle ytringsfrihet, også i Bygd kommune."
    # the player shows quiz texts as text: no Markdown link syntax
    assert first.options[1].feedback == \
        "Les Retningslinjer for sosiale medier (https://bygd.example.no/retningslinjer)."


def test_an_unknown_placeholder_in_a_quiz_text_is_reported_at_its_line(course):
    quiz = course / "quizzes/demo-quiz.yaml"
    text = quiz.read_text(encoding="utf-8").replace("text: Hvem har ytringsfrihet?",
                                                    "text: Hvem har ytringsfrihet i {{ kommune }}?")
    quiz.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    text: Hvem har ytringsfrihet i {{ kommune }}?") + 1
    _, problems = load_course(course)
    assert any(p.where.path.name == "demo-quiz.yaml" and p.where.line == line and "unknown placeholder" in p.message
               for p in problems), problems


def test_the_default_build_is_unchanged_by_editions_and_translations(course, tmp_path):
    _, with_them = build(course, tmp_path / "with", "all")
    _, without = build(GOOD, tmp_path / "without", "all")
    assert [b.path.read_bytes() for b in with_them] == [b.path.read_bytes() for b in without]


def test_edition_builds_are_byte_identical(course, tmp_path):
    first = build_editions(course, tmp_path / "a", "all", "all")
    second = build_editions(course, tmp_path / "b", "all", "all")
    assert [b.path.read_bytes() for r in first for b in r.built] == \
           [b.path.read_bytes() for r in second for b in r.built]


@pytest.mark.parametrize("case", EDITION_CASES)
def test_broken_edition_is_reported(case, tmp_path, monkeypatch):
    source = make_edition_case(case, tmp_path / "course")
    monkeypatch.chdir(source)
    result = CliRunner().invoke(main, ["build", "--source", ".", "--edition", "all"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    reported = [LINE.match(line).groupdict() for line in result.stderr.splitlines() if LINE.match(line)]
    for want in expected(case, BROKEN_EDITIONS):
        assert any(r["path"] == want.path and r["line"] == want.line and want.fragment in r["message"]
                   for r in reported), f"expected {want!r} in:\n{result.stderr}"
    assert len(reported) == len(expected(case, BROKEN_EDITIONS)), result.stderr  # one root cause, one message
    assert not (source / "dist").exists() or not any((source / "dist").iterdir())  # nothing built, not even the
    # editions without faults
    check = CliRunner().invoke(main, ["check", "--source", "."])
    assert check.exit_code == 1 and want.fragment in check.stderr


def test_a_too_large_logo_is_refused(course):
    (course / "editions/bygd/logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><!--' + "x" * 210_000 + "--></svg>", encoding="utf-8")
    _, problems = load_course(course, "bygd")
    assert [(p.where.path.name, p.where.line, p.where.col, p.message) for p in problems] == \
           [("edition.yaml", 3, 7, "logo 'logo.svg' is 205 KB; the limit is 200 KB — make it smaller (an SVG, or a "
             "PNG at most 400 pixels wide)")]


def test_an_unknown_edition_is_named(course, monkeypatch):
    monkeypatch.chdir(course)
    result = CliRunner().invoke(main, ["build", "--edition", "byen"])
    assert result.exit_code == 1
    assert "edition 'byen' not found: expected the file editions/byen/edition.yaml; editions found: bygd, fjord" \
        in result.stderr


def test_a_nynorsk_edition_needs_the_translation(tmp_path):
    course = with_editions(tmp_path / "course")
    shutil.rmtree(course / "translations")
    _, problems = load_course(course, "fjord")
    assert any("language nn needs the course's translation in" in p.message for p in problems)


@pytest.mark.parametrize("first, second, ratio", [
    ("#000000", "#ffffff", 21.0), ("#ffffff", "#ffffff", 1.0), ("#767676", "#ffffff", 4.54),
    ("#777777", "#ffffff", 4.48), ("#0000ff", "#ffffff", 8.59), ("#ff0000", "#ffffff", 4.0),
])
def test_contrast_ratio_follows_wcag(first, second, ratio):
    assert round(contrast_ratio(first, second), 2) == ratio
    assert contrast_ratio(first, second) == contrast_ratio(second, first)


def test_contrast_problems_name_the_pair_and_the_ratio():
    assert contrast_problems("#1d4e89", "#ffffff") == []
    [buttons] = contrast_problems("#1d4e89", "#777777")
    assert buttons.startswith("colour contrast of brand_text #777777 on brand #1d4e89 (header and filled buttons) is ")
    # 4.0:1 on white, less on the shaded boxes: one fault (the brand colour is too light), so one message naming both
    [light] = contrast_problems("#ff0000", "#000000")
    assert "on the page background #ffffff (links and outlined buttons) is 4.00:1, and of brand #ff0000 as text on " \
           "the shaded boxes" in light


def test_the_repository_course_its_translation_and_editions_pass_check():
    result = CliRunner().invoke(main, ["check", "--source", str(REPO)])
    assert result.exit_code == 0, result.stderr
    assert "2 editions — no errors" in result.output


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_the_example_editions_build_valid_packages(tmp_path, schemas_dir, version):
    results = build_editions(REPO, tmp_path, version, "all")
    assert [r.edition for r in results] == ["eksempel-kommune", "eksempel-nynorsk"]
    for result, organisation, language in zip(results, ("Eksempel kommune", "Døme kommune"), ("nb", "nn")):
        [built] = result.built
        assert xsd_errors(schemas_dir, version, zipfile.ZipFile(built.path).read("imsmanifest.xml")) == []
        html = page(built.path)
        assert f'alt="{organisation}"' in html and "{{" not in html
        assert f'<html lang="{language}">' in html


def test_a_fault_in_a_later_edition_leaves_the_output_folder_untouched(course, tmp_path):
    (course / "editions/fjord/edition.yaml").write_text("id: fjord\norganisation: Fjord kommune\nfarge: blå\n",
                                                        encoding="utf-8")
    out = tmp_path / "dist"
    out.mkdir()
    (out / "demo-bygd-scorm12.zip").write_bytes(b"an earlier build")
    with pytest.raises(SourceError) as caught:
        build_editions(course, out, "1.2", "all")
    assert [p.message for p in caught.value.problems] == [
        "unknown field 'farge' in edition; known fields: id, organisation, language, title, logo, colours, contacts, "
        "links, lessons, tracking"]
    assert [(p.name, p.read_bytes()) for p in out.iterdir()] == [("demo-bygd-scorm12.zip", b"an earlier build")]


def test_the_preview_builds_the_edition(course):
    from builder.preview.memory import Builds

    state = Builds(course, "fjord").rebuild()
    assert state.error is None and state.package.title == "Demokurs på nynorsk – Fjord kommune"
    assert "MANIFEST-demo-fjord" in state.package.files["1.2"]["imsmanifest.xml"].decode()


def test_a_nynorsk_edition_is_not_built_from_a_translation_out_of_step(course, tmp_path):
    quiz = course / "translations/nn/quizzes/demo-quiz.yaml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("answer: true", "answer: false"), encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        build_editions(course, tmp_path, "1.2", "fjord")
    assert [p.message for p in caught.value.problems] == [
        "question 'q-tf' differs from the bokmål question in answer; a translation may change only the texts"]
    assert [r.edition for r in build_editions(course, tmp_path, "1.2", "bygd")] == ["bygd"]  # bokmål is not held up


def test_an_unreadable_course_yaml_hides_no_edition_lesson_problem(course, monkeypatch):
    """course.yaml does not parse: the edition's own lesson and the placeholders of the lessons are checked all the
    same, with the language course.yaml names."""
    (course / "course" / "course.yaml").write_text(
        (course / "course" / "course.yaml").read_text(encoding="utf-8").replace("title: Demokurs", 'title: "Demokurs'),
        encoding="utf-8")
    local = course / "editions" / "bygd" / "hos-oss.md"
    local.write_text(local.read_text(encoding="utf-8") + "\n![Et kart](media/kart.png)\n", encoding="utf-8")
    lesson = course / "course" / "lessons" / "02-second.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\nSpør {{ ukjent }}.\n", encoding="utf-8")
    monkeypatch.chdir(course)
    result = CliRunner().invoke(main, ["check", "--source", "."])
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert any(e.startswith("course/course.yaml:2:1: error: YAML syntax error") for e in errors), result.stderr
    assert any(e.startswith("editions/bygd/hos-oss.md:") and "'media/kart.png' not found" in e for e in errors)
    assert any(e.startswith("course/lessons/02-second.md:") and "unknown placeholder '{{ ukjent }}'" in e
               for e in errors)
    assert len(errors) == 3, result.stderr
