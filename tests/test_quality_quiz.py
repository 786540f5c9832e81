"""The quiz quality checks (builder/quality/, issue 24): each cue planted in a quiz fires its coded warning at the
question and a balanced twin stays silent; the guesser equals a closed-form computation and is deterministic;
required topics are checked at load and hold in every draw; `check --quality` and `--strict`."""

from __future__ import annotations

import itertools
import json
import math
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from builder.build import check_all, load_checked
from builder.cli import main
from builder.course.problems import SourceError
from builder.quality import cues, guesser
from builder.quality.draw import DrawRule, drawn_questions
from builder.outputs.render import course_data
from builder.course.translations import check_translations
from tests.broken_courses import GOOD, with_editions

LONG = "Et svar som er skrevet ut i mye større bredde enn de andre"


def single(qid, key, *others, lesson="first"):
    options = [{"text": key, "correct": True}] + [{"text": o, "feedback": "Nei."} for o in others]
    return {"id": qid, "lesson": lesson, "type": "single", "text": f"Spørsmål {qid}?", "options": options}


def multiple(qid, *options, lesson="second"):
    return {"id": qid, "lesson": lesson, "type": "multiple", "text": f"Spørsmål {qid}?",
            "options": [{"text": text, "correct": right} for text, right in options]}


def true_false(qid, text, answer, lesson="first"):
    return {"id": qid, "lesson": lesson, "type": "true-false", "text": text, "answer": answer}


def sort(qid, items, lesson="second"):
    """items: (text, category) pairs; the categories are 'ja' and 'nei'."""
    return {"id": qid, "lesson": lesson, "type": "sort", "text": f"Sorter {qid}.",
            "categories": [{"id": "ja", "text": "Ja"}, {"id": "nei", "text": "Nei"}],
            "items": [{"id": f"i{n}", "text": text, "category": category} for n, (text, category) in enumerate(items)]}


