"""The build pipeline without the zip: each save gives a new package in memory, or the problems `check` prints."""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..build import load_checked, without_cycle_collector
from ..course.problems import SourceError
from ..outputs.render import render_course
from ..outputs.targets import REGISTERED
from ..words import say

if TYPE_CHECKING:
    from ..refresher import Derive

@dataclass(frozen=True)
class Package:
    """One good build: the package's files for each output target, and what an LMS reads from its manifest."""
    number: int
    course_id: str
    title: str
    files: dict[str, dict[str, bytes]]
    launch: dict[str, dict[str, str]]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class State:
    """What the simulator page is told: the last good package and, when the sources are broken, why."""
    generation: int = 0
    package: Package | None = None
    error: str | None = None
    seconds: float = 0.0


@dataclass
class Builds:
    """The latest state, shared by the watcher (which rebuilds) and the server threads (which wait for news)."""
    source: Path
    edition: str | None = None  # editions/<id>/, or the shared course
    derive: Derive | None = None  # preview --refresher: the package made from the course (builder/refresher.py)
    state: State = field(default_factory=State)
    closed: bool = False
    changed: threading.Condition = field(default_factory=threading.Condition)

    def rebuild(self) -> State:
        started = time.perf_counter()
        previous = self.state.package
        number = previous.number + 1 if previous else 1
        try:
            package, error = build_package(self.source, number, self.edition, self.derive), None
        except SourceError as exc:
            package, error = previous, "\n".join(str(p) for p in exc.problems)
        except Exception as exc:  # noqa: BLE001 — a file caught mid-save must not stop the preview
            if os.environ.get("KURSBYGGER_DEBUG"):
                raise
            package, error = previous, say("preview.unexpected", kind=exc.__class__.__name__, detail=exc)
        with self.changed:
            self.state = State(self.state.generation + 1, package, error, time.perf_counter() - started)
            self.changed.notify_all()
            return self.state

    def wait(self, generation: int, timeout: float) -> State | None:
        """The state once it is newer than `generation`; None on timeout or when the preview stops."""
        with self.changed:
            self.changed.wait_for(lambda: self.closed or self.state.generation > generation, timeout)
            return None if self.closed or self.state.generation <= generation else self.state

    def close(self) -> None:
        with self.changed:
            self.closed = True
            self.changed.notify_all()


def build_package(source: Path, number: int, edition: str | None = None, derive: Derive | None = None) -> Package:
    course, warnings = load_checked(source, edition, quality=True)
    if derive:  # the same step as `build --refresher`; taken out of `made` so that saves do not pile up
        course = derive(course)
        warnings = [*warnings, *derive.made.pop().warnings]
    with without_cycle_collector():
        files = render_course(course)
    packages = {target.id: target.package(files, course) for target in REGISTERED.values()}
    return Package(number, course.id, course.title, packages,
                   {t.id: t.launch_data(packages[t.id]) for t in REGISTERED.values()}, tuple(map(str, warnings)))
