"""Parity of the bokmål core and its nynorsk translation: only the words may differ."""

from __future__ import annotations

from click.testing import CliRunner

from builder.cli import main
from builder.course.load import load_course
from builder.course.overlay import Overlay, content_hash
from builder.course.translations import check_translations
from tests.broken_courses import with_editions


def messages(course) -> list[tuple[str, str, int, str]]:
    return [(p.severity, p.where.path.relative_to(course).as_posix(), p.where.line, p.message)
            for p in check_translations(course)]


def test_the_fixture_translation_is_in_step(tmp_path):
    assert messages(with_editions(tmp_path / "c")) == []


def test_a_lesson_missing_on_either_side_is_an_error(tmp_path):
    course = with_editions(tmp_path / "c")
    (course / "translations/nn/course/lessons/02-second.md").rename(course / "translations/nn/course/lessons/03-third.md")
    found = messages(course)
    assert ("error", "course/lessons/02-second.md", 1,
            "course/lessons/02-second.md has no nn translation; add translations/nn/course/lessons/02-second.md") in found
    assert ("error", "translations/nn/course/lessons/03-third.md", 1,
            "translations/nn/course/lessons/03-third.md translates no file: course/lessons/03-third.md does not "
            "exist; rename or remove it") in found


def test_a_question_missing_or_added_is_an_error(tmp_path):
    course = with_editions(tmp_path / "c")
    quiz = course / "translations/nn/quizzes/demo-quiz.yaml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("id: q-tf", "id: q-sant-usant"), encoding="utf-8")
    found = [m for _, _, _, m in messages(course)]
    assert "question 'q-tf' has no nn translation in translations/nn/quizzes/demo-quiz.yaml; add it there with the " \
        "same id" in found
    assert "question 'q-sant-usant' is not in the bokmål quiz quizzes/demo-quiz.yaml; ids are shared by every language" \
        in found


def test_a_changed_structure_is_an_error(tmp_path):
    course = with_editions(tmp_path / "c")
    quiz = course / "translations/nn/quizzes/demo-quiz.yaml"
    text = quiz.read_text(encoding="utf-8")
    text = text.replace("      - text: Berre leiarar\n", "      - text: Berre leiarar\n        correct: true\n")
    text = text.replace("answer: true", "answer: false").replace("category: ok}\n      - {id: pasient", "category: ikke-ok}\n      - {id: pasient")
    quiz.write_text(text, encoding="utf-8")
    found = {(path, m) for _, path, _, m in messages(course)}
    nn = "translations/nn/quizzes/demo-quiz.yaml"
    assert found == {
        (nn, "question 'q-single' differs from the bokmål question in options; a translation may change only the texts"),
        (nn, "question 'q-tf' differs from the bokmål question in answer; a translation may change only the texts"),
        (nn, "question 'q-sort' differs from the bokmål question in items; a translation may change only the texts"),
    }


def test_a_stale_translation_is_a_warning_that_names_both_files(tmp_path, monkeypatch):
    course = with_editions(tmp_path / "c")
    core = course / "course/lessons/01-first.md"
    old = content_hash(core)
    core.write_text(core.read_text(encoding="utf-8").replace("Alle har", "Alle i Norge har"), encoding="utf-8")
    [(severity, path, line, message)] = messages(course)
    assert (severity, path, line) == ("warning", "translations/nn/course/lessons/01-first.md", 8)
    assert message == (f"translations/nn/course/lessons/01-first.md was translated from another version of "
                       f"course/lessons/01-first.md ({old}, now {content_hash(core)}); `git log -p "
                       f"course/lessons/01-first.md` shows what changed — update the translation and set "
                       f"translated_from: {content_hash(core)}")
    monkeypatch.chdir(course)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 0 and "warning: translations/nn/course/lessons/01-first.md was translated" in result.stderr


def test_a_translation_without_its_origin_is_an_error(tmp_path, monkeypatch):
    course = with_editions(tmp_path / "c")
    course_yaml = course / "translations/nn/course/course.yaml"
    course_yaml.write_text("\n".join(course_yaml.read_text(encoding="utf-8").splitlines()[1:]) + "\n", encoding="utf-8")
    assert messages(course) == [("error", "translations/nn/course/course.yaml", 1,
                                 f"add 'translated_from: {content_hash(course / 'course/course.yaml')}' (the bokmål "
                                 "file it translates: course/course.yaml)")]
    monkeypatch.chdir(course)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1 and "translations/nn/course/course.yaml:1:1: error: add 'translated_from" in result.stderr


def test_the_overlay_prefers_the_translation_and_falls_back_to_the_core(tmp_path):
    course = with_editions(tmp_path / "c")
    nn, nb = Overlay(course, "nn"), Overlay(course)
    assert nn.path("course/lessons/01-first.md") == course / "translations/nn/course/lessons/01-first.md"
    assert nn.path("course/media/figur.svg") == course / "course/media/figur.svg"
    assert nb.path("course/lessons/01-first.md") == course / "course/lessons/01-first.md"


def test_the_discussion_material_translation_is_checked_for_staleness(tmp_path):
    course = with_editions(tmp_path / "c")
    (course / "course/discussion.yaml").write_text("minutes: 45\n", encoding="utf-8")
    (course / "translations/nn/course/discussion.yaml").write_text("translated_from: 000000000000\nminutes: 45\n",
                                                                 encoding="utf-8")
    [(severity, path, line, message)] = messages(course)
    assert (severity, path, line) == ("warning", "translations/nn/course/discussion.yaml", 1)
    assert "`git log -p course/discussion.yaml`" in message


def test_a_translated_source_title_needs_the_source_in_the_course(tmp_path):
    course = with_editions(tmp_path / "c")
    translated = course / "translations/nn/course/course.yaml"
    translated.write_text(translated.read_text(encoding="utf-8").replace("id: grl-100", "id: grl-101"),
                          encoding="utf-8")
    line = translated.read_text(encoding="utf-8").splitlines().index("  - id: grl-101") + 1
    _, problems = load_course(course, "fjord")
    assert any(p.where.path == translated and p.where.line == line and "'grl-101' is not in course/course.yaml"
               in p.message for p in problems), problems


def test_a_translated_lesson_keeps_the_lesson_id(tmp_path):
    course = with_editions(tmp_path / "c")
    lesson = course / "translations/nn/course/lessons/01-first.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("id: first", "id: fyrste", 1), encoding="utf-8")
    assert ("error", "translations/nn/course/lessons/01-first.md", 2,
            "lesson id 'fyrste' differs from the bokmål lesson's id 'first'; ids are shared by every language: "
            "write 'id: first'") \
        in messages(course)


def test_the_translated_questions_keep_their_order(tmp_path):
    course = with_editions(tmp_path / "c")
    quiz = course / "translations/nn/quizzes/demo-quiz.yaml"
    head, *questions = quiz.read_text(encoding="utf-8").split("\n  - id: ")
    quiz.write_text("\n  - id: ".join([head, *questions[1:], questions[0].rstrip("\n")]) + "\n", encoding="utf-8")
    found = [m for _, _, _, m in messages(course)]
    assert "the questions stand in another order than in the bokmål quiz; keep the same order" in found


def test_the_translated_quiz_keeps_its_draw_settings(tmp_path):
    course = with_editions(tmp_path / "c")
    quiz = course / "translations/nn/quizzes/demo-quiz.yaml"
    quiz.write_text(quiz.read_text(encoding="utf-8").replace("draw: 4", "draw: 3", 1), encoding="utf-8")
    found = [m for _, _, _, m in messages(course)]
    assert "'draw' differs from the bokmål quiz; only texts may differ" in found
