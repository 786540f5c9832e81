"""The test LMS harness: a local web server and the test LMS page (Chromium: builder/browser.py).

Used by the browser tests and the benchmarks. Nothing here talks to any host but 127.0.0.1.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from builder.local_server import serve_folder
from builder.outputs.targets import REGISTERED

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
NODE_MODULES = REPO / "tools" / "node_modules"  # npm ci in tools/
# lms-standards.js (each standard's LMS side) and moodle.js (Moodle's attempt rules): what the preview plays too
SHARED_LMS = REPO / "builder" / "preview" / "assets"


class Site:
    """A folder served on 127.0.0.1: /host/ is the test LMS, /sco/<name>/ each unpacked package."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="kursbygger-site-"))
        (self.root / "sco").mkdir()
        os.symlink(HERE, self.root / "host")
        os.symlink(NODE_MODULES, self.root / "node_modules")
        os.symlink(SHARED_LMS, self.root / "lms")
        self.server = serve_folder(self.root)
        self.base = self.server.base

    def add_zip(self, name: str, zip_path: Path) -> str:
        target = self.root / "sco" / name
        shutil.rmtree(target, ignore_errors=True)
        with zipfile.ZipFile(zip_path) as archive:
            archive.extractall(target)
        return f"/sco/{name}/index.html"

    def launch_data(self, version: str, sco: str) -> dict[str, str]:
        """What the LMS hands the SCO at launch from the package's manifest (the passing score), read through the
        targets registry as the preview reads it; nothing for a SCO without a manifest."""
        target = REGISTERED[version]
        manifest = self.root / PurePosixPath(sco).parent.relative_to("/") / target.manifest_name
        return target.launch_data({target.manifest_name: manifest.read_bytes()}) if manifest.is_file() else {}

    def close(self) -> None:
        self.server.stop()
        shutil.rmtree(self.root, ignore_errors=True)


def build_zip(source: Path, out: Path, version: str, edition: str | None = None) -> Path:
    """Builds with the real CLI, as a course owner would."""
    result = subprocess.run([sys.executable, "-m", "builder", "build", "--source", str(source), "--out", str(out),
                             "--scorm", version, *(["--edition", edition] if edition else [])],
                            capture_output=True, text=True, cwd=REPO)
    if result.returncode != 0:
        raise RuntimeError(f"build failed:\n{result.stdout}\n{result.stderr}")
    return next(path for path in out.glob("*.zip") if REGISTERED[version].made(path.name))


