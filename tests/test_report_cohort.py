"""Moodle's default download («Attempts from: all users») of a realistic department, in its three formats, checked
against a hand count; the Basic and Objectives reports alone; wrong downloads; languages; another version."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder.build import build
from builder.cli import main
from builder.report import Refusal, Request, run
from builder.report.course_info import from_source
from tests.conftest import REPO
from tests.test_report import COURSE as COURSE_1_0, SHARED, to_2004

COURSE_2_0 = REPO / "tests" / "fixtures" / "course-2.0.0"  # the course as it was when the cohort took it

COHORT = SHARED / "moodle-4.3-cohort"
DOWNLOADS = REPO / "tests" / "fixtures" / "moodle-downloads"
FORMATS = ["interactions.txt", "interactions.xlsx", "interactions.ods"]

# The hand count, read off interactions.txt row by row (SCO column, then the interactions):
#   passed (100 in the SCO column): Nora, Tone, Ingrid, Jonas (15 answers, all right), Maja (30 answers: 15 wrong,
#     then 15 right: she passed on her second quiz attempt, on a later visit);
#   failed with no attempts left: Odd (0 in the SCO column; 45 answers = all three quiz attempts);
#   in progress («Incomplete»): Sofie and Lars (15 wrong answers each, attempts left), Ahmed (lessons only);
#   not started («-», «Not attempted»): Emil, Ali, Lene, Test Student, Kari, Ola, Aisha, Per.
PASSED = {"Nora Haugen", "Tone Eide", "Ingrid Berg", "Jonas Lie", "Maja Bakke"}
FAILED = {"Odd Vik"}
OPEN = {"Sofie Dahl", "Lars Moe", "Ahmed Nur"}
NOT_STARTED = {"Emil Strand", "Ali Rahimi", "Lene Aas", "Test Student", "Kari Nordmann", "Ola Hansen",
               "Aisha Khan", "Per Olsen"}


@pytest.fixture(scope="module")
def cohort() -> Path:
    if not COHORT.is_dir():
        pytest.skip(f"the shared Moodle exports are not at {COHORT}")
    return COHORT


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    """The course's 2.0.0 package, the one the cohort took (per_lesson 2, draw 15, pass 80 %, 3 attempts)."""
    course = from_source(COURSE_2_0)
    assert (course.version, course.passing_score, course.per_attempt, course.max_attempts) == ("2.0.0", 80, 15, 3)
    _, built = build(COURSE_2_0, tmp_path_factory.mktemp("dist"), "1.2")
    return built[0].path


def run_report(tmp_path: Path, *exports: Path, **options):
    out = tmp_path / "r.html"
    fig, lines = run(Request(list(exports), out, **options))
    return fig, out.read_text(encoding="utf-8"), lines


def people(tmp_path: Path, *exports: Path, **options) -> dict[str, set[str]]:
    """Who is on which list of the CSV file."""
    run(Request(list(exports), tmp_path / "r.html", csv=tmp_path / "l.csv", **options))
    lists: dict[str, set[str]] = {}
    with (tmp_path / "l.csv").open(encoding="utf-8-sig", newline="") as handle:
        for row in list(csv.reader(handle, delimiter=";"))[1:]:
            lists.setdefault(f"{row[0]}: {row[3]}", set()).add(row[1])
    return lists


@pytest.mark.parametrize("name", FORMATS)
def test_cohort_in_every_format_equals_the_hand_count(cohort, package, tmp_path, name):
    fig, html, _ = run_report(tmp_path, cohort / name, package=package, names=True)
    assert fig.enrolled == 17 and fig.done == 5
    assert {k: v for k, v in fig.status.items() if v} == {"passed": 5, "failed": 1, "open": 3, "not_started": 8}
    assert fig.attempts_needed == [(1, 4), (2, 1)]  # Maja passed on her second quiz attempt
    assert "5 av 17 påmeldte har bestått." in html and "Status per 3. desember 2026" in html
    assert people(tmp_path, cohort / name, package=package) == {
        "Bestått/fullført: bestått": PASSED, "Følges opp: ikke bestått (alle forsøk brukt)": FAILED,
        "Følges opp: i gang": OPEN, "Følges opp: ikke startet": NOT_STARTED}


