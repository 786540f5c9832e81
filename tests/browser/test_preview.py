"""`kursbygger preview` in real Chromium: a starter course from `kursbygger new`, served by the real command in a
subprocess, edited on disk while the page is open."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys

import pytest
import yaml

from builder.words import say
from tools.testlms.harness import answer_quiz, read_all_lessons, result
from .test_player import axe_violations


LESSON = "course/lessons/01-skriv.md"


class Preview:
    """The preview command running on a fresh starter course, and one browser page on it."""

    def __init__(self, root, browser, *options: str) -> None:
        self.root, self.source = root, root / "kurs"
        kursbygger = [sys.executable, "-m", "builder"]
        made = subprocess.run([*kursbygger, "new", "kurs", "--language", "nb"], cwd=root, capture_output=True, text=True)
        assert made.returncode == 0, made.stderr
        self.process = subprocess.Popen([*kursbygger, "preview", "--source", "kurs", "--no-open", "--port", "0",
                                         *options], cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for line in self.process.stdout:
            if match := re.search(r"http://127\.0\.0\.1:\d+/", line):
                self.url = match.group(0)
                break
        else:
            pytest.fail(f"preview did not start: {self.process.stderr.read()}")
        self.context = browser.new_context(viewport={"width": 1400, "height": 900})
        self.context.set_default_timeout(10_000)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def open(self, query: str = ""):
        self.page.goto(self.url + query)
        return self.frame()

    def frame(self):
        """The course frame of the current session (a rebuild or relaunch puts in a new one)."""
        frame = self.page.wait_for_selector("#sco").content_frame()
        frame.wait_for_selector("html.js", state="attached")
        return frame

    def edit(self, relative: str, change) -> None:
        path = self.source / relative
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")

    def inspector(self, name: str, expect: str | None = None) -> str:
        """One line of the inspector; with `expect`, first waits until it starts with that (it redraws in 50 ms)."""
        if expect is not None:
            self.page.wait_for_function("([name, text]) => (document.querySelector(`[data-lms=${name}]`) || "
                                        "{textContent: ''}).textContent.startsWith(text)", arg=[name, expect])
        return self.page.inner_text(f"[data-lms={name}]")

    def calls(self) -> str:
        return self.page.inner_text("#log")

    def stop(self) -> tuple[int, str, str]:
        self.context.close()
        self.process.send_signal(signal.SIGINT)
        out, err = self.process.communicate(timeout=10)
        return self.process.returncode, out, err


@pytest.fixture
def preview(browser, tmp_path):
    running = Preview(tmp_path, browser)
    yield running
    if running.process.poll() is None:
        running.stop()


def test_saving_a_lesson_reloads_the_frame_where_the_learner_was(preview):
    frame = preview.open()
    frame.wait_for_selector("[data-lesson=skriv]", state="visible")
    frame.click("[data-action=next]")
    frame.wait_for_selector("[data-lesson=sjekk]", state="visible")
    preview.page.wait_for_function("() => document.querySelector('#log').textContent.includes('LMSCommit')")

    preview.edit("course/lessons/02-sjekk.md", lambda text: text.replace(
        "En sjekkliste stiller", "Helt ny setning fra forfatteren. En sjekkliste stiller"))
    preview.page.frame_locator("#sco").locator("text=Helt ny setning fra forfatteren").wait_for()
    frame = preview.frame()
    assert frame.is_visible("[data-lesson=sjekk]"), "the relaunched course resumes at the lesson the author was on"
    assert preview.inspector("entry", "resume") == "resume"
    assert "Rebuilt" in preview.page.inner_text("#news")
    assert preview.errors == []


def test_broken_yaml_shows_the_problem_and_keeps_the_last_build(preview):
    frame = preview.open()
    frame.wait_for_selector("[data-lesson=skriv]", state="visible")
    preview.edit("course/course.yaml", lambda text: text.replace("title: Mitt første kurs", "title: [Mitt første"))
    preview.page.wait_for_selector("#problems", state="visible")
    shown = preview.page.inner_text("#problem-text")
    check = subprocess.run([sys.executable, "-m", "builder", "check", "--source", "kurs"], cwd=preview.root,
                           capture_output=True, text=True)
    assert check.returncode == 1
    problems = [line for line in check.stderr.splitlines() if ": error: " in line]
    assert problems and shown.splitlines() == problems, "the page shows exactly what check prints"
    assert re.match(r"kurs/course/course\.yaml:\d+:\d+: error: ", problems[0])
    assert preview.frame().is_visible("[data-lesson=skriv]"), "the last good build stays usable behind the message"

    preview.edit("course/course.yaml", lambda text: text.replace("title: [Mitt første", "title: Et rettet kurs"))
    preview.page.wait_for_selector("#problems", state="hidden")
    preview.page.wait_for_function("() => document.title.startsWith('Et rettet kurs')")
    assert preview.frame().is_visible("[data-lesson=skriv]")


def test_inspector_shows_what_the_lms_holds_after_a_submitted_quiz(preview):
    frame = preview.open()
    read_all_lessons(frame)
    data = json.loads(frame.eval_on_selector("#kurs-data", "n => n.textContent"))
    shown = answer_quiz(frame, data, True)
    frame.click("[data-action=submit]")
    assert result(frame) == {"score": 100, "passed": True}
    preview.page.wait_for_function(f"() => document.querySelectorAll('#interactions tbody tr').length === {len(shown)}")
    rows = preview.page.eval_on_selector_all(
        "#interactions tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.textContent))")
    assert sorted(r[1] for r in rows) == sorted(shown)
    assert {r[5] for r in rows} == {"correct"}
    assert preview.inspector("status") == "passed"
    assert preview.inspector("score").startswith("100")
    objectives = preview.page.eval_on_selector_all("#objectives tbody tr", "rows => rows.map(r => r.cells[0].textContent)")
    assert {"skriv", "sjekk"} <= set(objectives)
    assert json.loads(preview.page.inner_text("#suspend"))["cv"] == "0.1.0", "suspend_data is shown decoded"
    assert "LMSSetValue(\"cmi.core.score.raw\", \"100\") → \"true\"" in preview.calls()
    assert not re.search(r"error \d+", preview.calls())
    preview.page.evaluate("() => window.API.LMSGetValue('cmi.core.exit')")  # write-only in SCORM 1.2
    preview.page.wait_for_selector("#log li.failed")
    assert 'LMSGetValue("cmi.core.exit") → ""  error 404' in preview.calls()


def test_review_mode_relaunches_without_credit(preview):
    frame = preview.open()
    read_all_lessons(frame)
    answer_quiz(frame, json.loads(frame.eval_on_selector("#kurs-data", "n => n.textContent")), True)
    frame.click("[data-action=submit]")
    result(frame)
    preview.page.click("#review")
    frame = preview.frame()
    assert preview.inspector("mode", "review (no-credit)")
    assert 'LMSGetValue("cmi.core.lesson_mode") → "review"' in preview.calls()
    frame.wait_for_selector("[data-review-notice]", state="visible")


def test_new_attempt_and_reset_follow_moodle(preview):
    """As in Moodle (and the test LMS, whose rules the preview shares): a new LMS attempt only after a finished one,
    which otherwise reopens in review mode; «Reset learner» forgets everything."""
    frame = preview.open()
    frame.click("[data-action=next]")
    preview.page.wait_for_function("() => document.querySelector('[data-lms=location]').textContent === 'sjekk'")
    preview.page.click("#relaunch")
    preview.frame().wait_for_selector("[data-lesson=sjekk]", state="visible")
    assert preview.inspector("entry", "resume") and preview.inspector("lms-attempt") == "1"
    preview.page.click("#new-attempt")
    preview.frame().wait_for_selector("[data-lesson=sjekk]", state="visible")
    assert preview.inspector("lms-attempt") == "1" and "only after a finished one" in preview.page.inner_text("#news")
    frame = preview.frame()
    read_all_lessons(frame)
    answer_quiz(frame, json.loads(frame.eval_on_selector("#kurs-data", "n => n.textContent")), True)
    frame.click("[data-action=submit]")
    assert result(frame)["passed"]
    preview.page.click("#relaunch")
    assert preview.inspector("mode", "review") and preview.inspector("lms-attempt") == "1"
    preview.page.click("#new-attempt")
    preview.frame().wait_for_selector("[data-lesson=skriv]", state="visible")
    assert preview.inspector("entry", "ab-initio") and preview.inspector("lms-attempt") == "2"
    assert preview.inspector("mode").startswith("normal")
    preview.page.click("#reset")
    preview.frame().wait_for_selector("[data-lesson=skriv]", state="visible")
    assert preview.inspector("lms-attempt", "1")


def test_switching_to_2004_and_phone_width(preview):
    preview.open()
    preview.page.select_option("#version", "2004")
    frame = preview.frame()
    frame.wait_for_selector("[data-lesson=skriv]", state="visible")
    assert preview.inspector("scorm", "2004")
    preview.page.wait_for_function("() => document.querySelector('#log').textContent.includes('Initialize(\"\") → \"true\"')")
    assert "LMSInitialize" not in preview.calls()
    assert "scorm=2004" in preview.page.url
    preview.page.click("#narrow")
    assert preview.page.eval_on_selector("#sco", "f => f.getBoundingClientRect().width") == 360
    assert preview.page.get_attribute("#narrow", "aria-pressed") == "true"


def test_simulator_page_is_accessible_local_and_clean(preview):
    frame = preview.open()
    frame.wait_for_selector("[data-lesson=skriv]", state="visible")
    preview.page.wait_for_function("() => document.querySelectorAll('#log li').length > 0")
    assert axe_violations(preview.page.main_frame) == []
    preview.edit(LESSON, lambda text: text.replace("title: Slik skriver", "title: [Slik skriver"))
    preview.page.wait_for_selector("#problems", state="visible")
    assert axe_violations(preview.page.main_frame) == [], "with the problems shown"
    preview.page.focus("#version")
    preview.page.keyboard.press("Tab")
    assert preview.page.evaluate("document.activeElement.id") == "relaunch"
    outside = [u for u in preview.requests if not u.startswith(preview.url) and not u.startswith(("data:", "about:"))]
    assert outside == []
    assert preview.errors == []
    csp = preview.page.request.get(preview.url).headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp


def test_ctrl_c_stops_cleanly_with_the_page_connected(preview):
    preview.open()
    code, out, err = preview.stop()
    assert code == 0 and "Preview stopped." in out
    assert "Traceback" not in err


def test_new_into_a_non_empty_folder_exits_1(tmp_path):
    (tmp_path / "kurs").mkdir()
    (tmp_path / "kurs" / "course.yaml").write_text("id: x\n", encoding="utf-8")
    made = subprocess.run([sys.executable, "-m", "builder", "new", "kurs", "--language", "nb"], cwd=tmp_path, capture_output=True, text=True)
    assert made.returncode == 1 and "not an empty folder" in made.stderr
    assert [p.name for p in (tmp_path / "kurs").iterdir()] == ["course.yaml"]


def test_with_refresher_the_simulator_runs_the_refresher_and_a_save_rebuilds_it(browser, tmp_path):
    preview = Preview(tmp_path, browser, "--refresher")
    try:
        starter = yaml.safe_load((preview.source / "course" / "course.yaml").read_text(encoding="utf-8"))
        frame = preview.open()
        data = json.loads(frame.eval_on_selector("#kurs-data", "n => n.textContent"))
        assert (data["course"]["id"], data["course"]["title"]) == (
            f"{starter['id']}-refresher", say("refresher.title", starter["language"], title=starter["title"]))
        preview.edit("course/course.yaml", lambda text: text.replace(f"title: {starter['title']}", "title: Nytt navn"))
        refreshed = say("refresher.title", starter["language"], title="Nytt navn")
        preview.page.wait_for_function("t => document.title.startsWith(t)", arg=refreshed)
        assert preview.inspector("scorm", "1.2") and preview.errors == []
    finally:
        preview.stop()
