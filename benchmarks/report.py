"""Measure `kursbygger report` on synthetic exports of growing size, in text and xlsx.

    python -m benchmarks.report                        1,000 / 50,000 / 500,000 learners, text and xlsx
    python -m benchmarks.report --sizes 1000 --runs 1  one size (what the smoke test runs)
    python -m benchmarks.report --update-results-md    also rewrite the report section of benchmarks/RESULTS.md

The exports are written once into benchmarks/results/exports/ (git-ignored) and reused: the 500,000-learner text
file is about 200 MB. Each run is a fresh process: wall time, CPU time (user + system) and peak memory
(ru_maxrss), with the machine's load average beside them.
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
from .exports import write_text, write_xlsx

SIZES = [1_000, 50_000, 500_000]
WRITERS = {"text": (write_text, "txt"), "xlsx": (write_xlsx, "xlsx")}
OPENPYXL_READ = (
    "import sys, openpyxl\n"
    "book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)\n"
    "print(sum(1 for _ in book.worksheets[0].iter_rows(values_only=True)))\n"
)
TEXT_TARGET_S, TEXT_TARGET_MB = 30, 300


def export(cache: Path, kind: str, learners: int) -> Path:
    write, suffix = WRITERS[kind]
    path = cache / f"{kind}-{learners}.{suffix}"
    if not path.exists():
        temp = path.with_suffix(".partial")
        write(temp, learners)
        temp.rename(path)
    return path


def measure(command: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak MB of one fresh process."""
    result = subprocess.run([sys.executable, "-c", MEASURE_CHILD, *command], capture_output=True, text=True,
                            cwd=REPO)
    seconds, rss_kb, code, cpu = result.stdout.split()
    if code != "0":
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stderr}")
    return float(seconds), float(cpu), int(rss_kb) / 1024


def best_of(command: list[str], runs: int) -> dict:
    samples = [measure(command) for _ in range(runs)]
    fastest = min(samples)
    return {"wall_s": fastest[0], "cpu_s": fastest[1], "peak_mb": max(s[2] for s in samples)}


def run(sizes: list[int], kinds: list[str], runs: int, cache: Path, openpyxl_up_to: int, xlsx_up_to: int) -> list[dict]:
    cache.mkdir(parents=True, exist_ok=True)
    out = cache / "report.html"
    rows = []
    for kind in kinds:
        for learners in sizes:
            if kind == "xlsx" and learners > xlsx_up_to:
                rows.append({"kind": kind, "learners": learners, "skipped": True})
                print(table_row(rows[-1]), flush=True)
                continue
            started = time.perf_counter()
            path = export(cache, kind, learners)
            row = {"kind": kind, "learners": learners, "bytes": path.stat().st_size,
                   "generate_s": time.perf_counter() - started}
            row.update(best_of([sys.executable, "-m", "builder", "report", str(path), "--out", str(out),
                                "--passing-score", "80"], runs))
            if kind == "xlsx" and learners <= openpyxl_up_to:
                row["openpyxl_cpu_s"] = best_of([sys.executable, "-c", OPENPYXL_READ, str(path)], runs)["cpu_s"]
            row["load"] = os.getloadavg()[0]
            rows.append(row)
            print(table_row(row), flush=True)
    return rows


def table_row(r: dict) -> str:
    if r.get("skipped"):
        return (f"| {r['kind']} | {r['learners']:,} | not made: openpyxl's writer needs far too long for it on this "
                "machine (`--xlsx-up-to` to include it) | | | | | |")
    openpyxl = f"{r['openpyxl_cpu_s']:.1f} s" if "openpyxl_cpu_s" in r else "–"
    return (f"| {r['kind']} | {r['learners']:,} | {r['bytes'] / 1e6:,.1f} MB | {r['wall_s']:.1f} s | "
            f"{r['cpu_s']:.1f} s | {r['peak_mb']:.0f} MB | {openpyxl} | {r['load']:.0f} |")


def markdown(rows: list[dict]) -> str:
    lines = ["| format | learners | file | report wall | report CPU | peak memory | openpyxl CPU, rows only | load |",
             "|---|---|---|---|---|---|---|---|", *map(table_row, rows)]
    big = [r for r in rows if r["kind"] == "text" and r["learners"] == max(x["learners"] for x in rows)
           and not r.get("skipped")]
    for r in big:
        lines.append("")
        # The machine is shared: wall time counts other processes' turns too, CPU time only the report's own work.
        lines.append(f"Text, {r['learners']:,} learners: {r['cpu_s']:.1f} s of CPU, {r['wall_s']:.1f} s wall at load "
                     f"{r['load']:.0f} (target < {TEXT_TARGET_S} s: {'yes' if r['cpu_s'] < TEXT_TARGET_S else 'NO'} "
                     f"by CPU, {'yes' if r['wall_s'] < TEXT_TARGET_S else 'NO'} by wall), {r['peak_mb']:.0f} MB "
                     f"(target < {TEXT_TARGET_MB} MB: {'yes' if r['peak_mb'] < TEXT_TARGET_MB else 'NO'}).")
    return "\n".join(lines) + "\n"


def update_results_md(table: str) -> None:
    path = REPO / "benchmarks" / "RESULTS.md"
    text = path.read_text(encoding="utf-8").split(REPORT_SECTION, 1)[0].rstrip("\n")
    when = time.strftime("%Y-%m-%d", time.gmtime())
    path.write_text(f"{text}\n\n{REPORT_SECTION}\n\n`python -m benchmarks.report` ({when}; 12 answers per learner, "
                    f"best of the runs):\n\n{table}", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.report", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    parser.add_argument("--kinds", nargs="+", choices=sorted(WRITERS), default=sorted(WRITERS))
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--cache", type=Path, default=REPO / "benchmarks" / "results" / "exports")
    parser.add_argument("--openpyxl-up-to", type=int, default=50_000,
                        help="largest xlsx to time openpyxl on as well (it is slow)")
    parser.add_argument("--xlsx-up-to", type=int, default=50_000,
                        help="largest xlsx to make: openpyxl's writer needs a long while for 500,000 learners")
    parser.add_argument("--update-results-md", action="store_true")
    args = parser.parse_args()
    rows = run(args.sizes, args.kinds, args.runs, args.cache, args.openpyxl_up_to, args.xlsx_up_to)
    table = markdown(rows)
    (args.cache.parent / "report.json").write_text(json.dumps(rows, indent=2), encoding="utf-8")
    (args.cache.parent / "report.md").write_text(table, encoding="utf-8")
    print(table)
    if args.update_results_md:
        update_results_md(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