def course_with(tmp_path: Path, questions: list[dict], quiz: dict | None = None, course: dict | None = None) -> Path:
    """The good fixture course with this quiz (and these course.yaml fields)."""
    source = tmp_path / "c"
    shutil.copytree(GOOD, source)
    for q in questions:
        q.setdefault("explanation", "Forklaring.")
    document = {"id": "demo-quiz", "title": "Test", "shuffle": True, **(quiz or {}), "questions": questions}
    (source / "quizzes/demo-quiz.yaml").write_text(
        yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    if course:
        path = source / "course/course.yaml"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, value in course.items():
            if isinstance(value, dict):
                data.setdefault(key, {}).update(value)
            else:
                data[key] = value
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return source


def found(source: Path, code: str):
    return [p for p in load_checked(source, quality=True)[1] if p.code == code]


def line_of(source: Path, text: str) -> int:
    lines = (source / "quizzes/demo-quiz.yaml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if text in line)


# --- the cues: planted, and a balanced twin ------------------------------------------------------------------------

def test_key_clearly_longer_than_every_distractor_is_named_at_the_key(tmp_path):
    source = course_with(tmp_path, [single("q1", LONG, "Et kort svar", "Et annet svar")])
    [problem] = found(source, "quiz-key-longer")
    assert problem.where.line == line_of(source, LONG) and problem.where.path.name == "demo-quiz.yaml"
    assert f"{len(LONG)} characters against at most 13" in problem.message and "(4.5×)" in problem.message
    twin = course_with(tmp_path / "twin", [single("q1", "Et svar av samme lengde", "Et annet svar, like langt",
                                                  "Et tredje svar her")])
    assert found(twin, "quiz-key-longer") == []


def test_key_longest_in_most_questions_is_a_quiz_wide_warning(tmp_path):
    # Longest each time, but never by 1.3×: only the share tells.
    planted = [single(f"q{n}", "Svaret som er lengst", "Svar som er kortere", "Et annet svar") for n in range(6)]
    [problem] = found(course_with(tmp_path, planted), "quiz-key-longest-share")
    assert "6 of 6 single-choice questions (100 %; by chance about 33 %)" in problem.message
    twin = [single(f"q{n}", "Svaret som er lengst" if n < 2 else "Et svar", "Svar som er kortere", "Et annet svar")
            for n in range(6)]
    assert found(course_with(tmp_path / "twin", twin), "quiz-key-longest-share") == []


def test_true_false_statements_that_lean_one_way(tmp_path):
    planted = [true_false(f"t{n}", f"Du kan gjøre ting nummer {n}.", True) for n in range(4)]
    [problem] = found(course_with(tmp_path, planted), "quiz-tf-lean")
    assert "4 of 4 true/false statements are true (100 %)" in problem.message
    twin = [true_false(f"t{n}", f"Du kan gjøre ting nummer {n}.", n % 2 == 0) for n in range(4)]
    assert found(course_with(tmp_path / "twin", twin), "quiz-tf-lean") == []


def test_true_false_answers_that_follow_the_wording(tmp_path):
    planted = [true_false("t1", "Du kan skrive om kommunen.", True), true_false("t2", "Du kan si hvor du jobber.", True),
               true_false("t3", "Du må spørre lederen først.", False),
               true_false("t4", "Du skal ikke kritisere vedtak.", False)]
    [problem] = found(course_with(tmp_path, planted), "quiz-tf-wording")
    assert ("in 4 of 4 statements: those with a restricting word (aldri, forbudt, ikke, må, plikt, skal) are false "
            "in 2 of 2, the others true in 2 of 2") in problem.message
    assert found(course_with(tmp_path / "lean", planted), "quiz-tf-lean") == []  # 2 true, 2 false: no lean
    twin = [true_false("t1", "Du kan skrive om kommunen.", True), true_false("t2", "Du kan dele alt.", False),
            true_false("t3", "Du må spørre lederen først.", False), true_false("t4", "Du må verne taushetsbelagte "
                                                                              "opplysninger.", True)]
    assert found(course_with(tmp_path / "twin", twin), "quiz-tf-wording") == []


def test_cue_thresholds_hold_at_their_boundaries(tmp_path):
    """Each quiz-wide cue at its exact threshold and one step under it (cues.LEAST_SINGLE, LEAN, WORDING, and the
    key share above 1.5 × chance)."""
    from builder.quality import cues

    def longest(n: int, of: int) -> list[dict]:  # the key longest in n of `of` questions, never by 1.3×
        return [single(f"q{i}", "Svaret som er lengst" if i < n else "Et svar", "Svar som er kortere", "Et annet svar")
                for i in range(of)]

    assert cues.LEAST_SINGLE == 5 and cues.LEAN == 0.75 and cues.WORDING == 0.8
    assert found(course_with(tmp_path / "a", longest(5, 5)), "quiz-key-longest-share")  # 5 questions: enough
    assert not found(course_with(tmp_path / "b", longest(4, 4)), "quiz-key-longest-share")  # 4: too few to tell
    # by chance 1/3: 1.5 × chance = 50 %; 3 of 6 is not above it, 4 of 6 is
    assert not found(course_with(tmp_path / "c", longest(3, 6)), "quiz-key-longest-share")
    assert found(course_with(tmp_path / "d", longest(4, 6)), "quiz-key-longest-share")

    def statements(true: int, of: int) -> list[dict]:
        return [true_false(f"t{i}", f"Du kan gjøre ting nummer {i}.", i < true) for i in range(of)]

    assert found(course_with(tmp_path / "e", statements(3, 4)), "quiz-tf-lean")  # 75 %: a lean
    assert found(course_with(tmp_path / "e2", statements(1, 4)), "quiz-tf-lean")  # 75 % false
    assert not found(course_with(tmp_path / "f", statements(5, 7)), "quiz-tf-lean")  # 71 %: not yet

    def worded(agree: int) -> list[dict]:  # five statements, two restricting; `agree` follow «restricting → false»
        texts = [("Du må spørre lederen først.", False), ("Du skal ikke kritisere vedtak.", False),
                 ("Du kan skrive om kommunen.", True), ("Du kan si hvor du jobber.", True), ("Du kan dele bilder.", True)]
        return [true_false(f"t{i}", text, answer if i < agree else not answer) for i, (text, answer) in enumerate(texts)]

    assert found(course_with(tmp_path / "g", worded(4)), "quiz-tf-wording")  # 4 of 5 = 80 %
    assert not found(course_with(tmp_path / "h", worded(3)), "quiz-tf-wording")  # 60 %


def test_per_question_cues_at_their_boundaries(tmp_path):
    """A key exactly 1.3 × every other option stands out, one character less does not; «all but one» starts at
    three options; the guesser's ceiling admits a chance equal to it."""
    from builder.quality import surface

    assert surface.STANDS_OUT == 1.3
    assert surface.stands_out(["a" * 13, "b" * 10, "c" * 9], 0) and not surface.stands_out(["a" * 12, "b" * 10], 0)
    three = multiple("m", ("Et riktig svar", True), ("Et annet riktig svar", True), ("Et galt svar her", False))
    assert found(course_with(tmp_path / "a", [three]), "quiz-all-but-one")
    two = multiple("m", ("Et riktig svar", True), ("Et galt svar her", False))
    assert not found(course_with(tmp_path / "b", [two]), "quiz-all-but-one")
    # never the longest key: a test-wise guesser's chance is exactly 0, which a ceiling of 0 admits
    blind = [single(f"q{n}", "Kort", "Et lengre svar", "Enda et svar") for n in range(5)]
    assert not found(course_with(tmp_path / "c", blind, course={"quality": {"guess_ceiling": 0}}), "quiz-guessable")


def test_absolute_words_only_in_wrong_options(tmp_path):
    planted = [single("q1", "Når saken gjelder jobben", "Alltid", "Aldri når du er syk")]
    [problem] = found(course_with(tmp_path, planted), "quiz-absolute-wrong")
    assert "absolute words (aldri, alltid) stand only in wrong options ('b', 'c')" in problem.message
    assert problem.where.line == line_of(tmp_path / "c", "- id: q1")
    twin = [single("q1", "Alltid når saken gjelder jobben", "Alltid", "Aldri når du er syk")]
    assert found(course_with(tmp_path / "twin", twin), "quiz-absolute-wrong") == []


def test_multiple_choice_all_but_one(tmp_path):
    planted = [multiple("m1", ("Første riktige", True), ("Andre riktige", True), ("Tredje riktige", True), ("Feil", False))]
    [problem] = found(course_with(tmp_path, planted), "quiz-all-but-one")
    assert "3 of 4 options are right, and the wrong one is the shortest" in problem.message
    twin = [multiple("m1", ("Første riktige", True), ("Andre riktige", True), ("Et galt svar", False), ("Feil", False))]
    assert found(course_with(tmp_path / "twin", twin), "quiz-all-but-one") == []


def test_sort_with_one_item_per_category(tmp_path):
    planted = [sort("s1", [("Kritikk av budsjettet", "ja"), ("Bilde av en pasient", "nei")])]
    [problem] = found(course_with(tmp_path, planted), "quiz-sort-one-each")
    assert "each of the 2 categories holds exactly one item" in problem.message
    twin = [sort("s1", [("Kritikk av budsjettet", "ja"), ("Bilde av en pasient", "nei"), ("Satire", "ja")])]
    assert found(course_with(tmp_path / "twin", twin), "quiz-sort-one-each") == []


def test_every_cue_rule_has_a_code_and_fires_in_some_test():
    """A rule added to RULES without a code of its own is caught here; the planted tests above name every code (its
    words: tests/test_quality_words.py)."""
    codes = set(re.findall(r'cue\("(quiz-[a-z-]+)"', Path(cues.__file__).read_text(encoding="utf-8")))
    tested = set(re.findall(r'"(quiz-[a-z-]+)"', Path(__file__).read_text(encoding="utf-8")))
    assert codes <= tested
    assert len(cues.RULES) == len(codes)


def test_nynorsk_and_english_word_lists_are_used_for_those_languages(tmp_path):
    planted = [single("q1", "Når saken gjeld jobben", "Berre leiarar", "Ein annan")]
    assert found(course_with(tmp_path, planted, course={"language": "nn"}), "quiz-absolute-wrong")
    planted = [single("q1", "When it concerns the job", "Only managers", "Someone else")]
    assert found(course_with(tmp_path / "en", planted, course={"language": "en"}), "quiz-absolute-wrong")


# --- the guesser --------------------------------------------------------------------------------------------------

def closed_form(chances: list[float], need: int) -> float:
    """Every combination of right and wrong answers, added up: the chance of at least `need` right."""
    total = 0.0
    for outcome in itertools.product((True, False), repeat=len(chances)):
        if sum(outcome) >= need:
            total += math.prod(p if right else 1 - p for p, right in zip(chances, outcome))
    return total


SMALL = [
    single("q1", "Like lange svar", "Lika lange svar", "Kort"),  # the key ties for longest: 1/2
    single("q2", LONG, "Kort", "Kortere"),  # the key stands out: 1
    true_false("t1", "Du må spørre lederen først.", False),  # restricting and false: 1
    sort("s1", [("Kritikk", "ja"), ("Pasientbilde", "nei")]),  # one item each: 1/2!
    multiple("m1", ("Første riktige", True), ("Andre riktige", True), ("Feil", False)),  # wrong one shortest: 1
]


def test_guesser_equals_the_closed_form_on_a_small_quiz(tmp_path):
    course, _ = load_checked(course_with(tmp_path, [dict(q) for q in SMALL]))
    result = guesser.simulate(course.quiz, "nb", passing=80, attempts=3)
    assert (result.asked, result.need, result.runs) == (5, 4, 1)  # the whole pool: one draw tells it all
    wise = closed_form([0.5, 1, 1, 0.5, 1], 4)
    assert wise == 0.75
    assert result.test_wise.one == pytest.approx(wise, abs=1e-12)
    assert result.test_wise.within == pytest.approx(1 - 0.25 ** 3, abs=1e-12)
    blind = closed_form([1 / 3, 1 / 3, 1 / 2, 1 / 4, 1 / 7], 4)
    assert result.random.one == pytest.approx(blind, abs=1e-12)


def test_pass_mark_follows_the_players_rounding():
    # Math.round(100 × 2 / 3) = 67: with a pass mark of 67, 2 of 3 pass; 66.67 % is not below it.
    assert guesser.needed(3, 67) == 2 and guesser.needed(3, 68) == 3 and guesser.needed(15, 80) == 12
    assert guesser.needed(8, 0) == 0 and guesser.needed(8, 100) == 8


def test_guesser_plays_the_draw(tmp_path):
    """Two statements the wording gives away and two it hides; two drawn, both must be right: only the draw of
    the two giveaways passes, 1 of the 6 pairs."""
    questions = [true_false("t1", "Du kan skrive.", True), true_false("t2", "Du må tie.", False),
                 true_false("t3", "Du kan dele alt.", False), true_false("t4", "Du må verne data.", True)]
    course, _ = load_checked(course_with(tmp_path, questions, quiz={"draw": 2}))
    result = guesser.simulate(course.quiz, "nb", passing=100, attempts=0)
    assert result.runs == guesser.RUNS
    assert result.test_wise.one == pytest.approx(1 / 6, abs=0.03)
    assert result.test_wise.within is None and "attempts are unlimited" in result.test_wise.said()
    again = guesser.simulate(course.quiz, "nb", passing=100, attempts=0)
    assert again == result  # deterministic for a seed
    assert guesser.simulate(course.quiz, "nb", passing=100, attempts=0, seed=2).test_wise.one != result.test_wise.one


def test_guesser_warns_above_the_ceiling_and_not_below(tmp_path):
    source = course_with(tmp_path, [dict(q) for q in SMALL])
    [problem] = found(source, "quiz-guessable")
    assert "passes with 98.4 % chance within 3 attempts" in problem.message and "ceiling of 5 %" in problem.message
    high = course_with(tmp_path / "high", [dict(q) for q in SMALL], course={"quality": {"guess_ceiling": 99}})
    assert found(high, "quiz-guessable") == []
    # Unlimited attempts: the ceiling holds per attempt (75 %), as any chance passes in the end.
    unlimited = course_with(tmp_path / "unlimited", [dict(q) for q in SMALL],
                            course={"tracking": {"max_attempts": 0}, "quality": {"guess_ceiling": 74}})
    [problem] = found(unlimited, "quiz-guessable")
    assert "75.0 % chance per attempt, and attempts are unlimited" in problem.message


def test_check_strict_makes_warnings_fail(tmp_path):
    source = course_with(tmp_path, [dict(q) for q in SMALL])
    runner = CliRunner()
    plain = runner.invoke(main, ["check", "--source", str(source)])
    assert plain.exit_code == 0 and "[quiz-guessable]" in plain.stderr
    strict = runner.invoke(main, ["check", "--source", str(source), "--strict"])
    assert strict.exit_code == 1 and "count as errors with --strict" in strict.stderr


# --- required topics ----------------------------------------------------------------------------------------------

def topical(n: int, lesson: str, topic: str | None):
    q = true_false(f"{lesson}-{n}", f"Påstand {n}.", n % 2 == 0, lesson=lesson)
    if topic:
        q["topic"] = topic
    return q


def test_a_required_topic_no_question_carries_is_an_error_with_a_hint(tmp_path):
    questions = [topical(0, "first", "taushet"), topical(1, "first", "taushet"), topical(2, "second", None)]
    with pytest.raises(SourceError) as caught:
        load_checked(course_with(tmp_path, questions, quiz={"required_topics": ["tausheit"]}))
    [problem] = [p for p in caught.value.problems if p.code == "quiz-topic-unknown"]
    assert problem.severity == "error" and "did you mean 'taushet'?" in problem.message
    assert problem.where.line == line_of(tmp_path / "c", "- tausheit")


def test_a_draw_too_small_for_topics_and_per_lesson_is_an_error(tmp_path):
    # Both topics sit in lesson 'first': a draw may have to take both there, beside 'second''s quota of 1.
    questions = [topical(n, "first", ("a", "b", None)[n % 3]) for n in range(6)] + [topical(9, "second", None)]
    with pytest.raises(SourceError) as caught:
        load_checked(course_with(tmp_path, questions, quiz={"per_lesson": 1, "draw": 2, "required_topics": ["a", "b"]}))
    [problem] = [p for p in caught.value.problems if p.code == "quiz-topic-draw"]
    assert "draw is 2 but the required topics with per_lesson 1 can need 3 questions" in problem.message
    course, problems = load_checked(course_with(tmp_path / "ok", [dict(q) for q in questions],
                                                quiz={"per_lesson": 1, "draw": 3, "required_topics": ["a", "b"]}))
    assert not [p for p in problems if p.code.startswith("quiz-topic")]


def test_a_required_topic_of_one_question_is_a_warning(tmp_path):
    questions = [topical(0, "first", "a"), topical(1, "first", None), topical(2, "second", None)]
    [problem] = found(course_with(tmp_path, questions, quiz={"required_topics": ["a"]}), "quiz-topic-one-question")
    assert "only one question (first-0)" in problem.message


def test_every_draw_of_10000_holds_the_required_topics_and_per_lesson(tmp_path):
    lessons = ["first", "second"]
    questions = [topical(n, lessons[n % 2], ("a", "b", "c", None, None, None, None)[n % 7]) for n in range(30)]
    course, _ = load_checked(course_with(tmp_path, questions,
                                         quiz={"per_lesson": 2, "draw": 5, "required_topics": ["a", "b", "c"]}))
    rule = DrawRule.of(course.quiz)
    for i in range(10000):
        drawn = drawn_questions(rule, i * 2654435761 % 2147483647)
        assert len(set(drawn)) == 5
        assert {rule.topics[q] for q in drawn} >= {"a", "b", "c"}, i
        assert all(sum(rule.lessons[q] == lesson for q in drawn) >= 2 for lesson in lessons), i


def test_the_page_data_carries_topics_only_when_a_quiz_uses_them(tmp_path):
    plain, _ = load_checked(GOOD)
    data = course_data(plain)["quiz"]
    assert "requiredTopics" not in data and all("topic" not in q for q in data["questions"])
    questions = [topical(0, "first", "a"), topical(1, "first", "a"), topical(2, "second", None)]
    course, _ = load_checked(course_with(tmp_path, questions, quiz={"required_topics": ["a"]}))
    data = course_data(course)["quiz"]
    assert data["requiredTopics"] == ["a"] and [q.get("topic") for q in data["questions"]] == ["a", "a", None]


def test_a_translation_must_keep_the_topics(tmp_path):
    course = with_editions(tmp_path / "c")
    quiz = course / "quizzes/demo-quiz.yaml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("    type: true-false\n",
                                                             "    type: true-false\n    topic: kritikk\n"),
                    encoding="utf-8")
    messages = [p.message for p in check_translations(course) if p.severity == "error"]
    assert "question 'q-tf' differs from the bokmål question in topic; a translation may change only the texts" \
        in messages


