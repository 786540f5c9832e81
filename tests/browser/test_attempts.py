"""A learner's whole enrolment against the test LMS playing Moodle 4.3: retries across visits, review, new attempts.

Each scenario checks both sides: what the LMS keeps (its stored attempts) and what the page tells the learner.
"""

from __future__ import annotations

import pytest

from builder.words import area

from tools.testlms.harness import answer_quiz, read_all_lessons, result
from .test_player import VERSIONS, assert_clean, axe_violations, take_quiz

W = area("player", "nb")  # the demo course is in bokmål
WRITES = {"LMSSetValue", "LMSCommit", "SetValue", "Commit"}


def recorded(record: dict, version: str) -> tuple[str, str]:
    """(status, score) as the LMS keeps them: 1.2's lesson_status, or 2004's completion/success pair."""
    if version == "1.2":
        return record.get("cmi.core.lesson_status", ""), record.get("cmi.core.score.raw", "")
    status = f"{record.get('cmi.completion_status', '')}/{record.get('cmi.success_status', '')}"
    return status, record.get("cmi.score.raw", "")


def passed(version):
    return "passed" if version == "1.2" else "completed/passed"


def failed(version):
    return "failed" if version == "1.2" else "completed/failed"


def open_(version):
    return "incomplete" if version == "1.2" else "incomplete/unknown"


def review_notice(frame) -> str:
    frame.wait_for_function("() => document.querySelector('[data-review-notice]').textContent !== ''")
    assert frame.is_visible("[data-review-notice]")
    assert frame.get_attribute("[data-review-notice]", "role") == "status"
    return frame.inner_text("[data-review-notice]")


def page_text(frame) -> str:
    return frame.inner_text("body")


def retry_and_submit(lms, frame, right) -> dict:
    frame.click("[data-action=retry]")
    answer_quiz(frame, lms.course_data(), right)
    frame.click("[data-action=submit]")
    return result(frame)


@pytest.mark.parametrize("version", VERSIONS)
def test_fail_leave_return_retry_pass_is_recorded_passed(lms, packages, version):
    sco = packages(version)  # three quiz attempts; the 1.2 manifest carries a mastery score
    frame = lms.launch(version, sco)
    assert take_quiz(lms, frame, False)["passed"] is False
    assert W["failed"] in page_text(frame)
    lms.leave()
    [attempt] = lms.attempts()
    # Still open for the LMS: not failed, no score for a mastery score to override.
    assert recorded(attempt, version) == (open_(version), "")
    assert attempt["cmi.core.exit" if version == "1.2" else "cmi.exit"] == "suspend"

    frame = lms.launch(version, sco)  # the next day
    assert lms.get("cmi.core.lesson_mode" if version == "1.2" else "cmi.mode") == "normal"
    assert lms.get("cmi.core.credit" if version == "1.2" else "cmi.credit") == "credit"
    assert frame.is_hidden("[data-review-notice]")
    assert result(frame) == {"score": 0, "passed": False}  # the last result, with the way on
    assert retry_and_submit(lms, frame, True) == {"score": 100, "passed": True}
    assert W["passed"] in page_text(frame)
    lms.leave()
    [attempt] = lms.attempts()
    assert recorded(attempt, version) == (passed(version), "100")
    assert_clean(lms)


@pytest.mark.parametrize("version", VERSIONS)
def test_attempts_exhausted_records_failed_and_then_opens_for_review(lms, packages, version):
    sco = packages(version, max_attempts=2)
    frame = lms.launch(version, sco)
    assert take_quiz(lms, frame, {"q-single"})["score"] == 25
    lms.leave()
    assert recorded(lms.attempts()[-1], version) == (open_(version), "")
    frame = lms.launch(version, sco)
    assert retry_and_submit(lms, frame, False)["score"] == 0
    assert not frame.is_visible("[data-action=retry]")
    assert W["no_attempts"] in page_text(frame)
    lms.leave()
    [attempt] = lms.attempts()
    assert recorded(attempt, version) == (failed(version), "25")  # the best score goes with the final status
    assert attempt.get("cmi.core.exit" if version == "1.2" else "cmi.exit", "") == ("" if version == "1.2" else "normal")
    assert_clean(lms)

    frame = lms.launch(version, sco)  # finished: review without credit
    notice = review_notice(frame)
    assert W["review_notice"] in notice and W["review_how"] in notice
    assert "ikke bestått" in notice and "Poengsum: 25 %" in notice  # the recorded result stays visible
    assert lms.attempts() == [attempt]


@pytest.mark.parametrize("version", VERSIONS)
def test_passed_returns_for_review_writes_nothing_and_practice_is_not_a_result(lms, packages, version):
    sco = packages(version)
    frame = lms.launch(version, sco)
    take_quiz(lms, frame, True)
    lms.leave()
    [before] = lms.attempts()
    assert recorded(before, version) == (passed(version), "100")

    frame = lms.launch(version, sco)
    assert lms.get("cmi.core.lesson_mode" if version == "1.2" else "cmi.mode") == "review"
    notice = review_notice(frame)
    assert "Registrert i læringsplattformen: bestått." in notice
    frame.click("[data-nav=quiz]")
    assert result(frame) == {"score": 100, "passed": True}  # the earlier, recorded result
    frame.click("[data-action=practice]")
    assert W["practice_intro"] in page_text(frame)
    answer_quiz(frame, lms.course_data(), False)
    frame.click("[data-action=submit]")
    node = frame.wait_for_selector("[data-result][data-practice]")
    assert node.get_attribute("data-passed") is None
    assert W["practice_score"].replace("{score}", "0") in node.inner_text()
    assert axe_violations(frame) == []  # the notice and the practice result, WCAG 2.1 AA
    frame.click("[data-action=exit]")
    assert [c["fn"] for c in lms.calls() if c["fn"] in WRITES] == []
    assert lms.attempts() == [before]
    assert_clean(lms)


