"""The `kursbygger` command: option parsing only; each command calls one function of the pipeline."""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path

import click

from . import __version__
from .problems import Problem, SourceError, display_path

SOURCE = click.option("--source", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
                      show_default=True, help="Folder that holds course/ and quizzes/.")


def friendly(command):
    """Course owners get one clear line instead of a traceback; KURSBYGGER_DEBUG=1 shows the traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except SourceError as exc:
            print_problems(exc.problems)
            sys.exit(1)
        except (click.exceptions.Exit, click.ClickException, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:  # noqa: BLE001 — the last line of defence for non-programmers
            if os.environ.get("KURSBYGGER_DEBUG"):
                raise
            click.echo(f"error: {exc.__class__.__name__}: {exc} (set KURSBYGGER_DEBUG=1 for details)", err=True)
            sys.exit(1)

    return wrapper


def print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)
    errors = sum(p.severity == "error" for p in problems)
    if errors:
        click.echo(f"{errors} error(s); nothing was built. Fix them and run the command again.", err=True)


@click.group()
@click.version_option(__version__, prog_name="kursbygger")
def main() -> None:
    """Build SCORM packages from Markdown lessons and YAML quizzes."""


@main.command()
@SOURCE
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("dist"), show_default=True,
              help="Folder for the zip files.")
@click.option("--scorm", "scorm_version", type=click.Choice(["1.2", "2004", "all"]), default="1.2",
              show_default=True, help="SCORM version of the package.")
@friendly
def build(source: Path, out: Path, scorm_version: str) -> None:
    """Check the course and build the SCORM zip(s)."""
    from .build import build as run_build

    course, built = run_build(source, out, scorm_version)
    questions = len(course.quiz.questions) if course.quiz else 0
    for b in built:
        click.echo(f"{display_path(b.path)}  {b.size / 1024:.1f} KiB  SCORM {b.version}: "
                   f"{len(course.lessons)} lessons, {questions} questions, {b.files} files")


@main.command()
@SOURCE
@friendly
def check(source: Path) -> None:
    """Report every problem in the course sources (exit 1 if there are errors)."""
    from .build import load_checked

    course, warnings = load_checked(source)
    print_problems(warnings)
    questions = len(course.quiz.questions) if course.quiz else 0
    click.echo(f"{course.id}: {len(course.lessons)} lessons, {questions} questions — no errors")


@main.command()
@click.argument("zip_path", metavar="ZIP", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--schemas", type=click.Path(file_okay=False, path_type=Path),
              default=lambda: os.environ.get("SCORM_SCHEMAS_DIR") or None,
              help="Folder with the SCORM XSDs and validate.py (default: $SCORM_SCHEMAS_DIR).")
@friendly
def validate(zip_path: Path, schemas: Path | None) -> None:
    """Check any SCORM zip: structure, manifest, references, unsafe paths and (with --schemas) the XSDs."""
    from .validate import validate_zip

    report = validate_zip(zip_path, schemas)
    for note in report.notes:
        click.echo(f"{display_path(zip_path)}: {note}")
    for error in report.errors:
        click.echo(f"{display_path(zip_path)}: error: {error}", err=True)
    if not report.ok:
        click.echo(f"{display_path(zip_path)}: INVALID ({len(report.errors)} error(s))", err=True)
        sys.exit(1)
    xsd = "" if schemas else " (XSDs not checked: give --schemas or set SCORM_SCHEMAS_DIR)"
    click.echo(f"{display_path(zip_path)}: valid SCORM {report.version} package{xsd}")


@main.command()
@click.argument("exports", metavar="EXPORT...", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--package", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The SCORM zip that was uploaded: adds question texts, answer words, lessons and the pass mark.")
@click.option("--source", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The course sources (holds course/ and quizzes/), instead of --package.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("report.html"),
              show_default=True, help="Where to write the HTML report.")
@click.option("--names", is_flag=True, help="Add the list of people who have not completed or passed.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write that list as a spreadsheet file (name, e-mail, status, best score, last access).")
@click.option("--passing-score", type=click.FloatRange(0, 100), default=None,
              help="The pass mark in %, when neither --package nor --source gives it.")
@click.option("--max-size", "max_mb", type=click.FloatRange(min=0, min_open=True), default=4096, show_default=True,
              help="Refuse an export larger than this many MB (a guard against absurd inputs).")
@friendly
def report(exports: tuple[Path, ...], package: Path | None, source: Path | None, out: Path, names: bool,
           csv_path: Path | None, passing_score: float | None, max_mb: float) -> None:
    """HR report from the LMS's SCORM report exports (Moodle/KS Læring; text, .xlsx, .ods or .xls)."""
    from .report import ExportError, Request, run

    if package is not None and source is not None:
        raise click.UsageError("give either --package or --source, not both")
    try:
        _, summary = run(Request(list(exports), out, package, source, names, csv_path, passing_score, max_mb))
    except ExportError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    for line in summary:
        click.echo(line)
    click.echo(f"report written to {display_path(out)}")


@main.command()
@SOURCE
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the schemas (default: <source>/jsonschema).")
@friendly
def schema(source: Path, out: Path | None) -> None:
    """Write JSON Schemas for course.yaml, quiz files and lesson front matter (for editors)."""
    from .jsonschema import schemas

    out = out or source / "jsonschema"
    out.mkdir(parents=True, exist_ok=True)
    for name, content in schemas().items():
        (out / name).write_text(json.dumps(content, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        click.echo(display_path(out / name))
