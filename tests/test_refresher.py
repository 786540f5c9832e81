"""`build --refresher` (docs/refresher.md): the ten-minute package made from the course's own sources, and with
`--from` the quiz that leans to what the organisation's staff got wrong. Measured on the real course, through the
Python port of the runtime's draw."""

from __future__ import annotations

import functools
import hashlib
import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from markupsafe import escape

from builder import refresher as rf
from builder.build import build, load_checked
from builder.cli import main
from builder.quality.draw import DrawRule, drawn_questions
from builder.validate import validate_zip
from builder.words import counted, say
from tests.conftest import REPO

SEEDS = range(2000)


@functools.cache
def course(edition: str | None = None):
    return load_checked(REPO, edition)[0]


def results(path: Path, version: str = "3.0.0", extra: dict | None = None) -> Path:
    """An item analysis as `report --json` writes it: every question answered 100 times, and no two with the same
    share wrong, in an order the ids' hashes fix (so the most missed are spread over the lessons)."""
    spread = sorted(course().quiz.questions, key=lambda q: hashlib.sha256(q.id.encode()).hexdigest())
    questions = [{"id": q.id, "right_answer_recorded": "a", "text": q.text, "answered": 100, "right": 100 - wrong,
                  "difficulty": None, "discrimination": None, "quiz_attempts": 100, "flags": []}
                 for wrong, q in enumerate(spread)] + [(extra or {})] * bool(extra)
    path.write_text(json.dumps({"course": course().title, "version": version, "questions": questions},
                               ensure_ascii=False), encoding="utf-8")
    return path


def draws(quiz) -> list[list[str]]:
    rule = DrawRule.of(quiz)
    return [[quiz.questions[i].id for i in drawn_questions(rule, seed)] for seed in SEEDS]


def topics(quiz, ids) -> set[str]:
    by_id = {q.id: q.topic for q in quiz.questions}
    return {by_id[i] for i in ids}


# --- what it holds --------------------------------------------------------------------------------------------

def test_each_lesson_is_one_page_of_its_objectives_husk_boxes_and_selfcheck(tmp_path):
    made = rf.refresher(course()).course
    assert [lesson.id for lesson in made.lessons] == [lesson.id for lesson in course().lessons]
    _, [built] = build(REPO, tmp_path, "1.2", derive=lambda c: rf.refresher(c).course)
    page = zipfile.ZipFile(built.path).read("index.html").decode()
    husk = sum(t.type == "container_block_open" and t.info.strip() == "husk"
               for lesson in course().lessons for t in lesson.document)
    assert husk >= len(course().lessons) and page.count('class="callout callout-husk"') == husk
    assert 'callout-case' not in page and 'class="source-list"' not in page  # the cases and sources stay home
    # «tell til tre», as in the course
    assert page.count('<section class="selfcheck" data-selfcheck') == 1 and "Før du publiserer" in page
    for lesson in course().lessons:
        for objective in lesson.objectives:
            assert f"<li>{escape(objective)}</li>" in page
    assert say("refresher.from_results", "nb") not in page  # only when the quiz was made from results


