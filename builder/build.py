"""The pipeline, end to end: load → check → render → manifest → package."""

from __future__ import annotations

import contextlib
import gc
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .course.check import check_course
from .course.load import load_course
from .course.editions import ALL, FOLDER, edition_ids
from .course.model import Course, Where
from .outputs.package import write_zip
from .course.problems import Problem, SourceError, said
from .quality import quality_problems, writing
from .outputs.render import render_course
from .outputs.targets import DEFAULT, chosen
from .course.overlay import CORE_LANGUAGE
from .course.translations import Parity, check_translations


@dataclass
class Built:
    path: Path
    version: str
    size: int
    files: int


@contextlib.contextmanager
def without_cycle_collector():
    """The model is a tree of many small objects with no cycles to collect, yet allocating it makes Python's
    cycle collector walk the growing heap again and again: half the time of a 5,000-question build."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_checked(source: Path, edition: str | None = None, quality: bool = False) -> tuple[Course, list[Problem]]:
    """The course (or one edition of it), or SourceError with every problem; warnings come back with the course.
    The rules across files run on what loaded even when loading found errors, so one pass shows both.
    `quality`: also the quiz's quality checks (builder/quality/), which only warn, once nothing else is wrong: for
    `check` and the preview, which show warnings; `build` and `publish` would only throw them away."""
    with without_cycle_collector():
        course, problems = load_course(source, edition)
        if course is not None:
            problems += check_course(course) + writing.course_problems(course)
            if quality and not any(p.severity == "error" for p in problems):
                problems += quality_problems(course)
    if course is None or any(p.severity == "error" for p in problems):
        raise SourceError([p for p in problems])
    return course, problems


def build(source: Path, out: Path, scorm_version: str = DEFAULT, edition: str | None = None,
          derive=None) -> tuple[Course, list[Built]]:
    """`derive`: a package made from the checked course instead of the course itself (builder/refresher.py)."""
    course, _ = load_checked(source, edition)
    course = derive(course) if derive else course
    return course, write_packages(course, out, scorm_version)


def write_packages(course: Course, out: Path, scorm_version: str) -> list[Built]:
    with without_cycle_collector():
        files = render_course(course)
    built = []
    for target in chosen(scorm_version):  # one registered target, or each for 'all' (builder/outputs/targets.py)
        package = target.package(files, course)
        dest = out / f"{course.package_id}-{target.suffix}.zip"
        write_zip(package, dest)
        built.append(Built(dest, target.id, dest.stat().st_size, len(package)))
    return built


@dataclass
class EditionBuilt:
    edition: str
    lessons: int
    questions: int
    built: list[Built]


def build_editions(source: Path, out: Path, scorm_version: str, edition: str, derive=None) -> list[EditionBuilt]:
    """`edition` is one id or 'all'. Zips wait in a staging folder until every edition has passed its checks, so
    one faulty edition leaves `out` untouched; one edition at a time is held in memory."""
    ids = edition_ids(source) if edition == ALL else [edition]
    if not ids:
        raise SourceError([Problem(Where(source / FOLDER), said("source.edition.none-found"))])
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".editions-", dir=out))
    try:
        results, problems, languages = [], [], {CORE_LANGUAGE}
        for edition_id in ids:
            try:
                course, _ = load_checked(source, edition_id)
            except SourceError as exc:
                problems += exc.problems
                continue
            if course.language not in languages:  # a translation out of step with the core is not built
                languages.add(course.language)
                problems += [p for p in Parity(source, course.language).problems() if p.severity == "error"]
            if not problems:  # after the first fault only checking goes on
                course = derive(course) if derive else course
                results.append(EditionBuilt(edition_id, len(course.lessons),
                                            len(course.quiz.questions) if course.quiz else 0,
                                            write_packages(course, staging, scorm_version)))
        if problems:
            raise SourceError(problems)
        for result in results:
            for built in result.built:
                built.path = built.path.replace(out / built.path.name)
        return results
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def check_all(source: Path, quality: bool = True) -> tuple[Course, list[Problem], int]:
    """`check`: the core course, its discussion material, its translations and every edition, all reported at once
    (a problem the editions share with the core course, such as a cue in the shared quiz, once)."""
    from .course.discussion import load_discussion

    problems: list[Problem] = []
    try:
        course, warnings = load_checked(source, quality=quality)
        problems += warnings + load_discussion(course)[1]
    except SourceError as exc:
        course, problems = None, exc.problems
    problems += check_translations(source) + writing.translation_problems(source)
    ids = edition_ids(source)
    for edition_id in ids:
        try:
            problems += load_checked(source, edition_id, quality)[1]
        except SourceError as exc:
            problems += exc.problems
    problems = list(dict.fromkeys(problems))  # the core's files load again for each edition: each problem once
    if course is None or any(p.severity == "error" for p in problems):
        raise SourceError(problems)
    return course, problems, len(ids)
