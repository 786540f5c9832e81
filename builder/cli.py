"""The `kursbygger` command: option parsing only; each command calls one function of the pipeline."""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path

import click

from . import __version__
from .course.problems import Problem, SourceError, closest, display_path
from .outputs import targets
from .words import LANGUAGES, choose, counted, current, number, say, system_reason

SOURCE = click.option("--source", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
                      show_default=True, help="Folder that holds course/ and quizzes/.")


class Targets(click.Choice):
    """--scorm's values: the registered output targets (builder/outputs/targets.py), read each time they are needed,
    so a target registered after this module was imported is offered too; `every` adds 'all'."""

    def __init__(self, every: bool = False) -> None:  # Choice's own would fix the choices now
        self.every, self.case_sensitive = every, True

    @property
    def choices(self) -> tuple[str, ...]:
        return (*targets.ids(), *((targets.ALL,) if self.every else ()))


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
        except OSError as exc:  # a folder that cannot be written, a full disk: the file and why, in words
            if os.environ.get("KURSBYGGER_DEBUG"):
                raise
            where = display_path(exc.filename) if exc.filename else None
            click.echo(say("cli.os_error", path=where, reason=system_reason(exc)) if where
                       else say("cli.error", detail=system_reason(exc)), err=True)
            sys.exit(1)
        except Exception as exc:  # noqa: BLE001 — the last line of defence for non-programmers
            if os.environ.get("KURSBYGGER_DEBUG"):
                raise
            click.echo(say("cli.unexpected", kind=exc.__class__.__name__, detail=exc), err=True)
            sys.exit(1)

    return wrapper


class Commands(click.Group):
    """The command group, with click's own lines (a mistyped command or option, «Usage:», «Try … --help») in the
    message language: click writes them in English through gettext, which this project does not use (design.md)."""

    def resolve_command(self, ctx: click.Context, args: list[str]):
        name = args[0] if args else ""
        if name and not name.startswith("-") and self.get_command(ctx, name) is None:
            choose(ctx.params.get("lang"))  # the group's options are read, its callback has not run yet
            known = closest(name, self.list_commands(ctx))
            hint = say("cli.usage.maybe", names=f"«{known}»" if current() != "en" else f"'{known}'") if known else ""
            raise click.UsageError(say("cli.usage.no-such-command", name=name, hint=hint), ctx)
        return super().resolve_command(ctx, args)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            result = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            show_usage_error(exc)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(say("cli.error", detail=exc.format_message()), err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo(say("cli.usage.aborted"), err=True)
            sys.exit(1)
        if not standalone_mode:
            return result
        sys.exit(result if isinstance(result, int) else 0)  # an int is the exit code of --help or --version


def show_usage_error(exc: click.UsageError) -> None:
    ctx = exc.ctx
    if ctx is not None:
        choose(ctx.find_root().params.get("lang"))
        pieces = " ".join(ctx.command.collect_usage_pieces(ctx)).replace("[OPTIONS]", say("cli.usage.options"))
        pieces = pieces.replace("COMMAND [ARGS]...", say("cli.usage.command"))
        click.echo(say("cli.usage.line", usage=f"{ctx.command_path} {pieces}".rstrip()), err=True)
        click.echo(say("cli.usage.help", command=ctx.command_path), err=True)
        click.echo(err=True)
    click.echo(say("cli.error", detail=usage_problem(exc)), err=True)


def usage_problem(exc: click.UsageError) -> str:
    """What was typed wrong, in words; a usage error of our own is already worded (say)."""
    quote = (lambda name: f"'{name}'") if current() == "en" else (lambda name: f"«{name}»")
    param = getattr(exc, "param", None)
    option = (param.opts[0] if isinstance(param, click.Option) else param.human_readable_name.rstrip(".").upper()) if param else ""
    if isinstance(exc, click.NoSuchOption):
        hint = say("cli.usage.maybe", names=say("cli.usage.or").join(map(quote, exc.possibilities))) if exc.possibilities else ""
        return say("cli.usage.no-such-option", option=exc.option_name, hint=hint)
    if isinstance(exc, click.BadOptionUsage):
        return say("cli.usage.needs-value", option=exc.option_name)
    if isinstance(exc, click.MissingParameter) and param is not None:
        return say("cli.usage.missing", option=option)
    if isinstance(exc, click.BadParameter) and isinstance(getattr(param, "type", None), click.Choice):
        return say("cli.usage.choose", option=option, choices=", ".join(map(quote, param.type.choices)))
    return exc.format_message()


def print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        click.echo(str(problem), err=True)
    errors = sum(p.severity == "error" for p in problems)
    if errors:
        click.echo(counted("cli.nothing_built", errors), err=True)


@click.group(cls=Commands)
@click.version_option(__version__, prog_name="kursbygger")
@click.option("--lang", type=click.Choice(LANGUAGES), envvar="KURSBYGGER_LANG", default=None,
              help="Language of the messages: nb, nn or en (default: $KURSBYGGER_LANG, else the locale, else nb).")
def main(lang: str | None) -> None:
    """Build SCORM packages from Markdown lessons and YAML quizzes."""
    choose(lang)


@main.command()
@SOURCE
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("dist"), show_default=True,
              help="Folder for the zip files.")
