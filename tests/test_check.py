"""Every broken course gives its specific message at the right line, exit 1, no traceback and no zip."""

from __future__ import annotations

import re
import shutil

import pytest
from click.testing import CliRunner

from builder.course.check import check_course
from builder.cli import main
from builder.course.load import load_course
from builder.words import say
from tests.broken_courses import CASES, expected, make_case
from tests.conftest import GOOD

LINE = re.compile(r"^(?P<path>[^:]+):(?:(?P<line>\d+):\d+:)? error: (?P<message>.*)$")  # no line: the whole file


def test_corpus_is_large_enough():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES)
def test_broken_course_is_reported(case, tmp_path, monkeypatch):
    source = make_case(case, tmp_path / "course")
    dist = source / "dist"
    dist.mkdir()
    earlier = dist / "demo-scorm12.zip"
    earlier.write_bytes(b"an earlier build")
    monkeypatch.chdir(source)
    result = CliRunner().invoke(main, ["build", "--source", "."])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    reported = [LINE.match(line).groupdict() for line in result.stderr.splitlines() if LINE.match(line)]
    for want in expected(case):
        assert any(r["path"] == want.path and r["line"] == want.line and want.fragment in r["message"]
                   for r in reported), f"expected {want!r} in:\n{result.stderr}"
    # expected.txt lists every error: one root cause gives one message, not a cascade
    assert len(reported) == len(expected(case)), result.stderr
    assert earlier.read_bytes() == b"an earlier build"  # the previous zip is untouched
    assert sorted(p.name for p in dist.iterdir()) == ["demo-scorm12.zip"]  # and nothing new was written


def test_check_shows_every_file_s_problems_in_one_pass(tmp_path, monkeypatch):
    """A YAML syntax error in one file, model errors and rule errors in others: all in one run of `check`, each at
    its line, and nothing said twice although `check` loads the core course again for each edition."""
    source = make_case("course-yaml-unreadable-others-checked", tmp_path / "course")
    lesson = source / "course" / "lessons" / "02-second.md"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("minutes: ", "minutes: mange #", 1) + "\n![En figur](media/x.svg)\n",
                      encoding="utf-8")
    monkeypatch.chdir(source)
    result = CliRunner().invoke(main, ["check", "--source", "."])
    assert result.exit_code == 1 and "Traceback" not in result.output
    errors = sorted(line for line in result.stderr.splitlines() if ": error: " in line)
    assert [e.split(": error: ")[0].split(":")[0] for e in errors] == [
        "course/course.yaml", "course/lessons/01-first.md", "course/lessons/02-second.md",
        "course/lessons/02-second.md", "quizzes/demo-quiz.yaml"], result.stderr
    assert "field 'minutes' must be a whole number" in result.stderr  # a model error in a lesson
    assert "'media/x.svg' not found" in result.stderr  # a rule error in the same lesson's body
    assert len(set(errors)) == len(errors)


def test_model_and_rule_errors_come_in_the_same_round(tmp_path):
    """A type error (loading) and a rule across files (check_course) used to need two runs: the rules waited for a
    course that loaded without errors."""
    source = make_case("misspelt-key", tmp_path / "course")
    lesson = source / "course" / "lessons" / "01-first.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("sources: [grl-100]", "sources: [grl-1000]"),
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--source", str(source)])
    assert "pasing_score" in result.stderr  # the model error
    assert "cites source 'grl-1000', which is not in the course's 'sources' list" in result.stderr  # the rule error


def test_too_large_file_is_refused(tmp_path):
    source = make_case("unknown-key", tmp_path / "course")
    (source / "course" / "lessons" / "03-huge.md").write_text("---\nid: x\n---\n" + "a" * 2_100_000, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--source", str(source)])
    assert result.exit_code == 1
    assert re.search(r"03-huge\.md:1:1: error: file is 2,1\d\d,\d{3} bytes; the limit is 2,000,000 bytes", result.stderr)


def test_good_course_has_no_problems():
    result = CliRunner().invoke(main, ["check", "--source", str(GOOD)])
    assert result.exit_code == 0, result.output
    assert "demo: 2 lessons, 4 questions — no errors" in result.output


def test_every_problem_is_reported_at_once(tmp_path):
    source = make_case("misspelt-key", tmp_path / "course")
    lesson = source / "course" / "lessons" / "01-first.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("minutes: 3", "minutes: tre"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--source", str(source)])
    assert "pasing_score" in result.stderr and "'minutes' must be a whole number" in result.stderr