def test_it_takes_about_ten_minutes_from_the_lessons_minutes_and_the_time_per_question():
    made = rf.refresher(course())
    draw = made.course.quiz.draw_count
    assert 9 * 60 <= made.seconds <= 11 * 60
    pages = made.seconds - draw * rf.SECONDS_PER_QUESTION
    # the pages are read at each lesson's own pace: far shorter than the lessons, and the time left is the quiz's
    assert 0 < pages < sum(lesson.minutes for lesson in course().lessons) * 60 / 4
    assert draw == max(len(course().quiz.required_topics), (rf.TARGET_MINUTES * 60 - pages) // rf.SECONDS_PER_QUESTION)
    assert all(page.minutes <= lesson.minutes for page, lesson in zip(made.course.lessons, course().lessons))


def test_it_is_tracked_like_the_course_under_its_own_identity():
    made = rf.refresher(course()).course
    assert made.tracking == course().tracking and made.passing_score == course().passing_score
    assert made.title == say("refresher.title", "nb", title=course().title) and made.version == course().version
    assert made.package_id == f"{course().package_id}-refresher"
    assert course().id == "sosiale-medier" and len(course().lessons[0].document) > 10  # the course is left as it was


def test_a_nynorsk_edition_gets_a_nynorsk_refresher():
    made = rf.refresher(course("eksempel-nynorsk")).course
    assert made.title.endswith("– oppfrisking") and made.language == "nn"
    assert made.package_id not in {course("eksempel-nynorsk").package_id, course().package_id}
    assert say("refresher.intro", "nn", questions=made.quiz.draw_count, minutes=10) in \
        made.lessons[0].document[1].content


# --- the quiz -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("edition", [None, "eksempel-nynorsk"])
def test_every_attempt_covers_every_required_topic(tmp_path, edition):
    quiz = rf.refresher(course(edition)).course.quiz
    leaning = rf.refresher(course(edition), rf.read_results(results(tmp_path / "r.json"))).course.quiz
    required = set(course(edition).quiz.required_topics)
    assert required
    for made in (quiz, leaning):
        for ids in draws(made):
            assert len(ids) == made.draw_count and required <= topics(made, ids)


def test_with_results_the_draw_leans_to_what_staff_got_wrong_as_declared(tmp_path):
    report = rf.read_results(results(tmp_path / "r.json"))
    plain = rf.refresher(course()).course.quiz
    leaning = rf.refresher(course(), report).course.quiz
    draw = leaning.draw_count
    ranked = sorted(course().quiz.questions, key=lambda q: -report.share_wrong(q.id))
    worst = {q.id for q in ranked[:draw]}

    def share(quiz) -> float:
        drawn = [i for ids in draws(quiz) for i in ids]
        return sum(i in worst for i in drawn) / len(drawn)

    # declared: the pool is the LEAN × draw most missed, plus each required topic's most missed when none is there
    declared = {q.id for q in ranked[:rf.LEAN * draw]}
    for topic in course().quiz.required_topics:
        if not any(q.topic == topic and q.id in declared for q in course().quiz.questions):
            declared.add(next(q.id for q in ranked if q.topic == topic))
    drawn = {i for ids in draws(leaning) for i in ids}
    required = set(course().quiz.required_topics)
    # what the runtime's draw reaches of that pool: each required topic's questions there, and the rest when the
    # draw is larger than the topics (in the real course they fill it: ten minutes leave room for one per topic)
    reached = {q.id for q in course().quiz.questions if q.id in declared
               and (q.topic in required or draw > len(required))}
    assert drawn == reached
    assert share(plain) < 0.15 and share(leaning) > 3 * share(plain), (share(plain), share(leaning))


def test_the_page_says_the_quiz_was_made_from_the_organisations_results_and_names_no_one(tmp_path):
    made = rf.refresher(course(), rf.read_results(results(tmp_path / "r.json"))).course
    first = made.lessons[0].document
    assert any(say("refresher.from_results", "nb") in t.content for t in first if t.type == "inline")
    assert made.version.startswith(f"{course().version}+")  # another pool: saved answers are not resumed into it


def test_ids_from_elsewhere_and_another_version_are_warned_about(tmp_path):
    path = results(tmp_path / "r.json", version="2.0.0", extra={"id": "gone-question", "answered": 3, "right": 0})
    made = rf.refresher(course(), rf.read_results(path))
    assert [w.code for w in made.warnings] == ["unknown-ids", "other-version"]
    assert "gone-question" in made.warnings[0].message and all(w.severity == "warning" for w in made.warnings)
    assert "gone-question" not in {q.id for q in made.course.quiz.questions}


def test_results_that_match_nothing_leave_the_whole_pool_and_say_nothing_of_results(tmp_path):
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"version": "3.0.0", "questions": [{"id": "other", "answered": 9, "right": 1}]}))
    made = rf.refresher(course(), rf.read_results(path))
    assert [w.code for w in made.warnings] == ["unknown-ids", "no-results"]
    assert len(made.course.quiz.questions) == len(course().quiz.questions)
    assert all(say("refresher.from_results", "nb") not in t.content for t in made.course.lessons[0].document)


# --- the command ----------------------------------------------------------------------------------------------

def manifest_ids(zip_path: Path) -> set[str]:
    root = etree.fromstring(zipfile.ZipFile(zip_path).read("imsmanifest.xml"))
    return {node.get("identifier") for node in root.iter() if node.get("identifier")}


def test_validate_accepts_both_packages_and_their_identifiers_are_not_the_courses(tmp_path):
    args = ["build", "--source", str(REPO), "--scorm", "all"]
    runner = CliRunner()
    assert runner.invoke(main, [*args, "--out", str(tmp_path / "course")]).exit_code == 0
    result = runner.invoke(main, [*args, "--out", str(tmp_path / "r"), "--refresher",
                                  "--from", str(results(tmp_path / "r.json"))])
    assert result.exit_code == 0, result.output
    assert say("refresher.built", "en", pages=7, questions=4, pool=12, minutes=10).split(",")[0] in result.output
    for suffix in ("scorm12", "scorm2004"):
        [made] = (tmp_path / "r").glob(f"*-{suffix}.zip")
        [plain] = (tmp_path / "course").glob(f"*-{suffix}.zip")
        report = validate_zip(made)
        assert report.count("error") == report.count("warning") == 0, report.findings
        assert report.xsd == "valid"
        assert manifest_ids(made).isdisjoint(manifest_ids(plain)) and len(manifest_ids(made)) == 4