@click.option("--scorm", "scorm_version", type=Targets(every=True), default=targets.DEFAULT,
              show_default=True, help="SCORM version of the package.")
@click.option("--edition", default=None, metavar="ID|all",
              help="Build the edition editions/ID/ (or every edition) instead of the shared course.")
@click.option("--refresher", is_flag=True, help="Build the short refresher package instead (docs/refresher.md).")
@click.option("--from", "from_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="With --refresher: the item analysis of `report --json`; the quiz leans to what staff got wrong.")
@friendly
def build(source: Path, out: Path, scorm_version: str, edition: str | None, refresher: bool,
          from_path: Path | None) -> None:
    """Check the course and build the SCORM zip(s)."""
    from .build import build as run_build
    from .build import build_editions

    derive = refresher_step(refresher, from_path)
    made = derive.made if derive else []
    if edition is None:
        course, built = run_build(source, out, scorm_version, derive=derive)
        results = [(len(course.lessons), len(course.quiz.questions) if course.quiz else 0, built)]
    else:
        results = [(e.lessons, e.questions, e.built)
                   for e in build_editions(source, out, scorm_version, edition, derive=derive)]
    print_problems(list(dict.fromkeys(p for m in made for p in m.warnings)))  # one report: its warnings once
    for (lessons, questions, built), refresher_made in zip(results, made or [None] * len(results)):
        for b in built:
            click.echo(say("cli.built", path=display_path(b.path), kib=number(b.size / 1024, 1), version=b.version,
                           lessons=counted("cli.count.lessons", lessons),
                           questions=counted("cli.count.questions", questions),
                           files=counted("cli.count.files", b.files)))
        if refresher_made is not None:
            quiz = refresher_made.course.quiz
            click.echo(say("refresher.built", pages=lessons, questions=quiz.draw_count if quiz else 0,
                           pool=refresher_made.pool, minutes=round(refresher_made.seconds / 60)))


def refresher_step(refresher: bool, from_path: Path | None):
    """The `derive=` step of --refresher [--from], or None; the report is read before anything is built."""
    if from_path is not None and not refresher:
        raise click.UsageError(say("refresher.from_needs_refresher"))
    if not refresher:
        return None
    from .refresher import Derive, read_results

    return Derive(read_results(from_path) if from_path is not None else None)


@main.command()
@SOURCE
@click.option("--quality", is_flag=True, help="Also show the quality overview: the quiz's items per type and topic, "
              "its cues and the guessers' chances to pass.")
@click.option("--strict", is_flag=True, help="Warnings count too: exit 1 on any error or warning.")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: the warnings (and with --quality the overview) as one object for scripts.")
@friendly
def check(source: Path, quality: bool, strict: bool, output: str) -> None:
    """Report every problem in the course sources (exit 1 if there are errors)."""
    from .build import check_all
    from .quality.overview import as_data, as_text, sections

    course, warnings, editions = check_all(source)
    found = sections(course) if quality else []
    if output == "json":
        click.echo(json.dumps({"course": course.id, "problems": [problem_data(p) for p in warnings],
                               **({"quality": as_data(found)} if quality else {})}, ensure_ascii=False, indent=2))
    else:
        print_problems(warnings)
        for line in as_text(found):
            click.echo(line)
        questions = len(course.quiz.questions) if course.quiz else 0
        click.echo(say("cli.checked_editions" if editions else "cli.checked", course=course.id,
                       lessons=counted("cli.count.lessons", len(course.lessons)),
                       questions=counted("cli.count.questions", questions),
                       editions=counted("cli.count.editions", editions)))
    if strict and warnings:
        click.echo(counted("cli.strict_warnings", len(warnings)), err=True)
        sys.exit(1)


def problem_data(problem: Problem) -> dict:
    where = problem.where
    return {"path": display_path(where.path) if where else None, "line": where.line if where else None,
            "col": where.col if where else None, "severity": problem.severity, "code": problem.code,
            "message": problem.message}


@main.command()
@SOURCE
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=Path("dist"), show_default=True,
              help="Folder for the zip, the documents and the report.")