class LmsSession:
    """One learner session: the host page with scorm-again, the SCO in a frame (or popup), and what the LMS saw."""

    def __init__(self, page, site: Site) -> None:
        self.page, self.site = page, site
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("console", self._console)
        page.context.on("page", self._popup)
        self.popup = None

    def _console(self, message) -> None:
        # A top-level window (the popup) asks for /favicon.ico by itself; that 404 is the browser's, not ours.
        if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
            self.errors.append(f"console.error: {message.text} ({message.location.get('url')})")

    def _popup(self, popup) -> None:
        self.popup = popup
        popup.on("request", lambda r: self.requests.append(r.url))
        popup.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        popup.on("console", self._console)

    def launch(self, version: str, sco: str, cmi: dict | None = None, faults: dict | None = None,
               popup: bool = False, width: int = 1024, height: int = 700, new_attempt: bool = False, lms_attempts: int = 0,
               mode: str | None = None):
        """Opens the SCO as Moodle would: the learner's current attempt resumes, a finished one opens for review,
        unless `new_attempt` (the learner ticks "Start a new attempt") and the limit `lms_attempts` allows it.
        `cmi` replaces what the LMS holds for the current attempt (and may set entry, mode or credit outright)."""
        self.version, self.sco = version, sco
        self.page.goto(f"{self.site.base}/host/host.html")
        config = {"version": version, "sco": f"{self.site.base}{sco}", "launch": self.site.launch_data(version, sco),
                  "cmi": cmi, "faults": faults or {},
                  "popup": popup, "width": width, "height": height, "newAttempt": new_attempt, "lmsAttempts": lms_attempts,
                  "mode": mode}
        if popup:
            with self.page.context.expect_page() as info:
                self.page.evaluate("cfg => launch(cfg)", config)
            frame = info.value
            frame.wait_for_load_state()
            self.frame = frame
        else:
            self.page.evaluate("cfg => launch(cfg)", config)
            self.frame = self.page.wait_for_selector("#sco").content_frame()
        self.frame.wait_for_selector("html.js", state="attached")
        return self.frame

    def get(self, element: str) -> str:
        return self.page.evaluate("e => lmsGet(e)", element)

    def calls(self) -> list[dict]:
        return self.page.evaluate("() => window.lmsCalls")

    def data(self) -> dict:
        return self.page.evaluate("() => lmsData()")

    def interactions(self) -> list[dict]:
        return self.page.evaluate("() => lmsList('interactions')")

    def objectives(self) -> list[dict]:
        return self.page.evaluate("() => lmsList('objectives')")

    def attempts(self) -> list[dict]:
        """What the LMS keeps for this package across launches: one {'cmi.…': value} per attempt, oldest first."""
        return self.page.evaluate("sco => lmsAttempts(sco)", f"{self.site.base}{self.sco}")

    def leave(self) -> None:
        """The learner closes the LMS page: pagehide in the SCO, as when Moodle unloads the frame."""
        self.page.evaluate("() => removeSco()") if not self.popup else self.popup.close(run_before_unload=True)

    def course_data(self) -> dict:
        return json.loads(self.frame.eval_on_selector("#kurs-data", "n => n.textContent"))

    def outside_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(self.site.base) and not u.startswith("data:")
                and not u.startswith("about:")]


# --- driving the player through its stable UI contract -------------------------------------------------------

def read_all_lessons(frame) -> None:
    """Next, next, … until the quiz is on screen."""
    while not frame.is_visible("[data-quiz]"):
        frame.click("[data-action=next]")


def right_answers(question: dict) -> list[tuple[str, str]]:
    """(selector inside the question, 'check') pairs that answer `question` correctly."""
    if question["type"] == "true-false":
        return [(f"input[value={str(question['answer']).lower()}]", "check")]
    if question["type"] == "sort":
        return [(f"[data-item='{i['id']}'] input[value='{i['category']}']", "check") for i in question["items"]]
    return [(f"input[value='{o['id']}']", "check") for o in question["options"] if o["correct"]]


def wrong_answers(question: dict) -> list[tuple[str, str]]:
    if question["type"] == "true-false":
        return [(f"input[value={str(not question['answer']).lower()}]", "check")]
    if question["type"] == "sort":
        ids = [c["id"] for c in question["categories"]]
        return [(f"[data-item='{i['id']}'] input[value='{ids[(ids.index(i['category']) + 1) % len(ids)]}']", "check")
                for i in question["items"]]
    wrong = [o for o in question["options"] if not o["correct"]]
    return [(f"input[value='{wrong[0]['id']}']", "check")]


def answer_quiz(frame, data: dict, right: set[str] | bool) -> list[str]:
    """Answers every question on the quiz page; `right` says which question ids to get right (True = all)."""
    by_id = {q["id"]: q for q in data["quiz"]["questions"]}
    shown = frame.eval_on_selector_all("[data-question]", "ns => ns.map(n => n.getAttribute('data-question'))")
    for qid in shown:
        good = right is True or (right is not False and qid in right)
        for selector, _ in (right_answers if good else wrong_answers)(by_id[qid]):
            frame.check(f"[data-question='{qid}'] {selector}")
    return shown


def result(frame) -> dict:
    node = frame.wait_for_selector("[data-result]")
    return {"score": int(node.get_attribute("data-score")), "passed": node.get_attribute("data-passed") == "true"}
