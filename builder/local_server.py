"""The one way kursbygger serves HTTP: on 127.0.0.1 only, a thread per request, standard library only. The preview
serves its simulator and the package from memory with a handler of its own; the audit and the test LMS serve an
unpacked package from a folder, as an LMS does."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HOST = "127.0.0.1"  # never another interface: the preview and the test servers are for this machine alone


class LocalServer(ThreadingHTTPServer):
    """`port` 0 lets the system pick a free one; `base` is the address to open."""

    def __init__(self, handler, port: int = 0) -> None:
        super().__init__((HOST, port), handler)
        self.port = self.server_address[1]
        self.base = f"http://{HOST}:{self.port}"

    def start(self) -> LocalServer:
        """Serves from a background thread until `stop`."""
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


class FolderHandler(SimpleHTTPRequestHandler):
    """The files of one folder; nothing cached by the browser (a rebuilt package is served fresh), nothing logged
    (the audit and the tests report what matters)."""

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()


def serve_folder(folder: Path | str) -> LocalServer:
    """`folder` served on a free port from a background thread; the caller stops it."""
    return LocalServer(functools.partial(FolderHandler, directory=str(folder))).start()