@click.option("--scorm", "scorm_version", type=Targets(), default=targets.DEFAULT, show_default=True,
              help="SCORM version of the package.")
@click.option("--audit/--no-audit", "run_audit", default=True, show_default=True,
              help="Also check the package's accessibility in headless Chromium.")
@click.option("--edition", metavar="ID", default=None,
              help="Publish this edition (editions/ID/): its package, and documents with its name and contacts.")
@friendly
def publish(source: Path, out: Path, scorm_version: str, run_audit: bool, edition: str | None) -> None:
    """Build the package, the handout and the facilitator guide (HTML and PDF) and the accessibility report."""
    from .publish import publish_all

    ok = True
    for line, fine in publish_all(source, out, scorm_version, run_audit, edition):
        click.echo(line, err=not fine)
        ok = ok and fine
    if not ok:
        sys.exit(1)


@main.command()
@click.argument("zip_path", metavar="ZIP", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--schemas", type=click.Path(file_okay=False, path_type=Path),
              default=lambda: os.environ.get("SCORM_SCHEMAS_DIR") or None,
              help="Another folder with the SCORM XSDs (scorm12/, scorm2004-4th/) than the ones kursbygger ships; "
                   "default: $SCORM_SCHEMAS_DIR, else those shipped.")
@click.option("--strict", is_flag=True, help="Warnings count too: exit 1 on any error or warning.")
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: one object for scripts and CI (see docs/validate.md).")
@friendly
def validate(zip_path: Path, schemas: Path | None, strict: bool, output: str) -> None:
    """Judge any SCORM zip as LMSs do: errors, warnings and notes, and what each SCO launches."""
    from .validate import SchemasUnavailable, validate_zip
    from .validate.output import as_json, text_report

    try:
        report = validate_zip(zip_path, schemas)
    except SchemasUnavailable as exc:
        raise click.BadParameter(str(exc), param_hint="--schemas") from exc
    if output == "json":
        click.echo(as_json(report, strict))
    else:
        findings, launches, summary = text_report(report, strict)
        for line in findings:
            click.echo(line, err=True)
        for line in launches:
            click.echo(line)
        click.echo(summary, err=report.failed(strict))
    if report.failed(strict):
        sys.exit(1)


