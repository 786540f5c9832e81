"""Every broken course gives its specific message at the right line, exit 1, no traceback and no zip."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from builder.cli import main
from tests.broken_courses import CASES, expected, make_case

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):\d+: error: (?P<message>.*)$")


def test_corpus_is_large_enough():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case", CASES)
def test_broken_course_is_reported(case, tmp_path, monkeypatch):
    source = make_case(case, tmp_path / "course")
    dist = source / "dist"
    dist.mkdir()
    earlier = dist / "demo-scorm12.zip"
    earlier.write_bytes(b"an earlier build")
    monkeypatch.chdir(source)
    result = CliRunner().invoke(main, ["build", "--source", "."])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    reported = [LINE.match(line).groupdict() for line in result.stderr.splitlines() if LINE.match(line)]
    for want in expected(case):
        where, fragment = want.split(": ", 1)
        path, line = where.rsplit(":", 1)
        assert any(r["path"] == path and r["line"] == line and fragment in r["message"] for r in reported), \
            f"expected {want!r} in:\n{result.stderr}"
    assert earlier.read_bytes() == b"an earlier build"  # the previous zip is untouched
    assert sorted(p.name for p in dist.iterdir()) == ["demo-scorm12.zip"]  # and nothing new was written


def test_too_large_file_is_refused(tmp_path):
    source = make_case("unknown-key", tmp_path / "course")
    (source / "course" / "lessons" / "03-huge.md").write_text("---\nid: x\n---\n" + "a" * 2_100_000, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--source", str(source)])
    assert result.exit_code == 1
    assert re.search(r"03-huge\.md:1:1: error: file is 2,1\d\d,\d{3} bytes; the limit is 2,000,000 bytes", result.stderr)


def test_good_course_has_no_problems():
    from tests.conftest import GOOD

    result = CliRunner().invoke(main, ["check", "--source", str(GOOD)])
    assert result.exit_code == 0, result.output
    assert "demo: 2 lessons, 4 questions — no errors" in result.output


def test_every_problem_is_reported_at_once(tmp_path):
    source = make_case("misspelt-key", tmp_path / "course")
    lesson = source / "course" / "lessons" / "01-first.md"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("minutes: 3", "minutes: tre"), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--source", str(source)])
    assert "pasing_score" in result.stderr and "'minutes' must be a whole number" in result.stderr
