"""Walks a package in headless Chromium as a learner would — every lesson, the quiz, the result page — and on
each page runs axe-core (WCAG 2.1 A/AA rules) and tabs through every control."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources

from ..words import say

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
RUN_AXE = """async (tags) => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  const brief = (rule) => ({id: rule.id, tags: rule.tags, nodes: rule.nodes.map((n) => n.target.join(' '))});
  return {version: axe.version, violations: r.violations.map(brief), passes: r.passes.map(brief),
          incomplete: r.incomplete.map(brief)};
}"""
# Controls a keyboard user must be able to reach: visible, enabled and in the tab order. checkVisibility also
# leaves out what a closed <details> holds (laid out on request, but not shown until its summary opens it).
LIST_CONTROLS = """() => {
  const all = document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]');
  const shown = [...all].filter((e) => e.tabIndex >= 0 && !e.disabled && !e.closest('[hidden], [inert]')
                                  && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'
                                  && e.checkVisibility());
  return shown.map((e, i) => {
    e.setAttribute('data-audit-key', String(i));
    const text = (e.getAttribute('aria-label') || e.labels?.[0]?.textContent || e.textContent || e.value || '');
    return {key: String(i), group: e.type === 'radio' ? e.name : null,
            what: `${e.tagName.toLowerCase()}${e.type ? '[' + e.type + ']' : ''} «${text.trim().slice(0, 60)}»`};
  });
}"""


@dataclass
class PageCheck:
    name: str  # e.g. «Leksjon 2: …», «Testen», «Resultatsiden»
    width: int
    axe: dict
    controls: int = 0
    unreached: list[str] = field(default_factory=list)


def axe_source() -> str:
    return resources.files(__package__).joinpath("vendor", "axe.min.js").read_text(encoding="utf-8")


def walk(browser, url: str, width: int, outside: list[str], language: str) -> list[PageCheck]:
    """Every page of the package at one viewport width, named in `language`; requests that leave the local server
    are blocked and appended to `outside`."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    context.set_default_timeout(15_000)
    origin = url.split("/", 3)[:3]

    def guard(route):
        if route.request.url.split("/", 3)[:3] == origin:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    try:
        page.goto(url, wait_until="load")
        data = json.loads(page.text_content("#kurs-data"))
        checks = []
        for number, lesson in enumerate(data["lessons"], 1):
            if number > 1:
                page.click("[data-action=next]")
            page.wait_for_selector(f'[data-lesson="{lesson["id"]}"]', state="visible")
            checks.append(check(page, say("audit.page_lesson", language, n=number, title=lesson["title"]), width))
        if data["quiz"]:
            page.click("[data-action=next]")
            page.wait_for_selector("[data-question]", state="visible")
            checks.append(check(page, say("audit.page_quiz", language), width))
            answer_first_options(page)
            page.click("[data-action=submit]")
            page.wait_for_selector("[data-result]", state="visible")
            checks.append(check(page, say("audit.page_result", language), width))
        return checks
    finally:
        context.close()


def answer_first_options(page) -> None:
    """Ticks the first input of every question on the page, and of every item inside a sort question: enough to reach
    the result page, whatever the score, without knowing the question types (the page's data-question / data-item
    contract is all it reads)."""
    for question in page.query_selector_all("[data-question]"):
        for group in question.query_selector_all("[data-item]") or [question]:
            group.query_selector("input").check()


def check(page, name: str, width: int) -> PageCheck:
    if not page.evaluate("() => !!window.axe"):
        page.evaluate(axe_source())
    result = PageCheck(name, width, page.evaluate(RUN_AXE, AXE_TAGS))
    controls = page.evaluate(LIST_CONTROLS)
    result.controls = len(controls)
    # Tab enters a radio group once (arrows move inside it), so a group counts as reached as a whole.
    target = {c["key"]: c["group"] or c["key"] for c in controls}
    reached = tab_through(page, target)
    result.unreached = [c["what"] for c in controls if target[c["key"]] not in reached]
    return result


def tab_through(page, target: dict[str, str]) -> set[str]:
    """Presses Tab until every control has had focus or focus has gone round the page twice."""
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    wanted, reached = set(target.values()), set()
    for _ in range(2 * len(target) + 4):
        page.keyboard.press("Tab")
        key = page.evaluate("() => document.activeElement && document.activeElement.getAttribute('data-audit-key')")
        if key in target:
            reached.add(target[key])
        if reached == wanted:
            break
    return reached
