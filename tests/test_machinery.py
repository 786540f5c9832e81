"""The machinery every part shares has one home each: the local web server (builder/local_server.py), the jinja2
set-up (builder/templating.py) and the Chromium launch (builder/browser.py). A copy elsewhere drifts (the
arguments, the escaping, the address it listens on), so the suite refuses one."""

from __future__ import annotations

import re
import urllib.request
from pathlib import Path

import jinja2
import pytest

from builder.local_server import HOST, serve_folder
from builder.templating import environment
from tests.conftest import REPO

HOMES = {
    "a web server": (re.compile(r"HTTPServer\b|socketserver"), "builder/local_server.py"),
    "a jinja2 environment": (re.compile(r"\bEnvironment\("), "builder/templating.py"),
    "a Chromium launch": (re.compile(r"chromium\.launch\("), "builder/browser.py"),
}
SCANNED = ("builder", "tools/testlms", "benchmarks", "tests", "scripts")


def python_files():
    for folder in SCANNED:
        yield from (p for p in (REPO / folder).rglob("*.py") if "node_modules" not in p.parts)


@pytest.mark.parametrize("what", HOMES)
def test_one_home(what):
    pattern, home = HOMES[what]
    here = Path(__file__).resolve()
    found = sorted(str(p.relative_to(REPO)) for p in python_files()
                   if p != here and pattern.search(p.read_text(encoding="utf-8")))
    assert found == [home], f"{what} is made outside {home}: use the helper there"


def test_the_local_server_listens_on_this_machine_only_and_serves_nothing_stale(tmp_path):
    (tmp_path / "index.html").write_text("<p>hei</p>", encoding="utf-8")
    server = serve_folder(tmp_path)
    try:
        assert server.server_address[0] == HOST == "127.0.0.1"
        with urllib.request.urlopen(f"{server.base}/index.html") as response:
            assert response.read() == b"<p>hei</p>"
            assert response.headers["Cache-Control"] == "no-store"
    finally:
        server.stop()


def test_templates_escape_every_value_and_refuse_an_unknown_name():
    env = environment("builder.outputs")
    assert env.from_string("{{ text }}").render(text="<b>&") == "&lt;b&gt;&amp;"
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ misspelt }}").render(text="")
