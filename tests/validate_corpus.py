"""`validate` on real packages from many authoring tools (tests/validate_corpus.toml); not part of the test command.

    python -m tests.validate_corpus [--schemas DIR]          validate the zips in the corpus folder
    python -m tests.validate_corpus --from-git CLONES       first zip each package from git clones in CLONES

The corpus folder is $KURSBYGGER_CORPUS_DIR, else $XDG_CACHE_HOME/kursbygger/validate-corpus (~/.cache/…). The zips
never enter the repository. CLONES holds one clone per repository, named owner+name, owner/name or name (a bare
clone in a `repo` subfolder is found too); `git clone https://github.com/<repo>` makes one.

Exit 0: every package met its expectation; 1: some did not; 3: some zips are absent, so the corpus was not checked.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

from builder.validate import validate_zip

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "validate_corpus.toml"
STAMP = (1980, 1, 1, 0, 0, 0)


def corpus_dir() -> Path:
    if os.environ.get("KURSBYGGER_CORPUS_DIR"):
        return Path(os.environ["KURSBYGGER_CORPUS_DIR"])
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return cache / "kursbygger" / "validate-corpus"


def packages() -> list[dict]:
    return tomllib.loads(CORPUS.read_text(encoding="utf-8"))["package"]


def find_clone(clones: Path, repo: str) -> Path | None:
    owner, name = repo.split("/")
    for candidate in (clones / f"{owner}+{name}" / "repo", clones / f"{owner}+{name}", clones / owner / name,
                      clones / name):
        if candidate.is_dir() and subprocess.run(["git", "-C", str(candidate), "rev-parse", "--git-dir"],
                                                 capture_output=True).returncode == 0:
            return candidate
    return None


def zip_from_git(clone: Path, commit: str, folder: str, dest: Path) -> int:
    """Zips `commit:folder` as the package root; returns how many files the clone lacked (written empty)."""
    listing = subprocess.run(["git", "-C", str(clone), "ls-tree", "-r", "-z", commit, "--", folder or "."],
                             capture_output=True, check=True).stdout
    rows = [row.split(b"\t", 1) for row in listing.split(b"\0") if row]
    blobs = [(meta.split()[2].decode(), path.decode()) for meta, path in rows if meta.split()[1] == b"blob"]
    batch = subprocess.run(["git", "-C", str(clone), "cat-file", "--batch"], check=True, capture_output=True,
                           input="".join(f"{sha}\n" for sha, _ in blobs).encode()).stdout
    absent, offset = 0, 0
    dest.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as archive:
        for _, path in blobs:
            header_end = batch.index(b"\n", offset)
            header = batch[offset:header_end].split()
            if header[-1] == b"missing":
                data, offset, absent = b"", header_end + 1, absent + 1
            else:
                size = int(header[2])
                data, offset = batch[header_end + 1:header_end + 1 + size], header_end + 2 + size
            name = path[len(folder):].lstrip("/") if folder else path
            archive.writestr(zipfile.ZipInfo(name, STAMP), data)
    return absent


def met(package: dict, report) -> bool:
    errors = {f.code for f in report.findings if f.severity == "error"}
    return not errors if package["expect"] == "accepted" else package["expect"] in errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--from-git", type=Path, metavar="CLONES", help="zip the packages from git clones first")
    parser.add_argument("--schemas", type=Path, default=os.environ.get("SCORM_SCHEMAS_DIR") or None,
                        help="SCORM XSD folder (default: $SCORM_SCHEMAS_DIR)")
    args = parser.parse_args(argv)
    folder = corpus_dir()
    for package in packages():
        clone = find_clone(args.from_git, package["repo"]) if args.from_git else None
        if clone:
            absent = zip_from_git(clone, package["commit"], package["path"], folder / f"{package['name']}.zip")
            if absent:
                print(f"{package['name']}: the clone lacks {absent} file(s); they were zipped empty")
        elif args.from_git:
            print(f"{package['name']}: no clone of {package['repo']} in {args.from_git}")
    missing = [p["name"] for p in packages() if not (folder / f"{p['name']}.zip").is_file()]
    if missing:
        print(f"corpus NOT checked: {len(missing)} of {len(packages())} zips are absent from {folder} "
              f"({', '.join(missing)}). Make them with --from-git (see {CORPUS.name} for the sources).")
        return 3
    failures = 0
    print(f"{'package':28} {'tool':44} {'errors':>6} {'warn':>5} {'notes':>5}  expectation")
    for package in packages():
        report = validate_zip(folder / f"{package['name']}.zip", args.schemas)
        ok = met(package, report)
        failures += not ok
        print(f"{package['name']:28} {package['tool'][:44]:44} {report.count('error'):6} {report.count('warning'):5} "
              f"{report.count('note'):5}  {package['expect']}: {'met' if ok else 'NOT MET'}")
        for finding in (f for f in report.findings if f.severity == "error" and not ok):
            print(f"    {finding.place}: {finding.message}")
    print(f"{len(packages()) - failures} of {len(packages())} packages met their expectation")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
