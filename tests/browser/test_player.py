"""The player in real Chromium against scorm-again, for both SCORM versions: what the LMS records."""

from __future__ import annotations

import json
import zipfile

import pytest

from .conftest import GOOD
from tools.testlms.harness import REPO, answer_quiz, build_zip, read_all_lessons, result

VERSIONS = ["1.2", "2004"]


def status(lms) -> str:
    """One word per version: 1.2's lesson_status, or 2004's completion/success pair."""
    if lms.version == "1.2":
        return lms.get("cmi.core.lesson_status")
    return f"{lms.get('cmi.completion_status')}/{lms.get('cmi.success_status')}"


def score(lms) -> str:
    return lms.get("cmi.core.score.raw" if lms.version == "1.2" else "cmi.score.raw")


def assert_clean(lms) -> None:
    """No uncaught error, no console error, no request off the local server, and the LMS accepted every call."""
    assert lms.errors == []
    assert lms.outside_requests() == []
    refused = [c for c in lms.calls() if c["error"] != "0" and not c["injected"]]
    assert refused == []


def take_quiz(lms, frame, right) -> dict:
    read_all_lessons(frame)
    answer_quiz(frame, lms.course_data(), right)
    frame.click("[data-action=submit]")
    return result(frame)


@pytest.mark.parametrize("version", VERSIONS)
def test_pass_records_passed_full_score_and_correct_interactions(lms, packages, version):
    frame = lms.launch(version, packages(version))
    assert take_quiz(lms, frame, True) == {"score": 100, "passed": True}
    assert status(lms) == ("passed" if version == "1.2" else "completed/passed")
    assert score(lms) == "100"
    if version == "2004":
        assert lms.get("cmi.score.scaled") == "1"
    interactions = lms.interactions()
    assert len(interactions) == 4
    assert {i["result"] for i in interactions} == {"correct"}
    by_id = {i["id"]: i for i in interactions}
    assert by_id["q-tf"]["type"] == "true-false" and by_id["q-sort"]["type"] == "matching"
    response = "student_response" if version == "1.2" else "learner_response"
    if version == "1.2":
        assert by_id["q-multiple"][response] == "a,b"
        assert by_id["q-tf"][response] == "t"
        assert by_id["q-sort"][response] == "a.1,b.2,c.1"
    else:
        assert by_id["q-multiple"][response] == "a[,]b"
        assert by_id["q-tf"][response] == "true"
        assert by_id["q-sort"][response] == "budsjett[.]ok[,]pasient[.]ikke-ok[,]satire[.]ok"
        assert by_id["q-single"]["description"] == "Hvem har ytringsfrihet?"
    for interaction in interactions:
        assert interaction[response] == interaction["correct_responses"]["0"]["pattern"]
    objectives = {o["id"]: o for o in lms.objectives()}
    assert {"first", "second", "demo-quiz"} <= objectives.keys()
    frame.click("[data-action=exit]")
    assert lms.get("cmi.core.exit" if version == "1.2" else "cmi.exit") == ("" if version == "1.2" else "normal")
    assert_clean(lms)
    finishes = [c for c in lms.calls() if c["fn"] in ("LMSFinish", "Terminate")]
    assert len(finishes) == 1


@pytest.mark.parametrize("version", VERSIONS)
def test_fail_with_attempts_left_keeps_the_attempt_open(lms, packages, version):
    frame = lms.launch(version, packages(version))
    assert take_quiz(lms, frame, False) == {"score": 0, "passed": False}
    # Not failed, and no score yet: either would end the LMS attempt and turn the next visit into review.
    assert status(lms) == ("incomplete" if version == "1.2" else "incomplete/unknown")
    assert score(lms) == ""
    assert {i["result"] for i in lms.interactions()} == {"wrong" if version == "1.2" else "incorrect"}
    assert frame.is_visible("[data-action=retry]")
    assert_clean(lms)


