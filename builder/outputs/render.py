"""Course model → the package's files: index.html (with the runtime inside it) and the media lessons use."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from importlib import resources

from markupsafe import Markup

from ..course import markdown
from ..course.model import Course
from ..templating import environment
from ..words import area

# Only the runtime's own script and style may run, pinned by their hashes; nothing may be fetched from elsewhere.
CSP = ("default-src 'none'; script-src {script}; style-src {style}; img-src 'self'; font-src 'self'; "
       "media-src 'self'; connect-src 'none'; frame-src 'none'; form-action 'none'; base-uri 'none'")
# The lessons paint while the page is still arriving, before the player runs. A learner who left this package at
# another lesson on this device (the player keeps that mark, under the same key) must not see the first lesson
# flash by first: the lessons are held back until the player has shown hers.
HOLD = 'try{localStorage["kurs:"+location.pathname]>0&&(document.documentElement.className="hold")}catch(e){}'


def render_course(course: Course) -> dict[str, bytes]:
    lessons = [(lesson, Markup(markdown.render_lesson(course, lesson))) for lesson in course.lessons]
    # The runtime goes inside the page: a municipal LMS may take a slow round trip per file, and the learner
    # waits for every one of them before the first lesson answers.
    script, style = inline_runtime("kurs.js", "script"), inline_runtime("kurs.css", "style") + edition_css(course)
    logo = edition_logo(course)
    html = environment(__package__, keep_trailing_newline=True).get_template("index.html").render(
        course=course, lessons=lessons, w=area("player", course.language), logo=logo and logo[0],
        csp=CSP.format(script=f"{csp_hash(script)} {csp_hash(HOLD)}", style=csp_hash(style)),
        runtime_js=Markup(script), hold_js=Markup(HOLD), runtime_css=Markup(style),
        data_json=Markup(script_json(course_data(course))),
    )
    files = {"index.html": html.encode("utf-8")}
    if logo:
        files[logo[0]] = logo[1]
    media_dir = course.root / "course" / "media"
    for ref in sorted({ref for lesson in course.lessons for ref in lesson.media}):
        files[ref] = (media_dir / ref.removeprefix("media/")).read_bytes()
    return files


def runtime_file(name: str) -> bytes:
    """The minified learner runtime that tools/bundle-runtime makes from builder/outputs/runtime/ (kept in git, so
    building a course needs no Node and gives the same bytes everywhere)."""
    return resources.files(__package__).joinpath("runtime", "dist", name).read_bytes()


def inline_runtime(name: str, element: str) -> str:
    text = runtime_file(name).decode("utf-8")
    # One "</script" (or "</style", or "<!--") inside would end the element early and turn the rest into page text.
    if re.search(rf"</{element}|<!--", text, re.IGNORECASE):
        raise ValueError(f"builder/outputs/runtime/dist/{name} contains '</{element}' or '<!--' and cannot be inlined")
    return text


def csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def script_json(data: object) -> str:
    """JSON that is safe inside <script type="application/json">: no '<', '>' or '&' can end the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def edition_css(course: Course) -> str:
    """The edition's colours as the custom properties kurs.css draws with; inside the hashed <style>, so the CSP
    still admits nothing else."""
    edition = course.edition
    if edition is None:
        return ""
    colours = f"--brand:{edition.brand};--brand-ink:{edition.brand_text};" if edition.brand else ""
    return f"\n:root{{{colours}}}.edition-logo{{display:block;max-height:3rem;max-width:12rem;width:auto}}\n"


def edition_logo(course: Course) -> tuple[str, bytes] | None:
    logo = course.edition.logo if course.edition else None
    return None if logo is None else (f"logo{logo.suffix.lower()}", logo.read_bytes())


def course_data(course: Course) -> dict:
    t = course.tracking
    about = {"id": course.id, "title": course.title, "version": course.version, "language": course.language}
    if course.edition is not None:
        about["edition"] = {"id": course.edition.id, "organisation": course.edition.organisation}
    return {
        "format": 1,
        "course": about,
        "lessons": [{"id": lesson.id, "title": lesson.title} for lesson in course.lessons],
        "tracking": {**course.pass_rule.page_data(), "maxAttempts": t.max_attempts},
        "quiz": None if course.quiz is None else {
            "id": course.quiz.id, "title": course.quiz.title, "draw": course.quiz.draw_count,
            "perLesson": course.quiz.per_lesson or 0, "shuffle": course.quiz.shuffle,
            "questions": [q.data(course) for q in course.quiz.questions],
            **({"requiredTopics": course.quiz.required_topics} if course.quiz.required_topics else {}),
        },
        "strings": area("player", course.language),
    }