# --- the overview -------------------------------------------------------------------------------------------------

def test_check_quality_prints_the_overview_and_json_gives_the_same(tmp_path):
    questions = [dict(q) for q in SMALL]
    questions[0]["topic"] = "a"
    source = course_with(tmp_path, questions)
    runner = CliRunner()
    text = runner.invoke(main, ["check", "--source", str(source), "--quality"])
    assert text.exit_code == 0
    for expected in ("items per type", "single 2 · multiple 1 · true-false 1 · sort 1", "(no topic) 4 · a 1",
                     "1 of 2 single-choice questions", "0 true, 1 false", "test-wise guesser", "75.0 % per attempt",
                     "with 98.4 % chance within 3 attempts", "random guesser"):
        assert expected in text.stdout, expected
    data = json.loads(runner.invoke(main, ["check", "--source", str(source), "--quality", "--format", "json"]).stdout)
    quality = data["quality"]
    assert quality["types"] == {"single": 2, "multiple": 1, "true-false": 1, "sort": 1}
    assert quality["guesser"]["test_wise"]["one_attempt"] == pytest.approx(0.75)
    assert quality["guesser"]["max_attempts"] == 3 and quality["key_length"]["longest"] == 1
    assert {p["code"] for p in data["problems"]} >= {"quiz-guessable", "quiz-key-longer"}
    lessons = quality["lessons"]
    assert lessons["lix_target"] == 45 and [s["lesson"] for s in lessons["scores"]] == ["first", "second"]
    first = lessons["scores"][0]
    assert f"LIX {first['lix']:.0f}" in text.stdout and f"{first['words']} words in {first['sentences']} sentences" in text.stdout