@pytest.mark.parametrize("version", VERSIONS)
def test_last_attempt_failed_with_failed_status_incomplete(lms, packages, version):
    frame = lms.launch(version, packages(version, failed_status="incomplete", max_attempts=1))
    assert take_quiz(lms, frame, False)["passed"] is False
    lms.leave()  # no mastery score in the manifest, so the LMS keeps the course's status on finish
    record = lms.attempts()[-1]
    if version == "1.2":
        assert record["cmi.core.lesson_status"] == "incomplete"
    else:
        assert record["cmi.completion_status"] == "incomplete"
    assert score(lms) == "0"
    assert_clean(lms)


@pytest.mark.parametrize("version", VERSIONS)
def test_partial_score_on_the_last_attempt(lms, packages, version):
    frame = lms.launch(version, packages(version, max_attempts=1))
    assert take_quiz(lms, frame, {"q-single", "q-tf", "q-sort"}) == {"score": 75, "passed": False}
    assert score(lms) == "75"
    assert status(lms) == ("failed" if version == "1.2" else "completed/failed")
    results = {i["id"]: i["result"] for i in lms.interactions()}
    assert results["q-multiple"] in ("wrong", "incorrect") and results["q-single"] == "correct"
    assert_clean(lms)


@pytest.mark.parametrize("version", VERSIONS)
def test_resume_after_two_lessons(lms, packages, version):
    sco = packages(version, max_attempts=3)
    frame = lms.launch(version, sco)
    frame.click("[data-action=next]")  # lesson 2 is now visited and current
    assert frame.is_visible("[data-lesson=second]")
    lms.leave()
    assert lms.attempts()[-1]["cmi.core.exit" if version == "1.2" else "cmi.exit"] == "suspend"
    frame = lms.launch(version, sco)
    assert lms.calls()[1]["args"] == ["cmi.core.entry" if version == "1.2" else "cmi.entry"]
    assert lms.get("cmi.core.entry" if version == "1.2" else "cmi.entry") == "resume"
    assert frame.is_visible("[data-lesson=second]")
    assert frame.is_hidden("[data-lesson=first]")
    assert "visited" in frame.get_attribute("[data-nav=first]", "class")
    assert_clean(lms)


@pytest.mark.parametrize("version", VERSIONS)
def test_resume_mid_quiz_restores_questions_and_answers(lms, packages, version):
    sco = packages(version)
    frame = lms.launch(version, sco)
    read_all_lessons(frame)
    shown = answer_quiz(frame, lms.course_data(), {"q-single", "q-tf"})
    checked = frame.eval_on_selector_all("input:checked", "ns => ns.map(n => n.id)")
    lms.leave()  # the frame goes away without an explicit exit
    frame = lms.launch(version, sco)
    assert frame.is_visible("[data-quiz]")
    again = frame.eval_on_selector_all("[data-question]", "ns => ns.map(n => n.getAttribute('data-question'))")
    assert again == shown
    assert frame.eval_on_selector_all("input:checked", "ns => ns.map(n => n.id)") == checked
    assert_clean(lms)


@pytest.mark.parametrize("version", VERSIONS)
def test_hiding_the_page_sends_answers_at_once(lms, packages, version):
    frame = lms.launch(version, packages(version))
    read_all_lessons(frame)
    answer_quiz(frame, lms.course_data(), True)
    # Hidden, then read in the same task: the answers must already be with the LMS, not waiting on a timer.
    saved = lms.page.evaluate("""() => {
        const doc = document.getElementById('sco').contentDocument;
        Object.defineProperty(doc, 'visibilityState', {value: 'hidden', configurable: true});
        doc.dispatchEvent(new Event('visibilitychange'));
        return lmsGet('cmi.suspend_data');
    }""")
    answers = json.loads(saved)["c"]["a"]
    assert len(answers) == len(lms.course_data()["quiz"]["questions"]) and all(answers)
    assert lms.calls()[-1]["fn"] in ("LMSCommit", "Commit")
    assert_clean(lms)


