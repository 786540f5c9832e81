"""`kursbygger new`: a small starter course that passes `check` and shows every feature of the source format."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..course.schemas import write_schemas

LANGUAGES = ("nb", "nn", "en")
IMAGE = "course/media/steps.svg"


class NotEmpty(Exception):
    """The target folder already holds something; `new` never writes over an author's files."""


def create(dest: Path, language: str) -> list[Path]:
    """Writes the starter course in `language` into `dest` (new or empty); returns the files written."""
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise NotEmpty(dest)
    starter = resources.files(__package__)
    files = {IMAGE: starter.joinpath("steps.svg").read_bytes()}
    files.update(tree(starter.joinpath(language), ""))
    written = []
    for relative, content in sorted(files.items()):
        target = dest / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written.append(target)
    return written + write_schemas(dest / "jsonschema")


def tree(folder, prefix: str) -> dict[str, bytes]:
    out = {}
    for entry in folder.iterdir():
        if entry.is_dir():
            out.update(tree(entry, f"{prefix}{entry.name}/"))
        else:
            out[prefix + entry.name] = entry.read_bytes()
    return out
