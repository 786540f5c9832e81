"""The HR report on the real Moodle 4.3 exports: every format, with and without the course, and bad input."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
from markupsafe import escape
from click.testing import CliRunner

from builder.build import build
from builder.cli import main
from builder.report import WORDS, Request, run
from builder.report.course_info import from_source
from builder.report.responses import describe_response, right_answer, right_codes
from tests.conftest import REPO

# ../shared from the main checkout; a worktree in /work/wt/<name> finds it one level further up
SHARED = next((p / "shared" / "lms-exports" for p in (REPO.parent, REPO.parent.parent)
               if (p / "shared" / "lms-exports").is_dir()), REPO.parent / "shared" / "lms-exports")
COURSE_EXPORTS = SHARED / "moodle-4.3-course"  # this course, version 1.0.0, in Moodle's three formats
SMALL_EXPORTS = SHARED / "moodle-4.3"  # a two-question test course: a retry, an unfinished attempt
COURSE = REPO / "tests" / "fixtures" / "course-1.0.0"  # the course as it was when those exports were made
SMALL_COURSE = REPO / "tests" / "fixtures" / "report-course"
FORMATS = ["interactions.txt", "interactions.xlsx", "interactions.ods"]
# The headers in bokmål where Moodle's pack gives them (docs/lms.md «Kilder»: moodle|name, email, scorm|attempt,
# started, last, score); the numbered four are not in any pack checked and only need to end in their number.
NORWEGIAN = {"Name": "Navn", "Email address": "E-postadresse", "Attempt": "Forsøk", "Started on": "Startet",
             "Last accessed on": "Sist brukt", "Score": "Resultat", "Question": "Spørsmål", "Response": "Svar",
             "Right answer": "Riktig svar", "Result": "Resultat"}


@pytest.fixture(scope="module")
def exports() -> Path:
    if not COURSE_EXPORTS.is_dir() or not SMALL_EXPORTS.is_dir():
        pytest.skip(f"the shared Moodle exports are not at {SHARED}")
    return COURSE_EXPORTS


@pytest.fixture(scope="module")
def package(tmp_path_factory) -> Path:
    """The SCORM 1.2 zip HR uploaded, built here from the pinned sources."""
    _, built = build(COURSE, tmp_path_factory.mktemp("dist"), "1.2")
    return built[0].path


def report(tmp_path, *exports, **options):
    return run(Request(list(exports), tmp_path / "r.html", **options))[0]


def numbers(f) -> dict:
    """Every figure of a report, without the course's words."""
    return {"enrolled": f.enrolled, "attempts": f.attempts, "status": f.status, "known": f.status_known,
            "needed": f.attempts_needed, "bins": f.score_bins,
            "questions": sorted((q.id, q.right_code, q.answered, q.right, dict(q.wrong)) for q in f.questions),
            "other": [(q.id, q.right_code) for q in f.other_versions], "groups": f.groups}


@pytest.mark.parametrize("name", FORMATS)
def test_each_format_gives_the_real_figures(exports, tmp_path, name):
    f = report(tmp_path, exports / name, source=COURSE)
    # Test Student and Per passed; Kari and Ola used every attempt; Aisha stopped after three lessons
    assert (f.enrolled, f.attempts, f.done) == (5, 5, 2)
    assert (f.status["passed"], f.status["failed"], f.status["open"], f.status["not_started"]) == (2, 2, 1, 0)
    assert f.status_known and f.passing_score == 80
    assert dict(f.score_bins)["0–9"] == 2 and dict(f.score_bins)["90–100"] == 2
    assert f.other_versions == [] and f.unknown_ids == [] and f.mixed_ids == []
    by_id = {q.id: q for q in f.questions}
    assert (by_id["tre-hvem-sporre"].answered, by_id["tre-hvem-sporre"].right) == (4, 2)
    assert by_id["tre-hvem-sporre"].wrong == {"d": 2}
    assert sum(q.answered for q in f.questions) == 48 and sum(q.right for q in f.questions) == 24
    assert all(q.question is not None for q in f.questions)


