"""Measure kursbygger against its targets and write a Markdown table and JSON.

    python -m benchmarks            full run (three sizes, 5 runs each)
    python -m benchmarks --quick    smallest size, one run (the smoke test in the default test run)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from .firstpaint import measure_first_text
from .preview import measure_preview
from .quality import measure_quality_check
from .startup import measure_startup
from .synthetic import write_course

REPO = Path(__file__).resolve().parent.parent
SIZES = [(10, 50), (100, 500), (1000, 5000)]
REPORT_SECTION = "## HR report"
RUNTIME_ELEMENTS = re.compile(r"<(script|style)>(.*?)</\1>", re.S)
MEASURE_CHILD = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "r = subprocess.run(sys.argv[1:], capture_output=True)\n"
    "elapsed = time.perf_counter() - t\n"
    "sys.stderr.buffer.write(r.stdout + r.stderr)\n"
    "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(elapsed, u.ru_maxrss, r.returncode, u.ru_utime + u.ru_stime)\n"
)


def build_once(source: Path, out: Path) -> tuple[float, float]:
    """Wall time (interpreter start included) and peak memory (MB) of one `kursbygger build` in a fresh process."""
    command = [sys.executable, "-m", "builder", "build", "--source", str(source), "--out", str(out)]
    result = subprocess.run([sys.executable, "-c", MEASURE_CHILD, *command], capture_output=True, text=True, cwd=REPO)
    seconds, rss_kb, code, _ = result.stdout.split()
    if code != "0":
        raise RuntimeError(f"build of {source} failed:\n{result.stderr}")
    return float(seconds), int(rss_kb) / 1024


def measure_build(source: Path, runs: int) -> dict:
    out = Path(tempfile.mkdtemp())
    samples = [build_once(source, out) for _ in range(runs)]
    times = [s[0] for s in samples]
    zip_path = next(out.glob("*.zip"))
    with zipfile.ZipFile(zip_path) as archive:
        page = archive.read("index.html").decode("utf-8")
        # The runtime sits inside the page: the bare <script> and <style> elements (the data block has attributes).
        runtime = sum(len(body.encode("utf-8")) for _, body in RUNTIME_ELEMENTS.findall(page))
        without_media = sum(i.compress_size for i in archive.infolist() if not i.filename.startswith("media/"))
    return {"build_s_min": min(times), "build_s_median": statistics.median(times),
            "peak_mb": max(s[1] for s in samples), "zip_bytes": zip_path.stat().st_size,
            "zip_without_media_bytes": without_media, "runtime_bytes": runtime, "zip": str(zip_path)}


LAUNCH = """cfg => new Promise(done => {
    const t0 = performance.now();
    launch({version: '1.2', sco: cfg.sco, launch: cfg.launch});
    const frame = document.getElementById('sco');
    (function poll() {
        // The player marks <html> with .js during its synchronous start-up, handlers bound; the poll can only
        // run once that task (and any layout and paint the frame needed first) is over.
        const root = frame.contentDocument && frame.contentDocument.documentElement;
        if (root && root.classList.contains('js')) { done(performance.now() - t0); }
        else { setTimeout(poll, 1); }
    })();
})"""


def empty_sco(folder: Path) -> Path:
    """The least a SCO can be (a heading, a stylesheet and a script that sets .js): launching it shows what the
    host page, the local server and Chromium cost before any of kursbygger's own work."""
    path = folder / "empty.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("index.html", '<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>Tom</title>'
                         '<link rel="stylesheet" href="a.css"><script src="a.js" defer></script></head>'
                         '<body><h1>Tom</h1></body></html>')
        archive.writestr("a.css", "body { font-family: sans-serif; }")
        archive.writestr("a.js", "document.documentElement.classList.add('js');")
    return path


