"""The preview's parts without a browser: the in-memory build, the watcher's filter, the server's rules, the
command's exits, and the vendored scorm-again."""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import lxml.html
import pytest
from lxml import etree

from builder.build import build, load_checked
from builder.outputs.targets import REGISTERED
from builder.preview.memory import Builds
from builder.preview.server import PreviewServer
from builder.preview.watch import CourseFilter
from builder.refresher import Derive, refresher
from builder.words import say
from tests.conftest import GOOD, REPO

ASSETS = REPO / "builder" / "preview" / "assets"
NPM = REPO / "tools" / "node_modules" / "scorm-again"


@pytest.fixture
def course(tmp_path) -> Path:
    shutil.copytree(GOOD, tmp_path / "src")
    return tmp_path / "src"


def test_a_broken_save_keeps_the_last_good_package_and_says_what_check_says(course, monkeypatch):
    monkeypatch.chdir(course.parent)
    builds = Builds(Path("src"))
    first = builds.rebuild()
    assert first.error is None and first.package.number == 1
    assert b"Demokurs" in first.package.files["1.2"]["index.html"]
    assert first.package.launch == {"1.2": {"cmi.student_data.mastery_score": "80"},
                                    "2004": {"cmi.scaled_passing_score": "0.8"}}
    yaml = course / "course" / "course.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("passing_score: 80", "passing_score: [80"),
                    encoding="utf-8")
    broken = builds.rebuild()
    assert broken.package is first.package and broken.generation == 2
    check = subprocess.run([sys.executable, "-m", "builder", "check", "--source", "src"], cwd=course.parent,
                           capture_output=True, text=True)
    assert broken.error.splitlines() == [line for line in check.stderr.splitlines() if ": error: " in line]
    assert broken.error.startswith("src/course/course.yaml:")
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("passing_score: [80", "passing_score: 70"),
                    encoding="utf-8")
    fixed = builds.rebuild()
    assert fixed.error is None and fixed.package.number == 2
    assert fixed.package.launch["1.2"] == {"cmi.student_data.mastery_score": "70"}


def test_the_watcher_sees_course_sources_only(course):
    wanted = CourseFilter(course)
    change = 2  # watchfiles.Change.modified
    assert wanted(change, str(course.resolve() / "course" / "lessons" / "01-first.md"))
    assert wanted(change, str(course.resolve() / "quizzes" / "demo-quiz.yaml"))
    assert wanted(change, str(course.resolve() / "translations" / "nn" / "quizzes" / "demo-quiz.yaml"))
    assert wanted(change, str(course.resolve() / "editions" / "bygd" / "edition.yaml"))
    assert not wanted(change, str(course.resolve() / "dist" / "demo-scorm12.zip"))
    assert not wanted(change, str(course.resolve() / "course-old" / "course.yaml"))
    assert not wanted(change, str(course.resolve() / "course" / "lessons" / ".01-first.md.swp"))


def fetch(url: str, host: str | None = None) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, b""


def test_server_listens_on_loopback_only_and_refuses_other_host_names(course):
    import threading

    builds = Builds(course)
    builds.rebuild()
    server = PreviewServer(0, builds)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        assert server.server_address[0] == "127.0.0.1"
        base = f"http://127.0.0.1:{server.port}"
        assert fetch(base + "/")[0] == 200
        assert fetch(base + "/sco/2004/imsmanifest.xml")[1].count(b"2004 4th Edition") == 1
        assert fetch(base + "/sco/1.2/media/figur.svg")[0] == 200
        assert fetch(base + "/sco/1.2/../../etc/passwd")[0] == 404
        assert fetch(base + "/", host="attacker.example")[0] == 403
    finally:
        builds.close()
        server.shutdown()
        server.server_close()