def test_a_course_without_lessons_is_refused(tmp_path):
    source = shutil.copytree(GOOD, tmp_path / "course")
    for lesson in (source / "course" / "lessons").iterdir():
        lesson.unlink()
    result = CliRunner().invoke(main, ["check", "--source", str(source)])
    assert result.exit_code == 1
    assert "course/course.yaml:1:1: error: the course has no lessons; add Markdown files to course/lessons/" in \
        result.stderr.replace(str(source) + "/", "")


def test_the_list_limits_accept_their_largest_size(tmp_path):
    """26 options, 9 categories and 26 items are allowed; one more of each is a broken course in the corpus."""
    source = shutil.copytree(GOOD, tmp_path / "course")
    quiz = source / "quizzes" / "demo-quiz.yaml"
    text = quiz.read_text(encoding="utf-8")
    options = "".join(f"      - text: Svar {i}\n" for i in range(1, 26))
    text = text.replace("      - text: Bare ledere\n        feedback: Ytringsfriheten gjelder alle.\n"
                        "      - text: Ingen ansatte\n", options)
    categories = "".join(f"      - {{id: k{i}, text: Kategori {i}}}\n" for i in range(7))
    text = text.replace("      - {id: ikke-ok, text: Ikke greit}\n", "      - {id: ikke-ok, text: Ikke greit}\n" + categories)
    items = "".join(f"      - {{id: ting-{i}, text: Ting {i}, category: k{i % 7}}}\n" for i in range(24))
    text = text.replace("      - {id: satire, text: Satire om kommunedirektøren, category: ok}\n", items)
    quiz.write_text(text, encoding="utf-8")
    course, problems = load_course(source)
    assert problems == []
    sort = next(q for q in course.quiz.questions if q.type == "sort")
    single = next(q for q in course.quiz.questions if q.type == "single")
    assert (len(single.options), len(sort.categories), len(sort.items)) == (26, 9, 26)
    assert check_course(course) == []


def test_lesson_and_question_counts_are_limited(monkeypatch):
    """The real limits (1000 lessons, 5000 questions) lowered, so the good course is over both."""
    monkeypatch.setattr("builder.course.load.MAX_LESSONS", 1)
    monkeypatch.setattr("builder.course.load.MAX_QUESTIONS", 3)
    _, problems = load_course(GOOD)
    found = {(p.where.path.name, p.code, p.message) for p in problems}
    assert ("lessons", "source.course.too-many-lessons", say("source.course.too-many-lessons", n=2, limit=1)) in found
    assert ("demo-quiz.yaml", "source.quiz.too-many-questions",
            say("source.quiz.too-many-questions", n=4, limit=3)) in found


def lesson_with(tmp_path, text: str):
    source = shutil.copytree(GOOD, tmp_path / "course")
    lesson = source / "course" / "lessons" / "01-first.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")
    course, problems = load_course(source)
    assert problems == []
    return course, [p for p in check_course(course) if p.where.path.name == "01-first.md"]


@pytest.mark.parametrize("text, found", [
    ("Alle har <b>ytringsfrihet</b>.", "<b>"),
    ('Se <span class="x">her</span>.', '<span class="x">'),
    ("<div>\nEn blokk.\n</div>", "<div>"),
    ("<!-- en merknad -->", "<!-- en merknad -->"),
])
def test_raw_html_is_refused(tmp_path, text, found):
    _, problems = lesson_with(tmp_path, text)
    assert [p.message for p in problems] == [
        f"raw HTML is not allowed in lessons; write Markdown instead (found '{found}')"]
    assert problems[0].where.line == 17  # the line after the good lesson's last one


@pytest.mark.parametrize("text, shown", [
    ("Hvis a <b og b <c, er a <c.", "Hvis a &lt;b og b &lt;c, er a &lt;c."),
    ("Prisen er <100 kr.", "Prisen er &lt;100 kr."),
    ("Skriv `<b>` for fet skrift.", "<code>&lt;b&gt;</code>"),
    ("Se <https://lovdata.no>.", '<a href="https://lovdata.no"'),
])
def test_text_that_only_looks_like_html_is_accepted(tmp_path, text, shown):
    from builder.course.markdown import render_lesson

    course, problems = lesson_with(tmp_path, text)
    assert problems == []
    assert shown in render_lesson(course, course.lessons[0])
