"""The corpus of broken courses: each case is the good fixture course with a few files replaced."""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = FIXTURES / "good"
BROKEN = FIXTURES / "broken"
CASES = sorted(p.name for p in BROKEN.iterdir() if p.is_dir())


EDITIONS = FIXTURES / "editions"  # laid over the good course: a nynorsk translation and two editions
BROKEN_EDITIONS = FIXTURES / "broken-editions"
EDITION_CASES = sorted(p.name for p in BROKEN_EDITIONS.iterdir() if p.is_dir())


def lay_over(overlay: Path, into: Path) -> None:
    if overlay.is_dir():
        for file in overlay.rglob("*"):
            if file.is_file():
                target = into / file.relative_to(overlay)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(file, target)


def with_editions(into: Path) -> Path:
    """The good course with its nynorsk translation and editions."""
    shutil.copytree(GOOD, into)
    lay_over(EDITIONS, into)
    return into


def make_edition_case(name: str, into: Path) -> Path:
    with_editions(into)
    lay_over(BROKEN_EDITIONS / name / "overlay", into)
    return into


def make_case(name: str, into: Path) -> Path:
    """Copies the good course to `into`, then lays the case's overlay and symbolic links over it."""
    shutil.copytree(GOOD, into)
    case = BROKEN / name
    lay_over(case / "overlay", into)
    links = case / "links.txt"
    if links.is_file():
        for line in links.read_text(encoding="utf-8").splitlines():
            link, target = (part.strip() for part in line.split("->"))
            os.symlink(target, into / link)
    return into


@dataclass(frozen=True)
class Expected:
    """One error a case must give: a line of its expected.txt, `path[:line]: [code] fragment of the English text`."""

    path: str
    line: str | None  # None: the whole file
    code: str
    fragment: str


EXPECTED = re.compile(r"^(?P<path>[^:]+)(?::(?P<line>\d+))?: \[(?P<code>[a-z0-9.-]+)\] (?P<fragment>.+)$")


def expected(name: str, folder: Path = BROKEN) -> list[Expected]:
    lines = [line for line in (folder / name / "expected.txt").read_text(encoding="utf-8").splitlines() if line]
    found = [EXPECTED.match(line) for line in lines]
    assert all(found), f"{name}/expected.txt: a line is not `path[:line]: [code] fragment`"
    return [Expected(**match.groupdict()) for match in found]
