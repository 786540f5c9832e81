"""The one home of the words: every code in bokmål, nynorsk and English with the same placeholders, read from the
files themselves; and the language the tool speaks, from --lang, $KURSBYGGER_LANG or the locale."""

from __future__ import annotations

import string

import pytest

from builder import words
from tests.conftest import REPO


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_there_is_one_file_per_language_and_no_other():
    assert sorted(p.stem for p in (REPO / "builder" / "words").glob("*.toml")) == sorted(words.LANGUAGES)


def test_every_code_is_in_every_language_with_the_same_placeholders():
    nb, nn, en = (words.catalog(language) for language in ("nb", "nn", "en"))
    assert nb.keys() == nn.keys() == en.keys()
    for code in nb:
        assert fields(nb[code]) == fields(nn[code]) == fields(en[code]), code
        assert all(isinstance(t, str) and t.strip() for t in (nb[code], nn[code], en[code])), code
    assert sum(nb[c] != en[c] for c in nb) > len(nb) * 0.9  # English, not a copy


def test_every_code_names_its_area():
    areas = {code.split(".")[0] for code in words.catalog("nb")}
    assert areas == {"player", "handout", "report", "preview", "audit", "cli"}


def test_say_fills_the_placeholders_in_the_language_asked():
    assert words.say("player.lesson_of", "nn", n=2, total=7) == "Leksjon 2 av 7"
    assert words.say("player.lesson_of", "en", n=2, total=7) == "Lesson 2 of 7"
    with pytest.raises(KeyError):
        words.say("player.no-such-code", "nb")


@pytest.mark.parametrize(("env", "expected"), [
    ({}, "nb"),  # the audience is Norwegian
    ({"LANG": "nb_NO.UTF-8"}, "nb"), ({"LANG": "no_NO.UTF-8"}, "nb"), ({"LANG": "nb"}, "nb"),
    ({"LANG": "nn_NO.UTF-8"}, "nn"), ({"LANG": "en_GB.UTF-8"}, "en"), ({"LANG": "en_US"}, "en"),
    ({"LANG": "de_DE.UTF-8"}, "nb"), ({"LANG": "C.UTF-8"}, "nb"),
    ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "nn_NO.UTF-8"}, "nn"),
    ({"LC_MESSAGES": "nn_NO.UTF-8", "LC_ALL": "en_US.UTF-8"}, "en"),
    ({"LC_ALL": "nn_NO.UTF-8", "KURSBYGGER_LANG": "en"}, "en"),
    ({"LANG": "nn_NO.UTF-8", "KURSBYGGER_LANG": "xx"}, "nn"),
])
def test_the_language_comes_from_the_environment(env, expected):
    assert words.from_environment(env) == expected


def test_the_cli_choice_comes_before_the_environment(monkeypatch):
    monkeypatch.setenv("KURSBYGGER_LANG", "en")
    assert words.current() == "en"
    words.choose("nn")
    assert words.current() == "nn"
    words.choose(None)
    assert words.current() == "en"