@pytest.mark.parametrize("version", VERSIONS)
def test_retries_up_to_max_attempts(lms, packages, version):
    frame = lms.launch(version, packages(version, max_attempts=2))
    assert take_quiz(lms, frame, False)["passed"] is False
    frame.click("[data-action=retry]")
    answer_quiz(frame, lms.course_data(), False)
    frame.click("[data-action=submit]")
    frame.wait_for_selector("[data-result]")
    assert not frame.is_visible("[data-action=retry]")
    assert len(lms.interactions()) == 8
    assert status(lms) == ("failed" if version == "1.2" else "completed/failed")
    assert score(lms) == "0"
    assert_clean(lms)


@pytest.mark.parametrize("version", VERSIONS)
def test_passed_stays_passed_on_reentry(lms, packages, version):
    sco = packages(version)
    frame = lms.launch(version, sco)
    take_quiz(lms, frame, True)
    lms.leave()
    frame = lms.launch(version, sco)  # a finished attempt: Moodle opens it for review
    frame.click("[data-nav=quiz]")
    assert result(frame)["passed"] is True  # a returning learner can review
    assert not frame.is_visible("[data-action=retry]")
    assert frame.is_visible("[data-review-notice]")
    lms.leave()
    assert status(lms) == ("passed" if version == "1.2" else "completed/passed")
    assert score(lms) == "100"
    assert_clean(lms)


def test_standalone_keeps_progress_in_local_storage(lms, packages):
    sco = packages("1.2")
    frame = lms.launch("1.2", sco, faults={"noApi": True})
    assert frame.is_visible("[data-notice]")
    frame.click("[data-action=next]")
    frame.evaluate("() => dispatchEvent(new PageTransitionEvent('pagehide'))")
    frame.goto(frame.url)
    frame.wait_for_selector("html.js", state="attached")
    assert frame.is_visible("[data-lesson=second]")
    assert lms.calls() == []
    assert lms.errors == [] and lms.outside_requests() == []


def test_opened_from_disk_runs_standalone(browser, tmp_path):
    # What a course owner does to preview: unzip, open index.html. file:// must satisfy the page's CSP too.
    with zipfile.ZipFile(build_zip(GOOD, tmp_path / "dist", "1.2")) as archive:
        archive.extractall(tmp_path / "unzipped")
    page = browser.new_page()
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.goto((tmp_path / "unzipped" / "index.html").as_uri())
    page.wait_for_selector("html.js", state="attached")
    assert page.is_visible("[data-notice]")  # says progress stays in this browser
    assert page.evaluate("() => document.querySelector('img').naturalWidth") > 0
    assert problems == []
    page.close()


@pytest.mark.parametrize("version", VERSIONS)
def test_popup_finds_the_api_through_the_opener(lms, packages, version):
    frame = lms.launch(version, packages(version), popup=True)
    assert take_quiz(lms, frame, True)["passed"] is True
    assert status(lms) == ("passed" if version == "1.2" else "completed/passed")
    assert_clean(lms)


@pytest.mark.parametrize("width", [360, 1024])
def test_next_lesson_starts_in_view_with_focus_on_its_heading(lms, packages, width):
    # The real course: seven long lesson titles make a contents list taller than a phone's screen.
    frame = lms.launch("1.2", packages("1.2", REPO), width=width)
    frame.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")  # read to the end of lesson one
    frame.click("[data-action=next]")
    place = frame.evaluate("""() => { const h = document.activeElement;
        return {id: h.id, top: h.getBoundingClientRect().top, height: innerHeight, scrolled: scrollY}; }""")
    assert place["id"] == "h-" + lms.course_data()["lessons"][1]["id"]
    # Not hidden under the contents list on a phone; scrolling lands on whole pixels, so the heading may start a
    # fraction of a pixel above the edge when the contents list above it has a fractional height.
    assert -1 < place["top"] < place["height"] / 2
    if width == 1024:
        assert place["scrolled"] == 0  # side by side: the page simply starts again at the top