def test_three_formats_agree_on_every_number(exports, tmp_path):
    text, xlsx, ods = (numbers(report(tmp_path, exports / name, source=COURSE)) for name in FORMATS)
    assert text == xlsx == ods


def test_export_alone_package_and_source_agree(exports, package, tmp_path):
    alone = report(tmp_path, exports / "interactions.ods", passing_score=80)
    with_package = report(tmp_path, exports / "interactions.ods", package=package)
    with_source = report(tmp_path, exports / "interactions.ods", source=COURSE)
    assert numbers(alone) == numbers(with_package) == numbers(with_source)
    assert all(q.question is None for q in alone.questions)
    def words(fig):
        # each type has only its own fields: a missing one reads as None (or no entries) on both sides
        return [(q.text, q.lesson, [(o.text, o.correct, o.feedback) for o in getattr(q, "options", [])],
                 getattr(q, "answer", None), getattr(q, "feedback_true", None), getattr(q, "feedback_false", None),
                 [(i.text, i.category) for i in getattr(q, "items", [])]) for q in (x.question for x in fig.questions)]

    assert words(with_package) == words(with_source)


def test_export_alone_shows_codes_and_does_not_guess_the_pass_mark(exports, tmp_path):
    f = report(tmp_path, exports / "interactions.txt", names=True)
    # Four finished attempts (two with 100, two with 0): without the pass mark none is passed and none failed.
    assert not f.pass_known and f.headline == "no_pass_mark"
    assert (f.status["finished"], f.status["open"], f.status["passed"], f.status["failed"]) == (4, 1, 0, 0)
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Grensen for bestått er ukjent" in html and "Laget bare fra eksporten" in html and "--package" in html
    assert "tre-hvem-sporre" in html and "Hva" not in html.split("<main>")[1].split("tre-")[0]
    assert "har bestått:" not in html and "avsluttet, bestått ukjent: 4 (80 %)" in html
    follow = html.split("<h2>Må følges opp</h2>")[1].split("</table>")[0]
    assert "Aisha Khan" in follow and "Test Student" not in follow and "Kari Nordmann" not in follow
    assert "avsluttet, 100 poeng" in html and "avsluttet, 0 poeng" in html
    result = CliRunner().invoke(main, ["report", str(exports / "interactions.txt"), "--out", str(tmp_path / "a.html")])
    assert result.exit_code == 0, result.output
    assert "5 påmeldte; hvor mange som har bestått, er ukjent" in result.output
    assert "grensen for bestått er ukjent: gi kurspakken med --package" in result.output


def test_package_adds_the_course_words(exports, package, tmp_path):
    report(tmp_path, exports / "interactions.xlsx", package=package)
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    course = from_source(COURSE)
    question = course.questions["ans-anonym-historie"]
    assert question.text in html
    wrong = next(o for o in question.options if o.feedback and not o.correct)
    assert wrong.feedback in html  # the misconception the most common wrong answer reveals
    assert course.lessons[question.lesson] in html
    assert "Grensen for bestått er 80 %" in html
    assert f"fra {package.name})" in html and str(package.parent) not in html  # the file's name, not its folder


def test_summary_names_the_three_hardest_and_their_misconceptions(exports, tmp_path):
    f = report(tmp_path, exports / "interactions.txt", source=COURSE)
    hardest = f.hardest()
    assert len(hardest) == 3 and all(q.rate == 0 and q.answered == 2 for q in hardest)
    summary = (tmp_path / "r.html").read_text(encoding="utf-8").split("<h2>Oversikt</h2>")[0]
    assert "2 av 5 påmeldte har bestått." in summary
    assert "2 har ikke bestått og har brukt alle forsøkene, 1 er i gang, og 0 har ikke startet." in summary
    for q in hardest:
        code = q.wrong.most_common(1)[0][0]
        words, feedback = describe_response(q.question, code, WORDS["nb"])
        assert q.question.text in summary and all(f"«{w}»" in summary for w in words)
        assert not feedback or feedback in summary


