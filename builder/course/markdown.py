"""Lesson Markdown → safe, accessible HTML, and the checks on lesson bodies.

`parse_body` runs once per lesson, at load; `body_problems` and `render_lesson`
both read that one parse from the model, so what `check` accepts is exactly what
`build` renders.
"""

from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import escape
from mdit_py_plugins.container import container_plugin

from .model import Course, Lesson, SelfCheck, Where
from .problems import Problem, said
from ..words import area
from .reading import validate
from .yamldoc import YamlError, parse as parse_yaml

CALLOUTS = ("case", "husk", "kilde")
SAFE_SCHEMES = ("http", "https", "mailto")


@functools.cache
def parser() -> MarkdownIt:
    # html on: markdown-it then marks exactly what CommonMark reads as HTML (html_block / html_inline tokens), which
    # the checks refuse; text that only looks a little like a tag, such as «a <b», stays text.
    md = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False}).enable("table")
    # Every ::: block parses; unknown names are reported by the checks instead of silently becoming text.
    container_plugin(md, "block", validate=lambda params, *args: True)
    md.validateLink = lambda url: True  # we check schemes ourselves, with a message
    return md


def parse_body(body: str) -> list[Token]:
    """A lesson body's tokens; each selfcheck block's fence carries its (data, problems) in `meta["selfcheck"]`."""
    tokens = parser().parse(body)
    for token in tokens:
        if token.type == "fence" and token.info.strip() == "selfcheck":
            token.meta["selfcheck"] = selfcheck(token.content)
    return tokens


def media_refs(tokens: list[Token]) -> list[str]:
    """The package paths (media/<file>) that the body's images and links point to."""
    refs = set()
    for child in (child for token in tokens for child in token.children or []):
        target = child.attrGet("src") if child.type == "image" else \
            child.attrGet("href") if child.type == "link_open" else None
        path = unquote(urlsplit(str(target)).path) if target else ""
        if path.startswith("media/"):
            refs.add(path)
    return sorted(refs)


def body_problems(root: Path, path: Path, body_line: int, tokens: list[Token]) -> list[Problem]:
    """The problems of a lesson body (`tokens`, from line `body_line` of `path`); `root` holds course/media/."""
    problems: list[Problem] = []

    def report(token: Token | None, message: str, extra_lines: int = 0) -> None:
        line = body_line + (token.map[0] if token is not None and token.map else 0) + extra_lines
        problems.append(Problem(Where(path, line, 1), message))

    open_kildeliste = None
    boxes: list[Token] = []  # the ::: boxes open at this token, outermost first
    unclosed: set[int] = set()  # ids of the boxes already reported: one message for one box left open
    for index, token in enumerate(tokens):
        if token.type == "container_block_open":
            outer = boxes[-1] if boxes else None
            if outer is not None and len(token.markup) >= len(outer.markup) and id(outer) not in unclosed:
                # the ':::' meant to close this box closed the outer one, which was left open
                unclosed.update((id(outer), id(token)))
                report(outer, said("source.body.box-not-closed", name=container_name(outer),
                                   before=said("source.hint.before-next-box", name=container_name(token),
                                               line=body_line + token.map[0])))
            boxes.append(token)
            name = container_name(token)
            if name == "kildeliste":
                open_kildeliste = index
            elif name not in CALLOUTS:
                report(token, said("source.body.unknown-box", name=name, known=", ".join((*CALLOUTS, "kildeliste"))))
        elif token.type == "container_block_close":
            box = boxes.pop()
            if not token.markup and id(box) not in unclosed:  # closed by the end of the lesson, not by ':::'
                report(box, said("source.body.box-not-closed", name=container_name(box), before=""))
            if open_kildeliste is not None:
                if index != open_kildeliste + 1:
                    report(tokens[open_kildeliste], said("source.body.kildeliste-not-empty"))
                open_kildeliste = None
        elif token.type == "heading_open" and token.tag == "h1":
            report(token, said("source.body.top-level-heading"))
        elif token.type == "html_block":
            report(token, raw_html(token))
        elif token.type == "fence" and token.info.strip() == "selfcheck":
            for line, message in token.meta["selfcheck"][1]:
                report(token, message, line)
        elif token.type == "inline":
            # One message per paragraph or cell is enough: <b>…</b> is one mistake, not two.
            html = next((child for child in token.children or [] if child.type == "html_inline"), None)
            if html is not None:
                report(token, raw_html(html))
            for child in token.children or []:
                inline_problems(root, child, lambda msg, t=token: report(t, msg))
    return problems


