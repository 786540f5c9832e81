"""The HR report on the real Moodle 4.3 exports, translated variants and hostile files."""

from __future__ import annotations

import csv
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from builder.cli import main
from builder.load import load_course
from builder.report import WORDS, run
from builder.report.analyse import analyse, describe_response, right_answer
from builder.report.exports import ExportError, merge, read_export
from tests.conftest import REPO

EXPORTS = REPO.parent / "shared" / "lms-exports" / "moodle-4.3"
COURSE = REPO / "tests" / "fixtures" / "report-course"
NORWEGIAN = {"Name": "Navn", "Email address": "E-postadresse", "Attempt": "Forsøk", "Started on": "Startet",
             "Last accessed on": "Sist åpnet", "Score": "Poengsum", "Question": "Spørsmål", "Response": "Svar",
             "Right answer": "Riktig svar", "Result": "Resultat"}


@pytest.fixture(scope="module")
def exports() -> Path:
    if not EXPORTS.is_dir():
        pytest.skip(f"the shared Moodle exports are not at {EXPORTS}")
    return EXPORTS


@pytest.fixture(scope="module")
def course():
    course, problems = load_course(COURSE)
    assert problems == []
    return course


def figures_for(course, *paths):
    return analyse(course, merge([read_export(p) for p in paths]))


@pytest.mark.parametrize("name", ["interactions.txt", "interactions.xlsx"])
def test_figures_match_the_export(exports, course, name):
    f = figures_for(course, exports / name)
    assert f.learners == 5 and len(f.attempts) == 6
    assert f.completion_rate == 0.8 and f.pass_rate == 0.8  # Per Olsen left his attempt incomplete
    assert f.attempts_needed == [(1, 3), (2, 1)]  # Ola Hansen failed, then passed on the second attempt
    ola = next(p for p in f.people if p.name == "Ola Hansen")
    assert (ola.attempts, ola.best, ola.passed, ola.attempts_to_pass) == (2, 100, True, 2)
    per = next(p for p in f.people if p.name == "Per Olsen")
    assert (per.completed, per.passed) == (False, False)
    rates = {q.id: (q.right, q.answered, dict(q.wrong_answers)) for q in f.questions}
    assert rates == {"q1": (4, 5, {"b": 1}), "q2": (4, 5, {"f": 1})}
    assert dict(f.score_bins)["0–9"] == 1 and dict(f.score_bins)["90–100"] == 4
    assert f.unknown_ids == []


def test_text_and_excel_give_the_same_figures(exports, course):
    a, b = figures_for(course, exports / "interactions.txt"), figures_for(course, exports / "interactions.xlsx")
    assert (a.people, a.score_bins) == (b.people, b.score_bins)


def test_basic_and_interactions_reports_merge(exports, course):
    f = figures_for(course, exports / "basic.txt", exports / "interactions.txt")
    assert len(f.attempts) == 6 and f.completion_rate == 0.8


