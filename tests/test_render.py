"""Markdown and page rendering: features, escaping of hostile text, CSP, and safe embedded data."""

from __future__ import annotations

import base64
import hashlib
import html as html_lib
import json
import re
import shutil

import pytest

from builder.course.load import load_course
from builder.course.markdown import render_lesson
from builder.outputs.render import render_course
from tests.conftest import GOOD

HOSTILE = '<script>alert(1)</script>"onerror=x </aside>'


def course_at(path):
    course, problems = load_course(path)
    assert problems == []
    return course


def test_lesson_features_render_as_accessible_html():
    course = course_at(GOOD)
    first, second = (render_lesson(course, lesson) for lesson in course.lessons)
    assert '<aside class="callout callout-case" aria-labelledby="first-case-1">' in first
    assert '<p class="callout-label" id="first-case-1">Eksempel<span class="callout-title">: Læreren' in first
    assert ('<figure><img src="media/figur.svg" alt="En enkel figur med tre steg" loading="lazy">'
            "<figcaption>Tre steg før du publiserer</figcaption></figure>") in first
    assert 'rel="noopener noreferrer" target="_blank">Lovdata<span class="visually-hidden"> (åpnes i nytt vindu)' in first
    assert '<section class="selfcheck" data-selfcheck' in second and second.count("<li data-step>") == 2
    # the generated source list: cited sources, sorted by title, linked when they have a url
    assert re.search(r'<ul class="source-list"><li>Forvaltningsloven § 13</li><li><a href="https://lovdata', second)


def test_hostile_text_comes_out_inert(tmp_path):
    source = tmp_path / "src"
    shutil.copytree(GOOD, source)
    course_yaml = source / "course" / "course.yaml"
    course_yaml.write_text(course_yaml.read_text().replace("title: Grunnloven § 100", f"title: '{HOSTILE}'")
                           .replace("title: Demokurs", f"title: '{HOSTILE}'"))
    lesson = source / "course" / "lessons" / "01-first.md"
    lesson.write_text(lesson.read_text().replace("Læreren som skrev et innlegg", HOSTILE)
                      .replace("Tre steg før du publiserer", HOSTILE.replace('"', "")))
    quiz = source / "quizzes" / "demo-quiz.yaml"
    quiz.write_text(quiz.read_text().replace("text: Hvem har ytringsfrihet?", f"text: '{HOSTILE}'"))
    files = render_course(course_at(source))
    html = files["index.html"].decode()
    assert "<script>alert" not in html and "</aside>\"" not in html
    assert html.count("<script") == 3  # the first lesson's hold, the JSON data block and the runtime, nothing else
    data = re.search(r'<script type="application/json" id="kurs-data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in data and ">" not in data
    assert HOSTILE in json.loads(data)["quiz"]["questions"][0]["text"]


def test_page_has_csp_lang_and_only_the_pinned_runtime_runs():
    html = render_course(course_at(GOOD))["index.html"].decode()
    assert '<html lang="nb">' in html
    csp = html_lib.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1))
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'" and directives["connect-src"] == "'none'"
    for element, directive, count in (("script", "script-src", 2), ("style", "style-src", 1)):
        # The elements of their kind without attributes are the runtime (and the early hold of the lessons in
        # <head>); their hashes, and nothing else, are allowed.
        bodies = re.findall(rf"<{element}>(.*?)</{element}>", html, re.S)
        assert len(bodies) == count and all(bodies)
        digests = {base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() for body in bodies}
        assert set(directives[directive].split()) == {f"'sha256-{digest}'" for digest in digests}
    assert " style=" not in html and not re.search(r"\son[a-z]+=", html)


def test_package_holds_only_referenced_media_and_no_external_urls(tmp_path):
    source = tmp_path / "src"
    shutil.copytree(GOOD, source)
    (source / "course" / "media" / "unused.png").write_bytes(b"x")
    files = render_course(course_at(source))
    assert sorted(files) == ["index.html", "media/figur.svg"]
    html = files["index.html"].decode()
    runtime = "".join(re.findall(r"<(?:script|style)>(.*?)</(?:script|style)>", html, re.S))
    assert len(runtime) > 20_000
    assert not re.search(r"https?://", runtime)
    assert "eval(" not in runtime and "new Function" not in runtime and "innerHTML" not in runtime


def test_linked_media_travel_once_even_when_named_twice(tmp_path):
    """Media come from the lessons' own links and images (the model), whatever the HTML around them looks like."""
    source = tmp_path / "src"
    shutil.copytree(GOOD, source)
    (source / "course" / "media" / "notat 1.txt").write_bytes(b"notat")
    lesson = source / "course" / "lessons" / "02-second.md"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "\n| Vedlegg |\n|---|\n| [Notatet](media/notat%201.txt) |\n\n"
                      "Se [figuren](media/figur.svg#topp) og [notatet igjen](<media/notat 1.txt>).\n", encoding="utf-8")
    course = course_at(source)
    assert course.lessons[1].media == ["media/figur.svg", "media/notat 1.txt"]
    files = render_course(course)
    assert sorted(files) == ["index.html", "media/figur.svg", "media/notat 1.txt"]
    assert files["media/notat 1.txt"] == b"notat"


def test_render_is_deterministic():
    assert render_course(course_at(GOOD)) == render_course(course_at(GOOD))


def test_runtime_that_would_end_its_element_is_refused(monkeypatch):
    from builder.outputs import render

    monkeypatch.setattr(render, "runtime_file", lambda name: b"var s = '</SCRIPT><p>';")
    with pytest.raises(ValueError, match="cannot be inlined"):
        render.inline_runtime("kurs.js", "script")


@pytest.mark.parametrize("language, shown", [("nb", "Faglig kontrollert: <time datetime=\"2024-03-05\">05.03.2024</time>"),
                                             ("en", "Content checked against its sources: <time datetime=\"2024-03-05\">2024-03-05</time>")])
def test_reviewed_date_is_shown_in_the_course_language(tmp_path, language, shown):
    assert 'class="reviewed"' not in render_course(course_at(GOOD))["index.html"].decode()  # no date, no claim
    source = tmp_path / "src"
    shutil.copytree(GOOD, source)
    course_yaml = source / "course" / "course.yaml"
    course_yaml.write_text(course_yaml.read_text().replace("language: nb", f"language: {language}\nreviewed: 2024-03-05"))
    html = render_course(course_at(source))["index.html"].decode()
    assert f'<p class="reviewed">{shown}</p>' in html