def inline_problems(root: Path, child: Token, report) -> None:
    if child.type == "link_open":
        href = str(child.attrGet("href") or "")
        scheme = urlsplit(href).scheme.lower()
        if scheme and scheme not in SAFE_SCHEMES:
            report(said("source.body.link-scheme", href=href[:60], scheme=scheme))
        elif not scheme and href and not href.startswith("#"):
            media_problem(root, href, "link", report)
    elif child.type == "image":
        src = str(child.attrGet("src") or "")
        if not child.content.strip():
            report(said("source.body.image-without-alt", src=src))
        if urlsplit(src).scheme:
            report(said("source.body.image-from-the-web", src=src[:60]))
        else:
            media_problem(root, src, "image", report)


def raw_html(token: Token) -> str:
    found = (token.content.strip().splitlines() or [""])[0][:60]
    return said("source.body.raw-html", found=found)


def media_problem(root: Path, href: str, kind: str, report) -> None:
    what = said(f"source.noun.{kind}")  # «link» or «image»
    relative = unquote(urlsplit(href).path)
    media_dir = (root / "course" / "media").resolve()
    if not relative.startswith("media/") or relative.startswith("/") or ".." in relative.split("/"):
        report(said("source.body.media-not-in-folder", what=what, href=href))
        return
    target = root / "course" / relative
    if not target.is_file():
        report(said("source.body.media-missing", what=what, href=href, relative=relative))
    elif not target.resolve().is_relative_to(media_dir):
        report(said("source.body.media-outside", what=what, href=href))


def container_name(token: Token) -> str:
    return (token.info.strip().split(maxsplit=1) or [""])[0]


def container_title(token: Token) -> str:
    parts = token.info.strip().split(maxsplit=1)
    return parts[1] if len(parts) > 1 else ""


# --- selfcheck blocks ----------------------------------------------------------------------------

def selfcheck(content: str) -> tuple[SelfCheck | None, tuple[tuple[int, str], ...]]:
    """A ```selfcheck block's data (None if unusable) and its problems as (line in block, message)."""
    problems: list[tuple[int, str]] = []
    try:
        data = parse_yaml(content)
    except YamlError as exc:
        return None, ((exc.line + 1, said("source.selfcheck.not-yaml", detail=exc.message)),)
    block = validate(data, SelfCheck, Path("selfcheck"), lambda where, message: problems.append((where.line, message)))
    return (None if problems else block), tuple(problems)


# --- rendering -----------------------------------------------------------------------------------

def render_lesson(course: Course, lesson: Lesson, image_src=None) -> str:
    """Safe HTML of the lesson; `image_src` maps an image's media/<file> to the address to write (the handout
    inlines them as data: addresses)."""
    renderer = LessonRenderer(course, lesson)
    return parser().renderer.render(lesson.document, parser().options, {"lesson": renderer, "image_src": image_src})


class LessonRenderer:
    """Per-lesson render state, passed through markdown-it's env."""

    def __init__(self, course: Course, lesson: Lesson):
        self.course, self.lesson = course, lesson
        self.words = area("player", course.language)
        self.counter = 0

    def new_id(self, kind: str) -> str:
        self.counter += 1
        return f"{self.lesson.id}-{kind}-{self.counter}"


def _render_container(self, tokens, idx, options, env):
    token = tokens[idx]
    state: LessonRenderer = env["lesson"]
    name = container_name(token) if token.nesting == 1 else None
    if token.nesting == 1 and name == "kildeliste":
        return source_list(state.course, state.words)
    if token.nesting == -1:
        opener = next(t for t in reversed(tokens[:idx]) if t.type == "container_block_open" and t.level == token.level)
        return "" if opener.info.strip().startswith("kildeliste") else "</div></aside>\n"
    label_id = state.new_id(name)
    label = state.words[f"callout_{name}"]
    title = container_title(token)
    heading = f'<p class="callout-label" id="{label_id}">{escape(label)}'
    heading += f'<span class="callout-title">: {escape(title)}</span></p>' if title else "</p>"
    return (f'<aside class="callout callout-{name}" aria-labelledby="{label_id}">{heading}'
            '<div class="callout-body">\n')