@pytest.mark.parametrize("version", VERSIONS)
def test_practice_pass_in_review_never_looks_recorded(lms, packages, version):
    sco = packages(version, max_attempts=1)
    frame = lms.launch(version, sco)
    take_quiz(lms, frame, False)
    lms.leave()
    [before] = lms.attempts()
    frame = lms.launch(version, sco)
    review_notice(frame)
    frame.click("[data-nav=quiz]")
    frame.click("[data-action=practice]")
    answer_quiz(frame, lms.course_data(), True)
    frame.click("[data-action=submit]")
    node = frame.wait_for_selector("[data-result][data-practice]")
    text = page_text(frame)
    assert W["passed"] not in text and "fullført." not in text and W["already_passed"] not in text
    assert node.get_attribute("data-passed") is None
    assert frame.query_selector("[data-passed=true]") is None
    assert "Registrert i læringsplattformen: ikke bestått." in review_notice(frame)
    lms.leave()
    assert [c["fn"] for c in lms.calls() if c["fn"] in WRITES] == []
    assert lms.attempts() == [before]
    assert recorded(before, version) == (failed(version), "0")
    assert_clean(lms)


@pytest.mark.parametrize("version", VERSIONS)
def test_new_attempt_after_a_finished_one_starts_cleanly(lms, packages, version):
    sco = packages(version)
    frame = lms.launch(version, sco)
    take_quiz(lms, frame, True)
    lms.leave()
    frame = lms.launch(version, sco, new_attempt=True)
    assert lms.get("cmi.core.entry" if version == "1.2" else "cmi.entry") == "ab-initio"
    assert frame.is_hidden("[data-review-notice]")
    assert frame.is_visible("[data-lesson=first]")
    assert "visited" not in (frame.get_attribute("[data-nav=second]", "class") or "")
    frame.click("[data-nav=quiz]")
    assert frame.get_attribute("[data-quiz]", "data-locked") is not None  # lessons first, again
    assert W["passed"] not in page_text(frame)
    lms.leave()
    first, second = lms.attempts()
    assert recorded(first, version) == (passed(version), "100")
    assert recorded(second, version) == (open_(version), "")
    assert '"n":0' in second["cmi.suspend_data"]
    assert_clean(lms)


@pytest.mark.parametrize("version", VERSIONS)
def test_lms_attempt_limit_reached_stays_in_review(lms, packages, version):
    sco = packages(version, max_attempts=1)
    frame = lms.launch(version, sco, lms_attempts=1)
    take_quiz(lms, frame, False)
    lms.leave()
    frame = lms.launch(version, sco, new_attempt=True, lms_attempts=1)  # Moodle offers no new attempt
    assert "nytt forsøk i læringsplattformen" in review_notice(frame)
    assert len(lms.attempts()) == 1
    assert_clean(lms)


@pytest.mark.parametrize("given", ["browse", "no-credit"])
@pytest.mark.parametrize("version", VERSIONS)
def test_browse_and_no_credit_show_the_notice_and_write_nothing(lms, packages, version, given):
    credit = "cmi.core.credit" if version == "1.2" else "cmi.credit"
    if given == "browse":
        frame = lms.launch(version, packages(version), mode="browse")
    else:
        frame = lms.launch(version, packages(version), cmi={credit: "no-credit"})
    assert W["review_notice"] in review_notice(frame)
    read_all_lessons(frame)
    frame.click("[data-action=practice]")  # the quiz is offered as practice only
    answer_quiz(frame, lms.course_data(), True)
    frame.click("[data-action=submit]")
    assert frame.wait_for_selector("[data-result][data-practice]")
    assert W["passed"] not in page_text(frame)
    lms.leave()
    assert [c["fn"] for c in lms.calls() if c["fn"] in WRITES] == []
    assert_clean(lms)


@pytest.mark.parametrize("version", VERSIONS)
def test_normal_launch_has_no_review_notice(lms, packages, version):
    frame = lms.launch(version, packages(version))
    frame.wait_for_timeout(100)  # the notice would be filled 50 ms after start
    assert frame.is_hidden("[data-review-notice]")
    assert frame.inner_text("[data-review-notice]") == ""


@pytest.mark.parametrize("version", VERSIONS)
def test_clean_first_launch_reads_entry_first_and_no_call_errs(lms, packages, version):
    frame = lms.launch(version, packages(version))
    take_quiz(lms, frame, True)
    frame.click("[data-action=exit]")
    calls = lms.calls()
    entry = "cmi.core.entry" if version == "1.2" else "cmi.entry"
    assert [c["fn"] for c in calls[:2]] == (["LMSInitialize", "LMSGetValue"] if version == "1.2"
                                           else ["Initialize", "GetValue"])
    assert calls[1]["args"] == [entry]
    reads = [c["args"][0] for c in calls if c["fn"] in ("LMSGetValue", "GetValue")]
    assert "cmi.suspend_data" not in reads and "cmi.location" not in reads  # nothing stored yet to read
    assert [c for c in calls if c["error"] != "0"] == []
    assert_clean(lms)


@pytest.mark.parametrize("version", VERSIONS)
def test_the_lms_hands_the_sco_the_passing_score_its_manifest_declares(lms, packages, version):
    """As Moodle reads it from the manifest at import; the test LMS has it from the targets registry, as the preview."""
    lms.launch(version, packages(version, passing_score=70))
    element, value = ("cmi.student_data.mastery_score", "70") if version == "1.2" else ("cmi.scaled_passing_score", "0.7")
    assert lms.get(element) == value
