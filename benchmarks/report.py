"""Measure the HR report on synthetic Moodle exports of growing size, in text, xlsx and ods.

    python -m benchmarks.report                        1,000 / 50,000 / 500,000 learners, every format
    python -m benchmarks.report --sizes 1000 --runs 1  one size (what `python -m benchmarks --quick` runs)
    python -m benchmarks.report --update-results-md    also rewrite the report section of benchmarks/RESULTS.md

Two stages, each in a fresh process: the reading stage alone (every row of the export through the report's reader,
nothing else), and the whole `kursbygger report` command. The exports are Moodle's default download (a third of
the learners never started); the whole command is also run on the same exports without those learners, so its
figures mean something while the command refuses never-started rows. The exports are written once into
benchmarks/results/exports/ (git-ignored; the 500,000-learner ods holds 2.7 GB of XML) and reused.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from .__main__ import MEASURE_CHILD, REPO, REPORT_SECTION
from .exports import write_ods, write_text, write_xlsx

SIZES = [1_000, 50_000, 500_000]
WRITERS = {"text": (write_text, "txt"), "xlsx": (write_xlsx, "xlsx"), "ods": (write_ods, "ods")}
READ_ROWS = (
    "import sys\nfrom pathlib import Path\nfrom builder.report.readers import open_rows\n"
    "with open_rows(Path(sys.argv[1])) as rows:\n    print(sum(1 for _ in rows), file=sys.stderr)\n"
)
CALAMINE_ROWS = (  # the xlsx reader before the streaming one: calamine loads the sheet, then hands rows over
    "import sys, python_calamine\n"
    "sheet = python_calamine.CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0)\n"
    "print(sum(1 for _ in sheet.iter_rows()), file=sys.stderr)\n"
)
BEFORE_SECTION = "### Before the streaming readers"  # measured once by hand; kept when the section is rewritten
CALAMINE_UP_TO = 50_000  # 500,000 learners take calamine about 3 GB
TARGETS = {"text": (30, 300), "xlsx": (60, 300), "ods": (60, 300)}  # seconds and MB for the largest size


def export(cache: Path, kind: str, learners: int, not_started: bool) -> Path:
    write, suffix = WRITERS[kind]
    path = cache / f"{'interactions' if not_started else 'started'}-{learners}.{suffix}"
    if not path.exists():
        temp = path.with_suffix(".partial")
        write(temp, learners, not_started=not_started)
        temp.rename(path)
    return path


def measure(command: list[str]) -> dict:
    """Wall seconds, CPU seconds and peak MB of one fresh process, and its exit code and last words."""
    result = subprocess.run([sys.executable, "-c", MEASURE_CHILD, *command], capture_output=True, text=True,
                            cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    seconds, rss_kb, code, cpu = result.stdout.split()
    lines = result.stderr.strip().splitlines()
    return {"wall_s": float(seconds), "cpu_s": float(cpu), "peak_mb": int(rss_kb) / 1024, "code": int(code),
            "said": lines[-1] if lines else ""}


def best_of(command: list[str], runs: int) -> dict:
    samples = [measure(command) for _ in range(runs)]
    fastest = min(samples, key=lambda s: s["wall_s"])
    return {**fastest, "peak_mb": max(s["peak_mb"] for s in samples)}


def report_command(path: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "builder", "report", str(path), "--out", str(out), "--passing-score", "80"]


def run(sizes: list[int], kinds: list[str], runs: int, cache: Path, calamine_up_to: int) -> list[dict]:
    cache.mkdir(parents=True, exist_ok=True)
    out = cache / "report.html"
    rows = []
    for kind in kinds:
        for learners in sizes:
            started = time.perf_counter()
            path = export(cache, kind, learners, not_started=True)
            only_started = export(cache, kind, learners, not_started=False)
            row = {"kind": kind, "learners": learners, "bytes": path.stat().st_size,
                   "generate_s": time.perf_counter() - started}
            read = best_of([sys.executable, "-c", READ_ROWS, str(path)], runs)
            row["read"] = {**read, "rows": int(read["said"]) if read["code"] == 0 else 0}
            row["report"] = best_of(report_command(path, out), runs)
            row["report_started"] = best_of(report_command(only_started, out), runs)
            if kind == "xlsx" and learners <= calamine_up_to:
                row["calamine"] = best_of([sys.executable, "-c", CALAMINE_ROWS, str(path)], 1)
            row["load"] = os.getloadavg()[0]
            rows.append(row)
            print(reading_row(row), flush=True)
    return rows


def reading_row(r: dict) -> str:
    read = r["read"]
    if read["code"]:
        return f"| {r['kind']} | {r['learners']:,} | {r['bytes'] / 1e6:,.1f} MB | failed: {read['said']} | | | | | |"
    calamine = (f"{r['calamine']['wall_s']:.1f} s, {r['calamine']['peak_mb']:.0f} MB" if "calamine" in r else "–")
    return (f"| {r['kind']} | {r['learners']:,} | {r['bytes'] / 1e6:,.1f} MB | {read['rows']:,} | "
            f"{read['wall_s']:.1f} s | {read['cpu_s']:.1f} s | {read['rows'] / max(read['wall_s'], 1e-9):,.0f} | "
            f"{read['peak_mb']:.0f} MB | "
            f"{calamine} |")


def report_row(r: dict) -> str:
    default, started = r["report"], r["report_started"]
    default_text = (f"{default['wall_s']:.1f} s, {default['cpu_s']:.1f} s CPU, {default['peak_mb']:.0f} MB"
                    if default["code"] == 0 else
                    f"refused (exit {default['code']})")
    started_text = (f"{started['wall_s']:.1f} s | {started['cpu_s']:.1f} s | {started['peak_mb']:.0f} MB"
                    if started["code"] == 0 else f"failed (exit {started['code']}) | | ")
    return f"| {r['kind']} | {r['learners']:,} | {default_text} | {started_text} | {r['load']:.0f} |"


def markdown(rows: list[dict]) -> str:
    lines = ["Reading stage alone (every row through the report's reader, nothing else; Moodle's default download, "
             "a third of the learners never started):", "",
             "| format | learners | file | rows | wall | CPU | rows/s | peak memory | calamine, whole sheet (before) |",
             "|---|---|---|---|---|---|---|---|---|", *map(reading_row, rows), "",
             "Whole `report` command (`--passing-score 80`):", "",
             "| format | learners | default download | started learners only: wall | CPU | peak memory | load |",
             "|---|---|---|---|---|---|---|", *map(report_row, rows)]
    refused = next((r["report"]["said"] for r in rows if r["report"]["code"]), None)
    if refused:
        refused = refused.replace(f"{REPO}/", "")
        lines += ["", f"The default download is refused by this report command: «{refused}»"]
    lines += [""] + verdicts(rows)
    return "\n".join(lines) + "\n"


def verdicts(rows: list[dict]) -> list[str]:
    """The largest size against its target, and how memory grows from the middle size to the largest."""
    out = []
    for kind in dict.fromkeys(r["kind"] for r in rows):
        mine = sorted((r for r in rows if r["kind"] == kind), key=lambda r: r["learners"])
        big = mine[-1]
        seconds, mb = TARGETS[kind]
        for key, what in (("report", "whole report, default download"),
                          ("report_started", "whole report, started learners only")):
            figures = big[key]
            if figures["code"] != 0:
                continue
            out.append(f"- {kind}, {big['learners']:,} learners ({what}): {figures['wall_s']:.1f} s wall, "
                       f"{figures['cpu_s']:.1f} s CPU, {figures['peak_mb']:.0f} MB, load {big['load']:.0f} "
                       f"(target < {seconds} s: {'yes' if figures['wall_s'] < seconds else 'NO'} by wall, "
                       f"{'yes' if figures['cpu_s'] < seconds else 'NO'} by CPU; < {mb} MB: "
                       f"{'yes' if figures['peak_mb'] < mb else 'NO'}).")
        if len(mine) >= 2:
            small, large = mine[-2], mine[-1]
            growth = large["read"]["peak_mb"] - small["read"]["peak_mb"]
            per_learner = growth * 2**20 / (large["learners"] - small["learners"])
            out.append(f"  Reader memory from {small['learners']:,} to {large['learners']:,} learners: "
                       f"{growth:+.0f} MB ({per_learner:,.0f} bytes per extra learner).")
    return out


def update_results_md(table: str) -> None:
    """Rewrite the report section of RESULTS.md; a hand-written «before» subsection at its end stays, and so do
    the sections after it."""
    path = REPO / "benchmarks" / "RESULTS.md"
    old = path.read_text(encoding="utf-8")
    text, _, ours = old.partition(REPORT_SECTION)
    text = text.rstrip("\n")
    ours, next_heading, later = ours.partition("\n## ")  # the sections after this one (e.g. Editions) stay
    kept = "\n" + BEFORE_SECTION + ours.split(BEFORE_SECTION, 1)[1] if BEFORE_SECTION in ours else ""
    kept += next_heading + later
    when = time.strftime("%Y-%m-%d", time.gmtime())
    path.write_text(f"{text}\n\n{REPORT_SECTION}\n\n`python -m benchmarks.report` ({when}; 12 answers per learner, "
                    f"best of the runs, load = the machine's 1-minute load average on 2 CPUs):\n\n{table}{kept}",
                    encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.report", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    parser.add_argument("--kinds", nargs="+", choices=list(WRITERS), default=list(WRITERS))
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--cache", type=Path, default=REPO / "benchmarks" / "results" / "exports")
    parser.add_argument("--calamine-up-to", type=int, default=CALAMINE_UP_TO,
                        help="largest xlsx to read with calamine as well (500,000 learners take it about 3 GB)")
    parser.add_argument("--update-results-md", action="store_true")
    args = parser.parse_args()
    rows = run(args.sizes, args.kinds, args.runs, args.cache, args.calamine_up_to)
    table = markdown(rows)
    (args.cache.parent / "report.json").write_text(json.dumps(rows, indent=2), encoding="utf-8")
    (args.cache.parent / "report.md").write_text(table, encoding="utf-8")
    print(table)
    if args.update_results_md:
        update_results_md(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