def small(tmp_path, *names, **options):
    if not SMALL_EXPORTS.is_dir():
        pytest.skip(f"the shared Moodle exports are not at {SMALL_EXPORTS}")
    return report(tmp_path, *(SMALL_EXPORTS / n for n in names), source=SMALL_COURSE, **options)


def test_retry_and_unfinished_attempt(tmp_path):
    f = small(tmp_path, "interactions.txt")
    assert (f.enrolled, f.attempts, f.status["passed"], f.status["open"]) == (5, 6, 4, 1)
    assert f.attempts_needed == [(1, 3), (2, 1)]  # Ola Hansen failed, then passed on his second attempt
    assert {(q.id, q.right, q.answered) for q in f.questions} == {("q1", 4, 5), ("q2", 4, 5)}


def test_basic_and_interactions_reports_merge(tmp_path):
    both = small(tmp_path, "basic.xlsx", "interactions.txt")
    assert numbers(both) == numbers(small(tmp_path, "interactions.txt"))


def test_basic_report_alone_does_not_claim_completion(tmp_path):
    f = small(tmp_path, "basic.txt")
    # Per Olsen's unfinished attempt reads as 0 there: started, status unknown; the 100s are at the pass mark.
    assert not f.status_known and f.status["passed"] == 4 and f.status["unknown"] == 1 and f.status["open"] == 0
    assert "grunnleggende rapporten (Moodle: Basic report)" in (tmp_path / "r.html").read_text(encoding="utf-8")


def translated_text(src: Path, dest: Path) -> Path:
    lines = src.read_text(encoding="utf-8").splitlines()
    header = []
    for cell in lines[0].split("\t"):
        cell = cell.strip('"')
        word, _, number = cell.rpartition(" ")
        numbered = number.isdigit() and word in NORWEGIAN
        header.append(f"{NORWEGIAN[word]} {number}" if numbered else NORWEGIAN.get(cell, cell))
    body = [line.replace("Wednesday, 25 November 2026, 3:42 PM", "onsdag 25. november 2026, 15:42")
            .replace("Incomplete", "Ufullstendig") for line in lines[1:]]  # scorm|incomplete
    dest.write_text("\n".join(["\t".join(header)] + body) + "\n", encoding="utf-8")
    return dest


def test_norwegian_headers_and_dates(exports, tmp_path):
    path = translated_text(exports / "interactions.txt", tmp_path / "samhandlinger.txt")
    assert "Spørsmål 0" in path.read_text(encoding="utf-8") and "onsdag" in path.read_text(encoding="utf-8")
    norwegian = numbers(report(tmp_path, path, source=COURSE))
    assert norwegian == numbers(report(tmp_path, exports / "interactions.txt", source=COURSE))


def test_norwegian_excel_and_old_xls(exports, tmp_path):
    import xlwt

    workbook = openpyxl.load_workbook(exports / "interactions.xlsx")
    rows = [[c.value for c in row] for row in workbook.active.iter_rows()]
    rows[0] = [NORWEGIAN.get(str(v).rpartition(" ")[0], "") + " " + str(v).rpartition(" ")[2]
               if str(v).rpartition(" ")[2].isdigit() else NORWEGIAN.get(v, v) for v in rows[0]]
    old = xlwt.Workbook()
    sheet = old.add_sheet("Rapport")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    old.save(str(tmp_path / "rapport.bin"))  # the name says nothing: the content decides
    expected = numbers(report(tmp_path, exports / "interactions.txt", source=COURSE))
    assert numbers(report(tmp_path, tmp_path / "rapport.bin", source=COURSE)) == expected


