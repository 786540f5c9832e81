"""Zip safety: what an LMS unpacking the archive would trip over, checked before the manifest is read."""

from __future__ import annotations

import stat
import zipfile

from ..outputs.package import check_package_path
from .findings import MANIFEST, Report

MAX_ENTRIES = 10_000
MAX_TOTAL_BYTES = 1_000_000_000
MAX_RATIO = 200  # uncompressed / compressed for one entry; text compresses ~10x, bombs ~1000x
RATIO_FLOOR = 1_000_000  # small entries may compress well without being a bomb
MAX_MANIFEST_BYTES = 20_000_000


def check_entries(archive: zipfile.ZipFile, report: Report) -> set[str]:
    """The file names in the zip; entries with unsafe paths are reported as errors and left out."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        report.add("error", "too-many-entries", f"the zip has {len(infos):,} entries; validate refuses more than "
                   f"{MAX_ENTRIES:,} (a package that large is more likely a mistake or an attack)")
        return set()
    names: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if name in names:
            report.add("warning", "duplicate-entry", "the zip holds this name twice; which copy an LMS keeps "
                       "depends on its unzipper — zip the folder again", entry=name)
        if name.endswith("/"):
            continue
        total += info.file_size
        why = check_package_path(name)
        if why:
            effect = ("a Linux server unpacks it as one file whose name holds the backslash, so links to it break"
                      if "backslash" in why else "an LMS unpacks it outside the package folder or refuses the zip")
            report.add("error", "unsafe-path", f"unsafe path: it {why}; {effect}", entry=name)
            continue
        if stat.S_ISLNK(info.external_attr >> 16):
            report.add("error", "symlink", "symbolic link entry: it can point outside the package once "
                       "unpacked; store the file itself", entry=name)
        if info.compress_size and info.file_size > RATIO_FLOOR and info.file_size / info.compress_size > MAX_RATIO:
            report.add("error", "zip-bomb", f"compression ratio {info.file_size // info.compress_size}:1 looks like "
                       "a zip bomb", entry=name)
        names.add(name)
    if total > MAX_TOTAL_BYTES:
        report.add("error", "too-large", f"the files add up to {total:,} bytes unpacked, over the "
                   f"{MAX_TOTAL_BYTES:,} byte limit")
    return names


def read_manifest(archive: zipfile.ZipFile, names: set[str], report: Report) -> bytes | None:
    if MANIFEST not in names:
        nested = sorted(n for n in names if n.endswith("/" + MANIFEST))
        pages = any(n.lower().endswith((".html", ".htm")) for n in names)
        hint = (f"; found {nested[0]} — zip the folder's contents, not the folder" if nested else
                ". The zip holds web pages, so it may be a web export (an authoring tool's 'Web' or 'HTML5' output) "
                "rather than an LMS export: publish it again for LMS, as SCORM 1.2 or SCORM 2004" if pages else "")
        report.add("error", "no-manifest", f"{MANIFEST} is missing at the root of the zip, so Moodle's upload "
                   f"form refuses the package{hint}", entry=MANIFEST)
        return None
    if archive.getinfo(MANIFEST).file_size > MAX_MANIFEST_BYTES:
        report.add("error", "too-large", f"{MANIFEST} is over {MAX_MANIFEST_BYTES:,} bytes", entry=MANIFEST)
        return None
    return archive.read(MANIFEST)
