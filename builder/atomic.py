"""Files written whole or not at all: a temporary file beside the target, moved into place when complete, so a
failure never leaves half a zip, report or document behind."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_open(dest: Path, mode: str = "w", encoding: str | None = "utf-8", newline: str | None = None):
    """Like open(dest, mode) for "w" (text) or "wb" (bytes); `dest` changes only if the block ends without error."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    text = {} if "b" in mode else {"encoding": encoding, "newline": newline}
    try:
        with os.fdopen(handle, mode, **text) as out:
            yield out
        os.chmod(temp, 0o644)
        os.replace(temp, dest)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
