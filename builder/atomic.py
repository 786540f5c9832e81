"""Text files written whole or not at all: a temporary file beside the target, moved into place when complete, so
a failure never leaves half a report or document behind."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_text(dest: Path, encoding: str = "utf-8", newline: str | None = None):
    dest.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline=newline) as out:
            yield out
        os.chmod(temp, 0o644)
        os.replace(temp, dest)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
