"""No sentence a user reads is written in the code: every one comes from builder/words/ in the reader's language.

The guard reads builder/'s own source (every module, every template), so a new hard-coded English message goes red
the moment it is written, wherever it is: in what the commands print (click.echo, print, sys.stderr.write), in
click's errors (UsageError, BadParameter, ClickException), in any raised error's text, in a Problem, and in the
text of a template. Words inside say(…), said(…) and counted(…) are codes, not
sentences. `--help` texts stay English by design (docs/design.md «Words»): click reads them before --lang is known.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.conftest import REPO

BUILDER = REPO / "builder"
# The calls whose arguments a user reads.
SHOWN = {"echo", "secho", "print", "write", "UsageError", "BadParameter", "ClickException", "fail", "Problem"}
# The calls that turn a code into words: what they are given is a code and its facts.
SAYING = {"say", "said", "counted", "report_says", "area"}
WORD = re.compile(r"[^\W\d_]{2,}")

# What is truly not for the course owner, HR or the learner, each with why.
NOT_SHOWN = {
    ("builder/docs.py", "print"): "the contributors' tool `python -m builder.docs` that rewrites docs/*.md; CI runs "
                                  "it, no course owner does",
    ("builder/docs.py", "ValueError"): "a schema the docs generator cannot word: a bug for a contributor to fix",
    ("builder/outputs/render.py", "ValueError"): "a runtime bundle that cannot be inlined: a bug in kursbygger's build, "
                                         "caught by its own tests before release",
    ("builder/outputs/package.py", "ValueError"): "an unsafe path in the package kursbygger itself writes: an invariant of "
                                          "the code, never the author's input (check refuses such names first)",
    ("builder/outputs/targets.py", "ValueError"): "two output targets registered under one id: a mistake in "
                                                  "kursbygger's own code, raised at import, never the author's input",
    ("builder/report/exports/__init__.py", "ValueError"): "two export grammars registered under one name: a mistake "
                                                          "in kursbygger's own code, never HR's input",
    ("builder/preview/server.py", "write"): "the «data:» field of the server-sent events protocol, read by the "
                                            "simulator page's script, not by a person",
    ("builder/course/located.py", "PydanticCustomError"): "pydantic's fallback text; validation.MESSAGES gives every one "
                                                   "of these error types its coded words, so it is never shown",
}


def name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def sentence(text: str, filled: int = 0) -> bool:
    """Words with a space between, a placeholder counting as one: «the file is empty», «wrote {path}»; not a code
    («file-empty», «cli.built», «download-{which}»), a single token («UTF-8») or a path
    («questions[{i}].{name}»)."""
    words = len(WORD.findall(text))
    spaced = " " in text.strip() or (filled > 0 and " " in text)
    return spaced and words >= 1 and words + filled >= 2


def words_in(node: ast.AST) -> list[str]:
    """The sentence-like literals in an expression, leaving out what a say(…) is given and pure codes."""
    if isinstance(node, ast.Call) and name(node.func) in SAYING:
        return []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if sentence(node.value) else []
    if isinstance(node, ast.JoinedStr):
        text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
        found = [text] if sentence(text, sum(isinstance(v, ast.FormattedValue) for v in node.values)) else []
        return found + [w for v in node.values if isinstance(v, ast.FormattedValue) for w in words_in(v.value)]
    return [w for child in ast.iter_child_nodes(node) for w in words_in(child)]


def shown_arguments(tree: ast.AST) -> list[tuple[int, str, ast.expr]]:
    """(line, what, argument) for every argument a user may read, in the order of the source."""
    return sorted(shown_in(tree), key=lambda found: (found[0], found[2].col_offset))


def shown_in(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and name(node.exc.func) not in SHOWN:
            call = node.exc
            for argument in [*call.args, *(k.value for k in call.keywords)]:
                yield node.lineno, name(call.func), argument
        elif isinstance(node, ast.Call) and name(node.func) in SHOWN:
            for argument in [*node.args, *(k.value for k in node.keywords if k.arg not in ("err", "file", "end"))]:
                yield node.lineno, name(node.func), argument


def hard_coded() -> list[str]:
    found = []
    for path in sorted(BUILDER.rglob("*.py")):
        relative = path.relative_to(REPO).as_posix()
        if relative.startswith("builder/words/"):
            continue
        for line, what, argument in shown_arguments(ast.parse(path.read_text(encoding="utf-8"))):
            if (relative, what) in NOT_SHOWN:
                continue
            found += [f"{relative}:{line}: {what}: {text!r}" for text in words_in(argument)]
    return found


def test_no_message_is_written_in_the_code():
    assert hard_coded() == []


def test_the_guard_finds_a_hard_coded_message(tmp_path):
    """The scan itself: each kind of place, written in English, is found; the same said is not."""
    source = '''
import click, sys
def run(path):
    click.echo(f"wrote {path}")
    sys.stderr.write("could not read the file")
    raise click.UsageError("give either --package or --source")
    raise SomeError(f"{path}: the file is empty")
    problems.append(Problem(where, "the lesson has no title", "error"))
    click.echo(say("cli.report_written", path=path))
    raise ExportError("file-empty", path)
    click.echo(f"{say('report.error')}: {detail}")
'''
    found = [w for _, _, argument in shown_arguments(ast.parse(source)) for w in words_in(argument)]
    assert found == ["wrote ", "could not read the file", "give either --package or --source", ": the file is empty",
                     "the lesson has no title"]


def test_every_exemption_is_still_needed():
    """An exemption whose call has gone, or been said since, is taken out: the list only shrinks."""
    for (relative, what), why in NOT_SHOWN.items():
        tree = ast.parse((REPO / relative).read_text(encoding="utf-8"))
        assert any(w == what and words_in(a) for _, w, a in shown_arguments(tree)), (relative, what, why)


# --- templates ------------------------------------------------------------------------------------------------------

TEMPLATES = sorted([*BUILDER.glob("**/templates/*.html"), BUILDER / "preview" / "assets" / "simulator.html"])
# Tokens a template may hold as they are in every language: units, names of standards and of the data it shows.
SAME_IN_EVERY_LANGUAGE = {"px", "min", "SCORM", "suspend_data", "id"}


def template_words(text: str) -> list[str]:
    """Text a reader sees in a template (text between tags, alt/title/aria-label/placeholder), less jinja and code."""
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", " ", text, flags=re.S)
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S | re.I)
    shown = re.findall(r">([^<]+)<", text)
    shown += re.findall(r'\b(?:alt|title|aria-label|placeholder)="([^"]*)"', text)
    return [w for chunk in shown for w in re.findall(r"[^\W\d]\w+", chunk) if w not in SAME_IN_EVERY_LANGUAGE]


def test_no_template_holds_words_of_its_own():
    assert len(TEMPLATES) >= 10
    found = {p.relative_to(REPO).as_posix(): template_words(p.read_text(encoding="utf-8")) for p in TEMPLATES}
    assert {path: w for path, w in found.items() if w} == {}


def test_the_template_guard_finds_a_hard_coded_word():
    assert template_words('<p>{{ t.lead }}</p><button aria-label="Close">{{ t.x }}</button><td>{{ n }} px</td>'
                          '<h2>Sources</h2>') == ["Sources", "Close"]
