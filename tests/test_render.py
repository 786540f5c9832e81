"""Markdown and page rendering: features, escaping of hostile text, CSP, and safe embedded data."""

from __future__ import annotations

import html as html_lib
import json
import re
import shutil

from builder.load import load_course
from builder.markdown import render_lesson
from builder.render import render_course
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
    assert html.count("<script") == 2  # the JSON data block and kurs.js, nothing else
    data = re.search(r'<script type="application/json" id="kurs-data">(.*?)</script>', html, re.S).group(1)
    assert "<" not in data and ">" not in data
    assert HOSTILE in json.loads(data)["quiz"]["questions"][0]["text"]


def test_page_has_csp_lang_and_no_inline_code():
    html = render_course(course_at(GOOD))["index.html"].decode()
    assert '<html lang="nb">' in html
    csp = html_lib.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1))
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "connect-src 'none'" in csp
    assert " style=" not in html and not re.search(r"\son[a-z]+=", html)


def test_package_holds_only_referenced_media_and_no_external_urls(tmp_path):
    source = tmp_path / "src"
    shutil.copytree(GOOD, source)
    (source / "course" / "media" / "unused.png").write_bytes(b"x")
    files = render_course(course_at(source))
    assert sorted(files) == ["assets/kurs.css", "assets/kurs.js", "index.html", "media/figur.svg"]
    runtime = files["assets/kurs.js"].decode() + files["assets/kurs.css"].decode()
    assert not re.search(r"https?://", runtime)
    assert "eval(" not in runtime and "new Function" not in runtime and "innerHTML" not in runtime


def test_render_is_deterministic():
    assert render_course(course_at(GOOD)) == render_course(course_at(GOOD))