def scorm_2004_export(exports: Path, dest: Path) -> Path:
    """The same attempts as SCORM 2004 records them: option ids joined by [,], true/false, item[.]category."""
    course = from_source(COURSE)
    lines = (exports / "interactions.txt").read_text(encoding="utf-8").splitlines()
    out = [lines[0]]
    for line in lines[1:]:
        cells = line.split("\t")
        for i in range(7, len(cells) - 3, 4):
            if not cells[i]:
                continue
            q = course.questions[cells[i]]
            cells[i + 1], cells[i + 2] = (to_2004(q, cells[i + 1]), to_2004(q, cells[i + 2]))
            cells[i + 3] = "incorrect" if cells[i + 3] == "wrong" else cells[i + 3]
        out.append("\t".join(cells))
    dest.write_text("\n".join(out) + "\n", encoding="utf-8")
    return dest


def to_2004(q, code: str) -> str:
    if q.type == "true-false":
        return {"t": "true", "f": "false"}[code]
    if q.type == "sort":
        return "[,]".join(f"{q.items[ord(p[0]) - 97].id}[.]{q.categories[int(p[2:]) - 1].id}" for p in code.split(","))
    return "[,]".join(q.options[ord(letter) - 97].id for letter in code.split(","))


def test_scorm_2004_responses(exports, tmp_path):
    path = scorm_2004_export(exports, tmp_path / "x.txt")
    assert "[,]" in path.read_text(encoding="utf-8") and "incorrect" in path.read_text(encoding="utf-8")
    f = report(tmp_path, path, source=COURSE)
    assert f.other_versions == [] and (f.enrolled, f.status["passed"], f.status["failed"]) == (5, 2, 2)
    as_12 = report(tmp_path, exports / "interactions.txt", source=COURSE)
    assert [(q.id, q.answered, q.right) for q in f.questions] == [(q.id, q.answered, q.right) for q in as_12.questions]
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "[,]" not in html.split("<h2>Spørsmål")[1]  # the codes were turned into the options' words


def newer_course(tmp_path: Path) -> Path:
    """Version 2.0.0 of the course: one question's right answer changed, one question removed."""
    dest = tmp_path / "v2"
    shutil.copytree(COURSE, dest)
    yaml = dest / "quizzes" / "sosiale-medier.yaml"
    text = yaml.read_text(encoding="utf-8")
    block = text[text.index("  - id: ytr-hvem-har"):text.index("  - id: ytr-forhandssensur")]
    changed = block.replace("        correct: true\n", "", 1).replace(
        "      - text: Mindre enn andre, fordi han er ansatt i kommunen.\n",
        "      - text: Mindre enn andre, fordi han er ansatt i kommunen.\n        correct: true\n")
    text = text.replace(block, changed)
    start = text.index("  - id: pri-lukket-gruppe")
    text = text[:start] + text[text.index("  - id: ", start + 10):]
    yaml.write_text(text, encoding="utf-8")
    course_yaml = dest / "course" / "course.yaml"
    course_yaml.write_text(course_yaml.read_text(encoding="utf-8").replace('version: "1.0.0"', 'version: "2.0.0"'),
                           encoding="utf-8")
    return dest


