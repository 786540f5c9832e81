"""`kursbygger validate`: the manifest rules and the schemas folder, one broken manifest each."""

from __future__ import annotations

import pytest

from builder.validate import validate_zip
from tests.test_validate import MANIFEST, make_zip


def test_a_missing_file_is_reported(tmp_path):
    assert validate_zip(tmp_path / "nowhere.zip").errors == ["file not found"]


@pytest.mark.parametrize("manifest, message", [
    (MANIFEST.replace("<manifest ", "<package ").replace("</manifest>", "</package>"),
     "root element is <package>, expected <manifest>"),
    (MANIFEST.replace('<organization identifier="O"><title>t</title>', "").replace("</organization>", ""),
     "no <organization> in <organizations>"),
    (MANIFEST.replace('href="index.html">', 'href="../index.html">'),
     "resource 'R': path '../index.html'"),
])
def test_broken_manifests(tmp_path, manifest, message):
    report = validate_zip(make_zip(tmp_path / "x.zip", [("imsmanifest.xml", manifest), ("index.html", "<p>")]))
    assert any(message in error for error in report.errors), report.errors


def test_a_schemas_folder_without_its_validator_is_an_error(tmp_path):
    empty = tmp_path / "schemas"
    empty.mkdir()
    report = validate_zip(make_zip(tmp_path / "x.zip", [("imsmanifest.xml", MANIFEST), ("index.html", "<p>")]), empty)
    assert report.errors == [f"no validate.py in schemas folder {empty}"]