def run_preview(*args, cwd) -> subprocess.Popen:
    # A shell's background job (the mutation check, a CI step run with &) starts with Ctrl-C ignored, and the child
    # would inherit that; the preview is meant to run in a terminal, where Ctrl-C arrives.
    return subprocess.Popen([sys.executable, "-m", "builder", "preview", "--no-open", *args], cwd=cwd,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def test_port_in_use_is_a_clear_message(course):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = run_preview("--source", str(course), "--port", str(port), cwd=course)
        out, err = process.communicate(timeout=30)
    assert process.returncode == 1
    assert f"port {port}" in err and "--port" in err and "Traceback" not in err


def test_ctrl_c_stops_without_a_traceback(course):
    process = run_preview("--source", str(course), "--port", "0", cwd=course)
    for line in process.stdout:
        if "http://127.0.0.1:" in line:
            break
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 0 and "Preview stopped." in out
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


def test_a_folder_without_a_course_is_refused(tmp_path):
    process = run_preview("--source", str(tmp_path), "--port", "0", cwd=tmp_path)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 1 and "course/course.yaml not found" in err


def test_vendored_scorm_again_is_the_locked_npm_version():
    lock = json.loads((REPO / "tools" / "package-lock.json").read_text(encoding="utf-8"))
    locked = lock["packages"]["node_modules/scorm-again"]
    assert locked["license"] == "MIT"
    assert (ASSETS / "scorm-again.VERSION").read_text(encoding="utf-8").strip() == locked["version"], \
        "run tools/vendor-scorm-again after changing scorm-again's version"
    assert "MIT License" in (ASSETS / "scorm-again.LICENSE").read_text(encoding="utf-8")
    if not NPM.is_dir():
        pytest.skip("tools/node_modules is missing (the test command's npm ci installs it); "
                    "the bytes were not compared")
    assert json.loads((NPM / "package.json").read_text(encoding="utf-8"))["version"] == locked["version"]
    assert (ASSETS / "scorm-again.min.js").read_bytes() == (NPM / "dist" / "scorm-again.min.js").read_bytes(), \
        "run tools/vendor-scorm-again"
    assert (ASSETS / "scorm-again.LICENSE").read_bytes() == (NPM / "LICENSE").read_bytes()


def test_the_simulator_panel_speaks_the_cli_language(course):
    """The panel's words come from builder/words/ (preview.panel), in the markup and as JSON for simulator.js."""
    import threading

    from builder import words

    words.choose("nn")
    builds = Builds(course)
    server = PreviewServer(0, builds)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        status, body = fetch(f"http://127.0.0.1:{server.port}/")
        page = lxml.html.fromstring(body)
        assert status == 200 and page.get("lang") == "nn"
        panel = words.area("preview.panel", "nn")
        assert page.get_element_by_id("relaunch").text_content() == panel["relaunch"] == "Start på nytt (hald fram)"
        assert json.loads(page.get_element_by_id("preview-words").text_content()) == panel
    finally:
        builds.close()
        server.shutdown()
        server.server_close()


def test_with_refresher_the_package_in_memory_is_the_refresher_build_writes_and_a_save_rebuilds_it(course, tmp_path):
    builds = Builds(course, derive=Derive())
    package = builds.rebuild().package
    made = refresher(load_checked(course)[0]).course
    assert (package.course_id, package.title) == ("demo-refresher", made.title)
    for target in REGISTERED.values():
        manifest = etree.fromstring(package.files[target.id][target.manifest_name])
        assert manifest.get("identifier") == "MANIFEST-demo-refresher"
        assert manifest.xpath("//*[local-name()='organization']/*[local-name()='title']/text()") == [made.title]
    # the same derive step as `build --refresher`: the same files, byte for byte
    for built in build(course, tmp_path / "dist", "all", derive=Derive())[1]:
        with zipfile.ZipFile(built.path) as zipped:
            assert {n: zipped.read(n) for n in zipped.namelist()} == package.files[built.version]
    yaml = course / "course" / "course.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace("title: Demokurs", "title: Ny tittel"), encoding="utf-8")
    saved = builds.rebuild().package
    assert saved.number == 2 and saved.title == say("refresher.title", "nb", title="Ny tittel")
    assert b"Ny tittel" in saved.files["1.2"]["imsmanifest.xml"] and builds.derive.made == []


def test_preview_refresher_refuses_a_missing_report_and_from_without_refresher(course):
    process = run_preview("--source", str(course), "--port", "0", "--refresher", "--from", "none.json", cwd=course)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 1 and "Traceback" not in err
    assert err.startswith(f"none.json: error: {say('refresher.report-missing')}")
    process = run_preview("--source", str(course), "--port", "0", "--from", "none.json", cwd=course)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 2 and say("refresher.from_needs_refresher") in err
