"""`kursbygger publish`: the handout and the facilitator guide hold the whole course, checked against the loaded
model; course/discussion.yaml is checked like every source file; the PDFs open and have sensible lengths."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

from builder.course import markdown
from builder.build import load_checked
from builder.course.discussion import load_discussion
from builder.publish.documents import render_guide, render_handout
from tests.conftest import GOOD, REPO


@pytest.fixture(scope="module")
def course():
    return load_checked(REPO)[0]


@pytest.fixture(scope="module")
def discussion(course):
    material, problems = load_discussion(course)
    assert problems == [] and material is not None
    return material


def text_of(html: str) -> str:
    return " ".join(lxml.html.fromstring(html).text_content().split())


def squeeze(text: str) -> str:
    return " ".join(text.split())


def assert_whole_course(course, html: str) -> None:
    text = text_of(html)
    for lesson in course.lessons:
        assert squeeze(lesson.title) in text, lesson.id
        for objective in lesson.objectives:
            assert squeeze(objective) in text, (lesson.id, objective)
    cited = markdown.cited_sources(course)
    assert cited, "the course cites sources"
    for source in cited:
        assert squeeze(source.title) in text, source.id
        if source.url:
            assert source.url in text, f"the address of {source.id} is printed"


def test_handout_holds_every_lesson_objective_and_source_with_its_address(course):
    assert_whole_course(course, render_handout(course))


def test_guide_holds_every_lesson_objective_source_and_the_discussion(course, discussion):
    html = render_guide(course, discussion)
    assert_whole_course(course, html)
    text = text_of(html)
    for material in discussion.lessons:
        for line in [*material.questions, material.case.title, material.case.text, *material.notes]:
            assert squeeze(line) in text
    for aim in discussion.aims:
        assert squeeze(aim) in text
    for step in discussion.runsheet:
        assert squeeze(step.activity) in text


def test_guide_run_sheet_shows_the_clock(course, discussion):
    rows = lxml.html.fromstring(render_guide(course, discussion)).xpath("//table[@class='runsheet']/tbody/tr")
    times = [row.xpath("td")[0].text_content() for row in rows]
    assert times[0].startswith("0–") and times[-1].endswith(f"–{discussion.minutes} min")


def test_handout_prints_the_self_check_as_a_checklist_and_images_with_captions(course):
    tree = lxml.html.fromstring(render_handout(course))
    steps = tree.xpath("//ol[@class='selfcheck-steps']/li//p[@class='selfcheck-question']")
    questions = [squeeze(q.text_content()) for q in steps]
    expected, captions = [], []
    for lesson in course.lessons:
        for token in lesson.document:
            if token.type == "fence" and token.info.strip() == "selfcheck":
                expected += [squeeze(step.question) for step in markdown.selfcheck(token.content)[0].steps]
            for child in token.children or []:
                if child.type == "image" and child.attrGet("title"):
                    captions.append(squeeze(str(child.attrGet("title"))))
    assert expected and questions == expected
    assert captions and [squeeze(c.text_content()) for c in tree.xpath("//figure/figcaption")] == captions


def test_handout_is_self_contained(course):
    html = render_handout(course)
    tree = lxml.html.fromstring(html)
    sources = [img.get("src") for img in tree.iter("img")]
    assert sources and all(src.startswith("data:image/") for src in sources)
    assert not tree.xpath("//link|//script|//iframe|//object|//embed")
    assert not re.search(r"url\(|@import", html)
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']")[0].get("content")
    assert "default-src 'none'" in csp and "img-src data:" in csp


def test_reviewed_date_and_contacts_appear_when_the_model_has_them():
    undated = load_checked(REPO)[0]
    undated.reviewed = None
    assert "Faglig kontrollert" not in text_of(render_handout(undated))
    dated = load_checked(REPO)[0]
    dated.reviewed = datetime.date(2026, 3, 1)
    text = text_of(render_handout(dated, contacts=["Personalavdelingen, personal@kommunen.no"]))
    assert re.search(r"Faglig kontrollert\s*01\.03\.2026", text)  # written as the course pages write it
    assert "personal@kommunen.no" in text


def test_real_course_has_discussion_material_for_every_lesson(course, discussion):
    assert [m.lesson for m in discussion.lessons] == [lesson.id for lesson in course.lessons]
    for material in discussion.lessons:
        assert 2 <= len(material.questions) <= 3, material.lesson
        assert material.notes, material.lesson
    assert sum(step.minutes for step in discussion.runsheet) == discussion.minutes == 45


def copy_course(tmp_path: Path) -> Path:
    for folder in ("course", "quizzes"):
        shutil.copytree(REPO / folder, tmp_path / folder)
    return tmp_path


def check(source: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "builder", "check", "--source", str(source)],
                          capture_output=True, text=True, cwd=source)


@pytest.mark.parametrize("old, new, expected, marker", [
    ("  - lesson: fellene\n", "  - lesson: felene\n",
     r"course/discussion\.yaml:\d+:13: error: discussion material for lesson 'felene', which the course does not "
     r"have; did you mean 'fellene'\?", "lesson: felene"),
    ("      - Hvilke opplysninger om innbyggerne", "      - ''\n      - Hvilke opplysninger om innbyggerne",
     r"course/discussion\.yaml:\d+:9: error: entry 1 of lesson discussion field 'questions' must not be empty", "- ''"),
    ("  - lesson: fellene\n", "  - lesson: ytringsfrihet\n",
     r"course/discussion\.yaml:\d+:13: error: lesson 'ytringsfrihet' has discussion material twice; merge the two "
     r"entries", "lesson: ytringsfrihet"),
    ("minutes: 45\n", "minutes: 60\n",
     r"course/discussion\.yaml:\d+:\d+: error: the run-sheet adds up to 45 minutes but the meeting is 60 minutes",
     "- minutes: 5"),
])
def test_check_reports_discussion_problems_with_their_place(tmp_path, old, new, expected, marker):
    source = copy_course(tmp_path)
    path = source / "course" / "discussion.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = check(source)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(expected, result.stderr), result.stderr
    line = int(re.search(r"discussion\.yaml:(\d+):", result.stderr).group(1))
    assert marker in path.read_text(encoding="utf-8").splitlines()[line - 1]


def test_a_course_without_discussion_material_gets_a_handout_only(tmp_path):
    result = subprocess.run([sys.executable, "-m", "builder", "publish", "--source", str(GOOD), "--out",
                             str(tmp_path), "--no-audit"], capture_output=True, text=True,
                            env={**os.environ, "CHROMIUM": str(tmp_path / "no-chromium")})
    assert (tmp_path / "demo-handout.html").is_file() and not (tmp_path / "demo-guide.html").exists()
    assert "no facilitator guide" in result.stdout


def test_without_chromium_the_html_is_written_and_the_message_is_clear(tmp_path):
    result = subprocess.run([sys.executable, "-m", "builder", "publish", "--source", str(REPO), "--out",
                             str(tmp_path), "--no-audit"], capture_output=True, text=True,
                            env={**os.environ, "CHROMIUM": str(tmp_path / "no-chromium")})
    assert result.returncode == 1
    assert "Chromium not found" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "sosiale-medier-handout.html").is_file() and (tmp_path / "sosiale-medier-guide.html").is_file()
    assert not list(tmp_path.glob("*.pdf"))


@pytest.mark.browser
def test_pdfs_open_with_page_numbers_and_a_sensible_length(tmp_path, course):
    from pypdf import PdfReader

    result = subprocess.run([sys.executable, "-m", "builder", "publish", "--source", str(REPO), "--out",
                             str(tmp_path), "--no-audit"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    handout = PdfReader(tmp_path / "sosiale-medier-handout.pdf")
    # a cover page, then every lesson starts on a new page
    assert len(course.lessons) + 2 <= len(handout.pages) <= 4 * len(course.lessons) + 2
    first = handout.pages[0].extract_text()
    assert course.title.split(" – ")[0] in first and f"1 / {len(handout.pages)}" in first
    assert "/StructTreeRoot" in handout.trailer["/Root"], "a tagged PDF"
    # the outline (from the headings) finds each lesson at the top of its own page
    entries = {re.sub(r"\s", "", item.title): handout.get_destination_page_number(item)
               for item in flatten(handout.outline)}
    pages = [entries[re.sub(r"\s", "", f"{n}. {lesson.title}")] for n, lesson in enumerate(course.lessons, 1)]
    assert pages == sorted(set(pages))
    for n, page in enumerate(pages, 1):
        assert handout.pages[page].extract_text().startswith(f"{n}. ")
    guide = PdfReader(tmp_path / "sosiale-medier-guide.pdf")
    assert 4 <= len(guide.pages) <= 3 * len(course.lessons) + 4
    assert "Kjøreplan" in guide.pages[0].extract_text()


def flatten(outline: list) -> list:
    return [entry for item in outline for entry in (flatten(item) if isinstance(item, list) else [item])]


def test_an_edition_is_published_with_its_name_and_contacts(tmp_path):
    from tests.broken_courses import with_editions

    source = with_editions(tmp_path / "course")
    result = subprocess.run([sys.executable, "-m", "builder", "publish", "--source", str(source), "--edition", "bygd",
                             "--out", str(tmp_path / "out"), "--no-audit"], capture_output=True, text=True,
                            env={**os.environ, "CHROMIUM": str(tmp_path / "no-chromium")})
    assert "Traceback" not in result.stderr
    assert (tmp_path / "out" / "demo-bygd-scorm12.zip").is_file()
    handout = text_of((tmp_path / "out" / "demo-bygd-handout.html").read_text(encoding="utf-8"))
    assert "Bygd kommune" in handout
    assert "Personvernombudet: personvernombudet, personvern@bygd.example.no" in handout
    assert "Varslingskanalen: https://bygd.example.no/varsling" in handout


def test_a_nynorsk_edition_gets_the_nynorsk_discussion_material(tmp_path):
    result = subprocess.run([sys.executable, "-m", "builder", "publish", "--source", str(REPO), "--edition",
                             "eksempel-nynorsk", "--out", str(tmp_path), "--no-audit"], capture_output=True, text=True,
                            env={**os.environ, "CHROMIUM": str(tmp_path / "no-chromium")})
    assert "Traceback" not in result.stderr
    guide = text_of((tmp_path / "sosiale-medier-eksempel-nynorsk-guide.html").read_text(encoding="utf-8"))
    translated = (REPO / "translations/nn/course/discussion.yaml").read_text(encoding="utf-8")
    first_aim = re.search(r"^aims:\n  - (.+)$", translated, re.M).group(1)
    assert squeeze(first_aim) in squeeze(guide)
