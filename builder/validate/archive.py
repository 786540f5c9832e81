"""Zip safety: what an LMS unpacking the archive would trip over, checked before the manifest is read."""

from __future__ import annotations

import stat
import zipfile

from ..outputs.package import check_package_path
from ..words import number, say
from .findings import MANIFEST, Report

MAX_ENTRIES = 10_000
MAX_TOTAL_BYTES = 1_000_000_000
MAX_RATIO = 200  # uncompressed / compressed for one entry; text compresses ~10x, bombs ~1000x
RATIO_FLOOR = 1_000_000  # small entries may compress well without being a bomb
MAX_MANIFEST_BYTES = 20_000_000
UNSAFE = {  # builder/outputs/package.py's reasons, in words
    "empty": "validate.path-empty", "backslash": "validate.path-backslash", "absolute": "validate.path-absolute",
    "dots": "validate.path-dots"}


def check_entries(archive: zipfile.ZipFile, report: Report) -> set[str]:
    """The file names in the zip; entries with unsafe paths are reported as errors and left out."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        report.add("error", "too-many-entries", say("validate.too-many-entries", entries=number(len(infos)),
                                                    most=number(MAX_ENTRIES)))
        return set()
    names: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if name in names:
            report.add("warning", "duplicate-entry", say("validate.duplicate-entry"), entry=name)
        if name.endswith("/"):
            continue
        total += info.file_size
        why = check_package_path(name)
        if why:
            effect = say("validate.effect-backslash") if why == "backslash" else say("validate.effect-outside")
            report.add("error", "unsafe-path", say("validate.unsafe-path", why=say(UNSAFE[why]), effect=effect),
                       entry=name)
            continue
        if stat.S_ISLNK(info.external_attr >> 16):
            report.add("error", "symlink", say("validate.symlink"), entry=name)
        if info.compress_size and info.file_size > RATIO_FLOOR and info.file_size / info.compress_size > MAX_RATIO:
            ratio = number(info.file_size // info.compress_size)
            report.add("error", "zip-bomb", say("validate.zip-bomb", ratio=ratio), entry=name)
        names.add(name)
    if total > MAX_TOTAL_BYTES:
        report.add("error", "too-large", say("validate.too-large", total=number(total), most=number(MAX_TOTAL_BYTES)))
    return names


def read_manifest(archive: zipfile.ZipFile, names: set[str], report: Report) -> bytes | None:
    if MANIFEST not in names:
        nested = sorted(n for n in names if n.endswith("/" + MANIFEST))
        pages = any(n.lower().endswith((".html", ".htm")) for n in names)
        hint = (say("validate.no-manifest-nested", nested=nested[0]) if nested else
                say("validate.no-manifest-web") if pages else say("validate.no-manifest-other"))
        report.add("error", "no-manifest", say("validate.no-manifest", hint=hint), entry=MANIFEST)
        return None
    if archive.getinfo(MANIFEST).file_size > MAX_MANIFEST_BYTES:
        report.add("error", "too-large", say("validate.manifest-too-large", most=number(MAX_MANIFEST_BYTES)),
                   entry=MANIFEST)
        return None
    return archive.read(MANIFEST)