def test_basic_report_alone_does_not_claim_completion(exports, course, tmp_path):
    f = figures_for(course, exports / "basic.txt")
    assert not f.completion_known and f.pass_rate == 0.8  # Per Olsen's unfinished attempt reads as 0 there
    result = CliRunner().invoke(main, ["report", str(exports / "basic.txt"), "--source", str(COURSE),
                                       "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 0 and "completion unknown" in result.output
    assert "Fullføring er ukjent" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert figures_for(course, exports / "interactions.txt").completion_known


def translated(src: Path, dest: Path) -> Path:
    rows = list(csv.reader(src.read_text(encoding="utf-8").splitlines(), delimiter="\t"))
    header = []
    for cell in rows[0]:
        word, _, number = cell.rpartition(" ")
        header.append(f"{NORWEGIAN[word]} {number}" if number.isdigit() and word in NORWEGIAN else NORWEGIAN.get(cell, cell))
    with dest.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter="\t").writerows([header] + [[c.replace("Incomplete", "Ikke fullført") for c in r] for r in rows[1:]])
    return dest


def test_norwegian_headers_work(exports, course, tmp_path):
    path = translated(exports / "interactions.txt", tmp_path / "samhandlinger.txt")
    assert "Spørsmål 0" in path.read_text(encoding="utf-8")
    f = figures_for(course, path)
    assert f.learners == 5 and f.pass_rate == 0.8 and f.completion_rate == 0.8


def test_norwegian_excel_works(exports, course, tmp_path):
    workbook = openpyxl.load_workbook(exports / "interactions.xlsx")
    sheet = workbook.active
    for cell in sheet[1]:
        word, _, number = str(cell.value).rpartition(" ")
        cell.value = f"{NORWEGIAN[word]} {number}" if number.isdigit() and word in NORWEGIAN else NORWEGIAN.get(cell.value, cell.value)
    workbook.save(tmp_path / "rapport.xlsx")
    assert figures_for(course, tmp_path / "rapport.xlsx").pass_rate == 0.8


def test_cli_report_and_names_only_on_request(exports, tmp_path):
    out = tmp_path / "r.html"
    result = CliRunner().invoke(main, ["report", str(exports / "interactions.txt"), "--source", str(COURSE),
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "5 learners, 6 attempts: 80 % completed, 80 % passed" in result.output
    html = out.read_text(encoding="utf-8")
    assert "Hva er hovedstaden i Norge?" in html and "Bergen er den nest største byen" in html
    assert "Riktig svar: Oslo" in html and "Riktig svar: sant" in html
    assert "Ola Hansen" not in html and "@example.com" not in html  # aggregates only by default
    CliRunner().invoke(main, ["report", str(exports / "interactions.txt"), "--source", str(COURSE),
                              "--out", str(out), "--names"])
    assert "Per Olsen" in out.read_text(encoding="utf-8")


def test_sort_responses_read_in_both_formats_and_right_answers():
    course, _ = load_course(REPO)
    q = next(q for q in course.quiz.questions if q.type == "sort")
    words = WORDS["nb"]
    categories = [c.id for c in q.categories]
    as_12 = ",".join(f"{chr(97 + n)}.{categories.index(item.category) + 1}" for n, item in enumerate(q.items))
    as_2004 = "[,]".join(f"{item.id}[.]{item.category}" for item in q.items)
    described = describe_response(q, as_12, words)[0]
    assert described == describe_response(q, as_2004, words)[0] == right_answer(q, words)
    assert described.startswith(f"{q.items[0].text} → ")
    wrong = as_2004.replace(f"{q.items[0].id}[.]{q.items[0].category}",
                            f"{q.items[0].id}[.]{next(c for c in categories if c != q.items[0].category)}")
    assert describe_response(q, wrong, words)[0] != described
    for foreign in ("a.9", "z.1", "x[.]y", "nonsense"):  # codes that do not fit the question are shown raw
        assert describe_response(q, foreign, words) == (foreign, "")


def test_report_words_exist_in_every_language():
    assert WORDS["nn"].keys() == WORDS["nb"].keys() == WORDS["en"].keys()
    assert WORDS["nn"]["people"] != WORDS["nb"]["people"]  # nynorsk, not a copy of bokmål


def test_export_from_another_course_still_reports(exports, tmp_path):
    result = CliRunner().invoke(main, ["report", str(exports / "interactions.txt"), "--source", str(REPO),
                                       "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 0
    assert "not in the course's quiz (counted by id only): q1, q2" in result.output


def test_hostile_text_is_escaped(exports, course, tmp_path):
    text = (exports / "interactions.txt").read_text(encoding="utf-8").replace("Kari Nordmann", "<script>alert(1)</script>")
    path = tmp_path / "x.txt"
    path.write_text(text, encoding="utf-8")
    out = tmp_path / "r.html"
    run([path], COURSE, out, names=True)
    html = out.read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("content, message", [
    (b"", "the file is empty"),
    (bytes(range(256)) * 10, "not a text export"),
    (b"<html>\n<body>Log in</body>\n</html>\n", "no column of attempt numbers"),
    (b"Name\tAttempt\n", "has no attempts"),
])
def test_files_that_are_not_exports(tmp_path, content, message):
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    with pytest.raises(ExportError, match=message):
        read_export(path)


def test_corrupt_and_protected_excel(tmp_path):
    not_xlsx = tmp_path / "a.xlsx"
    with zipfile.ZipFile(not_xlsx, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    with pytest.raises(ExportError, match="not a readable Excel"):
        read_export(not_xlsx)
    protected = tmp_path / "b.xlsx"
    protected.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)  # how an encrypted workbook begins
    with pytest.raises(ExportError, match="password-protected"):
        read_export(protected)


def test_cli_error_has_no_traceback(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("")
    result = CliRunner().invoke(main, ["report", str(path), "--source", str(COURSE), "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 1 and "the file is empty" in result.output and "Traceback" not in result.output
