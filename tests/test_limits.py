"""Every limit declared on a model class (builder/course/model.py, builder/course/questions.py, builder/course/discussion.py) is
enforced: one case per bound or choice, each a small change to a good course, with its message and its place."""

from __future__ import annotations

import re
import shutil

import pytest
from click.testing import CliRunner

from builder.cli import main
from tests.broken_courses import with_editions
from tests.conftest import REPO

QUIZ, COURSE, LESSON = "quizzes/demo-quiz.yaml", "course/course.yaml", "course/lessons/01-first.md"
EDITION, DISCUSSION = "editions/bygd/edition.yaml", "course/discussion.yaml"
ITEMS = re.compile(r"    items:\n(      - .*\n)+")
AIMS = re.compile(r"aims:\n(  - .*\n)+")

# (file, old text or pattern, new text, line that the message points at, message)
CASES = [
    (COURSE, "  passing_score: 80\n", "  passing_score: -1\n", "passing_score: -1",
     "tracking field 'passing_score' is -1 but must be between 0 and 100"),
    (COURSE, "  max_attempts: 3\n", "  max_attempts: 101\n", "max_attempts: 101",
     "tracking field 'max_attempts' is 101 but must be between 0 and 100"),
    (COURSE, "  completion: lessons-and-quiz\n", "  completion: lesson\n", "completion: lesson",
     "tracking field 'completion' is 'lesson' but must be one of: lessons, quiz, lessons-and-quiz; did you mean"),
    (COURSE, "  failed_status: failed\n", "  failed_status: failing\n", "failed_status: failing",
     "tracking field 'failed_status' is 'failing' but must be one of: failed, incomplete"),
    (LESSON, "minutes: 3\n", "minutes: 0\n", "minutes: 0",
     "lesson front matter field 'minutes' is 0 but must be between 1 and 120"),
    (LESSON, "minutes: 3\n", "minutes: 121\n", "minutes: 121",
     "lesson front matter field 'minutes' is 121 but must be between 1 and 120"),
    (QUIZ, "draw: 4\n", "draw: 4\npassing_score: -1\n", "passing_score: -1",
     "quiz field 'passing_score' is -1 but must be between 0 and 100"),
    (QUIZ, "draw: 4\n", "draw: 4\npassing_score: 101\n", "passing_score: 101",
     "quiz field 'passing_score' is 101 but must be between 0 and 100"),
    (QUIZ, "      - text: Ingen ansatte\n", "      - text: \"\"\n", 'text: ""',
     "option field 'text' must not be empty"),
    (QUIZ, ITEMS, "    items: []\n", "items: []", "question 'q-sort' (sort) needs 1 to 26 items, has 0"),
    ("course/lessons/02-second.md", re.compile(r"steps:\n(  .*\n)+"), "steps: []\n", "title: Tell til tre",
     "selfcheck block needs 'steps': a list of 1 to 10 steps"),
    (EDITION, "  passing_score: 70\n", "  passing_score: -1\n", "passing_score: -1",
     "edition tracking field 'passing_score' is -1 but must be between 0 and 100"),
    (EDITION, "  passing_score: 70\n", "  passing_score: 101\n", "passing_score: 101",
     "edition tracking field 'passing_score' is 101 but must be between 0 and 100"),
    (EDITION, "  max_attempts: 2\n", "  max_attempts: -1\n", "max_attempts: -1",
     "edition tracking field 'max_attempts' is -1 but must be between 0 and 100"),
    (EDITION, "  max_attempts: 2\n", "  max_attempts: 101\n", "max_attempts: 101",
     "edition tracking field 'max_attempts' is 101 but must be between 0 and 100"),
    (EDITION, "organisation: Bygd kommune\n", "organisation: Bygd kommune\nlanguage: en\n", "language: en",
     "edition field 'language' is 'en' but must be one of: nb, nn"),
    (DISCUSSION, "minutes: 45\n", "minutes: 9\n", "minutes: 9",
     "discussion field 'minutes' is 9 but must be between 10 and 240"),
    (DISCUSSION, "minutes: 45\n", "minutes: 241\n", "minutes: 241",
     "discussion field 'minutes' is 241 but must be between 10 and 240"),
    (DISCUSSION, "  - minutes: 5\n", "  - minutes: 0\n", "- minutes: 0",
     "run-sheet step field 'minutes' is 0 but must be between 1 and 120"),
    (DISCUSSION, "  - minutes: 5\n", "  - minutes: 121\n", "- minutes: 121",
     "run-sheet step field 'minutes' is 121 but must be between 1 and 120"),
    (DISCUSSION, AIMS, "aims: []\n", "aims: []", "discussion field 'aims' needs at least 1 entry"),
]


def source_for(file: str, tmp_path):
    """The good test course (with its editions), or for the discussion material the real course, which has one."""
    if file == DISCUSSION:
        for folder in ("course", "quizzes"):
            shutil.copytree(REPO / folder, tmp_path / "src" / folder)
        return tmp_path / "src"
    return with_editions(tmp_path / "src")


@pytest.mark.parametrize("file, old, new, marker, message", CASES, ids=[f"{c[0]}:{c[3]}" for c in CASES])
def test_a_declared_limit_is_enforced_at_its_place(tmp_path, monkeypatch, file, old, new, marker, message):
    source = source_for(file, tmp_path)
    path = source / file
    text = path.read_text(encoding="utf-8")
    changed = old.sub(new, text, count=1) if isinstance(old, re.Pattern) else text.replace(old, new, 1)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    monkeypatch.chdir(source)
    result = CliRunner().invoke(main, ["check", "--source", "."])
    assert result.exit_code == 1 and "Traceback" not in result.output
    found = re.search(rf"^{re.escape(file)}:(\d+):\d+: error: {re.escape(message)}", result.stderr, re.M)
    assert found, result.stderr
    assert marker in changed.splitlines()[int(found.group(1)) - 1]