def test_three_formats_give_the_same_figures(cohort, package, tmp_path):
    def figures(name):
        fig = run_report(tmp_path, cohort / name, package=package)[0]
        return (fig.status, fig.attempts, fig.attempts_needed, fig.score_bins, fig.groups, fig.small_fields,
                sorted((q.id, q.answered, q.right, dict(q.wrong), q.item) for q in fig.questions))
    text, xlsx, ods = (figures(name) for name in FORMATS)
    assert text == xlsx == ods


def test_the_page_is_a_dated_record(cohort, package, tmp_path):
    _, html, lines = run_report(tmp_path, cohort / "interactions.txt", package=package, names=True)
    assert "Kurs: Sosiale medier – som offentlig ansatt og som privatperson, versjon 2.0.0" in html
    assert f"(fra {package.name})" in html and str(package.parent) not in html
    assert "Aktivitet (SCO) i eksporten: Sosiale medier – som offentlig ansatt og som privatperson" in html
    assert "December" not in html and "PM" not in html  # dates in Norwegian
    done = html.split("<h2>Har bestått eller fullført</h2>")[1].split("</table>")[0]
    assert "Maja Bakke" in done and "3. desember 2026 kl. 16.27" in done and "Odd Vik" not in done
    follow = html.split("<h2>Må følges opp</h2>")[1].split("</table>")[0]
    assert not any(name in follow for name in PASSED)
    assert lines[0] == "Status per 3. desember 2026: 5 av 17 påmeldte har bestått"


def test_without_the_pass_mark_nothing_is_guessed(cohort, tmp_path):
    fig, html, lines = run_report(tmp_path, cohort / "interactions.txt", names=True)
    # Five 100s and Odd's 0 are finished attempts: neither passed nor failed without the pass mark.
    assert {k: v for k, v in fig.status.items() if v} == {"finished": 6, "open": 3, "not_started": 8}
    assert "17 påmeldte; hvor mange som har bestått, er ukjent" in lines[0]
    assert "--package KURS.zip" in html and "har bestått." not in html
    follow = html.split("<h2>Må følges opp</h2>")[1].split("</table>")[0]
    assert not any(name in follow for name in PASSED | FAILED)
    undecided = html.split("<h2>Avsluttet testen, bestått ukjent</h2>")[1].split("</table>")[0]
    assert "avsluttet, 100 poeng" in undecided and "Odd Vik" in undecided


def test_pass_mark_from_the_command_line(cohort, tmp_path):
    fig = run_report(tmp_path, cohort / "interactions.txt", passing_score=80)[0]
    assert (fig.status["passed"], fig.status["failed"]) == (5, 1)


def without_columns(src: Path, dest: Path, *headers: str) -> Path:
    rows = list(csv.reader(src.open(encoding="utf-8-sig", newline=""), delimiter="\t"))
    keep = [i for i, h in enumerate(rows[0]) if h not in headers]
    with dest.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter="\t", lineterminator="\n").writerows([[r[i] for i in keep] for r in rows])
    return dest


@pytest.mark.parametrize("dropped", [("Department",), ("Email address", "Department")])
def test_without_identity_fields(cohort, package, tmp_path, dropped):
    path = without_columns(cohort / "interactions.txt", tmp_path / "x.txt", *dropped)
    fig, html, _ = run_report(tmp_path, path, package=package)
    assert (fig.enrolled, fig.done, fig.status["not_started"]) == (17, 5, 8) and fig.groups == {}
    assert "showuseridentity" in html and "User policies" in html


def test_department_groups_with_empty_values(cohort, package, tmp_path):
    fig, html, _ = run_report(tmp_path, cohort / "interactions.txt", package=package)
    # 5 with no department make a group of their own; the four departments (4, 4, 3, 1) are «Andre», named.
    rows = fig.groups["Department"]
    assert [(r.label, r.learners, r.done, r.not_started) for r in rows] == [("", 5, 0, 5), (None, 12, 5, 3)]
    assert sorted(rows[1].members) == ["Helse og omsorg", "Oppvekst", "Rådmannens stab", "Teknisk"]
    assert "ikke oppgitt" in html and "Helse og omsorg" in html and "showuseridentity" not in html


