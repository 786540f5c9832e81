"""The streamed tally against a plain in-memory computation on generated exports, over several random seeds, in
every format and row order; groups; the progress bar."""

from __future__ import annotations

import io
import random
import sys
import time
import zipfile
from collections import Counter, defaultdict
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from benchmarks.exports import header, rows, write_text, write_xlsx
from builder.report import Request, run
from builder.report.figures import GroupRow, merge_small
from builder.report.progress import progress

PASS = 80


def in_memory(data: list[list[str]], answers: int) -> dict:
    """The figures the slow, obvious way: every row in a list, every person in a dict."""
    people: dict[str, list[list[str]]] = defaultdict(list)
    for row in data:
        people[row[1]].append(row)
    questions: dict[tuple[str, str], list] = {}
    bins: Counter = Counter()
    status: Counter = Counter()
    needed: Counter = Counter()
    departments: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for person_rows in people.values():
        graded = [r for r in person_rows if r[7] != "Incomplete"]
        passing = sorted(int(r[3]) for r in graded if float(r[6]) >= PASS)
        latest = max(person_rows, key=lambda r: int(r[3]))  # without a pass, the latest attempt tells
        status["passed" if passing else "open" if latest[7] == "Incomplete" else "failed"] += 1
        if passing:
            needed[passing[0]] += 1
        group = departments[person_rows[0][2]]
        group[0] += 1
        group[1] += bool(passing)
        for r in graded:
            bins[min(int(float(r[6]) // 10), 9)] += 1
    for row in data:
        for i in range(8, 8 + 4 * answers, 4):
            if row[i]:
                q = questions.setdefault((row[i], row[i + 2]), [0, 0, Counter()])
                q[0] += 1
                if row[i + 3] == "correct":
                    q[1] += 1
                else:
                    q[2][row[i + 1]] += 1
    groups = merge_small([GroupRow(name, *counts) for name, counts in sorted(departments.items())])
    return {"learners": len(people), "attempts": len(data), "status": +status,
            "needed": sorted(needed.items()), "bins": [bins.get(b, 0) for b in range(10)],
            "questions": sorted((qid, right, n, r, dict(w)) for (qid, right), (n, r, w) in questions.items()),
            "groups": [(g.label, g.learners, g.done) for g in groups]}


def streamed(f) -> dict:
    return {"learners": f.enrolled, "attempts": f.attempts, "status": +Counter(f.status),
            "needed": [tuple(n) for n in f.attempts_needed], "bins": [n for _, n in f.score_bins],
            "questions": sorted((q.id, q.right_code, q.answered, q.right, dict(q.wrong)) for q in f.questions),
            "groups": [(g.label, g.learners, g.done) for g in f.groups.get("Department", [])]}


def write_rows(path: Path, data: list[list[str]], answers: int) -> Path:
    path.write_text("\n".join("\t".join(r) for r in [header(answers), *data]) + "\n", encoding="utf-8")
    return path


def figures_of(tmp_path: Path, *paths: Path):
    return run(Request(list(paths), tmp_path / "r.html", passing_score=PASS))[0]


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_streamed_equals_in_memory_in_any_row_order(tmp_path, seed):
    rng = random.Random(seed)
    learners, answers = rng.randint(20, 400), rng.randint(1, 12)
    data = list(rows(learners, answers, seed))
    expected = in_memory(data, answers)
    assert all(expected["status"][s] for s in ("passed", "failed", "open"))  # the data exercises every branch
    assert streamed(figures_of(tmp_path, write_text(tmp_path / "a.txt", learners, answers, seed))) == expected
    shuffled = data[:]
    rng.shuffle(shuffled)  # a download sorted by score: one person's attempts are no longer side by side
    assert streamed(figures_of(tmp_path, write_rows(tmp_path / "b.txt", shuffled, answers))) == expected


@pytest.mark.parametrize("seed", [6, 7])
def test_overlapping_exports_count_each_attempt_once(tmp_path, seed):
    data = list(rows(150, 6, seed))
    expected = in_memory(data, 6)
    full = write_rows(tmp_path / "all.txt", data, 6)
    half = write_rows(tmp_path / "half.txt", data[::2], 6)  # a second download of part of the same attempts
    basic = tmp_path / "basic.txt"  # the Basic report: no SCO column, no answers
    basic.write_text("\n".join("\t".join(r[:7]) for r in [header(6), *data]) + "\n", encoding="utf-8")
    assert streamed(figures_of(tmp_path, half, full, basic)) == expected
    assert streamed(figures_of(tmp_path, full, full)) == expected


def ods(path: Path, data: list[list[str]]) -> Path:
    """A minimal OpenDocument spreadsheet laid out as Moodle writes it (line breaks between cells, numbers as
    floats, runs of empty cells as one repeated cell)."""
    body = []
    for row in data:
        cells, i = [], 0
        while i < len(row):
            value = row[i]
            if value == "":
                run_length = next((j for j in range(i, len(row)) if row[j]), len(row)) - i
                cells.append(f'<table:table-cell table:number-columns-repeated="{run_length}"/>')
                i += run_length
                continue
            if value.isdigit():
                cells.append(f'<table:table-cell office:value-type="float" office:value="{value}">'
                             f"<text:p>{value}</text:p></table:table-cell>")
            else:
                cells.append(f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p>'
                             "</table:table-cell>")
            i += 1
        body.append("<table:table-row>\n" + "\n".join(cells) + "\n</table:table-row>")
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>\n'
               '<table:table table:name="Report">\n' + "\n".join(body) +
               '\n<table:table-row table:number-rows-repeated="1048000"><table:table-cell/></table:table-row>'
               "\n</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    return path


def test_every_format_streams_to_the_same_figures(tmp_path):
    data = list(rows(120, 12, 9))
    expected = in_memory(data, 12)
    text = write_text(tmp_path / "t", 120, 12, 9)
    xlsx = write_xlsx(tmp_path / "x", 120, 12, 9)
    spreadsheet = ods(tmp_path / "o", [header(12), *data])
    for path in (text, xlsx, spreadsheet):
        assert streamed(figures_of(tmp_path, path)) == expected, path


def test_small_groups_are_merged_and_named():
    rows_in = [GroupRow("Helse", 40, 30, 2), GroupRow("Skole", 6, 6, 0), GroupRow("Kultur", 3, 3, 0),
               GroupRow("Lite kontor", 1, 0, 1)]
    merged = merge_small(rows_in)
    # Kultur and Lite kontor make only 4 together: «Andre» names them and hides its figures; Skole (6) stays.
    assert [(r.label, r.learners, r.hidden) for r in merged] == [("Helse", 40, False), ("Skole", 6, False),
                                                                  (None, 4, True)]
    assert merged[-1].members == ["Kultur", "Lite kontor"]
    assert merge_small([GroupRow("A", 9, 9, 0), GroupRow("B", 12, 1, 0)]) == \
        [GroupRow("B", 12, 1, 0), GroupRow("A", 9, 9, 0)]


def test_group_table_in_the_report(tmp_path):
    path = write_text(tmp_path / "t.txt", 300, 4, 11)
    run(Request([path], tmp_path / "r.html", passing_score=PASS))
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Per avdeling" in html and "<td>Andre <span" in html and "Lite kontor" in html  # named, merged


def test_an_id_like_field_gives_no_group_table(tmp_path):
    data = [r[:2] + [r[1]] + r[3:] for r in rows(60, 3, 2)]  # "Department" holds each person's own address
    f = figures_of(tmp_path, write_rows(tmp_path / "t.txt", data, 3))
    assert f.groups == {}


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("terminal", [True, False])
def test_progress_bar_only_on_a_terminal_and_only_after_a_second(monkeypatch, terminal):
    stream = Terminal() if terminal else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stream)
    with progress("eksport.txt", 1000) as bar:
        bar.update(100)
        quick = stream.getvalue()
        time.sleep(1.2)
        bar.update(100)
        bar.refresh()
    assert quick == ""  # nothing for inputs that are read within a second
    assert ("eksport.txt" in stream.getvalue()) is terminal


def test_report_benchmark_runs_and_reports_its_figures(tmp_path):
    import json
    import subprocess

    from tests.conftest import REPO

    result = subprocess.run([sys.executable, "-m", "benchmarks.report", "--sizes", "300", "--runs", "1",
                             "--cache", str(tmp_path / "exports")], capture_output=True, text=True,
                            cwd=REPO, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    for kind in ("text", "xlsx", "ods"):
        assert f"| {kind} | 300 |" in result.stdout and f"- {kind}, 300 learners" in result.stdout
    figures = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    expected_rows = 1 + len(list(rows(300, not_started=True)))  # the header, then every attempt or enrolment
    assert all(f["read"]["code"] == 0 and f["read"]["rows"] == expected_rows for f in figures)
    assert all(f["report_started"]["code"] == 0 and f["read"]["peak_mb"] > 5 for f in figures)


def with_departments(tmp_path: Path, groups: int, learners: int = 20):
    """The figures of `learners` people, split over `groups` departments of the same size."""
    people = sorted({r[1] for r in rows(learners, 3, 2)})
    data = [r[:2] + [f"Enhet {people.index(r[1]) % groups}"] + r[3:] for r in rows(learners, 3, 2)]
    return figures_of(tmp_path, write_rows(tmp_path / "t.txt", data, 3))


def test_two_departments_are_enough_for_a_group_table(tmp_path):
    f = with_departments(tmp_path, 2)
    assert [(g.label, g.learners) for g in f.groups["Department"]] == [("Enhet 0", 10), ("Enhet 1", 10)]


def test_a_field_with_half_as_many_values_as_people_is_still_groups_and_all_small_ones_are_only_named(tmp_path):
    """Two people per value is not an id-like field (more values than half the people is): each group is under
    five, so the field is named with its groups and no figures, not left out and not a table of one row."""
    f = with_departments(tmp_path, 10)
    assert f.groups == {} and f.small_fields == {"Department": [f"Enhet {n}" for n in range(10)]}
