"""The shipped runtime (builder/outputs/runtime/dist) must be exactly what tools/bundle-runtime makes from the sources."""

import subprocess

import pytest

from tests.conftest import REPO

DIST = REPO / "builder" / "outputs" / "runtime" / "dist"


def test_bundle_is_up_to_date(tmp_path):
    if not (REPO / "tools" / "node_modules" / ".bin" / "esbuild").exists():
        pytest.fail("esbuild is missing; run the README's test command (it runs npm ci in tools/)")
    subprocess.run(["bash", str(REPO / "tools" / "bundle-runtime"), str(tmp_path)], check=True)
    for name in ("kurs.js", "kurs.css"):
        assert (tmp_path / name).read_bytes() == (DIST / name).read_bytes(), \
            f"builder/outputs/runtime/dist/{name} is stale: run tools/bundle-runtime and commit the result"


def test_bundle_keeps_every_name_private():
    # esbuild's iife format: every module inside one strict-mode arrow function, so nothing leaks onto the LMS page's
    # window (tests/runtime/bundle.test.mjs runs the bundle and compares the globals before and after).
    js = (DIST / "kurs.js").read_text()
    assert js.startswith('"use strict";\n(()=>{') and js.rstrip().endswith("})();")


def test_runtime_stays_within_its_30_kb_budget():
    # A byte count, not a timing: the learner downloads this inside every page, often on a phone.
    size = sum((DIST / name).stat().st_size for name in ("kurs.js", "kurs.css"))
    assert size <= 30 * 1024, f"the runtime is {size:,} bytes; the budget (issue #8) is 30 KB"