def measure_player(zip_path: Path, runs: int) -> dict:
    """Launch → first lesson interactive (beside the empty SCO's), and submit → the LMS holding the score,
    in Chromium with scorm-again."""
    from builder.browser import headless_chromium
    from tools.testlms.harness import LmsSession, Site, answer_quiz, read_all_lessons

    site = Site()
    sco = site.add_zip("bench", zip_path)
    empty = site.add_zip("empty", empty_sco(Path(tempfile.mkdtemp())))
    launch, floor, submit, suspend = [], [], [], 0
    with headless_chromium() as browser:
        for _ in range(runs):
            page = browser.new_page()
            page.goto(f"{site.base}/host/host.html")
            floor.append(page.evaluate(LAUNCH, {"sco": f"{site.base}{empty}", "launch": {}}))  # no manifest
            page.close()
            page = browser.new_page()
            lms = LmsSession(page, site)
            page.goto(f"{site.base}/host/host.html")
            launch.append(page.evaluate(LAUNCH, {"sco": f"{site.base}{sco}", "launch": site.launch_data("1.2", sco)}))
            lms.version = "1.2"
            lms.frame = page.wait_for_selector("#sco").content_frame()
            read_all_lessons(lms.frame)  # the quiz opens once every lesson has been read
            answer_quiz(lms.frame, lms.course_data(), True)
            suspend = max(suspend, len(lms.get("cmi.suspend_data")))
            submit.append(page.evaluate("""() => new Promise(done => {
                const doc = document.getElementById('sco').contentDocument;
                const t0 = performance.now();
                doc.querySelector('[data-action=submit]').click();
                // Writes go through the player's queue, so wait until the LMS holds the score and a commit.
                (function poll() {
                    if (lmsGet('cmi.core.score.raw') && lmsCalls[lmsCalls.length - 1].fn === 'LMSCommit') {
                        done(performance.now() - t0);
                    } else { setTimeout(poll, 0); }
                })();
            })"""))
            suspend = max(suspend, len(lms.get("cmi.suspend_data")))
            page.close()
    site.close()
    return {"launch_ms_min": min(launch), "launch_ms_median": statistics.median(launch),
            "empty_sco_launch_ms_median": statistics.median(floor),
            "submit_ms_min": min(submit), "submit_ms_median": statistics.median(submit), "suspend_chars": suspend}


def run(quick: bool, runs: int, out: Path) -> dict:
    from . import report

    sizes = SIZES[:1] if quick else SIZES
    results: dict = {"sizes": [], "startup": measure_startup(3 * runs)}  # cheap runs that scatter: more of them
    with tempfile.TemporaryDirectory() as tmp:
        for lessons, questions in sizes:
            source = write_course(Path(tmp) / f"c{lessons}", lessons, questions)
            figures = measure_build(source, runs)
            figures.update(lessons=lessons, questions=questions)
            figures["per_item_ms"] = 1000 * figures["build_s_median"] / (lessons + questions)
            results["sizes"].append(figures)
        results["marginal_ms_per_item"] = marginal_costs(results["sizes"])
        largest = sizes[-1]
        results["quality_check"] = {"lessons": largest[0], "questions": largest[1],
                                    **measure_quality_check(Path(tmp) / f"c{largest[0]}", runs)}
        real = measure_build(REPO, runs)
        # Launch times scatter far more than build times on a shared machine: three times the samples.
        real.update(measure_player(Path(real["zip"]), 3 * runs))
        real["first_text"] = measure_first_text(Path(real["zip"]), 3 * runs)
        results["real_course"] = real
        results["preview"] = preview_figures(Path(tmp), quick, runs)
        worst = write_course(Path(tmp) / "worst", 100, 200, draw=50, options=26)
        results["worst_case_suspend_chars"] = worst_case_suspend(worst)
    # The HR report: reading stage and whole command per export format (benchmarks/report.py).
    results["report"] = report.run(report.SIZES[:1] if quick else report.SIZES, list(report.WRITERS),
                                   1 if quick else min(runs, 2), out / "exports", report.CALAMINE_UP_TO)
    return results


def preview_figures(tmp: Path, quick: bool, runs: int) -> dict:
    """The preview on a copy of the real course (it edits a lesson) and, in a full run, on 1000/5000."""
    real = tmp / "preview-real"
    for folder in ("course", "quizzes"):
        shutil.copytree(REPO / folder, real / folder)
    figures = {"real_course": measure_preview(real, runs)}
    if not quick:
        figures["1000"] = measure_preview(write_course(tmp / "preview-1000", 1000, 5000), runs)
    return figures


def marginal_costs(sizes: list[dict]) -> list[float]:
    """Extra build time per extra lesson+question from one size to the next: interpreter start-up cancels out,
    so a flat series means cost grows linearly and a rising one means something is worse than linear."""
    items = [s["lessons"] + s["questions"] for s in sizes]
    times = [s["build_s_median"] for s in sizes]
    return [1000 * (times[i + 1] - times[i]) / (items[i + 1] - items[i]) for i in range(len(sizes) - 1)]