def test_scorm_2004_codes(cohort, package, tmp_path):
    course = from_source(COURSE_2_0)
    rows = list(csv.reader((cohort / "interactions.txt").open(encoding="utf-8-sig", newline=""), delimiter="\t"))
    for row in rows[1:]:
        for i in range(8, len(row) - 3, 4):
            if row[i]:
                q = course.questions[row[i]]
                row[i + 1], row[i + 2] = to_2004(q, row[i + 1]), to_2004(q, row[i + 2])
                row[i + 3] = "incorrect" if row[i + 3] == "wrong" else row[i + 3]
    path = tmp_path / "2004.txt"
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out, delimiter="\t", lineterminator="\n").writerows(rows)
    assert "[,]" in path.read_text(encoding="utf-8")
    as_2004 = run_report(tmp_path, path, package=package)[0]
    as_12 = run_report(tmp_path, cohort / "interactions.txt", package=package)[0]
    assert as_2004.status == as_12.status and as_2004.other_versions == []
    assert [(q.id, q.answered, q.right) for q in as_2004.questions] == [(q.id, q.answered, q.right)
                                                                       for q in as_12.questions]


@pytest.mark.parametrize("name", ["basic.txt", "basic.xlsx", "basic.ods"])
def test_basic_report_alone_tells_only_what_it_can(cohort, package, tmp_path, name):
    fig, html, _ = run_report(tmp_path, cohort / name, package=package, names=True)
    # Started or not is known; a score at the pass mark is a pass; a 0 may be unfinished or failed.
    assert {k: v for k, v in fig.status.items() if v} == {"passed": 5, "unknown": 4, "not_started": 8}
    assert not fig.status_known and "grunnleggende rapporten (Moodle: Basic report)" in html and "Reports → Interactions report" in html
    assert "Poengfordeling" not in html and fig.questions == []
    follow = html.split("<h2>Må følges opp</h2>")[1].split("</table>")[0]
    assert "Odd Vik" in follow and "startet, status ukjent" in follow and "ikke bestått" not in follow


@pytest.mark.parametrize("name", ["objectives.txt", "objectives.xlsx", "objectives.ods"])
def test_objectives_report_alone_has_status_but_no_answers(cohort, package, tmp_path, name):
    fig, html, _ = run_report(tmp_path, cohort / name, package=package)
    assert {k: v for k, v in fig.status.items() if v} == {"passed": 5, "failed": 1, "open": 3, "not_started": 8}
    assert fig.questions == [] and "ingen svar per spørsmål" in html and "Reports → Interactions report" in html


def test_basic_and_interactions_together_count_each_attempt_once(cohort, package, tmp_path):
    both = run_report(tmp_path, cohort / "basic.xlsx", cohort / "interactions.ods", package=package)[0]
    alone = run_report(tmp_path, cohort / "interactions.ods", package=package)[0]
    assert both.status == alone.status and both.attempts == alone.attempts == 9


@pytest.mark.parametrize("name, code", [("gradebook.csv", "download-gradebook"),
                                        ("course-completion.csv", "download-completion"),
                                        ("activity-completion.csv", "download-completion")])
