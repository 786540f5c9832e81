"""The YAML reader: core-schema values, positions, and the problems it must turn into clear messages.

Every test runs with libyaml's parser and with the pure-Python one PyYAML falls back to.
"""

import math

import pytest

from builder.course import yamldoc

pytestmark = pytest.mark.parametrize("parser", yamldoc.PARSERS, ids=lambda p: p.__name__)


def problem(text, parser):
    with pytest.raises(yamldoc.YamlError) as info:
        yamldoc.parse(text, parser)
    return info.value.line + 1, info.value.col + 1, info.value.message


def test_core_schema_keeps_yaml11_words_as_text(parser):
    data = yamldoc.parse("language: no\nanswer: yes\nwhen: 2026-01-01\ntime: 1:20\nflag: off\n", parser)
    assert data == {"language": "no", "answer": "yes", "when": "2026-01-01", "time": "1:20", "flag": "off"}


def test_core_schema_numbers_booleans_and_null(parser):
    data = yamldoc.parse("v: [12, -3, 0o17, 0x1F, 007, 1.5, -.5, 1e3, .inf, true, FALSE, ~, null, '12']\nempty:\n",
                         parser)
    assert data["v"][:9] == [12, -3, 15, 31, 7, 1.5, -0.5, 1000.0, math.inf]
    assert data["v"][9:] == [True, False, None, None, "12"] and data["empty"] is None
    assert all(type(v) is int for v in data["v"][:5])


def test_positions_of_keys_values_and_items(parser):
    data = yamldoc.parse("id: demo\nlessons:\n  - first\n  -   second\nmeta: {a: 1}\n", parser)
    assert data.key_at("lessons") == (1, 0)
    assert data.value_at("id") == (0, 4)
    assert data["lessons"].item_at(1) == (3, 6)
    assert (data["lessons"].line, data["lessons"].col) == (2, 2)
    assert data["meta"].flow and not data.flow


def test_duplicate_key_points_at_the_second_one(parser):
    assert problem("id: a\ntitle: x\nid: b\n", parser)[:2] == (3, 1)
    assert "duplicate key 'id'" in problem("id: a\ntitle: x\nid: b\n", parser)[2]


def test_unclosed_double_quote_points_at_its_line(parser):
    line, _, message = problem('id: demo\ntitle: "Demo\nlanguage: nb\nversion: "1.0"\n', parser)
    assert line == 2 and "double quote" in message


def test_unclosed_single_quote_points_at_its_start(parser):
    line, col, message = problem("id: demo\ntitle: 'Demo\nlanguage: nb\n", parser)
    assert (line, col) == (2, 8) and "never closed" in message


def test_aliases_are_refused_not_expanded(parser):
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n"
    assert "aliases" in problem(bomb, parser)[2]
    assert "aliases" in problem("a: &a [*a]\n", parser)[2]


def test_other_problems_name_the_place(parser):
    assert problem("a: 1\n---\nb: 2\n", parser)[0] == 2
    assert "single document" in problem("a: 1\n---\nb: 2\n", parser)[2]
    assert problem("a: ok\nb: \x07\n", parser)[:2] == (2, 4)
    assert "U+0007" in problem("a: ok\nb: \x07\n", parser)[2]
    assert "remove the tag" in problem("a: !!binary aGVp\n", parser)[2]
    assert "plain text" in problem("? [a]\n: 1\n", parser)[2]
    assert problem("a:\n  - b\n c: 1\n", parser)[0] == 3


def test_a_key_without_colon_points_at_its_own_line_not_the_next(parser):
    line, col, message = problem("id: demo\ntitle Demokurs\nlanguage: nb\n", parser)
    assert (line, col) == (2, 1) and "no ':' after it" in message
    assert problem("a: 1\n\n# note\ntitle Demokurs\n\nlanguage: nb\n", parser)[0] == 4  # blank and comment lines between


@pytest.mark.parametrize("text, col, opener", [("sources: [a, b\nlanguage: nb\n", 10, "'['"),
                                               ("x: {a: 1\nlanguage: nb\n", 4, "'{'")])
def test_an_unclosed_bracket_points_at_the_bracket(parser, text, col, opener):
    line, found_col, message = problem("id: demo\n" + text, parser)
    assert (line, found_col) == (2, col) and opener in message and "not closed" in message