def worst_case_suspend(source: Path) -> int:
    """100 lessons, a 50-question draw, every option of every question ticked: the longest suspend_data."""
    from builder.browser import headless_chromium
    from tools.testlms.harness import LmsSession, Site, build_zip, read_all_lessons

    zip_path = build_zip(source, Path(tempfile.mkdtemp()), "1.2")
    site = Site()
    longest = 0
    with headless_chromium() as browser:
        lms = LmsSession(browser.new_page(), site)
        frame = lms.launch("1.2", site.add_zip("worst", zip_path))
        read_all_lessons(frame)
        tick_all = """() => { document.querySelectorAll('[data-question] input').forEach(i => {
            if (!i.checked) { i.checked = true; i.dispatchEvent(new Event('change', {bubbles: true})); } }); }"""
        frame.evaluate(tick_all)
        frame.evaluate("() => dispatchEvent(new Event('visibilitychange'))")
        frame.click("[data-action=submit]")
        frame.click("[data-action=retry]")
        frame.evaluate(tick_all)
        lms.leave()
        longest = len(lms.get("cmi.suspend_data"))
    site.close()
    return longest


TARGETS = [
    ("real course build (median)", lambda r: r["real_course"]["build_s_median"], "< 1 s", lambda v: v < 1, "{:.2f} s"),
    ("start-up: real course build, CPU time, interpreter included (median)",
     lambda r: r["startup"]["build_cpu_s_median"], "≤ 0.25 s", lambda v: v <= 0.25, "{:.2f} s"),
    ("start-up: `kursbygger --version`, CPU time (median)", lambda r: r["startup"]["version_cpu_s_median"],
     "(report)", lambda v: True, "{:.3f} s"),
    ("start-up: the bare interpreter, CPU time (median; the floor)",
     lambda r: r["startup"]["interpreter_cpu_s_median"], "(report)", lambda v: True, "{:.3f} s"),
    ("1000/5000 build (median)", lambda r: size(r, 1000)["build_s_median"], "< 5 s", lambda v: v < 5, "{:.2f} s"),
    ("1000/5000 peak memory", lambda r: size(r, 1000)["peak_mb"], "< 300 MB", lambda v: v < 300, "{:.0f} MB"),
    ("growth: marginal ms per item, last/first step", lambda r: growth(r["marginal_ms_per_item"]), "≤ 2 (linear)",
     lambda v: v <= 2, "{:.2f}"),
    ("check with the quality checks ÷ plain check, largest size (CPU time, medians)",
     lambda r: r["quality_check"]["ratio"], "≤ 2", lambda v: v <= 2, "{:.2f}×"),
    ("check with the quality checks, largest size", lambda r: r["quality_check"]["quality_s_median"], "(report)",
     lambda v: True, "{:.2f} s"),
    ("plain check, largest size", lambda r: r["quality_check"]["plain_s_median"], "(report)", lambda v: True,
     "{:.2f} s"),
    ("runtime JS + CSS", lambda r: r["real_course"]["runtime_bytes"], "≤ 30 KB", lambda v: v <= 30 * 1024, "{:,} bytes"),
    ("package without media", lambda r: r["real_course"]["zip_without_media_bytes"], "≤ 150 KB",
     lambda v: v <= 150 * 1024, "{:,} bytes"),
    ("launch → first lesson interactive", lambda r: r["real_course"]["launch_ms_median"], "≤ 150 ms",
     lambda v: v <= 150, "{:.0f} ms"),
    ("launch → interactive, empty SCO in the same host (floor)",
     lambda r: r["real_course"]["empty_sco_launch_ms_median"], "(report)", lambda v: True, "{:.0f} ms"),
    ("phone, slow 4G: first lesson text on screen ÷ a bare 3 KB SCORM page's text (medians)",
     lambda r: r["real_course"]["first_text"]["lesson_text_ratio"], "≤ 1.2", lambda v: v <= 1.2, "{:.2f}×"),
    ("phone, slow 4G: first lesson text on screen", lambda r: r["real_course"]["first_text"]["lesson_text_ms_median"],
     "(report)", lambda v: True, "{:.0f} ms"),
    ("phone, slow 4G: bare 3 KB SCORM page's text on screen", lambda r: r["real_course"]["first_text"]["bare_ms_median"],
     "(report)", lambda v: True, "{:.0f} ms"),
    ("phone, slow 4G: first text of any kind (first-contentful-paint) ÷ the bare page's",
     lambda r: r["real_course"]["first_text"]["fcp_ratio"], "(report)", lambda v: True, "{:.2f}×"),
    ("submit → LMS holds the score", lambda r: r["real_course"]["submit_ms_median"], "(report)", lambda v: True,
     "{:.0f} ms"),
    ("preview: start → first lesson visible, real course", lambda r: r["preview"]["real_course"]["start_ms_median"],
     "(report)", lambda v: True, "{:.0f} ms"),
    ("preview: save → reloaded lesson visible, real course", lambda r: r["preview"]["real_course"]["save_ms_median"],
     "< 300 ms", lambda v: v < 300, "{:.0f} ms"),
    ("preview: start → first lesson visible, 1000/5000", lambda r: preview_1000(r)["start_ms_median"], "(report)",
     lambda v: True, "{:.0f} ms"),
    ("preview: save → reloaded lesson visible, 1000/5000", lambda r: preview_1000(r)["save_ms_median"], "(report)",
     lambda v: True, "{:.0f} ms"),
    ("suspend_data, real course", lambda r: r["real_course"]["suspend_chars"], "≤ 1024", lambda v: v <= 1024,
     "{} chars"),
    ("suspend_data, worst case (1.2)", lambda r: r["worst_case_suspend_chars"], "< 4096", lambda v: v < 4096,
     "{} chars"),
]


