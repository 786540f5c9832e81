"""This checkout's own virtual environment, .venv: made on first use, brought up to date when pyproject.toml changes.

Debian 12 and Ubuntu 24.04 mark their python3 as externally managed (PEP 668), so `python3 -m pip install` outside a
virtual environment stops with «externally-managed-environment». Everything here is the standard library, so it runs
with any python3 3.11 or newer: the distribution's, pyenv's, or one inside another virtual environment, on Linux,
macOS and Windows.

    python3 scripts/setup_venv.py [EXTRA...]  makes or reuses .venv with kursbygger (and those extras) installed,
                                         then prints the path of its python (scripts/test runs pytest with it)
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / "kursbygger-installed"  # what was installed: a hash of pyproject.toml and the extras
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
NO_VENV_MODULE = ("this python3 cannot make a virtual environment: Debian and Ubuntu ship that part separately.\n"
                  "Install it once with `sudo apt install python3-venv`, then run the command again.")


def fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    sys.exit(1)


def installed() -> dict[str, str]:
    """The stamp's lines as {"pyproject": hash, "extras": "a,b"}; empty when nothing (or something broken) is there."""
    if not (PYTHON.is_file() and STAMP.is_file()):
        return {}
    return dict(line.split("=", 1) for line in STAMP.read_text().splitlines() if "=" in line)


def ensure(extras: list[str]) -> Path:
    """.venv's python with kursbygger (editable, so edits to builder/ count at once) and `extras` installed."""
    if sys.version_info < (3, 11):
        fail(f"kursbygger needs Python 3.11 or newer; {sys.executable} is {sys.version.split()[0]}")
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    have = installed()
    had = set(filter(None, have.get("extras", "").split(",")))
    if have.get("pyproject") == digest and set(extras) <= had:
        return PYTHON
    wanted = sorted(had | set(extras))  # what was there stays: the tests' extras survive a build
    if not PYTHON.is_file():
        make()
    spec = f"{ROOT}[{','.join(wanted)}]" if wanted else str(ROOT)
    with_extras = f" with {', '.join(wanted)}" if wanted else ""
    print(f"== installing kursbygger{with_extras} into {VENV}", file=sys.stderr)
    result = subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                             "-e", spec])
    if result.returncode:
        fail("pip could not install kursbygger into .venv (its message is above)")
    STAMP.write_text(f"pyproject={digest}\nextras={','.join(wanted)}\n")
    return PYTHON


def make() -> None:
    try:
        import ensurepip  # noqa: F401 — Debian leaves it out of python3 unless python3-venv is installed
    except ImportError:
        fail(NO_VENV_MODULE)
    print(f"== making the virtual environment {VENV} with {sys.executable}", file=sys.stderr)
    try:
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    except (subprocess.CalledProcessError, OSError) as exc:
        shutil.rmtree(VENV, ignore_errors=True)  # half made: the next run starts afresh
        fail(f"could not make {VENV}: {exc}\n{NO_VENV_MODULE}")


if __name__ == "__main__":
    print(ensure(sys.argv[1:]))