def test_check_all_can_leave_the_quality_checks_out(tmp_path):
    source = course_with(tmp_path, [dict(q) for q in SMALL])
    assert any(p.code.startswith("quiz-") for p in check_all(source)[1])
    assert not any(p.code.startswith("quiz-") for p in check_all(source, quality=False)[1])


def test_the_draw_size_needed_is_exact_and_its_fallback_never_too_low(tmp_path, monkeypatch):
    from builder.course import topics

    lessons = ["first", "second"]
    questions = [topical(n, lessons[n % 2], ("a", "b", "c", None, None, None, None)[n % 7]) for n in range(30)]
    course, _ = load_checked(course_with(tmp_path, questions, quiz={"per_lesson": 2, "draw": 5, "required_topics": ["a", "b", "c"]}))
    # All three topics can land in one lesson (3 there, 2 in the other), never more: 5, the draw the test above uses.
    assert topics.most_asked(course.quiz, {"a", "b", "c"}) == 5
    monkeypatch.setattr(topics, "MOST_WAYS", 0)
    assert topics.most_asked(course.quiz, {"a", "b", "c"}) == 6


def test_every_registered_question_type_has_a_guess_in_both_tables():
    """A new question type without a guess would stop `check` with a StopIteration: the tables must follow the
    registry."""
    from builder.quality import guesser
    from builder.course.questions import QUESTION_TYPES

    for table in (guesser.TEST_WISE, guesser.RANDOM):
        assert {guess.kind for guess in table} == set(QUESTION_TYPES)
