"""Launch → the first lesson's text on screen, on an emulated phone on a slow network with a slow CPU, beside a
bare 3 KB SCORM page launched the same way in the same test LMS.

Chromium is throttled through the DevTools protocol with DevTools' own «Slow 4G» preset (562.5 ms latency,
180,000 bytes/s down, 84,375 bytes/s up) and a 4× slower CPU; the viewport is a phone's, 390 × 844 CSS pixels, and
the course frame fills it. The clocks are the browser's paint timing inside the course frame, counted from the
frame's own navigation start: first-contentful-paint (the first text of any kind) and the first
largest-contentful-paint candidate that lies inside the first lesson (its heading or text painted on the first
screen). A fresh learner each time (new browser context, nothing stored).
"""

from __future__ import annotations

import statistics
import tempfile
import time
import zipfile
from pathlib import Path

SLOW_4G = {"offline": False, "latency": 562.5, "downloadThroughput": 180_000, "uploadThroughput": 84_375}
CPU_SLOWDOWN = 4
PHONE = {"width": 390, "height": 844}

# Paint entries are buffered, so an observer made after the page has loaded still receives them all.
PAINTS = """selector => new Promise(done => {
    const out = {fcp: null, text: null};
    new PerformanceObserver(list => list.getEntries().forEach(e => {
        if (e.name === 'first-contentful-paint') { out.fcp = e.startTime; }
    })).observe({type: 'paint', buffered: true});
    const area = document.querySelector(selector);
    new PerformanceObserver(list => list.getEntries().forEach(e => {
        if (out.text === null && e.element && area.contains(e.element)) { out.text = e.startTime; }
    })).observe({type: 'largest-contentful-paint', buffered: true});
    setTimeout(() => done(out), 50);
})"""

BARE_TEXT = ("Dette er en liten SCORM-side uten noe annet enn tekst, litt stil og et skript som kobler seg til "
             "læringsplattformen. Den viser hva nettleseren, nettet og vertssiden koster før kurset gjør noe. ")


def bare_sco(folder: Path) -> Path:
    """About 3 KB of HTML in one file: a heading, text, a little inline style and an inline script that starts a
    SCORM 1.2 session once the page has loaded, so that no LMS call stands before its text. No course can paint
    its first text sooner on the same network."""
    script = ("addEventListener('load',function(){var w=window,a=null;while(w&&!a){try{a=w.API}catch(e){}"
              "if(w===w.parent)break;w=w.parent}if(a){a.LMSInitialize('');"
              "a.LMSSetValue('cmi.core.lesson_status','incomplete');a.LMSCommit('')}})")
    paragraphs = "".join(f"<p>{BARE_TEXT * 2}</p>" for _ in range(5))
    page = ('<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Tom</title>'
            '<style>body{font-family:system-ui,sans-serif;line-height:1.5;margin:1rem}h1{font-size:1.4rem}</style>'
            f'</head><body><main><h1>Leksjon 1</h1>{paragraphs}</main><script>{script}</script></body></html>')
    path = folder / "bare.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("index.html", page)
    return path


def first_text_once(browser, site, sco: str, selector: str) -> dict:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{site.base}/host/host.html")  # the LMS page itself loads unthrottled: only the course is measured
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_4G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    page.evaluate("cfg => launch(cfg)", {"version": "1.2", "sco": f"{site.base}{sco}", **PHONE})
    frame = page.wait_for_selector("#sco").content_frame()
    frame.wait_for_load_state("load")
    time.sleep(0.5)  # late paints (the player's own) are reported a frame or two after load
    paints = frame.evaluate(PAINTS, selector)
    context.close()
    return paints


def measure_first_text(zip_path: Path, runs: int) -> dict:
    """Medians over `runs` launches of each page, alternating, so both see the same load on the machine."""
    from builder.browser import headless_chromium
    from tools.testlms.harness import Site

    site = Site()
    course = site.add_zip("course", zip_path)
    bare = site.add_zip("bare", bare_sco(Path(tempfile.mkdtemp())))
    samples: dict[str, list] = {"fcp": [], "text": [], "bare": []}
    with headless_chromium() as browser:
        for _ in range(runs):
            samples["bare"].append(first_text_once(browser, site, bare, "main")["fcp"])
            paints = first_text_once(browser, site, course, "[data-lesson]")
            samples["fcp"].append(paints["fcp"])
            samples["text"].append(paints["text"])
    site.close()
    shown = [t for t in samples["text"] if t is not None]
    bare_ms = statistics.median(samples["bare"])
    # A run where the first lesson never painted on the first screen counts as never: the median says so.
    text_ms = statistics.median([t if t is not None else float("inf") for t in samples["text"]])
    return {"bare_ms_median": bare_ms, "fcp_ms_median": statistics.median(samples["fcp"]),
            "lesson_text_ms_median": text_ms, "lesson_text_runs": f"{len(shown)} of {runs}",
            "lesson_text_ratio": text_ms / bare_ms, "fcp_ratio": statistics.median(samples["fcp"]) / bare_ms,
            "samples": samples}