def test_keyboard_only_pass(lms, packages):
    frame = lms.launch("1.2", packages("1.2"))
    page = lms.page
    data = lms.course_data()
    frame.focus("[data-action=next]")
    while not frame.is_visible("[data-quiz]"):
        page.keyboard.press("Enter")  # the focused Next button
        frame.focus("[data-action=next]") if frame.is_enabled("[data-action=next]") else None
    # Focus moved to the quiz heading; from there Tab walks through every input in order.
    assert frame.evaluate("() => document.activeElement.id") == "h-quiz"
    by_id = {q["id"]: q for q in data["quiz"]["questions"]}
    from tools.testlms.harness import right_answers
    wanted = {frame.get_attribute(f"[data-question='{qid}'] {sel}", "id")
              for qid in by_id if frame.query_selector(f"[data-question='{qid}']")
              for sel, _ in right_answers(by_id[qid])}
    for _ in range(60):
        page.keyboard.press("Tab")
        active = frame.evaluate("() => ({id: document.activeElement.id, type: document.activeElement.type, "
                                "checked: document.activeElement.checked, action: document.activeElement.dataset.action})")
        if active["action"] == "submit":
            break
        if active["id"] in wanted and not active["checked"]:
            page.keyboard.press("Space")
        elif active["type"] == "radio" and active["id"] not in wanted:
            # Tab lands on the checked (or first) radio of a group; arrows move to the right one.
            for _ in range(5):
                page.keyboard.press("ArrowDown")
                now = frame.evaluate("() => document.activeElement.id")
                if now in wanted:
                    break
    page.keyboard.press("Enter")
    assert result(frame) == {"score": 100, "passed": True}
    assert_clean(lms)


AXE = REPO / "tools" / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(frame) -> list:
    if not frame.evaluate("() => !!window.axe"):
        frame.evaluate(AXE.read_text(encoding="utf-8"))
    found = frame.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}});
        return r.violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))}));
    }""")
    return found


@pytest.mark.parametrize("width", [1024, 320])
def test_accessibility_lesson_quiz_and_result(lms, packages, width):
    frame = lms.launch("1.2", packages("1.2"), width=width)
    assert axe_violations(frame) == [], "lesson page"
    read_all_lessons(frame)
    assert axe_violations(frame) == [], "quiz page"
    frame.click("[data-action=submit]")  # unanswered: the error message is shown
    assert axe_violations(frame) == [], "quiz page with message"
    answer_quiz(frame, lms.course_data(), {"q-single"})
    frame.click("[data-action=submit]")
    result(frame)
    assert axe_violations(frame) == [], "result page"
    assert_clean(lms)


def test_selfcheck_walks_step_by_step(lms, packages):
    frame = lms.launch("1.2", packages("1.2"))
    frame.click("[data-action=next]")
    box = "[data-selfcheck]"
    steps = frame.query_selector_all(f"{box} [data-step]")
    assert [s.is_visible() for s in steps] == [True, False]
    frame.click(f"{box} .selfcheck-buttons button >> text=Ja")
    assert "taushetsplikten" in frame.inner_text(f"{box} [aria-live]")
    frame.click(f"{box} .selfcheck-buttons button")
    assert [s.is_visible() for s in steps] == [False, True]
    assert axe_violations(frame) == []


@pytest.mark.parametrize("version", VERSIONS)
def test_real_course_plays_end_to_end(lms, packages, version):
    frame = lms.launch(version, packages(version, source=REPO))
    frame.click("[data-nav=quiz]")
    assert frame.get_attribute("[data-quiz]", "data-locked") is not None  # lessons first
    frame.click("[data-nav=ytringsfrihet]")
    assert take_quiz(lms, frame, True) == {"score": 100, "passed": True}
    data = lms.course_data()
    lesson_of = {q["id"]: q["lesson"] for q in data["quiz"]["questions"]}
    asked = [lesson_of[i["id"]] for i in lms.interactions()]
    assert len(asked) == 15 and set(asked) == {lesson["id"] for lesson in data["lessons"]}  # the balanced draw
    assert status(lms) == ("passed" if version == "1.2" else "completed/passed")
    assert len(lms.get("cmi.suspend_data")) < 1024
    assert axe_violations(frame) == []
    assert_clean(lms)