def growth(marginal: list[float]) -> float:
    if len(marginal) < 2:
        raise StopIteration  # one step says nothing about the shape (the --quick run)
    return marginal[-1] / marginal[0]


def preview_1000(results: dict) -> dict:
    if "1000" not in results["preview"]:
        raise StopIteration  # the --quick run previews the real course only
    return results["preview"]["1000"]


def size(results: dict, lessons: int) -> dict:
    return next(s for s in results["sizes"] if s["lessons"] == lessons)


def markdown(results: dict) -> str:
    lines = ["| figure | measured | target | met |", "|---|---|---|---|"]
    for name, get, target, ok, fmt in TARGETS:
        try:
            value = get(results)
        except StopIteration:
            continue
        lines.append(f"| {name} | {fmt.format(value)} | {target} | {'yes' if ok(value) else 'NO'} |")
    lines += ["", "| lessons/questions | build min | build median | per item | peak memory | zip |", "|---|---|---|---|---|---|"]
    for s in results["sizes"]:
        lines.append(f"| {s['lessons']}/{s['questions']} | {s['build_s_min']:.2f} s | {s['build_s_median']:.2f} s | "
                     f"{s['per_item_ms']:.2f} ms | {s['peak_mb']:.0f} MB | {s['zip_bytes']:,} bytes |")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smallest size and one run (smoke test)")
    parser.add_argument("--runs", type=int, default=None, help="runs per figure (default 5, or 1 with --quick)")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    parser.add_argument("--update-results-md", action="store_true",
                        help="also rewrite the committed benchmarks/RESULTS.md with these figures")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    results = run(args.quick, args.runs or (1 if args.quick else 5), args.out)
    (args.out / "results.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    table = markdown(results)
    (args.out / "results.md").write_text(table, encoding="utf-8")
    print(table)
    from . import report

    report_table = report.markdown(results["report"])
    print(report_table)
    if args.update_results_md:
        (REPO / "benchmarks" / "RESULTS.md").write_text(results_page(table), encoding="utf-8")
        report.update_results_md(report_table)
    return 0


def results_page(table: str) -> str:
    machine = f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    kept = ""  # the HR report's section stays (`python -m benchmarks.report` may have rewritten it alone)
    old = REPO / "benchmarks" / "RESULTS.md"
    if old.is_file() and REPORT_SECTION in old.read_text(encoding="utf-8"):
        kept = "\n" + REPORT_SECTION + old.read_text(encoding="utf-8").split(REPORT_SECTION, 1)[1]
    return (f"# Benchmark results\n\nRegenerate with `python -m benchmarks --update-results-md` "
            f"(see docs/benchmarks.md).\nMeasured {time.strftime('%Y-%m-%d', time.gmtime())} on {machine}.\n\n{table}"
            f"{kept}")


if __name__ == "__main__":
    sys.exit(main())
