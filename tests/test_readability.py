"""Klarspråk: LIX per lesson against hand-computed values, long sentences at their line, and the warnings `check`
gives for the core course, its translations and an edition's own lessons."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.build import check_all, load_checked
from builder.course.load import Loader
from builder.course.model import Course
from builder.course.problems import display_path
from builder.quality.readability import lesson_score, lesson_scores, problems
from tests.broken_courses import with_editions

FRONT = "---\nid: {id}\ntitle: Prøve\nminutes: 2\nobjectives:\n  - Du kan lese.\n---\n"


def lesson(tmp_path: Path, body: str, lesson_id: str = "prove"):
    path = tmp_path / f"{lesson_id}.md"
    path.write_text(FRONT.format(id=lesson_id) + body, encoding="utf-8")
    loader = Loader()
    loaded = loader.lesson(path)
    assert loader.problems == []
    return loaded


# Each case: the text, and its LIX computed by hand (words / sentences + 100 × words of 7+ letters / words).
GOLDEN = [
    # 2 sentences: «Kommunestyret behandlet budsjettet i går.» (5 words) «Innbyggerne protesterte.» (2 words);
    # long: Kommunestyret, behandlet, budsjettet, Innbyggerne, protesterte = 5. 7/2 + 500/7 = 3.5 + 71.43 = 74.93
    ("Kommunestyret behandlet budsjettet i går. Innbyggerne protesterte.\n", 74.93),
    # «§», «100», «1814.» and «72» are no words; «f.eks.» is one (4 letters) and does not end a sentence even
    # before a capital; «IT-avdelingen» has 12 letters. Sentences: «Se f.eks. Grunnloven fra» (4), «IT-avdelingen
    # svarer innen timer» (4). Long: Grunnloven, IT-avdelingen = 2. 8/2 + 200/8 = 4 + 25 = 29.0
    ("Se f.eks. Grunnloven § 100 fra 1814. IT-avdelingen svarer innen 72 timer.\n", 29.0),
    # An initial ends nothing; a sentence may start with a number. Sentences: «Alf T. Meling skrev at fristen er
    # timer» (8), «timer er kort» (3). Long: fristen = 1. 11/2 + 100/11 = 5.5 + 9.09 = 14.59
    ("Alf T. Meling skrev at fristen er 72 timer. 72 timer er kort.\n", 14.59),
    # «1. februar» goes on (a lower-case word follows); «dette:» ends before a capital. Sentences: «Fra februar
    # gjelder kravene» (4), «Husk dette» (2), «Alt skal ha alternativ tekst» (5). Long: februar, gjelder, kravene,
    # alternativ = 4. 11/3 + 400/11 = 3.67 + 36.36 = 40.03
    ("Fra 1. februar 2023 gjelder kravene. Husk dette: Alt skal ha alternativ tekst.\n", 40.03),
    # A quotation ends where the text says: «Hun sa» (2; a colon before a capital), «Det er lov» (3), «Så gikk
    # hun» (3); «lov.» sa han» would have gone on. No long word. 8/3 = 2.67
    ("Hun sa: «Det er lov.» Så gikk hun.\n", 2.67),
    # Markdown: headings, callout titles and addresses are left out; a link's text, list items (each its own
    # sentence, full stop or not) and a callout's body count. Sentences: «Les retningslinjene nøye» (3), «første
    # punkt» (2), «andre punkt uten punktum» (4), «Spør lederen din» (3). Long: retningslinjene, punktum, lederen
    # = 3; an image's description is not running text either. 12/4 + 300/12 = 3 + 25 = 28.0
    ("## Overskrift med mange lange ord\n\nLes [retningslinjene](https://example.no/retningslinjer) nøye.\n\n"
     "![Illustrasjon med beskrivelse](media/figur.svg)\n\n"
     "- første punkt\n- andre punkt uten punktum\n\n::: case Tittelen teller ikke\nSpør lederen din.\n:::\n", 28.0),
    # A table: header cells are labels, each body cell is a sentence; inline code is not prose. Sentences: «Når
    # dette skjer» (3), «Kontakt personvernombudet» (2). Long: Kontakt, personvernombudet = 2. 5/2 + 40 = 42.5
    ("| Situasjon | Hvem |\n| --- | --- |\n| Når dette skjer `kode` | Kontakt personvernombudet |\n", 42.5),
]


@pytest.mark.parametrize("body, expected", GOLDEN)
def test_lix_matches_the_hand_computed_value(tmp_path, body, expected):
    assert lesson_score(lesson(tmp_path, body), 25).lix == pytest.approx(expected, abs=0.5)


def test_a_tell_til_tre_block_counts_its_steps_not_its_title(tmp_path):
    body = ("```selfcheck\ntitle: En tittel med veldig mange lange ord\nsteps:\n  - question: Er det sant?\n"
            "    if_yes: Fortsett.\n    if_no: Stopp.\nend: Spør lederen.\n```\n")
    score = lesson_score(lesson(tmp_path, body), 25)
    # «Er det sant» (3), «Fortsett» (1), «Stopp» (1), «Spør lederen» (2); long: Fortsett, lederen. 7/4 + 200/7
    assert (score.words, score.sentences, score.long_words) == (7, 4, 2)


def test_a_sentence_over_the_limit_is_listed_at_its_line_and_column(tmp_path):
    long = "Her " + " ".join(["ord"] * 25) + " slutt."  # 27 words
    just = " ".join(["ord"] * 24) + " slutt."  # 25 words: at the limit, not over it
    body = f"Første setning er kort.\n\n{just}\n\nKort intro. {long}\n"
    score = lesson_score(lesson(tmp_path, body), 25)
    assert [(s.words, s.line, s.col) for s in score.long_sentences] == [(27, 12, 13)]
    assert score.long_sentences[0].start == "Her ord ord ord ord ord ord ord"


def course_with(tmp_path, body: str, quality: str = "") -> Path:
    course = with_editions(tmp_path / "c")
    (course / "course" / "lessons" / "01-first.md").write_text(FRONT.format(id="first") + body, encoding="utf-8")
    if quality:
        yaml = course / "course" / "course.yaml"
        yaml.write_text(yaml.read_text(encoding="utf-8") + quality, encoding="utf-8")
    return course


def coded(problems, code: str) -> list[str]:
    """`file:line:severity` of the core lesson's problems with `code` (the translation has a 01-first.md too)."""
    return [f"{Path(p.where.path).name}:{p.where.line}:{p.severity}" for p in problems
            if p.code == code and Path(p.where.path).parts[-4:-2] == ("c", "course")]


