"""The first screen: on a phone the lesson, not the contents; the first lesson's text painted while the page is
still arriving; and a returning learner never shown the first lesson on her way to her own."""

from __future__ import annotations

from tools.testlms.harness import REPO

from .test_player import assert_clean, axe_violations

PHONE = {"width": 390, "height": 844}
# DevTools' «Slow 4G»: the page arrives over about a second, so what paints before the player runs shows.
SLOW_4G = {"offline": False, "latency": 562.5, "downloadThroughput": 180_000, "uploadThroughput": 84_375}

# Largest-contentful-paint candidates (buffered, so all of them) and which lesson each lies in.
PAINTS = """() => new Promise(done => {
    const found = [];
    new PerformanceObserver(list => list.getEntries().forEach(e => {
        const lesson = e.element && e.element.closest('[data-lesson]');
        found.push({at: e.startTime, lesson: lesson ? lesson.getAttribute('data-lesson') : null});
    })).observe({type: 'largest-contentful-paint', buffered: true});
    setTimeout(() => done({paints: found, data: window.kursDataAt}), 50);
})"""
# In every frame from its first moment: when the parser has put the course data (with the quiz pool) in the page.
DATA_ARRIVAL = """new MutationObserver((_, watch) => {
    if (document.getElementById('kurs-data')) { window.kursDataAt = performance.now(); watch.disconnect(); }
}).observe(document, {childList: true, subtree: true});"""


def first_paragraph_and_heading(frame) -> dict:
    return frame.evaluate("""() => {
        const lesson = document.querySelector('[data-lesson]:not([hidden])');
        const p = lesson.querySelector(':scope > p');
        return {heading: lesson.querySelector('h2').getBoundingClientRect().bottom,
                paragraph: p.getBoundingClientRect().bottom, screen: innerHeight};
    }""")


def test_phone_first_screen_is_the_lesson_and_the_contents_open_by_keyboard(lms, packages):
    # The real course: seven long lesson titles, a contents list taller than a phone's screen when open.
    frame = lms.launch("1.2", packages("1.2", REPO), **PHONE)
    place = first_paragraph_and_heading(frame)
    assert place["heading"] <= place["screen"] and place["paragraph"] <= place["screen"]
    assert not frame.is_visible("[data-nav]"), "the contents are closed on a phone"
    assert axe_violations(frame) == [], "closed contents"
    # Reached and opened from the keyboard alone: Tab from the top of the page to «Innhold», then Enter.
    frame.focus("body")
    for _ in range(5):
        lms.page.keyboard.press("Tab")
        if frame.evaluate("() => document.activeElement.tagName") == "SUMMARY":
            break
    assert frame.evaluate("() => document.activeElement.textContent") == "Innhold"
    lms.page.keyboard.press("Enter")
    assert frame.is_visible("[data-nav=quiz]")
    lms.page.keyboard.press("Tab")
    assert frame.evaluate("() => document.activeElement.getAttribute('data-nav')") == lms.course_data()["lessons"][0]["id"]
    assert axe_violations(frame) == [], "open contents"
    assert_clean(lms)


def test_wide_screen_shows_the_contents_beside_the_lesson(lms, packages):
    frame = lms.launch("1.2", packages("1.2", REPO), width=1280, height=900)
    assert frame.is_visible("[data-nav=quiz]")
    beside = frame.evaluate("""() => document.querySelector('.toc').getBoundingClientRect().right
        <= document.querySelector('main').getBoundingClientRect().left""")
    assert beside
    assert axe_violations(frame) == []
    assert_clean(lms)


def test_without_javascript_every_lesson_reads_and_the_contents_open(browser, site, packages):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site.base + packages("1.2", REPO))
    assert page.evaluate("() => [...document.querySelectorAll('[data-lesson]')].every(s => !s.hidden)")
    assert not page.is_visible("[data-nav]")
    page.click("summary")
    assert page.is_visible("[data-nav]")
    context.close()


def launch_on_slow_network(lms, sco: str):
    """As LmsSession.launch, with the LMS page loaded first and only the course arriving slowly."""
    lms.page.goto(f"{lms.site.base}/host/host.html")
    cdp = lms.page.context.new_cdp_session(lms.page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    lms.version, lms.sco = "1.2", sco
    lms.page.evaluate("cfg => launch(cfg)", {"version": "1.2", "sco": lms.site.base + sco, **PHONE})
    lms.frame = lms.page.wait_for_selector("#sco").content_frame()
    lms.frame.wait_for_selector("html.js", state="attached")
    return lms.frame


def test_first_lesson_paints_before_the_quiz_data_has_arrived(lms, packages):
    lms.page.context.add_init_script(DATA_ARRIVAL)
    frame = launch_on_slow_network(lms, packages("1.2", REPO))
    first = lms.course_data()["lessons"][0]["id"]
    seen = frame.evaluate(PAINTS)
    assert seen["data"] is not None
    assert any(p["lesson"] == first and p["at"] < seen["data"] for p in seen["paints"]), seen


def test_returning_learner_never_sees_the_first_lesson_on_the_way_to_hers(lms, packages):
    sco = packages("1.2", REPO)
    frame = lms.launch("1.2", sco, **PHONE)
    for _ in range(3):
        frame.click("[data-action=next]")
    fourth = lms.course_data()["lessons"][3]["id"]
    assert frame.is_visible(f"[data-lesson={fourth}]")
    lms.leave()
    frame = launch_on_slow_network(lms, sco)  # the same browser: the same device
    assert frame.is_visible(f"[data-lesson={fourth}]")
    seen = frame.evaluate(PAINTS)
    lessons = {p["lesson"] for p in seen["paints"]}
    assert lessons - {None} == {fourth}, seen
    assert_clean(lms)


def test_the_lesson_does_not_move_when_the_player_starts(browser, site, lms, packages):
    # Before the runtime runs (here: never, scripts off) the header already keeps the room of the progress bar and
    # «Avslutt», so the text painted early stays where it is once the player shows them.
    sco = packages("1.2", REPO)
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(site.base + sco)
        before = page.evaluate("() => document.querySelector('[data-lesson] h2').getBoundingClientRect().top")
        assert not page.is_visible("[data-action=exit]"), "no exit button that cannot work without the player"
    finally:
        context.close()
    frame = lms.launch("1.2", sco, **PHONE)
    assert frame.is_visible("[data-action=exit]") and frame.is_visible("[data-progress]")
    after = frame.evaluate("() => document.querySelector('[data-lesson]:not([hidden]) h2').getBoundingClientRect().top")
    assert abs(after - before) < 1, f"the first lesson's heading moved from {before} to {after} px"
