"""`kursbygger publish`: the handout and the facilitator guide (HTML and PDF) from the course sources.

`documents` renders them from the course model, `discussion` reads course/discussion.yaml, `pdf` prints with
Chromium. An edition plugs in by passing its own course model, contacts and file-name stem.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..atomic import atomic_open
from ..browser import BrowserMissing
from ..build import build, load_checked
from ..course.model import Course
from ..course.placeholders import ROLE_NOUN
from ..course.problems import SourceError, display_path
from ..words import number, say
from ..course.discussion import load_discussion
from .documents import render_guide, render_handout
from .pdf import write_pdfs


@dataclass
class Published:
    written: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was left out on purpose
    missing: list[str] = field(default_factory=list)  # what could not be made, and why


def publish_documents(course: Course, out: Path, stem: str | None = None, contacts: Sequence[str] = ()) -> Published:
    """Writes <stem>-handout and <stem>-guide (.html, and .pdf when Chromium is there); stem defaults to the
    course id. Raises SourceError when course/discussion.yaml has problems."""
    discussion, problems = load_discussion(course)
    if problems:
        raise SourceError(problems)
    stem = stem or course.id
    documents = {f"{stem}-handout": render_handout(course, contacts)}
    done = Published()
    if discussion is None:
        done.notes.append(say("cli.no_guide"))
    else:
        documents[f"{stem}-guide"] = render_guide(course, discussion, contacts)
    out.mkdir(parents=True, exist_ok=True)
    for name, html in documents.items():
        path = out / f"{name}.html"
        with atomic_open(path) as file:
            file.write(html)
        done.written.append(path)
    pairs = [(out / f"{name}.html", out / f"{name}.pdf") for name in documents]
    try:
        write_pdfs(pairs)
        done.written += [p for _, p in pairs]
    except BrowserMissing as exc:
        done.missing.append(say("cli.no_pdfs", detail=exc))
    return done


def edition_contacts(course: Course) -> list[str]:
    """The edition's contact points, one line each («Personvernombudet: Lise Døme, 12 34 56 78»)."""
    if course.edition is None:
        return []
    nouns = ROLE_NOUN.get(course.language, ROLE_NOUN["nb"])
    return [f"{nouns[role][:1].upper()}{nouns[role][1:]}: "
            + ", ".join(part for part in (c.name, c.email, c.phone, c.url) if part)
            for role, c in course.edition.contacts.items()]


def publish_all(source: Path, out: Path, scorm_version: str, run_audit: bool,
                edition: str | None = None) -> Iterator[tuple[str, bool]]:
    """The one command for a course owner: package, documents and accessibility report, for the shared course
    or one edition. Yields the lines to show, each with False when it reports something that was not made or a
    problem found."""
    course, _ = load_checked(source, edition)
    _, problems = load_discussion(course)
    if problems:  # before anything is written, like build
        raise SourceError(problems)
    course, built = build(source, out, scorm_version, edition)
    for b in built:
        yield say("cli.package", path=display_path(b.path), kib=number(b.size / 1024, 1), version=b.version), True
    done = publish_documents(course, out, course.package_id, edition_contacts(course))
    yield from ((display_path(path), True) for path in done.written)
    yield from ((note, True) for note in done.notes)
    yield from ((reason, False) for reason in done.missing)
    if run_audit:
        from ..audit import audit_zip

        try:
            report = audit_zip(built[0].path, out / f"{course.package_id}-tilgjengelighet.html")
        except BrowserMissing as exc:
            yield say("cli.no_audit", detail=exc), False
            return
        yield from report.summary()
