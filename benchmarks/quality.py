"""`check` with the authors' quality checks (builder/quality/: quiz cues and the simulated guesser) beside the
plain check, each in a fresh process: the quality checks may at most double the time of `check`."""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# check_all as `kursbygger check` runs it, with or without the quality checks (argv: source, 1 or 0).
CHECK = ("import sys; from pathlib import Path; from builder.build import check_all; "
         "check_all(Path(sys.argv[1]), quality=sys.argv[2] == '1')")


def check_once(source: Path, quality: bool) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one check in a fresh process, interpreter start included."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", CHECK, str(source), "1" if quality else "0"], cwd=REPO,
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(f"check of {source} failed:\n{result.stderr}")
    return elapsed, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def measure_quality_check(source: Path, runs: int) -> dict:
    """Plain and quality runs alternate, so a busy spell on the shared machine falls on both alike. The ratio is
    taken of CPU time: on a shared machine the wall time also counts other processes' turns."""
    plain: list[tuple[float, float]] = []
    quality: list[tuple[float, float]] = []
    for _ in range(runs):
        plain.append(check_once(source, False))
        quality.append(check_once(source, True))
    median = lambda samples, i: statistics.median(s[i] for s in samples)  # noqa: E731
    return {"plain_s_median": median(plain, 0), "quality_s_median": median(quality, 0),
            "plain_cpu_s_median": median(plain, 1), "quality_cpu_s_median": median(quality, 1),
            "ratio": median(quality, 1) / median(plain, 1)}
