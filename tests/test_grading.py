"""One pass rule on the Python side (builder/course/grading.py): the manifest, the page data and the HR report read
it rather than restate it. Each reader is shown to follow the rule when the rule alone changes."""

from __future__ import annotations

import dataclasses
import json

import pytest
from lxml import etree

from builder.course import grading
from builder.course.grading import PassRule
from builder.course.load import load_course
from builder.outputs.render import course_data
from builder.outputs.targets import REGISTERED
from builder.report import status
from builder.report.status import FAILED, PASSED, attempt_outcome
from tests.conftest import GOOD


@pytest.fixture(scope="module")
def course():
    course, problems = load_course(GOOD)
    assert course is not None and not [p for p in problems if p.severity == "error"]
    return course


def manifest(course, target_id: str):
    return etree.fromstring(REGISTERED[target_id].package({"index.html": b""}, course)["imsmanifest.xml"])


def test_the_rule_passes_at_and_above_the_passing_score():
    rule = PassRule(80, "lessons-and-quiz", "failed", has_quiz=True)
    assert rule.passes(80) and rule.passes(100) and not rule.passes(79.5)
    assert (rule.mastery_score, rule.scaled_passing_score) == (80, "0.8")


@pytest.mark.parametrize("completion, failed_status, has_quiz, mastery, scaled", [
    ("quiz", "failed", True, 80, "0.8"),
    ("quiz", "incomplete", True, None, "0.8"),  # no masteryscore: the LMS would record failed over incomplete
    ("lessons", "failed", True, None, None),  # the quiz does not decide
    ("lessons-and-quiz", "failed", False, None, None),  # no quiz to decide
])
def test_what_the_manifest_declares_follows_the_completion_rule(completion, failed_status, has_quiz, mastery, scaled):
    rule = PassRule(80, completion, failed_status, has_quiz)
    assert (rule.mastery_score, rule.scaled_passing_score) == (mastery, scaled)


def test_the_manifests_read_the_rule(course, monkeypatch):
    monkeypatch.setattr(type(course), "pass_rule", property(lambda c: PassRule(61, "quiz", "failed", True)))
    assert manifest(course, "1.2").xpath("//*[local-name()='masteryscore']/text()") == ["61"]
    assert manifest(course, "2004").xpath("//*[local-name()='minNormalizedMeasure']/text()") == ["0.61"]


def test_the_page_data_reads_the_rule(course, monkeypatch):
    rule = dataclasses.replace(course.pass_rule, passing_score=61, failed_status="incomplete")
    monkeypatch.setattr(type(course), "pass_rule", property(lambda c: rule))
    tracking = json.loads(json.dumps(course_data(course)))["tracking"]
    assert tracking == {**rule.page_data(), "maxAttempts": course.tracking.max_attempts}
    assert (tracking["passingScore"], tracking["failedStatus"]) == (61, "incomplete")


def test_the_hr_report_judges_a_score_by_the_rule(monkeypatch):
    assert attempt_outcome(True, "80", 80, 80, "quiz") == PASSED
    assert (status.passes, status.quiz_decides) == (grading.passes, grading.quiz_decides)  # not a copy of its own
    # Were the rule to pass only above the mark, the report would follow it: it does not restate the rule.
    monkeypatch.setattr(status, "passes", lambda score, passing: score > passing)
    assert attempt_outcome(True, "80", 80, 80, "quiz") == FAILED
    assert attempt_outcome(True, None, 80, 80, "quiz") != PASSED  # the Basic report's score at the mark, too
    monkeypatch.setattr(status, "quiz_decides", lambda completion: True)
    assert attempt_outcome(True, "90", 90, 80, "lessons") == PASSED


def test_a_score_is_a_whole_percent_rounded_half_up_and_the_guesser_counts_by_it(monkeypatch):
    from builder.quality import guesser

    assert [grading.percent(r, 8) for r in (0, 1, 5, 7, 8)] == [0, 13, 63, 88, 100]  # 12.5 → 13, 62.5 → 63
    assert guesser.needed(8, 63) == 5 and guesser.needed(8, 64) == 6
    monkeypatch.setattr(grading, "passes", lambda score, passing: score > passing)
    assert guesser.needed(8, 63) == 6  # it asks the rule, not a copy of it
