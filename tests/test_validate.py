"""`kursbygger validate` on good and hostile zips."""

from __future__ import annotations

import zipfile

import pytest

from builder.build import build
from builder.validate import validate_zip
from tests.conftest import GOOD

MANIFEST = """<?xml version="1.0"?>
<manifest identifier="M" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="O"><organization identifier="O"><title>t</title>
    <item identifier="I" identifierref="R"><title>t</title></item></organization></organizations>
  <resources><resource identifier="R" type="webcontent" adlcp:scormtype="sco" href="index.html">
    <file href="index.html"/></resource></resources>
</manifest>"""


def make_zip(path, entries):
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_our_packages_are_valid(tmp_path, schemas_dir, version):
    _, [built] = build(GOOD, tmp_path, version)
    report = validate_zip(built.path, schemas_dir)
    assert report.ok, report.errors
    assert report.version == version
    assert f"valid against the SCORM {version} XSDs" in report.notes


def test_a_minimal_foreign_package_is_valid(tmp_path, schemas_dir):
    report = validate_zip(make_zip(tmp_path / "x.zip", [("imsmanifest.xml", MANIFEST), ("index.html", "<p>")]),
                          schemas_dir)
    assert report.ok, report.errors


@pytest.mark.parametrize("entries, message", [
    ([("index.html", "x")], "imsmanifest.xml is missing at the root"),
    ([("course/imsmanifest.xml", MANIFEST)], "found course/imsmanifest.xml"),
    ([("imsmanifest.xml", "<manifest>")], "not well-formed XML"),
    ([("imsmanifest.xml", MANIFEST)], "'index.html' is listed but not in the zip"),
    ([("imsmanifest.xml", MANIFEST), ("index.html", "x"), ("../evil.sh", "x")], "'../evil.sh': unsafe path"),
    ([("imsmanifest.xml", MANIFEST), ("index.html", "x"), ("/etc/x", "x")], "'/etc/x': unsafe path"),
    ([("imsmanifest.xml", MANIFEST), ("index.html", "x"), ("index.html", "y")], "'index.html': duplicate entry"),
    ([("imsmanifest.xml", MANIFEST.replace('default="O"', 'default="X"')), ("index.html", "x")],
     "organizations/@default 'X' names no organization"),
    ([("imsmanifest.xml", MANIFEST.replace('identifierref="R"', 'identifierref="Q"')), ("index.html", "x")],
     "refers to resource 'Q', which does not exist"),
    ([("imsmanifest.xml", MANIFEST.replace(">1.2<", ">9.9<")), ("index.html", "x")], "schemaversion '9.9'"),
])
def test_hostile_and_broken_zips(tmp_path, entries, message):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name we write on purpose
        path = make_zip(tmp_path / "x.zip", entries)
    report = validate_zip(path)
    assert not report.ok
    assert any(message in e for e in report.errors), report.errors


def test_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", MANIFEST)
        archive.writestr("index.html", b"\0" * 50_000_000)
    report = validate_zip(path)
    assert any("looks like a zip bomb" in e for e in report.errors)


def test_not_a_zip(tmp_path):
    path = tmp_path / "x.zip"
    path.write_text("hello")
    assert "not a readable zip file" in validate_zip(path).errors[0]


def test_xsd_errors_are_reported(tmp_path, schemas_dir):
    broken = MANIFEST.replace('adlcp:scormtype="sco"', 'adlcp:scormtype="SCO"')
    report = validate_zip(make_zip(tmp_path / "x.zip", [("imsmanifest.xml", broken), ("index.html", "x")]), schemas_dir)
    assert any("XSD" in e and "SCO" in e for e in report.errors), report.errors