def test_wrong_downloads_get_their_advice(tmp_path, name, code):
    result = CliRunner().invoke(main, ["report", str(DOWNLOADS / name), "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 1 and f"[{code}]" in result.output, result.output
    assert "interaksjonsrapporten" in result.output and "Reports → Interactions report" in result.output
    assert not (tmp_path / "r.html").exists()
    english = CliRunner().invoke(main, ["report", str(DOWNLOADS / name), "--lang", "en", "--out",
                                        str(tmp_path / "r.html")])
    assert english.output.startswith("error: ") and f"[{code}]" in english.output


def test_an_export_from_another_version_says_so(cohort, tmp_path):
    fig, html, lines = run_report(tmp_path, cohort / "interactions.txt", source=COURSE_1_0)
    assert fig.another_version == (35, 49)
    assert "trolig fra en annen versjon av kurset: 35 av 49 spørsmål" in html
    assert any("annen versjon" in line for line in lines)
    same = run_report(tmp_path, cohort / "interactions.txt", passing_score=80)[0]
    assert same.another_version is None


@pytest.mark.parametrize("lang, headline, date", [
    ("nn", "5 av 17 påmelde har bestått.", "3. desember 2026"),
    ("en", "5 of 17 enrolled have passed.", "3 December 2026"),
])
def test_languages(cohort, package, tmp_path, lang, headline, date):
    _, html, lines = run_report(tmp_path, cohort / "interactions.txt", package=package, lang=lang, names=True)
    assert headline in html and date in html and f'<html lang="{lang}">' in html
    assert "påmeldte" not in html  # no bokmål left over


def test_refusals_are_in_the_reports_language(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Hei\tHR\nDette er\tbare tekst\n", encoding="utf-8")
    with pytest.raises(Refusal) as nynorsk:
        run(Request([path], tmp_path / "r.html", lang="nn"))
    assert "ikkje ein SCORM-rapport" in str(nynorsk.value) and str(nynorsk.value).endswith("[not-an-export]")


def test_all_small_groups_are_named_without_figures(cohort, package, tmp_path):
    rows = (cohort / "interactions.txt").read_text(encoding="utf-8").splitlines()
    kept = [r for r in rows if r.split("\t")[2] != ""]  # the five without a department left out: 4, 4, 3 and 1
    path = tmp_path / "x.txt"
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    fig, html, _ = run_report(tmp_path, path, package=package)
    assert fig.enrolled == 12 and fig.groups == {}
    assert sorted(fig.small_fields["Department"]) == ["Helse og omsorg", "Oppvekst", "Rådmannens stab", "Teknisk"]
    assert "Per avdeling: alle gruppene har færre enn 5 påmeldte" in html and "Rådmannens stab" in html


@pytest.mark.parametrize("header", ["Department", "Avdeling"])  # moodle|department in an English or bokmål Moodle
@pytest.mark.parametrize("lang, caption", [("nb", "Per avdeling"), ("nn", "Per avdeling"), ("en", "By department")])
def test_the_department_column_is_named_in_the_reports_language(cohort, package, tmp_path, header, lang, caption):
    rows = (cohort / "interactions.txt").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "x.txt"
    path.write_text("\n".join([rows[0].replace("\tDepartment\t", f"\t{header}\t"), *rows[1:]]) + "\n",
                    encoding="utf-8")
    fig, html, _ = run_report(tmp_path, path, package=package, lang=lang)
    assert [r.learners for r in fig.groups[header]] == [5, 12]  # still grouped by that column
    assert f"<caption>{caption}</caption>" in html and header not in html


def test_status_date_from_the_file_when_no_one_has_started(cohort, tmp_path):
    rows = (cohort / "basic.txt").read_text(encoding="utf-8").splitlines()
    path = tmp_path / "x.txt"
    path.write_text("\n".join(r for r in rows if "\t-\t" in r or r.startswith("Name")) + "\n", encoding="utf-8")
    fig, html, _ = run_report(tmp_path, path, passing_score=80)
    assert fig.date_from_file and fig.status == {**dict.fromkeys(fig.status, 0), "not_started": 8}
    assert "datoen er filens tidspunkt" in html and "0 av 8 påmeldte har bestått." in html


def test_item_analysis_as_json(cohort, package, tmp_path):
    out = tmp_path / "items.json"
    fig = run(Request([cohort / "interactions.txt"], tmp_path / "r.html", package=package, json=out))[0]
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["version"] == "2.0.0" and data["method"] == "corrected point-biserial correlation"
    assert len(data["questions"]) == len(fig.questions) == 49
    first = data["questions"][0]
    assert set(first) == {"id", "right_answer_recorded", "text", "answered", "right", "difficulty",
                          "discrimination", "quiz_attempts", "flags"}
    assert sum(q["answered"] for q in data["questions"]) == 15 * 4 + 30 + 45 + 15 * 2  # every quiz answer


def test_a_nynorsk_course_gives_a_nynorsk_page(cohort, tmp_path, monkeypatch):
    import builder.report as report

    course = from_source(COURSE_2_0)
    course.language = "nn"
    monkeypatch.setattr(report, "from_source", lambda source: course)
    _, html, lines = run_report(tmp_path, cohort / "interactions.txt", source=COURSE_2_0)
    assert "5 av 17 påmelde har bestått." in html and lines[-1].startswith("rapporten skriven til")


def test_a_lessons_only_rule_counts_completed_and_trusts_no_score(cohort, tmp_path, monkeypatch):
    import builder.report as report

    course = from_source(COURSE_2_0)
    course.completion = "lessons"  # the quiz does not decide: a score in the SCO column hides the status
    monkeypatch.setattr(report, "from_source", lambda source: course)
    fig, html, _ = run_report(tmp_path, cohort / "interactions.txt", source=COURSE_2_0)
    assert fig.headline == "completed" and fig.done == 0
    assert {k: v for k, v in fig.status.items() if v} == {"unknown": 6, "open": 3, "not_started": 8}
    assert "0 av 17 påmeldte har fullført." in html and "har bestått." not in html
