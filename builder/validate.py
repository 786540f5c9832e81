"""Checks any SCORM zip, ours or not: structure, manifest, references, unsafe paths, and optionally the XSDs."""

from __future__ import annotations

import importlib.util
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from .package import check_package_path

MAX_ENTRIES = 10_000
MAX_TOTAL_BYTES = 1_000_000_000
MAX_RATIO = 200  # uncompressed / compressed for one entry; text compresses ~10x, bombs ~1000x
MANIFEST = "imsmanifest.xml"


@dataclass
class Report:
    path: Path
    version: str | None = None
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def validate_zip(path: Path, schemas_dir: Path | None = None) -> Report:
    report = Report(Path(path))
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        report.errors.append("file not found")
        return report
    except (zipfile.BadZipFile, OSError) as exc:
        report.errors.append(f"not a readable zip file ({exc})")
        return report
    with archive:
        names = check_entries(archive, report)
        if MANIFEST not in names:
            nested = [n for n in names if n.endswith("/" + MANIFEST)]
            hint = f"; found {nested[0]} — zip the folder's contents, not the folder" if nested else ""
            report.errors.append(f"{MANIFEST} is missing at the root of the zip{hint}")
            return report
        if report.errors:
            return report
        data = archive.read(MANIFEST)
    try:
        tree = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        report.errors.append(f"{MANIFEST}:{exc.lineno}: not well-formed XML: {exc.msg}")
        return report
    check_manifest(tree, names, report)
    if schemas_dir is not None and report.version:
        check_xsd(tree, Path(schemas_dir), report)
    return report


def check_entries(archive: zipfile.ZipFile, report: Report) -> set[str]:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        report.errors.append(f"{len(infos)} entries; refusing more than {MAX_ENTRIES}")
        return set()
    names: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if name in names:
            report.errors.append(f"'{name}': duplicate entry")
        names.add(name)
        if name.endswith("/"):
            continue
        why = check_package_path(name)
        if why:
            report.errors.append(f"'{name}': unsafe path: {why}")
        if stat.S_ISLNK(info.external_attr >> 16):
            report.errors.append(f"'{name}': symbolic link entries are not allowed")
        total += info.file_size
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 1_000_000:
            report.errors.append(f"'{name}': compression ratio {info.file_size // info.compress_size}:1 looks like a "
                                 "zip bomb")
    if total > MAX_TOTAL_BYTES:
        report.errors.append(f"uncompressed size {total:,} bytes is over the {MAX_TOTAL_BYTES:,} byte limit")
    return names


def local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def check_manifest(root: etree._Element, names: set[str], report: Report) -> None:
    if local(root.tag) != "manifest":
        report.errors.append(f"root element is <{local(root.tag)}>, expected <manifest>")
        return
    version_text = " ".join(e.text or "" for e in root.iter() if local(e.tag) == "schemaversion").strip()
    if version_text == "1.2":
        report.version = "1.2"
    elif version_text in ("2004 4th Edition", "2004 3rd Edition", "CAM 1.3", "1.3"):
        report.version = "2004"
    else:
        report.errors.append(f"schemaversion '{version_text}' is not recognised; use '1.2' or '2004 4th Edition' "
                             "(Moodle treats anything else as 1.2)")
    orgs = next((e for e in root if local(e.tag) == "organizations"), None)
    org_ids = [e.get("identifier") for e in (orgs if orgs is not None else []) if local(e.tag) == "organization"]
    default = orgs.get("default") if orgs is not None else None
    if not org_ids:
        report.errors.append("no <organization> in <organizations>")
    elif default not in org_ids:
        report.errors.append(f"organizations/@default '{default}' names no organization")
    resources = {e.get("identifier"): e for e in root.iter() if local(e.tag) == "resource"}
    for item in (e for e in root.iter() if local(e.tag) == "item"):
        ref = item.get("identifierref")
        if ref is not None and ref not in resources:
            report.errors.append(f"item '{item.get('identifier')}' refers to resource '{ref}', which does not exist")
    for rid, resource in resources.items():
        href = resource.get("href")
        listed = [f.get("href") for f in resource if local(f.tag) == "file"]
        for target in ([href] if href else []) + listed:
            plain = target.split("?")[0].split("#")[0]
            why = check_package_path(plain)
            if why:
                report.errors.append(f"resource '{rid}': path '{target}' {why}")
            elif plain not in names:
                report.errors.append(f"resource '{rid}': '{plain}' is listed but not in the zip")
        scorm_type = next((v for k, v in resource.attrib.items() if local(k).lower() == "scormtype"), None)
        if scorm_type == "sco":
            report.notes.append(f"SCO '{rid}' launches {href}")


def check_xsd(tree: etree._Element, schemas_dir: Path, report: Report) -> None:
    script = schemas_dir / "validate.py"
    if not script.is_file():
        report.errors.append(f"no validate.py in schemas folder {schemas_dir}")
        return
    spec = importlib.util.spec_from_file_location("scorm_schema_validator", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    schema = module.build_schema(report.version)
    if schema.validate(etree.ElementTree(tree)):
        report.notes.append(f"valid against the SCORM {report.version} XSDs")
    else:
        for err in schema.error_log:
            report.errors.append(f"{MANIFEST}:{err.line}: XSD: {err.message}")
