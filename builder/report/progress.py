"""A progress bar on stderr for exports that take a while; silent when stderr is not a terminal."""

from __future__ import annotations

import sys
from contextlib import contextmanager

from tqdm import tqdm


@contextmanager
def progress(label: str, total: int | None):
    """Counts bytes when the total is the file size, rows otherwise; appears only after a second."""
    bar = tqdm(total=total, desc=label, unit="B" if total else " rows", unit_scale=True, delay=1.0,
               file=sys.stderr, disable=not sys.stderr.isatty(), leave=False)
    try:
        yield bar
    finally:
        bar.close()
