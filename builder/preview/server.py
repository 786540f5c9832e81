"""The preview's web server on 127.0.0.1: the simulator page and its assets, the package from memory, and news of
each rebuild as Server-Sent Events. Standard library only; one thread per request."""

from __future__ import annotations

import errno
import json
import mimetypes
import secrets
import threading
import webbrowser
from http.server import BaseHTTPRequestHandler
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import click
from markupsafe import Markup

from ..course.problems import display_path
from ..local_server import HOST, LocalServer
from ..outputs.targets import DEFAULT, REGISTERED
from ..templating import environment
from ..words import area, current, number, say
from .memory import Builds, State

if TYPE_CHECKING:
    from ..refresher import Derive
from .watch import start_watching

ASSETS = {"simulator.html": "text/html; charset=utf-8", "simulator.js": "text/javascript; charset=utf-8",
          "lms-standards.js": "text/javascript; charset=utf-8", "moodle.js": "text/javascript; charset=utf-8",
          "simulator.css": "text/css; charset=utf-8", "scorm-again.min.js": "text/javascript; charset=utf-8"}
# The simulator page runs only its own files and may frame only this server; the course keeps its own CSP.
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            "frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
KEEP_ALIVE_SECONDS = 15


class PortInUse(Exception):
    pass


class PreviewServer(LocalServer):
    def __init__(self, port: int, builds: Builds) -> None:
        self.builds = builds
        self.token = secrets.token_hex(4)  # tells the page that a restarted preview is a new server
        try:
            super().__init__(Handler, port)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise PortInUse(port) from None
            raise
        self.hosts = {f"{HOST}:{self.port}", f"localhost:{self.port}"}
        self.language = current()  # the panel speaks the CLI's language


class Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:  # the terminal shows builds, not requests
        pass

    def do_GET(self) -> None:
        # Another site's page must not reach the preview through a name that points at 127.0.0.1.
        if self.headers.get("Host") not in self.server.hosts:
            return self.send(403, b"forbidden", "text/plain")
        path = unquote(urlsplit(self.path).path)
        if path == "/":
            return self.send_asset("simulator.html")
        if path == "/_preview/events":
            return self.send_events()
        if path.startswith("/_preview/") and path.removeprefix("/_preview/") in ASSETS:
            return self.send_asset(path.removeprefix("/_preview/"))
        version, _, name = path.removeprefix("/sco/").partition("/")
        package = self.server.builds.state.package
        if path.startswith("/sco/") and package and version in REGISTERED and name in package.files[version]:
            kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
            return self.send(200, package.files[version][name], kind)
        self.send(404, b"not found", "text/plain")

    def send(self, status: int, body: bytes, kind: str, csp: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        if csp:
            self.send_header("Content-Security-Policy", csp)
        self.end_headers()
        self.wfile.write(body)

    def send_asset(self, name: str) -> None:
        if name == "simulator.html":
            return self.send(200, simulator_page(self.server.language), ASSETS[name], PAGE_CSP)
        self.send(200, resources.files(__package__).joinpath("assets", name).read_bytes(), ASSETS[name])

    def send_events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        builds, state, generation = self.server.builds, self.server.builds.state, -1
        try:
            while not builds.closed:
                if state is None:
                    self.wfile.write(b": still here\n\n")
                else:
                    self.wfile.write(f"data: {json.dumps(news(self.server.token, state))}\n\n".encode("utf-8"))
                    generation = state.generation
                self.wfile.flush()
                state = builds.wait(generation, KEEP_ALIVE_SECONDS)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page was closed or reloaded
        self.close_connection = True


def simulator_page(language: str) -> bytes:
    """The simulator page with the panel's words (preview.panel) in `language`: in the markup, and as JSON for
    the messages simulator.js writes later (a data block, which the page's CSP does not count as a script)."""
    words = area("preview.panel", language)
    as_json = json.dumps(words, ensure_ascii=False).replace("<", "\\u003c")
    template = environment(__package__, "assets").get_template("simulator.html")
    return template.render(lang=language, w=words, words_json=Markup(as_json), targets=list(REGISTERED),
                           default=DEFAULT).encode("utf-8")


def news(token: str, state: State) -> dict:
    package = state.package
    return {"server": token, "generation": state.generation, "build": package.number if package else None,
            "error": state.error, "ms": round(state.seconds * 1000),
            "course": {"id": package.course_id, "title": package.title} if package else None,
            "launch": package.launch if package else None}


def run(source: Path, port: int, version: str, open_browser: bool, edition: str | None = None,
        derive: Derive | None = None) -> int:
    """Serves until Ctrl-C; the exit code. `derive`: the refresher instead of the course (preview --refresher)."""
    builds, stop = Builds(source, edition, derive), threading.Event()
    try:
        server = PreviewServer(port, builds)
    except PortInUse:
        click.echo(say("preview.port_in_use", port=port, host=HOST, next=port + 1), err=True)
        return 1
    try:
        state = builds.rebuild()
        if state.package is None and not (source / "course" / "course.yaml").is_file():
            click.echo(state.error, err=True)
            return 1
        report(state)
        url = f"{server.base}/" + ("" if version == DEFAULT else f"?scorm={version}")
        click.echo(say("preview.serving", source=display_path(source), url=url))
        start_watching(source, lambda: report(builds.rebuild()), watch_failed, stop)
        if open_browser:
            threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()
        server.serve_forever(poll_interval=0.25)
    except KeyboardInterrupt:
        click.echo(say("preview.stopped"))
    finally:
        stop.set()
        builds.close()
        server.server_close()
    return 0


def watch_failed(exc: Exception) -> None:
    click.echo(say("preview.watch_failed", kind=exc.__class__.__name__, detail=exc), err=True)


def report(state: State) -> None:
    if state.error:
        click.echo(state.error, err=True)
        click.echo(say("preview.last_good"), err=True)
    else:
        for warning in state.package.warnings:
            click.echo(warning, err=True)
        click.echo(say("preview.built", course=state.package.course_id, ms=number(state.seconds * 1000)))
