"""The HR report reads any export whose grammar is registered: a made-up LMS («Lærerom»), with its own column names
and order, its own mark for nothing and its own status words, is counted once its grammar is registered, and
refused before. Nothing in tally, figures or output names Moodle; if they read Moodle's grammar instead of the
registry's, this file is refused or miscounted."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from builder.report import Refusal, Request, run
from builder.report import exports
from builder.report.exports.grammar import INTERACTIONS, Layout
from builder.report.status import NOT_STARTED, OPEN, PASSED

HEADER = ["Learner ID", "Full name", "Mail", "Unit", "Try", "Result", "Points", "Last seen"]
NOTHING = "n/a"
ROWS = [  # Result: the score, or Lærerom's status word; then groups of item id, given, key, outcome
    ["L-1", "Ann Aas", "ann@x.org", "Sales", "1", "92", "92", "2026-11-20 10:00", "q1", "a", "a", "correct", "q2", "t", "t", "correct"],
    ["L-2", "Bo Berg", "bo@x.org", "Sales", "1", "40", "40", "2026-11-21 10:00", "q1", "b", "a", "wrong", "q2", "t", "t", "correct"],
    ["L-3", "Cy Dahl", "cy@x.org", "Care", "1", "underway", NOTHING, "2026-11-22 10:00", "q1", "b", "a", "wrong", "", "", "", ""],
    ["L-4", "Di Eng", "di@x.org", "Care", NOTHING, "untouched", NOTHING, NOTHING, "", "", "", "", "", "", "", ""],
    ["L-5", "Ed Fos", "ed@x.org", "Care", "1", "succeeded", NOTHING, "2026-11-23 10:00", "", "", "", "", "", "", "", ""],
]


@dataclass(frozen=True)
class Laererom:
    name: str = "laererom"
    status_words: dict[str, str] = field(
        default_factory=lambda: {"succeeded": PASSED, "underway": OPEN, "untouched": NOT_STARTED})
    identity_fields: dict[str, set[str]] = field(default_factory=lambda: {"department": {"unit"}})

    def recognise(self, path: Path, header: list[str], sample: list[list[str]]) -> Layout | None:
        if header[:len(HEADER)] != HEADER:
            return None
        items = [(i, i + 1, i + 2, i + 3) for i in range(len(HEADER), len(header) - 3, 4)]
        return Layout(len(header), name=1, email=2, groups={3: "Unit"}, attempt=4, last_access=7, score=6, sco=5,
                      sco_title="Result", questions=items, kind=INTERACTIONS, nothing=NOTHING,
                      status_words=self.status_words)


@pytest.fixture
def export(tmp_path) -> Path:
    path = tmp_path / "laererom.csv"
    items = [f"Item {n} {part}" for n in (1, 2) for part in ("id", "given", "key", "outcome")]
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([HEADER + items, *ROWS])
    return path


@pytest.fixture
def registered(monkeypatch):
    monkeypatch.setattr(exports, "REGISTERED", list(exports.REGISTERED))  # the registry as it was, after the test
    return exports.register(Laererom())


def test_another_lms_is_counted_once_its_grammar_is_registered(export, registered, tmp_path):
    out, data = tmp_path / "r.html", tmp_path / "r.json"
    fig, _ = run(Request([export], out, passing_score=80, json=data, lang="en"))
    assert fig.enrolled == 5 and fig.kinds == [INTERACTIONS] and fig.activity == "Result"
    assert {s: n for s, n in fig.status.items() if n} == {"passed": 2, "failed": 1, "open": 1, "not_started": 1}
    assert {q.id: (q.answered, q.right) for q in fig.questions} == {"q1": (3, 1), "q2": (2, 2)}
    assert fig.identity and fig.small_fields == {"Unit": ["Care", "Sales"]}  # both under five: not shown apart
    assert {item["id"] for item in json.loads(data.read_text(encoding="utf-8"))["questions"]} == {"q1", "q2"}
    assert "department" in out.read_text(encoding="utf-8")  # «Unit» is Lærerom's department: the page's own word


def test_the_same_file_is_refused_while_no_grammar_knows_it(export, tmp_path):
    with pytest.raises(Refusal) as refused:
        run(Request([export], tmp_path / "r.html", passing_score=80))
    assert refused.value.code == "not-an-export"


def test_two_grammars_of_one_name_are_refused(registered):
    with pytest.raises(ValueError):
        exports.register(Laererom())