@main.command()
@click.argument("zip_path", metavar="ZIP", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the report (default: <zip name>-tilgjengelighet.html beside the zip).")
@friendly
def audit(zip_path: Path, out: Path | None) -> None:
    """Accessibility report (WCAG 2.1 A/AA, in Norwegian) for a package, checked in headless Chromium.
    Exit 1 when faults are found, 3 when the package could not be checked (no Chromium)."""
    from .audit import AuditError, audit_zip
    from .browser import BrowserMissing

    out = out or zip_path.with_name(f"{zip_path.stem}-tilgjengelighet.html")
    try:
        report = audit_zip(zip_path, out)
    except AuditError as exc:
        click.echo(say("cli.error", detail=exc), err=True)
        sys.exit(1)
    except BrowserMissing as exc:
        click.echo(say("cli.no_browser", detail=exc), err=True)
        sys.exit(3)
    for line, fine in report.summary():
        click.echo(line, err=not fine)
    click.echo(say("cli.report_written", path=display_path(out)))
    if not report.ok:
        sys.exit(1)


@main.command()
@click.argument("exports", metavar="EXPORT...", nargs=-1, required=True,
                type=click.Path(dir_okay=False, path_type=Path))
@click.option("--package", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The SCORM zip that was uploaded: adds question texts, answer words, lessons and the pass mark.")
@click.option("--source", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The course sources (holds course/ and quizzes/), instead of --package.")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("report.html"),
              show_default=True, help="Where to write the HTML report.")
@click.option("--names", is_flag=True,
              help="Add two lists: who has passed or completed (date, score), and who must be followed up.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write both lists as a spreadsheet file (list, name, e-mail, status, score, date).")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the item analysis (difficulty, discrimination, flags per question) as JSON.")
@click.option("--lang", type=click.Choice(["nb", "nn", "en"]), default=None,
              help="The report's language (default: the course's, else bokmål).")
@click.option("--passing-score", type=click.FloatRange(0, 100), default=None,
              help="The pass mark in %, when neither --package nor --source gives it.")
@click.option("--max-size", "max_mb", type=click.FloatRange(min=0, min_open=True), default=4096, show_default=True,
              help="Refuse an export larger than this many MB (a guard against absurd inputs).")
@friendly
def report(exports: tuple[Path, ...], package: Path | None, source: Path | None, out: Path, names: bool,
           csv_path: Path | None, json_path: Path | None, lang: str | None, passing_score: float | None,
           max_mb: float) -> None:
    """HR report from the LMS's SCORM report exports (Moodle/KS Læring; text, .xlsx, .ods or .xls)."""
    from .report import Refusal, Request, run
    from .report.words import say as report_says

    if package is not None and source is not None:
        raise click.UsageError(say("cli.package_or_source"))
    try:
        _, summary = run(Request(list(exports), out, package, source, names, csv_path, passing_score, max_mb,
                                 lang, json_path))
    except Refusal as exc:
        click.echo(f"{report_says(exc.lang, 'error')}: {exc}", err=True)
        sys.exit(1)
    for line in summary:
        click.echo(line)


@main.command()
@SOURCE
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the schemas (default: <source>/jsonschema).")
@friendly
def schema(source: Path, out: Path | None) -> None:
    """Write JSON Schemas for course.yaml, quiz files and lesson front matter (for editors)."""
    from .course.schemas import write_schemas

    for path in write_schemas(out or source / "jsonschema"):
        click.echo(display_path(path))


@main.command()
@click.argument("dest", metavar="DIR", type=click.Path(path_type=Path))
@click.option("--language", type=click.Choice(["nb", "nn", "en"]), default=None,
              help="Language of the starter texts and of the player (default: the language of the messages).")
@friendly
def new(dest: Path, language: str | None) -> None:
    """Write a small starter course into DIR (a new or empty folder)."""
    from .starter import NotEmpty, create

    try:
        create(dest, language or current())
    except NotEmpty:
        click.echo(say("cli.not_empty", path=display_path(dest)), err=True)
        sys.exit(1)
    click.echo(say("cli.starter_written", path=display_path(dest)))


@main.command()
@SOURCE
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1 (0 picks a free one).")
@click.option("--scorm", "scorm_version", type=Targets(), default=targets.DEFAULT, show_default=True,
              help="SCORM version the simulated LMS starts with (the page can switch).")
@click.option("--no-open", is_flag=True, help="Do not open the browser.")
@click.option("--edition", default=None, metavar="ID", help="Preview the edition editions/ID/.")
@click.option("--refresher", is_flag=True, help="Preview the short refresher package instead (docs/refresher.md).")
@click.option("--from", "from_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="With --refresher: the item analysis of `report --json`, read once at start.")
@friendly
def preview(source: Path, port: int, scorm_version: str, no_open: bool, edition: str | None, refresher: bool,
            from_path: Path | None) -> None:
    """Serve the course in an LMS simulator on 127.0.0.1, rebuilt in memory on every save."""
    from .preview.server import run

    sys.exit(run(source, port, scorm_version, not no_open, edition, refresher_step(refresher, from_path)))
