"""Start-up: the CPU time of `kursbygger build` on the real course, interpreter included, beside
`kursbygger --version` (what the CLI costs before any command runs) and the bare interpreter (the floor).

Each run is a fresh process, timed by the CPU it used (user + system): on the shared machine wall time also counts
other processes' turns, so it is reported beside, not judged. The modules' bytecode is cached in a folder of its
own, warmed by one run first, as an installed kursbygger finds it (pip compiles it at install), whatever
PYTHONDONTWRITEBYTECODE says in this shell.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def cpu_and_wall(command: list[str], env: dict) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}{result.stderr}")
    return (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime), wall


def measure_startup(runs: int) -> dict:
    """The three commands take turns, so a busy spell on the machine falls on each alike."""
    with tempfile.TemporaryDirectory() as tmp:
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "bytecode")
        commands = {
            "build": [sys.executable, "-m", "builder", "build", "--source", str(REPO), "--out", str(Path(tmp) / "dist")],
            "version": [sys.executable, "-m", "builder", "--version"],
            "interpreter": [sys.executable, "-c", "pass"],
        }
        for command in commands.values():  # writes the bytecode
            cpu_and_wall(command, env)
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                samples[name].append(cpu_and_wall(command, env))
    figures: dict = {"runs": runs, "load": os.getloadavg()[0]}
    for name, taken in samples.items():
        figures[f"{name}_cpu_s_median"] = statistics.median(s[0] for s in taken)
        figures[f"{name}_cpu_s_min"] = min(s[0] for s in taken)
        figures[f"{name}_wall_s_median"] = statistics.median(s[1] for s in taken)
    return figures


def update_results_md(rows: list[str], day: str, load: float) -> None:
    """Puts the start-up rows into RESULTS.md's table (after the real course's build time), and says when they
    were measured, leaving every other figure as its own run wrote it."""
    path = REPO / "benchmarks" / "RESULTS.md"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("| start-up:")]
    after = next(i for i, line in enumerate(lines) if line.startswith("| real course build (median)"))
    lines[after + 1:after + 1] = rows
    first = next(i for i, line in enumerate(lines) if line.startswith("Measured "))  # the page's own date line
    lines[first] = (lines[first].split("; the start-up rows")[0].rstrip(".")
                    + f"; the start-up rows {day}, load {load:.1f} (`python -m benchmarks.startup`).")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    import argparse

    from .__main__ import TARGETS

    parser = argparse.ArgumentParser(prog="python -m benchmarks.startup", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command (default 15)")
    parser.add_argument("--update-results-md", action="store_true",
                        help="also put these rows into the committed benchmarks/RESULTS.md")
    args = parser.parse_args()
    results = {"startup": measure_startup(args.runs)}
    rows = [f"| {name} | {fmt.format(get(results))} | {target} | {'yes' if ok(get(results)) else 'NO'} |"
            for name, get, target, ok, fmt in TARGETS if name.startswith("start-up:")]
    figures = results["startup"]
    print("\n".join(rows))
    print(f"wall (medians): build {figures['build_wall_s_median']:.2f} s, --version "
          f"{figures['version_wall_s_median']:.3f} s, interpreter {figures['interpreter_wall_s_median']:.3f} s; "
          f"{args.runs} runs each; load {figures['load']:.1f} on {os.cpu_count()} CPUs")
    if args.update_results_md:
        update_results_md(rows, time.strftime("%Y-%m-%d", time.gmtime()), figures["load"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
