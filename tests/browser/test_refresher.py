"""The refresher of the real course, built from an item analysis (`build --refresher --from`), taken in the test
LMS as each registered output target: every page read, the quiz passed, and what the LMS records — the refresher's
own identity, the pages as objectives, one interaction per drawn question, every required topic among them."""

from __future__ import annotations

import subprocess
import sys

import pytest

from builder.refresher import read_results, refresher
from builder.build import load_checked
from builder.outputs.targets import REGISTERED
from builder.words import say
from tools.testlms.harness import REPO
from tests.test_refresher import results
from .test_player import assert_clean, axe_violations, take_quiz


# What the LMS records for a passed attempt, in each standard's own elements: a target registered without its
# line here fails with a KeyError, not silently.
RECORDED = {
    "1.2": {"status": {"cmi.core.lesson_status": "passed"}, "score": {"cmi.core.score.raw": "100"},
            "page_done": ("status", "completed")},
    "2004": {"status": {"cmi.completion_status": "completed", "cmi.success_status": "passed"},
             "score": {"cmi.score.raw": "100", "cmi.score.scaled": "1"},
             "page_done": ("completion_status", "completed")},
}


@pytest.mark.parametrize("target", list(REGISTERED))
def test_take_the_refresher_pass_its_quiz_and_the_lms_records_it(target, lms, site, tmp_path):
    recorded = RECORDED[target]
    report = results(tmp_path / "r.json")
    out = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "builder", "build", "--source", str(REPO), "--out", str(out), "--scorm",
                    target, "--refresher", "--from", str(report)], check=True, capture_output=True, cwd=REPO)
    [zip_path] = [z for z in out.glob("*.zip") if REGISTERED[target].made(z.name)]
    made = refresher(load_checked(REPO)[0], read_results(report)).course

    frame = lms.launch(target, site.add_zip("refresher", zip_path))
    data = lms.course_data()
    assert data["course"]["id"] == "sosiale-medier-refresher" and data["course"]["title"] == made.title
    assert say("refresher.from_results", "nb") in frame.inner_text("#lesson-ytringsfrihet")
    assert axe_violations(frame) == [], "first page"
    assert take_quiz(lms, frame, True) == {"score": 100, "passed": True}
    lms.leave()

    [attempt] = lms.attempts()
    assert {k: attempt.get(k) for k in recorded["status"]} == recorded["status"]
    assert {k: attempt.get(k) for k in recorded["score"]} == recorded["score"]
    interactions = lms.interactions()
    pool = {q.id: q for q in made.quiz.questions}
    assert len(interactions) == made.quiz.draw_count
    assert all(i["id"] in pool and i["result"] == "correct" for i in interactions)
    assert set(made.quiz.required_topics) <= {pool[i["id"]].topic for i in interactions}
    objectives = {o["id"]: o for o in lms.objectives()}
    assert {lesson.id for lesson in made.lessons} | {made.quiz.id} == set(objectives)
    element, done = recorded["page_done"]
    assert all(objectives[lesson.id][element] == done for lesson in made.lessons)
    assert_clean(lms)