def test_rebuilds_are_byte_identical(tmp_path):
    report = str(results(tmp_path / "r.json"))
    zips = []
    for n in (1, 2):
        args = ["build", "--source", str(REPO), "--scorm", "all", "--out", str(tmp_path / str(n)), "--refresher"]
        assert CliRunner().invoke(main, [*args, "--from", report]).exit_code == 0
        zips.append({p.name: p.read_bytes() for p in (tmp_path / str(n)).glob("*.zip")})
    assert len(zips[0]) == 2 and zips[0] == zips[1]


def test_every_edition_gets_its_refresher(tmp_path):
    result = CliRunner().invoke(main, ["build", "--source", str(REPO), "--edition", "all", "--refresher",
                                       "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.glob("*.zip")) == [
        "sosiale-medier-refresher-eksempel-kommune-scorm12.zip",
        "sosiale-medier-refresher-eksempel-nynorsk-scorm12.zip"]
    assert result.output.count("refresher: ") == 2


@pytest.mark.parametrize("language", ["nb", "nn", "en"])
@pytest.mark.parametrize(("content", "code", "place"), [
    (None, "report-missing", ""),
    ('{"questions": [\n  {"id": "a", "answered": 2,}\n]}', "not-json", ":2:29:"),
    ("[1, 2]", "not-a-report", ""),
    ('{"questions": [{"id": "a", "answered": 2, "right": 3}]}', "not-a-report", ""),
    (b"\xff\xfe{}", "not-a-report", ""),
])
def test_bad_input_is_refused_with_its_code_and_nothing_is_built(tmp_path, language, content, code, place):
    path = tmp_path / "report.json"
    if content is not None:
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["--lang", language, "build", "--source", str(REPO), "--out", str(out),
                                       "--refresher", "--from", str(path)])
    assert result.exit_code == 1 and not out.exists() and "Traceback" not in result.output
    message = re.escape(say(f"refresher.{code}", language, where="§").split("§")[0])
    assert re.search(rf"report\.json{place}.*{message}.*\[{code}\]", result.output), result.output
    assert counted("cli.nothing_built", 1, language) in result.output


def test_from_without_refresher_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["build", "--source", str(REPO), "--out", str(tmp_path / "out"),
                                       "--from", str(results(tmp_path / "r.json"))])
    assert result.exit_code == 2 and say("refresher.from_needs_refresher", "en") in result.output


def test_the_smaller_quiz_still_keeps_guessers_under_the_courses_ceiling(tmp_path):
    """Four questions are easier to guess than fifteen: the quality checks' guessers must still fail it."""
    from builder.quality.guesser import course_guess, guess_problems

    for made in (rf.refresher(course()), rf.refresher(course(), rf.read_results(results(tmp_path / "r.json")))):
        figures = course_guess(made.course)
        assert figures.asked == made.course.quiz.draw_count
        assert guess_problems(made.course, figures) == []


# --- the boundaries of the rule -------------------------------------------------------------------------------

def report_of(path: Path, questions: list[dict]) -> rf.Results:
    path.write_text(json.dumps({"version": "3.0.0", "questions": questions}), encoding="utf-8")
    return rf.read_results(path)


def test_a_question_nobody_answered_is_read_and_a_negative_count_is_refused(tmp_path):
    """The report lists a question no one has met yet with 0 answers: that is a report, not a broken one."""
    assert report_of(tmp_path / "r.json", [{"id": "a", "answered": 0, "right": 0}]).answers == {"a": (0, 0)}
    with pytest.raises(rf.SourceError) as refused:
        report_of(tmp_path / "r.json", [{"id": "a", "answered": -1, "right": 0}])
    assert "questions[0].answered" in refused.value.problems[0].message


def test_exactly_min_answers_counts_as_enough_and_one_fewer_yields_to_those_that_have_them(tmp_path):
    """MIN_ANSWERS answers are enough to rank a question by its share wrong; with one fewer, a question everyone
    missed still comes after those with enough answers (MIN_ANSWERS is the item analysis's own threshold)."""
    enough, few = "loj-terskel", "loj-skarp-kritikk"  # lojalitet has six questions and is no required topic
    answers = {q.id: (100, 10) for q in course().quiz.questions}
    answers |= {enough: (rf.MIN_ANSWERS, rf.MIN_ANSWERS), few: (rf.MIN_ANSWERS - 1, rf.MIN_ANSWERS - 1)}
    pool, _ = rf.leaning_pool(course(), rf.Results(tmp_path / "r.json", "3.0.0", answers), draw=1)
    ids = {q.id for q in pool}
    assert enough in ids and few not in ids


@pytest.mark.parametrize(("unknown", "shown"), [(5, "a1, a2, a3, a4, a5"), (6, "a1, a2, a3, a4, a5 …")])
def test_the_warning_names_five_unknown_ids_and_marks_that_there_are_more(tmp_path, unknown, shown):
    questions = [{"id": f"a{n}", "answered": 3, "right": 1} for n in range(1, unknown + 1)]
    made = rf.refresher(course(), report_of(tmp_path / "r.json", questions))
    assert made.warnings[0].message == say("refresher.unknown-ids", n=unknown, ids=shown)
