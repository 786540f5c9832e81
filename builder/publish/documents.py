"""Course model → the printable handout and the facilitator guide, as self-contained HTML.

Both take the course model (and, for the guide, its discussion material) as given, so an edition of the course
can be published the same way once it yields its own model. Lessons are rendered by builder/course/markdown.py, exactly
as the learner sees them in the package.
"""

from __future__ import annotations

import base64
import mimetypes
from collections.abc import Sequence
from importlib import resources
from urllib.parse import unquote, urlsplit

from markupsafe import Markup

from ..course import markdown
from ..course.model import Course, SelfCheck
from ..outputs.render import csp_hash
from ..templating import environment
from ..words import area
from ..course.discussion import Discussion

# Only the page's own style and images inlined as data: may load; the document fetches nothing.
DOCUMENT_CSP = "default-src 'none'; style-src {style}; img-src data:; base-uri 'none'; form-action 'none'"


def render_handout(course: Course, contacts: Sequence[str] = ()) -> str:
    lessons = [(lesson, Markup(markdown.render_lesson(course, lesson, image_src=data_uri(course))))
               for lesson in course.lessons]
    return page("handout.html", course, contacts, lessons=lessons)


def render_guide(course: Course, discussion: Discussion, contacts: Sequence[str] = ()) -> str:
    runsheet, start = [], 0
    for step in discussion.runsheet:
        runsheet.append((start, start + step.minutes, step.activity))
        start += step.minutes
    titles = {s.id: s.title for s in course.sources}
    return page("guide.html", course, contacts, discussion=discussion, runsheet=runsheet,
                lessons=[(lesson, discussion.for_lesson(lesson.id)) for lesson in course.lessons],
                lesson_sources={lesson.id: [titles[s] for s in lesson.sources if s in titles]
                                for lesson in course.lessons},
                selfchecks=selfchecks(course))


def page(template: str, course: Course, contacts, **context) -> str:
    css = resources.files(__package__).joinpath("templates", "print.css").read_text(encoding="utf-8")
    w = area("player", course.language)  # what the documents share with the course pages reads the same
    return environment(__package__).get_template(template).render(
        course=course, t=area("handout", course.language), w=w, css=Markup(css),
        csp=DOCUMENT_CSP.format(style=csp_hash(css)), contacts=list(contacts),
        reviewed=course.reviewed.strftime(w["date_format"]) if course.reviewed else "",
        minutes=sum(lesson.minutes for lesson in course.lessons), sources=markdown.cited_sources(course), **context)


def data_uri(course: Course):
    """Images as data: addresses, so one file holds the whole handout and opening it fetches nothing."""
    media_dir = course.root / "course" / "media"

    def encode(src: str) -> str:
        ref = unquote(urlsplit(src).path).removeprefix("media/")
        mime = mimetypes.guess_type(ref)[0] or "application/octet-stream"
        return f"data:{mime};base64,{base64.b64encode((media_dir / ref).read_bytes()).decode('ascii')}"

    return encode


def selfchecks(course: Course) -> list[SelfCheck]:
    """Every «tell til tre» block of the course, as load read and checked it (builder/course/markdown.py)."""
    return [token.meta["selfcheck"][0] for lesson in course.lessons for token in lesson.document
            if token.type == "fence" and token.info.strip() == "selfcheck" and token.meta["selfcheck"][0] is not None]
