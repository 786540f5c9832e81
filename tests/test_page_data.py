"""The page data's contract (builder/page_data.py): what the builder writes into each page, and what the runtime's
Node tests build by hand (tests/runtime/helpers.mjs), both fit the one JSON Schema made from the Python side."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from builder.course.load import load_course
from builder.course.page_data import schema
from builder.course.questions import QUESTION_TYPES
from builder.outputs.render import render_course
from tests.conftest import GOOD, REPO


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    Draft202012Validator.check_schema(schema())
    return Draft202012Validator(schema())


def refusals(validator: Draft202012Validator, data: dict) -> list[str]:
    """Each refusal where it is: inside a `quiz` (which may also be null), the deepest reason, not «not valid
    under any of the given schemas»."""
    found = (best_match([e]) for e in validator.iter_errors(data))
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in found]


def page_data(root, edition: str | None = None) -> dict:
    """The kurs-data block of the index.html the builder renders."""
    course, problems = load_course(root, edition)
    assert course is not None, problems
    html = render_course(course)["index.html"].decode()
    return json.loads(re.search(r'<script type="application/json" id="kurs-data">(.*?)</script>', html, re.S).group(1))


EDITIONS = sorted(p.name for p in (REPO / "editions").iterdir() if (p / "edition.yaml").is_file())


@pytest.mark.parametrize("edition", [None, *EDITIONS])
def test_the_course_and_each_edition_emit_page_data_that_fits(validator, edition):
    data = page_data(REPO, edition)
    assert refusals(validator, data) == []
    assert ("edition" in data["course"]) == (edition is not None)


def test_every_question_type_emits_page_data_that_fits(validator, good):
    assert {q["type"] for q in good["quiz"]["questions"]} == {cls.kind() for cls in QUESTION_TYPES}
    assert refusals(validator, good) == []


BROKEN = {
    "a choice question with a sort question's fields": lambda d, choice, sort: choice.update(items=sort["items"]),
    "a type no class declares": lambda d, choice, sort: choice.update(type="essay"),
    "a field the Python side does not write": lambda d, choice, sort: d["tracking"].update(passMark=80),
    "a field the Python side always writes, missing": lambda d, choice, sort: d["quiz"].pop("perLesson"),
    "ten sort categories (one digit each in suspend_data)": lambda d, choice, sort: sort.update(
        categories=[{"id": f"c{n}", "text": "x"} for n in range(10)]),
}


@pytest.fixture(scope="module")
def good() -> dict:
    return page_data(GOOD)


@pytest.mark.parametrize("what", BROKEN)
def test_the_schema_refuses_what_the_runtime_could_not_read(validator, good, what):
    data = json.loads(json.dumps(good))
    questions = data["quiz"]["questions"]
    choice = next(q for q in questions if q["type"] in ("single", "multiple"))
    BROKEN[what](data, choice, next(q for q in questions if q["type"] == "sort"))
    assert refusals(validator, data)


# Every export of helpers.mjs that builds course data, as it is, and with the options the runtime tests give it
# (those of the suspend_data fixtures, and the largest course the 1.2 limit is tested with).
HAND_BUILT = """
import * as helpers from './tests/runtime/helpers.mjs';
const built = [];
for (const [name, make] of Object.entries(helpers)) {
  let data = null;
  try { data = make(); } catch (e) { continue; }
  if (data && data.format !== undefined) { built.push([name + '()', data]); }
}
for (const c of helpers.fixture('suspend-before-split.json').cases) {
  built.push(['mixedCourse(' + JSON.stringify(c.course) + ')', helpers.mixedCourse(c.course)]);
}
const largest = { lessons: 100, questions: 200, draw: 50, options: 26 };
built.push(['course(' + JSON.stringify(largest) + ')', helpers.course(largest)]);
process.stdout.write(JSON.stringify(built));
"""


def test_the_runtime_tests_build_page_data_that_fits(validator):
    node = shutil.which("node")
    assert node, "node is needed for the runtime's tests"
    out = subprocess.run([node, "--input-type=module", "-e", HAND_BUILT], cwd=REPO, capture_output=True, text=True,
                         check=True).stdout
    built = json.loads(out)
    assert {name for name, _ in built} >= {"course()", "mixedCourse()"}
    for name, data in built:
        assert refusals(validator, data) == [], f"tests/runtime/helpers.mjs {name}"