def test_a_lesson_above_the_lix_target_is_warned_at_its_file_and_one_at_it_is_not(tmp_path):
    body = GOLDEN[3][0]  # LIX 40.03
    at = check_all(course_with(tmp_path / "a", body, "quality:\n  lix_target: 40\n"))[1]
    above = check_all(course_with(tmp_path / "b", body, "quality:\n  lix_target: 39\n"))[1]
    assert coded(at, "lix-above-target") == []
    assert coded(above, "lix-above-target") == ["01-first.md:0:warning"]
    [warning] = [p for p in above if p.code == "lix-above-target" and p.where.path.parent.name == "lessons"
                 and p.where.path.parents[2].name == "c"]
    assert "LIX 40 is above the course's target of 39: 3.7 words per sentence and 36 % long words" in str(warning)


def test_long_sentences_follow_the_course_limit(tmp_path):
    body = "Dette er en setning med akkurat ti ord i seg.\n"
    assert coded(check_all(course_with(tmp_path / "a", body, "quality:\n  sentence_words: 10\n"))[1],
                 "sentence-too-long") == []
    assert coded(check_all(course_with(tmp_path / "b", body, "quality:\n  sentence_words: 9\n"))[1],
                 "sentence-too-long") == ["01-first.md:8:warning"]


def test_translations_and_an_editions_own_lessons_are_checked_once_each(tmp_path):
    course = with_editions(tmp_path / "c")
    long = " ".join(["ord"] * 30) + "."
    for relative in ("translations/nn/course/lessons/02-second.md", "editions/bygd/hos-oss.md"):
        path = course / relative
        path.write_text(path.read_text(encoding="utf-8") + f"\n{long}\n", encoding="utf-8")
    found = [(str(Path(p.where.path).relative_to(course)), p.where.line) for p in check_all(course)[1]
             if p.code == "sentence-too-long"]
    lines = {relative: len((course / relative).read_text(encoding="utf-8").splitlines())
             for relative in ("translations/nn/course/lessons/02-second.md", "editions/bygd/hos-oss.md")}
    assert sorted(found) == sorted(lines.items())  # not again for the nynorsk edition that reads the translation


def test_build_and_preview_get_the_warnings_of_what_they_load(tmp_path):
    course = course_with(tmp_path, " ".join(["ord"] * 30) + ".\n")
    assert coded(load_checked(course)[1], "sentence-too-long") == ["01-first.md:8:warning"]
    assert coded(load_checked(course, "bygd")[1], "sentence-too-long") == []  # the core lesson is the core's


def test_lesson_scores_give_the_overview_plain_figures(tmp_path):
    course = Course(id="x", title="X", language="nb", version="1")
    course.lessons = [lesson(tmp_path, GOLDEN[0][0], "a"), lesson(tmp_path, GOLDEN[1][0], "b")]
    scores = lesson_scores(course)
    assert [(s.lesson, s.words, s.sentences, s.long_words) for s in scores] == [("a", 7, 2, 5), ("b", 8, 2, 2)]
    assert json.loads(json.dumps(scores[0].json())) == {
        "lesson": "a", "path": display_path(tmp_path / "a.md"), "lix": 74.9, "words": 7, "sentences": 2,
        "long_words": 5, "long_sentences": []}
    assert problems(course, course.lessons)[0].code == "lix-above-target"



def test_the_overview_marks_a_lesson_above_the_target_and_not_one_at_it(tmp_path):
    from builder.quality.overview import readability_of_lessons
    from builder.words import say

    body = GOLDEN[3][0]  # LIX 40.03, shown as 40
    for target, marked in ((40, False), (39, True)):
        course, _ = load_checked(course_with(tmp_path / str(target), body, f"quality:\n  lix_target: {target}\n"))
        [line] = [text for lesson, text in readability_of_lessons(course).rows if lesson == course.lessons[0].id]
        assert (say("quality.overview.above") in line) == marked, (target, line)