def test_old_export_with_a_newer_quiz_is_reported_as_mixed_versions(exports, tmp_path):
    v2 = newer_course(tmp_path)
    old, new = (from_source(c).questions["ytr-hvem-har"] for c in (COURSE, v2))
    assert right_codes(old) != right_codes(new)
    result = CliRunner().invoke(main, ["report", str(exports / "interactions.txt"), "--source", str(v2),
                                       "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    assert "ikke i kursets test (talt for seg): pri-lukket-gruppe" in result.output
    assert "svar fra en annen versjon av kurset (talt for seg): ytr-hvem-har" in result.output
    f = report(tmp_path, exports / "interactions.txt", source=v2)
    assert {q.id for q in f.other_versions} == {"ytr-hvem-har", "pri-lukket-gruppe"}
    assert not {"ytr-hvem-har", "pri-lukket-gruppe"} & {q.id for q in f.questions}  # not merged into the figures
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Svar fra en annen versjon av kurset" in html


def test_mixed_versions_inside_one_export(exports, tmp_path):
    text = (exports / "interactions.txt").read_text(encoding="utf-8")
    # Per Olsen took an older version where the right answer of tre-hvem-sporre was a and b only.
    lines = text.splitlines()
    lines[5] = lines[5].replace("tre-hvem-sporre\ta,b,c\ta,b,c\tcorrect", "tre-hvem-sporre\ta,b\ta,b\tcorrect")
    path = tmp_path / "mixed.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    alone = report(tmp_path, path)
    assert alone.mixed_ids == ["tre-hvem-sporre"]
    versions = sorted((q.right_code, q.answered) for q in alone.questions if q.id == "tre-hvem-sporre")
    assert versions == [("a,b", 1), ("a,b,c", 3)]
    with_course = report(tmp_path, path, source=COURSE)
    assert [(q.id, q.right_code) for q in with_course.other_versions] == [("tre-hvem-sporre", "a,b")]


def test_cli_names_and_csv_only_on_request(exports, tmp_path):
    out, csv_path = tmp_path / "r.html", tmp_path / "oppfolging.csv"
    result = CliRunner().invoke(main, ["report", str(exports / "interactions.txt"), "--source", str(COURSE),
                                       "--out", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "Kari Nordmann" not in html and "@example.com" not in html  # aggregates only by default
    result = CliRunner().invoke(main, ["report", str(exports / "interactions.txt"), "--source", str(COURSE),
                                       "--out", str(out), "--names", "--csv", str(csv_path)])
    assert result.exit_code == 0, result.output
    assert "2 som har bestått og 3 som må følges opp, skrevet til" in result.output
    html = out.read_text(encoding="utf-8")
    follow = html.split("<h2>Må følges opp</h2>")[1].split("</table>")[0]
    done = html.split("<h2>Har bestått eller fullført</h2>")[1].split("</table>")[0]
    assert "Kari Nordmann" in follow and "Aisha Khan" in follow and "Per Olsen" not in follow  # Per passed
    assert "Per Olsen" in done and "25. november 2026 kl. 15.43" in done
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads æøå right
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0] == "Liste;Navn;E-post;Status;Poengsum;Dato (bestått / sist åpnet)"
    assert lines[1] == "Bestått/fullført;Per Olsen;per@example.com;bestått;100;25. november 2026 kl. 15.43"
    assert lines[3].startswith("Følges opp;Kari Nordmann;kari@example.com;ikke bestått (alle forsøk brukt);0;")
    assert lines[5] == "Følges opp;Aisha Khan;aisha@example.com;i gang;;25. november 2026 kl. 15.42"
    assert len(lines) == 6


def test_report_words_exist_in_every_language():
    assert WORDS["nn"].keys() == WORDS["nb"].keys() == WORDS["en"].keys()
    assert WORDS["nn"]["people"] != WORDS["nb"]["people"]  # nynorsk, not a copy of bokmål


def test_sort_responses_read_in_both_formats_and_right_answers():
    q = next(q for q in from_source(COURSE).questions.values() if q.type == "sort")
    words = WORDS["nb"]
    categories = [c.id for c in q.categories]
    as_12 = ",".join(f"{chr(97 + n)}.{categories.index(item.category) + 1}" for n, item in enumerate(q.items))
    as_2004 = "[,]".join(f"{item.id}[.]{item.category}" for item in q.items)
    assert right_codes(q) == {as_12, as_2004}
    described = describe_response(q, as_12, words)[0]
    assert described == describe_response(q, as_2004, words)[0] == right_answer(q, words)
    for foreign in ("a.9", "z.1", "x[.]y", "nonsense"):  # codes that do not fit the question are shown raw
        assert describe_response(q, foreign, words) == ([foreign], "")


def test_hostile_text_is_escaped(exports, tmp_path):
    text = (exports / "interactions.txt").read_text(encoding="utf-8")
    text = text.replace("Kari Nordmann", "<script>alert(1)</script>")
    path = tmp_path / "x.txt"
    path.write_text(text.replace("ans-bilde-sykehjem", "<img src=x onerror=alert(2)>"), encoding="utf-8")
    report(tmp_path, path, names=True)
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html and "&lt;img src=x" in html


def truncated_xlsx(exports: Path) -> bytes:
    data = (exports / "interactions.xlsx").read_bytes()
    return data[: len(data) // 2]


BAD = {
    "empty.txt": (lambda e: b"", "filen er tom"),
    "header-only.txt": (lambda e: (e / "interactions.txt").read_bytes().splitlines()[0] + b"\n",
                        "ingen rader under overskriften"),
    "binary.txt": (lambda e: bytes(range(256)) * 10, "verken et regneark eller en tekstfil"),
    "login.txt": (lambda e: b"<!DOCTYPE html>\n<html><body>Log in</body></html>\n", "en nettside, ikke en rapport"),
    "notes.txt": (lambda e: b"Hei\tHR\nDette er\tbare tekst\n", "ikke en SCORM-rapport"),
    "cut.xlsx": (lambda e: truncated_xlsx(e), "filen er skadet eller avkuttet"),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_fails_clearly_and_leaves_the_old_report(exports, tmp_path, name):
    content, message = BAD[name]
    path = tmp_path / name
    path.write_bytes(content(exports))
    out = tmp_path / "report.html"
    out.write_text("the report from last week", encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(path), "--out", str(out), "--csv", str(tmp_path / "l.csv")])
    assert result.exit_code == 1 and message in result.output and str(path) in result.output, result.output
    assert result.output.startswith("feil: ") and "[unreadable]" not in result.output  # coded, in bokmål
    assert "Traceback" not in result.output and result.exception.__class__ is SystemExit
    assert out.read_text(encoding="utf-8") == "the report from last week" and not (tmp_path / "l.csv").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary file left behind


def test_export_of_another_course_is_refused(exports, tmp_path):
    result = CliRunner().invoke(main, ["report", str(exports / "interactions.txt"), "--source", str(SMALL_COURSE),
                                       "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 1 and "ingen av de 33 spørsmålene" in result.output and "Kontraktskurs" in result.output
    assert "[another-course]" in result.output
    assert not (tmp_path / "r.html").exists()


def test_a_scorm_package_given_as_the_export(package, tmp_path):
    result = CliRunner().invoke(main, ["report", str(package), "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 1 and "dette er en SCORM-pakke" in result.output


def hostile_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("members, message", [
    ({"../index.html": b"<script type=\"application/json\" id=\"kurs-data\">{}</script>"}, "ingen index.html"),
    ({"index.html": b"<html>no data</html>"}, "har ingen kursdata"),
    ({"index.html": b'<script type="application/json" id="kurs-data">{"course": 1}</script>'}, "har ingen kursdata"),
    ({"index.html": b"\0" * 60_000_000}, "oppgir 60 000 000 byte"),  # a small zip that inflates to 60 MB
])
def test_untrusted_package_is_checked(exports, tmp_path, members, message):
    path = hostile_zip(tmp_path / "p.zip", members)
    result = CliRunner().invoke(main, ["report", str(exports / "interactions.txt"), "--package", str(path),
                                       "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output, result.output
    assert not (tmp_path / "r.html").exists()


def test_size_guard_is_adjustable(exports, tmp_path):
    args = ["report", str(exports / "interactions.txt"), "--out", str(tmp_path / "r.html")]
    refused = CliRunner().invoke(main, [*args, "--max-size", "0.001"])
    assert refused.exit_code == 1 and "hev grensen med --max-size" in refused.output
    assert CliRunner().invoke(main, [*args, "--max-size", "1"]).exit_code == 0


def test_package_and_source_together_are_refused(exports, package, tmp_path):
    result = CliRunner().invoke(main, ["report", str(exports / "interactions.txt"), "--package", str(package),
                                       "--source", str(COURSE), "--out", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "either --package or --source" in result.output
    assert not (tmp_path / "r.html").exists()


def test_several_right_answers_are_listed_not_run_together(exports, tmp_path):
    report(tmp_path, exports / "interactions.txt", source=COURSE)
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    q = from_source(COURSE).questions["tre-hvem-sporre"]
    right = [o.text for o in q.options if o.correct]
    assert len(right) == 3 and "; ".join(right) not in html
    listed = '<ul class="parts muted">' + "".join(f"<li>{escape(text)}</li>" for text in right) + "</ul>"
    assert listed in html


@pytest.mark.parametrize(("content", "code"), [
    (b"not a zip at all", "package-unreadable"),
    ({"imsmanifest.xml": "<manifest/>"}, "package-no-index"),
    ({"index.html": "<html><body>no course data</body></html>"}, "package-no-data"),
    ({"index.html": '<script type="application/json" id="kurs-data">{"format": 1, "course": {"title": "t", '
                    '"language": "nb", "version": "1"}, "tracking": {"passingScore": 80}, "lessons": [], '
                    '"quiz": {"draw": 1, "questions": [{"id": "q", "type": "drawing"}]}}</script>'}, "package-no-data"),
])
def test_a_package_that_is_not_a_kursbygger_package_is_refused_with_its_reason(tmp_path, content, code):
    from builder.report import Refusal
    from builder.report.course_info import from_package

    package = tmp_path / "p.zip"
    if isinstance(content, bytes):
        package.write_bytes(content)
    else:
        with zipfile.ZipFile(package, "w") as archive:
            for name, text in content.items():
                archive.writestr(name, text)
    with pytest.raises(Refusal) as refused:
        from_package(package)
    assert refused.value.code == code


def test_a_score_on_the_page_is_written_as_the_report_s_language_writes_it(tmp_path):
    """87.5 in an English report, 87,5 in bokmål; the lists' CSV keeps the comma Norwegian spreadsheets read."""
    if not SMALL_EXPORTS.is_dir():
        pytest.skip(f"the shared Moodle exports are not at {SMALL_EXPORTS}")
    text = (SMALL_EXPORTS / "interactions.txt").read_text(encoding="utf-8")
    export = tmp_path / "interactions.txt"
    export.write_text(text.replace("3:21 AM\"\t100\t100", "3:21 AM\"\t87.5\t87.5", 1), encoding="utf-8")
    pages = {}
    for lang in ("nb", "en"):
        run(Request([export], tmp_path / f"{lang}.html", source=SMALL_COURSE, names=True, lang=lang,
                    csv=tmp_path / f"{lang}.csv"))
        pages[lang] = (tmp_path / f"{lang}.html").read_text(encoding="utf-8")
        assert ";87,5;" in (tmp_path / f"{lang}.csv").read_text(encoding="utf-8-sig")
    assert ">87,5<" in pages["nb"] and "87.5" not in pages["nb"]
    assert ">87.5<" in pages["en"] and "87,5" not in pages["en"]


def test_the_package_guard_reads_an_index_of_exactly_its_limit_and_refuses_one_byte_more(tmp_path, monkeypatch):
    from builder.report import Refusal, course_info

    monkeypatch.setattr(course_info, "MAX_INDEX_BYTES", 100)
    for size, code in ((100, "package-no-data"), (101, "package-huge")):  # read, but no course data in it
        path = hostile_zip(tmp_path / f"{size}.zip", {"index.html": b"<html>" + b"x" * (size - 6)})
        with pytest.raises(Refusal) as refused:
            course_info.from_package(path)
        assert refused.value.code == code, size


def test_the_terminal_names_eight_ids_and_counts_the_rest():
    from builder.report import few

    ids = [f"q{n}" for n in range(1, 10)]
    assert few(ids[:8]) == "q1, q2, q3, q4, q5, q6, q7, q8"
    assert few(ids) == "q1, q2, q3, q4, q5, q6, q7, q8, … (9)"
