"""LMS faults, injected around scorm-again: the page never breaks and nothing the LMS accepted is lost."""

from __future__ import annotations

import json

import pytest

from builder.course.load import load_course
from tools.testlms.harness import answer_quiz, read_all_lessons, result
from .conftest import GOOD
from .test_player import VERSIONS, score, status, take_quiz



def no_uncaught_errors(lms) -> None:
    assert lms.errors == []
    assert lms.outside_requests() == []


@pytest.mark.parametrize("version", VERSIONS)
def test_initialize_returning_false(lms, packages, version):
    frame = lms.launch(version, packages(version), faults={"initFalse": True})
    assert take_quiz(lms, frame, True)["passed"] is True
    assert status(lms) == ("passed" if version == "1.2" else "completed/passed")
    assert frame.is_visible("[data-notice]")  # the learner is told, calmly
    no_uncaught_errors(lms)


@pytest.mark.parametrize("version", VERSIONS)
def test_setvalue_failing_for_some_elements(lms, packages, version):
    faults = {"failSet": r"interactions\.\d+\.latency|objectives\.\d+\.score"}
    frame = lms.launch(version, packages(version), faults=faults)
    assert take_quiz(lms, frame, True)["passed"] is True
    assert status(lms) == ("passed" if version == "1.2" else "completed/passed")
    assert score(lms) == "100"
    assert len(lms.interactions()) == 4
    assert any(c["injected"] for c in lms.calls())
    no_uncaught_errors(lms)


@pytest.mark.parametrize("version", VERSIONS)
def test_commit_failing(lms, packages, version):
    frame = lms.launch(version, packages(version), faults={"commitFalse": True})
    assert take_quiz(lms, frame, True)["passed"] is True
    frame.click("[data-action=exit]")
    assert status(lms) == ("passed" if version == "1.2" else "completed/passed")
    assert len([c for c in lms.calls() if c["fn"] in ("LMSFinish", "Terminate")]) == 1
    no_uncaught_errors(lms)


@pytest.mark.parametrize("version", VERSIONS)
def test_frame_removed_mid_quiz_keeps_every_answer(lms, packages, version):
    sco = packages(version)
    frame = lms.launch(version, sco)
    read_all_lessons(frame)
    shown = answer_quiz(frame, lms.course_data(), True)
    lms.leave()  # at once, inside the answer-saving delay: pagehide must save
    saved = json.loads(lms.get("cmi.suspend_data"))
    assert all(saved["c"]["a"]), saved  # every question's answer reached the LMS
    frame = lms.launch(version, sco)
    frame.click("[data-action=submit]")
    assert result(frame)["score"] == 100
    assert len(shown) == 4
    no_uncaught_errors(lms)


@pytest.mark.parametrize("suspend", [
    "{{{ not json",
    "viewed=1,2,3|lastviewedslide=3",
    json.dumps({"f": 1, "cv": "0.9.0", "v": "1", "n": 1, "b": 50, "p": 0, "c": {"s": 5, "a": ["zz"]}}),
    json.dumps({"f": 1, "cv": "1.0.0", "v": "1x", "n": "two", "c": {"s": "seed", "a": 3}, "r": [1]}),
])
@pytest.mark.parametrize("version", VERSIONS)
def test_corrupt_or_foreign_suspend_data_starts_cleanly(lms, packages, version, suspend):
    entry = "cmi.core.entry" if version == "1.2" else "cmi.entry"
    frame = lms.launch(version, packages(version), cmi={"cmi.suspend_data": suspend, entry: "resume"})
    assert frame.is_visible("[data-lesson=first]")
    assert take_quiz(lms, frame, True)["passed"] is True
    no_uncaught_errors(lms)


@pytest.mark.parametrize("version", VERSIONS)
def test_slow_lms_stays_usable(lms, packages, version):
    frame = lms.launch(version, packages(version), faults={"delayMs": 200})
    read_all_lessons(frame)
    answer_quiz(frame, lms.course_data(), True)
    frame.click("[data-action=submit]")
    assert result(frame)["passed"] is True  # the result shows before the LMS has taken every value
    lms.page.wait_for_function("() => !document.getElementById('sco').contentDocument"
                               ".documentElement.hasAttribute('data-saving')", timeout=60_000)
    assert status(lms) == ("passed" if version == "1.2" else "completed/passed")
    assert len(lms.interactions()) == 4
    no_uncaught_errors(lms)


@pytest.mark.parametrize("version", VERSIONS)
def test_a_result_whose_answers_did_not_fit_keeps_its_score_and_lists_no_answers(lms, packages, version):
    # suspend_data as the runtime writes it when SCORM 1.2's 4096 characters forced out the last attempt's answers
    course, _ = load_course(GOOD)
    saved = {"f": 1, "cv": course.version, "v": "1" * len(course.lessons), "n": 1, "b": 50, "p": 0,
             "c": None, "r": {"s": 7, "a": [], "sc": 50}}
    entry = "cmi.core.entry" if version == "1.2" else "cmi.entry"
    frame = lms.launch(version, packages(version), cmi={"cmi.suspend_data": json.dumps(saved), entry: "resume"})
    frame.click("[data-nav=quiz]")
    assert result(frame) == {"score": 50, "passed": False}
    assert frame.is_visible("[data-answers-not-kept]")
    assert frame.locator("[data-result] .review").count() == 0  # no question marked wrong for an answer it never saw
    no_uncaught_errors(lms)
