"""Rebuild on every save: watchfiles (inotify and friends) over the course's own folders."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Callable

import watchfiles

# How long a burst of file events (an editor's save is often several) may settle before the rebuild, in ms.
SETTLE_MS = 20
COURSE_FOLDERS = ("course", "quizzes", "translations", "editions")


class CourseFilter(watchfiles.DefaultFilter):
    """Only the course's sources: not dist/, not the schemas, not editors' swap and backup files."""

    def __init__(self, source: Path) -> None:
        super().__init__()
        self.roots = tuple(str(source.resolve() / name) for name in COURSE_FOLDERS)

    def __call__(self, change: watchfiles.Change, path: str) -> bool:
        inside = any(path == root or path.startswith(root + os.sep) for root in self.roots)
        return inside and super().__call__(change, path)


def start_watching(source: Path, on_change: Callable[[], None], on_failure: Callable[[Exception], None],
                   stop: threading.Event) -> threading.Thread:
    def run() -> None:
        try:
            for _ in watchfiles.watch(source.resolve(), watch_filter=CourseFilter(source), step=SETTLE_MS,
                                      stop_event=stop, rust_timeout=500, raise_interrupt=False):
                on_change()
        except Exception as exc:  # noqa: BLE001 — e.g. the folder was moved away: say so instead of a traceback
            on_failure(exc)

    thread = threading.Thread(target=run, name="kursbygger-watch", daemon=True)
    thread.start()
    return thread
