"""Deterministic zip, written atomically: the same files always give the same bytes."""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path, PurePosixPath

from ..atomic import atomic_open

DEFAULT_EPOCH = 315532800  # 1980-01-01, the earliest time a zip entry can hold


def check_package_path(path: str) -> str | None:
    """Why `path` is unsafe inside a zip, as a stable name (validate words it: builder/validate/archive.py), or None
    when it is fine."""
    pure = PurePosixPath(path)
    if not path:
        return "empty"
    if "\\" in path:
        return "backslash"
    if pure.is_absolute() or (len(path) > 1 and path[1] == ":"):
        return "absolute"
    if ".." in pure.parts or "." in pure.parts or "" in path.split("/"):
        return "dots"
    return None


def zip_timestamp() -> tuple[int, int, int, int, int, int]:
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH", DEFAULT_EPOCH))
    return time.gmtime(max(epoch, DEFAULT_EPOCH))[:6]


def write_zip(files: dict[str, bytes], dest: Path) -> None:
    for path in files:
        if (why := check_package_path(path)) is not None:
            raise ValueError(f"package path '{path}' is unsafe ({why})")
    stamp = zip_timestamp()
    with atomic_open(dest, "wb") as raw, zipfile.ZipFile(raw, "w") as archive:
        for path in sorted(files):
            info = zipfile.ZipInfo(path, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # unix, so the permission bits mean the same everywhere
            archive.writestr(info, files[path], compresslevel=9)
