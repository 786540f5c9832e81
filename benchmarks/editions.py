"""Build every edition of the real course, as a county-wide rollout would: N editions, both SCORM versions.

    python -m benchmarks.editions                 357 editions (one per municipality) and 90 for linearity
    python -m benchmarks.editions --count 20      one size only

Each edition is a copy of editions/eksempel-kommune with its own id, name and colour; half of them are nynorsk.
Target (issue 17): 357 editions under 60 s and 300 MB on the 2-core machine, cost linear in the number.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .__main__ import MEASURE_CHILD, REPO

EXAMPLE = REPO / "editions" / "eksempel-kommune"
NYNORSK_LESSON = REPO / "editions" / "eksempel-nynorsk" / "slik-gjer-vi-det.md"


def write_editions(source: Path, count: int) -> None:
    template = (EXAMPLE / "edition.yaml").read_text(encoding="utf-8")
    for n in range(count):
        folder = source / "editions" / f"kommune-{n:03d}"
        shutil.copytree(EXAMPLE, folder)
        text = template.replace("id: eksempel-kommune", f"id: kommune-{n:03d}")
        text = text.replace("Eksempel kommune", f"Kommune {n:03d}").replace('"#7a2e0e"', f'"#{n % 64:02x}2e0e"')
        if n % 2:  # every other one in nynorsk, with its own local lesson
            text = text.replace("language: nb", "language: nn").replace("slik-gjor-vi-det.md", NYNORSK_LESSON.name)
            shutil.copyfile(NYNORSK_LESSON, folder / NYNORSK_LESSON.name)
        (folder / "edition.yaml").write_text(text, encoding="utf-8")


def measure(count: int) -> dict:
    work = Path(tempfile.mkdtemp(prefix="kursbygger-editions-"))
    try:
        source = work / "src"
        for part in ("course", "quizzes", "translations"):
            shutil.copytree(REPO / part, source / part)
        write_editions(source, count)
        command = [sys.executable, "-m", "builder", "build", "--source", str(source), "--out", str(work / "dist"),
                   "--scorm", "all", "--edition", "all"]
        result = subprocess.run([sys.executable, "-c", MEASURE_CHILD, *command], capture_output=True, text=True,
                                cwd=REPO)
        seconds, rss_kb, code, cpu = result.stdout.split()
        if code != "0":
            raise RuntimeError(f"build failed:\n{result.stderr}")
        zips = list((work / "dist").glob("*.zip"))
        assert len(zips) == 2 * count, f"{len(zips)} zips for {count} editions"
        return {"editions": count, "zips": len(zips), "wall_s": float(seconds), "cpu_s": float(cpu),
                "peak_mb": int(rss_kb) / 1024, "ms_per_edition": 1000 * float(seconds) / count}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.editions")
    parser.add_argument("--count", type=int, action="append", help="number of editions (repeatable)")
    counts = parser.parse_args(argv).count or [90, 357]
    print("| editions | zips | wall s | CPU s | peak MB | ms per edition |\n|---:|---:|---:|---:|---:|---:|")
    for count in counts:
        r = measure(count)
        print(f"| {r['editions']} | {r['zips']} | {r['wall_s']:.1f} | {r['cpu_s']:.1f} | {r['peak_mb']:.0f} | "
              f"{r['ms_per_edition']:.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
