"""The corpus of broken courses: each case is the good fixture course with a few files replaced."""

from __future__ import annotations

import os
import shutil
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


def expected(name: str, folder: Path = BROKEN) -> list[str]:
    return [line for line in (folder / name / "expected.txt").read_text(encoding="utf-8").splitlines() if line]
