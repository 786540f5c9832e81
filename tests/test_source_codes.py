"""The course-file codes no case of the broken-course corpus gives: those that need a file too large to keep in the
repository, a folder taken away, a warning rather than an error, a translation or the discussion material. Each is
made here once, on the good course with its nynorsk translation and editions, and `check` (or `build`) must give it
at its place, by code, in bokmål, nynorsk and English, each in its own words."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder import words
from builder.cli import main
from tests.broken_courses import with_editions

LANGUAGES = ("nb", "nn", "en")
LINE = re.compile(r"^(?P<path>[^:\s]+):(?:(?P<line>\d+):\d+:)? (?P<severity>\w+): (?P<message>.*) "
                  r"\[(?P<code>[a-z0-9_.-]+)\]$")
NN = Path("translations/nn")
QUIZ = NN / "quizzes/demo-quiz.yaml"
LESSON = NN / "course/lessons/02-second.md"
DISCUSSION = """minutes: 30
aims: [Alle kjenner teieplikta.]
runsheet:
  - {minutes: 10, activity: Velkommen.}
  - {minutes: 10, activity: Samtale.}
selfcheck: [Ta eitt spørsmål om gongen.]
lessons:
  - lesson: first
    questions: [Kva er teieplikt?]
    case: {title: Saka, text: Ei sak.}
    notes: [Teieplikta gjeld alle.]
  - lesson: first
    questions: [Kven kan du spørje?]
    case: {title: Saka, text: Ei sak.}
    notes: [Leiaren.]
  - lesson: tredje
    questions: [Kva no?]
    case: {title: Saka, text: Ei sak.}
    notes: [Ingenting.]
