"""Headless Chromium through Playwright, for the PDFs of `publish` and for `audit`.

Uses the system's Chromium (Debian's `chromium`, which the tests need anyway) rather than a browser that
Playwright downloads, so a fresh machine needs one apt package and nothing is fetched at run time.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from .words import say

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


class BrowserMissing(Exception):
    """No usable headless Chromium on this machine; the message says what to install."""


def chromium_path() -> str | None:
    configured = os.environ.get("CHROMIUM")
    if configured:
        return configured if Path(configured).is_file() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


@contextlib.contextmanager
def headless_chromium():
    """Yields a Playwright Browser; raises BrowserMissing instead of a traceback when there is none."""
    executable = chromium_path()
    if executable is None:
        raise BrowserMissing(say("cli.browser_no_chromium"))
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise BrowserMissing(say("cli.browser_no_playwright")) from None
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=executable, args=ARGS, headless=True)
        except Error as exc:
            raise BrowserMissing(say("cli.browser_did_not_start", path=executable,
                                     reason=str(exc).splitlines()[0])) from None
        try:
            yield browser
        finally:
            browser.close()