def _render_fence(self, tokens, idx, options, env):
    token = tokens[idx]
    if token.info.strip() != "selfcheck":
        return f"<pre><code>{escape(token.content)}</code></pre>\n"
    state: LessonRenderer = env["lesson"]
    data = token.meta["selfcheck"][0]
    if data is None:
        return ""
    heading_id = state.new_id("selfcheck")
    w = state.words
    steps = "".join(
        f'<li data-step><p class="selfcheck-question">{escape(step.question)}</p>'
        f'<dl><dt>{escape(w["yes"])}</dt><dd data-if="yes">{escape(step.if_yes)}</dd>'
        f'<dt>{escape(w["no"])}</dt><dd data-if="no">{escape(step.if_no)}</dd></dl></li>'
        for step in data.steps)
    return (f'<section class="selfcheck" data-selfcheck aria-labelledby="{heading_id}">'
            f'<h3 id="{heading_id}">{escape(data.title)}</h3><ol class="selfcheck-steps">{steps}</ol>'
            f'<p class="selfcheck-end" data-end>{escape(data.end)}</p></section>\n')


def _only_image(tokens, idx) -> bool:
    inline = tokens[idx + 1] if idx + 1 < len(tokens) else None
    return bool(inline and inline.type == "inline" and inline.children
                and [c.type for c in inline.children] == ["image"])


def _render_paragraph_open(self, tokens, idx, options, env):
    return "" if _only_image(tokens, idx) else "<p>"


def _render_paragraph_close(self, tokens, idx, options, env):
    return "" if idx >= 2 and _only_image(tokens, idx - 2) else "</p>\n"


def _render_html(self, tokens, idx, options, env):
    # Never reached by a build (check refuses raw HTML); rendered inert all the same.
    return escape(tokens[idx].content)


def _render_image(self, tokens, idx, options, env):
    token = tokens[idx]
    alt = "".join(c.content for c in token.children or []) or token.content
    src = str(token.attrGet("src"))
    src = escape(env["image_src"](src) if env.get("image_src") else src)
    img = f'<img src="{src}" alt="{escape(alt)}" loading="lazy">'
    caption = token.attrGet("title")
    if caption:
        return f"<figure>{img}<figcaption>{escape(caption)}</figcaption></figure>\n"
    return f"<figure>{img}</figure>\n"


def _render_heading_open(self, tokens, idx, options, env):
    level = min(int(tokens[idx].tag[1]) + 1, 6)
    return f"<h{level}>"


def _render_heading_close(self, tokens, idx, options, env):
    level = min(int(tokens[idx].tag[1]) + 1, 6)
    return f"</h{level}>\n"


def _render_link_open(self, tokens, idx, options, env):
    href = str(tokens[idx].attrGet("href") or "")
    if urlsplit(href).scheme.lower() in ("http", "https"):
        env["external_link_open"] = True
        return f'<a href="{escape(href)}" rel="noopener noreferrer" target="_blank">'
    env["external_link_open"] = False
    return f'<a href="{escape(href)}">'


def _render_link_close(self, tokens, idx, options, env):
    if env.pop("external_link_open", False):
        return f'<span class="visually-hidden"> ({escape(env["lesson"].words["new_window"])})</span></a>'
    return "</a>"


for _name, _rule in {
    "container_block_open": _render_container, "container_block_close": _render_container,
    "fence": _render_fence, "image": _render_image,
    "paragraph_open": _render_paragraph_open, "paragraph_close": _render_paragraph_close,
    "heading_open": _render_heading_open, "heading_close": _render_heading_close,
    "link_open": _render_link_open, "link_close": _render_link_close,
    "html_block": _render_html, "html_inline": _render_html,
}.items():
    parser().add_render_rule(_name, _rule)


def cited_sources(course: Course):
    cited = {s for lesson in course.lessons for s in lesson.sources}
    if course.quiz:
        cited |= {s for q in course.quiz.questions for s in q.sources}
    return sorted((s for s in course.sources if s.id in cited), key=lambda s: norwegian_key(s.title))


def norwegian_key(text: str) -> str:
    # æ, ø, å sort after z in Norwegian; map them past the ASCII letters.
    return text.casefold().translate(str.maketrans({"æ": "{", "ø": "|", "å": "}"}))


def source_list(course: Course, w: dict) -> str:
    items = []
    for source in cited_sources(course):
        title = escape(source.title)
        if source.url and urlsplit(source.url).scheme in ("http", "https"):
            items.append(f'<li><a href="{escape(source.url)}" rel="noopener noreferrer" target="_blank">{title}'
                         f'<span class="visually-hidden"> ({escape(w["new_window"])})</span></a></li>')
        else:
            items.append(f"<li>{title}</li>")
    return f'<ul class="source-list">{"".join(items)}</ul>\n'

