"""The author's loop: `kursbygger preview` start → first lesson visible, and save → the reloaded lesson visible.

Both clocks are the wall clock (Python's time.time and the page's Date.now on the same machine), so a figure
covers everything between: the watcher, the rebuild, the news to the page, the relaunch and the player's start.
"""

from __future__ import annotations

import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

# Resolves with the page's clock once the course frame shows `marker` and the player has started (html.js).
SEEN = """marker => new Promise(done => {
    (function poll() {
        const frame = document.getElementById('sco'), doc = frame && frame.contentDocument;
        if (doc && doc.documentElement && doc.documentElement.classList.contains('js') && doc.body && doc.body.textContent.includes(marker)) {
            done(Date.now());
        } else { setTimeout(poll, 2); }
    })();
})"""
START_WATCH = "marker => { window.seenAt = null; (" + SEEN + ")(marker).then(t => { window.seenAt = t; }); }"


def measure_preview(source: Path, runs: int) -> dict:
    """Starts the preview on `source` (a copy it may edit) `runs` times, and saves the first lesson `runs` times."""
    from builder.browser import headless_chromium
    from tools.testlms.harness import REPO

    lesson = sorted((source / "course" / "lessons").glob("*.md"))[0]
    original = lesson.read_text(encoding="utf-8")
    start, save = [], []
    with headless_chromium() as browser:
        for run in range(runs):
            page = browser.new_page()
            began = time.time() * 1000
            process = subprocess.Popen([sys.executable, "-m", "builder", "preview", "--source", str(source),
                                        "--no-open", "--port", "0"], cwd=REPO, stdout=subprocess.PIPE, text=True)
            try:
                url = next(m.group(0) for line in process.stdout
                           if (m := re.search(r"http://127\.0\.0\.1:\d+/", line)))
                page.goto(url)
                start.append(page.evaluate(SEEN, "") - began)
                for edit in range(runs if run == 0 else 0):
                    marker = f"Lagret {edit} ganger"
                    page.evaluate(START_WATCH, marker)
                    saved = time.time() * 1000
                    lesson.write_text(f"{original}\n{marker}.\n", encoding="utf-8")
                    page.wait_for_function("() => window.seenAt !== null", timeout=120_000)  # 1000/5000 on a busy machine
                    save.append(page.evaluate("() => window.seenAt") - saved)
                    time.sleep(0.3)
            finally:
                process.terminate()
                process.wait()
                page.close()
    lesson.write_text(original, encoding="utf-8")
    return {"start_ms_median": statistics.median(start), "start_ms_min": min(start),
            "save_ms_median": statistics.median(save), "save_ms_min": min(save), "save_ms_max": max(save)}