"""


def edit(relative: Path | str, old: str, new: str) -> Callable[[Path], None]:
    def change(source: Path) -> None:
        path = source / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, (relative, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return change


def write(relative: str, text: str | bytes) -> Callable[[Path], None]:
    def change(source: Path) -> None:
        path = source / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return change


def remove(relative: str) -> Callable[[Path], None]:
    def change(source: Path) -> None:
        path = source / relative
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    return change


def questions_swapped(source: Path) -> None:
    path = source / QUIZ
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("  - id: q-single", 1)
    first, rest = rest.split("  - id: q-multiple", 1)
    second, tail = rest.split("  - id: q-tf", 1)
    path.write_text(f"{head}  - id: q-multiple{second}  - id: q-single{first}  - id: q-tf{tail}", encoding="utf-8")


def big_lesson(source: Path) -> None:
    path = source / "course/lessons/02-second.md"
    path.write_text(path.read_text(encoding="utf-8") + "\nTeieplikt. " * 200_000, encoding="utf-8")


def big_logo(source: Path) -> None:
    (source / "editions/bygd/logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><!--' + "x" * 210_000 + '--></svg>',
        encoding="utf-8")


# name: (changes, arguments after `--source .`, the command, what must be reported: path, line or None, code, severity)
CASES = {
    "file-too-large": ([big_lesson], [], "check",
                       ("course/lessons/02-second.md", "1", "source.file.too-large", "error")),
    "course-not-found": ([remove("course")], [], "check",  # with its translation and editions left: no cascade
                         ("course/course.yaml", None, "source.course.not-found", "error")),
    "translation-without-original-discussion": ([write(str(NN / "course/discussion.yaml"), "minutes: 30\n")], [],
                                                "check",
                                                (str(NN / "course/discussion.yaml"), "1",
                                                 "source.translation.no-original", "error")),
    "course-no-lessons": ([remove("course/lessons/01-first.md"), remove("course/lessons/02-second.md"),
                           remove("translations"), remove("editions"), remove("quizzes")],
                          [], "check", ("course/course.yaml", "1", "source.course.no-lessons", "error")),
    "edition-none-found": ([remove("editions")], ["--edition", "all"], "build",
                           ("editions", None, "source.edition.none-found", "error")),
    "edition-not-found": ([], ["--edition", "hav"], "build",
                          ("editions/hav/edition.yaml", None, "source.edition.not-found", "error")),
    "edition-translation-missing": ([remove("translations")], [], "check",
                                    ("editions/fjord/edition.yaml", "3", "source.edition.translation-missing",
                                     "error")),
    "edition-logo-too-large": ([big_logo], [], "check",
                               ("editions/bygd/edition.yaml", "3", "source.edition.logo-too-large", "error")),
    "placeholder-no-neutral-wording": ([edit("course/lessons/01-first.md", "![En enkel figur",
                                             "Les {{ lenke.nyheter }}.\n\n![En enkel figur")], [], "check",
                                       ("course/lessons/01-first.md", "15", "source.placeholder.no-neutral-wording",
                                        "error")),
    "translation-file-missing": ([remove(str(LESSON))], [], "check",
                                 ("course/lessons/02-second.md", "1", "source.translation.file-missing", "error")),
    "translation-no-original": ([write(str(NN / "course/lessons/03-tredje.md"), "---\nid: tredje\n---\nTekst.\n")],
                                [], "check",
                                (str(NN / "course/lessons/03-tredje.md"), "1", "source.translation.no-original",
                                 "error")),
    "translation-lesson-id-differs": ([edit(LESSON, "id: second", "id: andre")], [], "check",
                                      (str(LESSON), "2", "source.translation.lesson-id-differs", "error")),
    "translation-stamp-missing": ([edit(LESSON, "translated_from: 4ca58ff9d7b0\n", "")], [], "check",
                                  (str(LESSON), "1", "source.translation.stamp-missing", "error")),
    "translation-stale": ([edit(LESSON, "translated_from: 4ca58ff9d7b0", "translated_from: deadbeef0000")], [],
                          "check", (str(LESSON), "9", "source.translation.stale", "warning")),
    "translation-unknown-source": ([edit(NN / "course/course.yaml", "  - id: grl-100", "  - id: grl-101")], [], "check",
                                   (str(NN / "course/course.yaml"), "5", "source.translation.unknown-source", "error")),
    "translation-question-missing": ([edit(QUIZ, "  - id: q-multiple", "  - id: q-multiple-x")], [], "check",
                                     ("quizzes/demo-quiz.yaml", "18", "source.translation.question-missing", "error")),
    "translation-question-not-in-original": ([edit(QUIZ, "  - id: q-multiple", "  - id: q-multiple-x")], [], "check",
                                             (str(QUIZ), "19", "source.translation.question-not-in-original",
                                              "error")),
    "translation-question-differs": ([edit(QUIZ, "    type: multiple", "    type: single")], [], "check",
                                     (str(QUIZ), "19", "source.translation.question-differs", "error")),
    "translation-question-order": ([questions_swapped], [], "check",
                                   (str(QUIZ), "7", "source.translation.question-order", "error")),
    "edition-contrast-on-boxes": ([edit("editions/bygd/edition.yaml", '"#0b5d3b"', '"#717171"')], [], "check",
                                  ("editions/bygd/edition.yaml", "5", "source.edition.contrast", "error")),
    "translation-quiz-field-differs": ([edit(QUIZ, "draw: 4", "draw: 3")], [], "check",
                                       (str(QUIZ), "4", "source.translation.quiz-field-differs", "error")),
    "discussion-lesson-twice": ([write("course/discussion.yaml", DISCUSSION)], [], "check",
                                ("course/discussion.yaml", "12", "source.discussion.lesson-twice", "error")),
    "discussion-unknown-lesson": ([write("course/discussion.yaml", DISCUSSION)], [], "check",
                                  ("course/discussion.yaml", "16", "source.discussion.unknown-lesson", "error")),
    "discussion-minutes-differ": ([write("course/discussion.yaml", DISCUSSION)], [], "check",
                                  ("course/discussion.yaml", "4", "source.discussion.minutes-differ", "error")),
}


def run(case: str, language: str, tmp: Path) -> list[dict]:
    changes, arguments, command, _ = CASES[case]
    source = with_editions(tmp / f"{case}-{language}")
    for change in changes:
        change(source)
    here = os.getcwd()
    os.chdir(source)
    try:
        result = CliRunner().invoke(main, ["--lang", language, command, "--source", ".", *arguments])
    finally:
        os.chdir(here)
    assert "Traceback" not in result.output, result.output
    return [m.groupdict() for line in result.stderr.splitlines() if (m := LINE.match(line))]


@pytest.mark.parametrize("case", CASES)
def test_each_rare_code_is_given_at_its_place_in_every_language(tmp_path, case):
    path, line, code, severity = CASES[case][3]
    said = {}
    for language in LANGUAGES:
        reported = run(case, language, tmp_path)
        found = [r for r in reported if (r["path"], r["line"], r["code"]) == (path, line, code)]
        assert found, (language, reported)
        assert found[0]["severity"] == words.say(f"source.severity.{severity}", language), (language, found)
        said[language] = found[0]["message"]
    assert len(set(said.values())) == 3, said  # each language in its own words, none left in English


def test_a_colour_too_light_only_on_the_shaded_boxes_says_so_in_every_language(tmp_path):
    """#717171 passes on the white page (4.88:1) but not on the notes' shade (4.47:1): the message names the boxes,
    with the ratio written as the language writes it."""
    for language in LANGUAGES:
        reported = run("edition-contrast-on-boxes", language, tmp_path)
        [found] = [r for r in reported if r["code"] == "source.edition.contrast"]
        boxes = words.say("source.edition.contrast-on-boxes", language, fg="#717171", bg="#f3f5f8",
                          ratio=words.number(4.47, 2, language))
        assert boxes in found["message"], (language, found)
