"""The corpus of broken courses: each case is the good fixture course with a few files replaced."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = FIXTURES / "good"
BROKEN = FIXTURES / "broken"
CASES = sorted(p.name for p in BROKEN.iterdir() if p.is_dir())


def make_case(name: str, into: Path) -> Path:
    """Copies the good course to `into`, then lays the case's overlay and symbolic links over it."""
    shutil.copytree(GOOD, into)
    case = BROKEN / name
    overlay = case / "overlay"
    if overlay.is_dir():
        for file in overlay.rglob("*"):
            if file.is_file():
                target = into / file.relative_to(overlay)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(file, target)
    links = case / "links.txt"
    if links.is_file():
        for line in links.read_text(encoding="utf-8").splitlines():
            link, target = (part.strip() for part in line.split("->"))
            os.symlink(target, into / link)
    return into


def expected(name: str) -> list[str]:
    return [line for line in (BROKEN / name / "expected.txt").read_text(encoding="utf-8").splitlines() if line]
