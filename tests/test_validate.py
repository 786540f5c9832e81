"""`kursbygger validate` on our own packages, on one-change packages for each rule, and on hostile zips.

Every fixture is written here from a few lines; none is copied from anyone's package.
"""

from __future__ import annotations

import json
import re
import stat
import warnings
import zipfile

import pytest

from builder.build import build
from builder.validate import SchemasUnavailable, archive, validate_zip
from builder.validate.xsd import PACKAGED
from builder.validate.output import as_json, text_report
from tests.conftest import GOOD, REPO

NS12 = ('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" '
        'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"')
NS2004 = ('xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" '
          'xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"')
META12 = "<metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>"
META2004 = "<metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>"
ORG = """<organizations default="O"><organization identifier="O"><title>Course</title>
    <item identifier="I" identifierref="R"><title>Lesson</title></item></organization></organizations>"""


def manifest(resource='<resource identifier="R" type="webcontent" adlcp:scormtype="sco" href="index.html">'
                      '<file href="index.html"/></resource>',
             metadata=META12, organizations=ORG, ns=NS12, resources_attrs="") -> str:
    return (f'<?xml version="1.0"?>\n<manifest identifier="M" {ns}>\n  {metadata}\n  {organizations}\n'
            f"  <resources{resources_attrs}>\n    {resource}\n  </resources>\n</manifest>\n")


def make_zip(path, entries):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate names some tests write on purpose
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive_file:
            for name, data in entries:
                archive_file.writestr(name, data)
    return path


def check(tmp_path, manifest_text, files=("index.html",), schemas=None):
    entries = [("imsmanifest.xml", manifest_text), *((name, "<p>x</p>") for name in files)]
    return validate_zip(make_zip(tmp_path / "p.zip", entries), schemas)


def codes(report, severity=None):
    return [f.code for f in report.findings if severity in (None, f.severity)]


# --- our own packages: no error, no warning, XSD-valid ---------------------------------------------------------

@pytest.mark.parametrize("source", [GOOD, REPO], ids=["demo", "real-course"])
@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_our_packages_have_no_errors_and_no_warnings(tmp_path, source, version):
    _, [built] = build(source, tmp_path, version)
    report = validate_zip(built.path)
    assert report.count("error") == report.count("warning") == 0, report.findings
    assert (report.version, report.xsd) == (version, "valid")
    assert [(launch.scorm_type, launch.href, launch.present) for launch in report.launches] == \
           [("sco", "index.html", True)]


def test_a_minimal_foreign_package_is_clean(tmp_path):
    report = check(tmp_path, manifest())
    assert report.findings == [] and report.xsd == "valid"


# --- hrefs resolved as URIs ----------------------------------------------------------------------------------

@pytest.mark.parametrize("href, stored", [
    ("shared/launch%20page%28a%29.html", "shared/launch page(a).html"),  # 1: percent-encoding
    ("./index.html", "index.html"),                                       # 6: ./
    ("a/../index.html", "index.html"),
    ("index.html?lang=nb#start", "index.html"),                           # query and fragment are not the name
])
def test_hrefs_are_resolved_as_uris(tmp_path, href, stored):
    resource = (f'<resource identifier="R" type="webcontent" adlcp:scormtype="sco" href="{href}">'
                f'<file href="{href}"/></resource>')
    report = check(tmp_path, manifest(resource), files=[stored])
    assert report.findings == []
    assert report.launches[0].href == stored and report.launches[0].present


@pytest.mark.parametrize("href", ["index.html", "a b/c (1).html", "a.b/c..d", "..a/b", "x/y/z.js", "æøå.html"])
def test_the_fast_path_for_plain_hrefs_agrees_with_the_uri_rules(href):
    from builder.validate.hrefs import resolve

    assert resolve(href) == resolve(href, [""])  # an empty xml:base forces the full URI resolution


@pytest.mark.parametrize("where", ["manifest", "resources", "resource"])
def test_xml_base_applies_on_every_level(tmp_path, where):  # 2
    base = ' xml:base="content/"'
    resource = (f'<resource identifier="R" type="webcontent" adlcp:scormtype="sco" href="a.htm"'
                f'{base if where == "resource" else ""}><file href="a.htm"/></resource>')
    text = manifest(resource, resources_attrs=base if where == "resources" else "")
    if where == "manifest":
        text = text.replace('<manifest identifier="M"', f'<manifest identifier="M"{base}')
    report = check(tmp_path, text, files=["content/a.htm"])
    assert "missing-launch-file" not in codes(report) and "missing-file" not in codes(report)
    assert report.launches[0].href == "content/a.htm"
    # Moodle 4.3 adds only the resource's own xml:base to the href, so a base on an outer level breaks its launch.
    assert ("moodle-xml-base" in codes(report, "error")) == (where != "resource")


def test_one_report_per_missing_file(tmp_path):  # 10
    report = check(tmp_path, manifest(), files=[])
    missing = [f for f in report.findings if "index.html" in f.message]
    assert [(f.severity, f.code, f.line) for f in missing] == [("error", "missing-launch-file", 7)]
    assert report.launches[0].present is False


def test_a_missing_listed_file_that_is_not_launched_is_a_warning(tmp_path):
    resource = ('<resource identifier="R" type="webcontent" adlcp:scormtype="sco" href="index.html">'
                '<file href="index.html"/><file href="gone.js"/></resource>')
    report = check(tmp_path, manifest(resource))
    assert [(f.severity, f.code) for f in report.findings] == [("warning", "missing-file")]
    assert "'gone.js'" in report.findings[0].message


def test_a_case_mismatch_is_named(tmp_path):
    report = check(tmp_path, manifest(), files=["Index.html"])
    assert "the zip has 'Index.html'" in report.findings[0].message


@pytest.mark.parametrize("href, why", [
    ("", "is empty"),
    ("a\\b.html", None),
    ("../x.html", "climbs above the package root"),
    ("/x.html", "starts with '/'"),
])
def test_backslash_and_empty_are_two_causes(tmp_path, href, why):  # 10
    resource = f'<resource identifier="R" type="webcontent" adlcp:scormtype="asset" href="index.html">' \
               f'<file href="{href}"/></resource>'
    report = check(tmp_path, manifest(resource), files=["index.html", "a/b.html"])
    [finding] = report.findings
    if why:
        assert finding.code == "bad-href" and why in finding.message
    else:  # browsers read the backslash as '/', so the file is found; the backslash itself is the finding
        assert finding.code == "backslash-href" and finding.severity == "warning"
        assert "empty" not in finding.message


def test_unsafe_entry_names_have_separate_causes():
    from builder.outputs.package import check_package_path

    assert check_package_path("") == "empty"
    assert check_package_path("a\\b") == "backslash"


# --- SCORM version --------------------------------------------------------------------------------------------

def test_only_the_top_level_schemaversion_counts_and_the_xsd_still_runs(tmp_path):  # 3
    resource = ('<resource identifier="R" type="webcontent" adlcp:scormtype="sco" href="index.html">'
                f"{META12}<file href=\"index.html\"/></resource>")
    text = manifest(resource).replace("<title>Lesson</title>", f"<title>Lesson</title>{META12}")
    report = check(tmp_path, text)
    assert report.version == "1.2" and not any("schemaversion" in f.message for f in report.findings)
    assert report.xsd in ("valid", "invalid")  # checked, whatever it says about metadata in items


def test_a_12_manifest_without_metadata_is_a_warning(tmp_path):  # 5
    report = check(tmp_path, manifest(metadata=""))
    assert [(f.severity, f.code) for f in report.findings] == [("warning", "version-unknown")]
    assert "treat it as SCORM 1.2" in report.findings[0].message and report.ok


def test_a_2004_manifest_without_a_version_runs_as_12_which_is_an_error(tmp_path):
    resource = ('<resource identifier="R" type="webcontent" adlcp:scormType="sco" href="index.html">'
                '<file href="index.html"/></resource>')
    report = check(tmp_path, manifest(resource, metadata="", ns=NS2004))
    assert codes(report, "error") == ["version-unknown"] and report.version == "1.2"


def test_moodle_does_not_trim_the_schemaversion(tmp_path):
    resource = ('<resource identifier="R" type="webcontent" adlcp:scormType="sco" href="index.html">'
                '<file href="index.html"/></resource>')
    padded = META2004.replace(">2004 4th Edition<", ">\n  2004 4th Edition\n<")
    report = check(tmp_path, manifest(resource, metadata=padded, ns=NS2004))
    assert codes(report, "error") == ["version-unknown"] and "spaces or line breaks" in report.findings[0].message


def test_a_2004_schemaversion_on_12_namespaces_is_a_warning(tmp_path):
    report = check(tmp_path, manifest(metadata=META2004))
    assert codes(report) == ["version-mismatch"] and report.version == "2004" and report.ok


def test_an_unknown_schemaversion_in_a_12_manifest_is_a_warning(tmp_path):
    report = check(tmp_path, manifest(metadata=META12.replace(">1.2<", ">9.9<")))
    assert codes(report) == ["version-unknown"] and "'9.9'" in report.findings[0].message and report.ok


# --- launching --------------------------------------------------------------------------------------------------

def test_a_sco_without_href_is_an_error(tmp_path):  # 4
    resource = '<resource identifier="R" type="webcontent" adlcp:scormtype="sco"><file href="index.html"/></resource>'
    report = check(tmp_path, manifest(resource))
    assert "sco-without-href" in codes(report, "error")
    assert report.launches[0].href is None


def test_an_empty_organizations_is_a_resource_only_package(tmp_path):  # 8
    resource = ('<resource identifier="R" type="webcontent" adlcp:scormType="sco" href="index.html">'
                '<file href="index.html"/></resource>')
    report = check(tmp_path, manifest(resource, metadata=META2004, ns=NS2004, organizations="<organizations/>"))
    assert codes(report) == ["resource-only"] and report.ok
    assert [(launch.resource, launch.href) for launch in report.launches] == [("R", "index.html")]


def test_an_item_pointing_nowhere_is_an_error(tmp_path):
    report = check(tmp_path, manifest().replace('identifierref="R"', 'identifierref="Q"'))
    assert codes(report, "error") == ["unknown-resource"]


def test_a_default_naming_no_organization_is_a_warning(tmp_path):
    report = check(tmp_path, manifest().replace('default="O"', 'default="X"'))
    assert codes(report) == ["default-organization"] and report.ok


@pytest.mark.parametrize("attribute, code", [
    ('adlcp:scormtype="SCO"', "scormtype-value"),
    ('adlcp:scormType="sco"', "scormtype-spelling"),
])
def test_scormtype_problems_are_warnings(tmp_path, attribute, code):
    report = check(tmp_path, manifest().replace('adlcp:scormtype="sco"', attribute))
    assert code in codes(report, "warning") and report.ok


SCO = 'adlcp:scormtype="sco" href="index.html"'


@pytest.mark.parametrize("old, new, severity, code", [
    (SCO, 'href="index.html"', "warning", "scormtype-missing"),
    (SCO, 'adlcp:scormtype="sco" href="https://cdn.example/x.html"', "warning", "external-href"),
    ('xmlns:adlcp=', 'xmlns:cp=', "warning", "scormtype-prefix"),
    ('identifierref="R"', "", "warning", "item-without-resource"),
    ("<title>Lesson</title>", "<title>Caf&#233;</title>", "note", "numeric-reference"),
])
def test_one_change_findings(tmp_path, old, new, severity, code):
    text = manifest().replace(old, new)
    if old == "xmlns:adlcp=":
        text = text.replace("adlcp:scormtype", "cp:scormtype")
    report = check(tmp_path, text)
    assert code in codes(report, severity), report.findings


def test_a_package_with_nothing_to_launch_is_an_error(tmp_path):
    report = check(tmp_path, manifest().replace(' identifierref="R"', ""))
    assert "nothing-to-launch" in codes(report, "error")


def test_a_literal_percent_in_a_file_name_is_named(tmp_path):
    resource = ('<resource identifier="R" type="webcontent" adlcp:scormtype="sco" href="a%20b.html">'
                '<file href="a%20b.html"/></resource>')
    report = check(tmp_path, manifest(resource), files=["a%20b.html"])
    assert codes(report) == ["missing-launch-file"] and "'a%2520b.html'" in report.findings[0].message


def test_many_scos_are_reported_compactly(tmp_path):
    items = "".join(f'<item identifier="I{n}" identifierref="R{n}"><title>Page {n}</title></item>' for n in range(57))
    resources = "".join(f'<resource identifier="R{n}" type="webcontent" adlcp:scormtype="sco" href="p{n}.html">'
                        f'<file href="p{n}.html"/></resource>' for n in range(57))
    text = manifest(resources, organizations=f'<organizations default="O"><organization identifier="O">'
                                             f"<title>Course</title>{items}</organization></organizations>")
    report = check(tmp_path, text, files=[f"p{n}.html" for n in range(57) if n != 30])
    assert len(report.launches) == 57
    _, launches, summary = text_report(report)
    assert len(launches) <= 6 and "57 launchable items, 1 with a missing launch file" in launches[0]
    assert "p30.html  [MISSING]" in launches[1] and "INVALID" in summary


# --- XML that Moodle repairs, and XML it refuses ---------------------------------------------------------------

def test_a_stray_ampersand_is_a_warning_and_checking_goes_on(tmp_path):  # 7
    report = check(tmp_path, manifest().replace("<title>Lesson</title>", "<title>Q&A</title>"), files=[])
    assert [(f.severity, f.code, f.line) for f in report.findings] == [
        ("warning", "stray-ampersand", 5), ("error", "missing-launch-file", 7)]
    assert "Moodle replaces it before parsing" in report.findings[0].message
    assert report.launches[0].title == "Q&A"


def test_malformed_xml_is_an_error_with_its_line(tmp_path):
    report = check(tmp_path, manifest().replace("</resources>", "</resource>"))
    [finding] = [f for f in report.findings if f.code == "malformed-xml"]
    assert finding.severity == "error" and finding.line == 8 and "XML error" in finding.message


# --- XSD check --------------------------------------------------------------------------------------------------

def test_an_unreadable_manifest_says_the_xsds_were_not_run(tmp_path):
    report = check(tmp_path, "<package><oops></package>")
    assert report.xsd == "not run" and "malformed-xml" in codes(report, "error")
    assert "the XSDs were not run, as the manifest could not be read" in text_report(report)[2]


def test_xsd_id_spelling_is_a_warning(tmp_path):  # 9
    report = check(tmp_path, manifest().replace('"O"', '"5-Why_ORG"').replace('"I"', '"x_(1)[1]_item"'))
    assert report.xsd == "invalid" and report.ok
    assert set(codes(report)) == {"xsd-id"} and len(report.findings) >= 3
    # each says something of its own, so they are not grouped into one line
    assert len(text_report(report)[0]) == len(report.findings)


def test_other_xsd_errors_are_warnings_with_the_line(tmp_path):
    report = check(tmp_path, manifest().replace('adlcp:scormtype="sco"', 'adlcp:scormtype="SCO"'))
    xsd = [f for f in report.findings if f.code == "xsd"]
    assert xsd and all(f.severity == "warning" and f.line == 7 for f in xsd)


def test_schemas_are_loaded_as_data_never_run(tmp_path):  # 11
    import shutil

    folder = tmp_path / "schemas"
    shutil.copytree(PACKAGED, folder)
    marker = tmp_path / "ran"
    (folder / "validate.py").write_text(f"open({str(marker)!r}, 'w').close()\nraise SystemExit(3)\n")
    report = check(tmp_path, manifest(), schemas=folder)
    assert report.xsd == "valid" and not marker.exists()


def test_a_schemas_folder_without_xsds_is_refused(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(SchemasUnavailable, match="imscp_rootv1p1p2.xsd"):
        check(tmp_path, manifest(), schemas=tmp_path / "empty")


def test_the_shipped_xsds_are_used_when_no_folder_is_given(tmp_path):
    clean = check(tmp_path, manifest())
    assert clean.xsd == "valid"
    broken = check(tmp_path, manifest().replace('adlcp:scormtype="sco"', 'adlcp:scormtype="SCO"'))
    assert broken.xsd == "invalid" and "xsd" in codes(broken, "warning")


def test_a_schemas_folder_that_does_not_exist_says_so(tmp_path):
    with pytest.raises(SchemasUnavailable, match="is not a folder.*leave --schemas out"):
        check(tmp_path, manifest(), schemas=tmp_path / "shared" / "schemas")


# --- the verdict: what Moodle does, then what the XSDs say -----------------------------------------------------------

@pytest.mark.parametrize("change, files, starts", [
    ("", ("index.html",), "OK: Moodle imports it and runs it as SCORM 1.2"),
    ('adlcp:scormtype="SCO"', ("index.html",), "OK: Moodle imports it and runs it as SCORM 1.2"),
    ("", (), "INVALID: Moodle refuses it or learners hit the errors above"),
    ('adlcp:scormtype="SCO"', (), "INVALID: Moodle refuses it or learners hit the errors above"),
])
def test_the_verdict_says_what_moodle_does_then_what_the_xsds_say(tmp_path, change, files, starts):
    text = manifest().replace('adlcp:scormtype="sco"', change) if change else manifest()
    report = check(tmp_path, text, files=files)
    summary = text_report(report)[2].split(": ", 1)[1]
    assert summary.startswith(starts), summary
    moodle, xsd = summary.split("; ", 1)
    assert "XSD" not in moodle and xsd.startswith("the official XSDs find ")
    assert ("no fault" in xsd) == (report.xsd == "valid")
    assert not re.search(r"\bvalid\b", summary)  # never «valid» beside the XSDs' faults


def test_strict_says_why_warnings_fail(tmp_path):
    report = check(tmp_path, manifest(metadata=""))
    assert text_report(report, strict=True)[2].split(": ", 1)[1].startswith(
        "INVALID with --strict, where warnings count: Moodle imports it and runs it as SCORM 1.2 (0 errors, 1 warning")


# --- findings of one kind are grouped -------------------------------------------------------------------------------

def test_sixty_missing_files_make_one_line_with_a_count_and_the_first_names(tmp_path):
    listed = "".join(f'<file href="audio/{n:02}.mp3"/>' for n in range(1, 61))
    resource = ('<resource identifier="R" type="webcontent" adlcp:scormtype="sco" href="index.html">'
                f'<file href="index.html"/>{listed}</resource>')
    report = check(tmp_path, manifest(resource))
    assert codes(report) == ["missing-file"] * 60  # the report keeps each; --format json lists every one
    findings = text_report(report)[0]
    assert len(findings) == 1, findings
    assert ":imsmanifest.xml:7: warning: [60×] resource 'R' lists 'audio/01.mp3', which is not in the zip" in findings[0]
    assert findings[0].endswith("The same for audio/02.mp3, audio/03.mp3, audio/04.mp3 and 56 more "
                                "(--format json lists each)")


def test_two_of_a_kind_stay_separate_lines(tmp_path):
    resource = ('<resource identifier="R" type="webcontent" adlcp:scormtype="sco" href="index.html">'
                '<file href="index.html"/><file href="a.mp3"/><file href="b.mp3"/></resource>')
    findings = text_report(check(tmp_path, manifest(resource)))[0]
    assert len(findings) == 2 and "'a.mp3'" in findings[0] and "'b.mp3'" in findings[1]


# --- zip safety ---------------------------------------------------------------------------------------------------

def test_a_zip_of_web_pages_without_a_manifest_may_be_a_web_export(tmp_path):
    web = validate_zip(make_zip(tmp_path / "web.zip", [("index.html", "x"), ("story.js", "x")]))
    assert codes(web) == ["no-manifest"] and "may be a web export" in web.findings[0].message
    other = validate_zip(make_zip(tmp_path / "other.zip", [("notes.txt", "x")]))
    assert codes(other) == ["no-manifest"] and "web export" not in other.findings[0].message
    nested = validate_zip(make_zip(tmp_path / "nested.zip", [("course/imsmanifest.xml", manifest()),
                                                              ("course/index.html", "x")]))
    assert "zip the folder's contents" in nested.findings[0].message
    assert "web export" not in nested.findings[0].message


@pytest.mark.parametrize("entries, code", [
    ([("index.html", "x")], "no-manifest"),
    ([("course/imsmanifest.xml", manifest())], "no-manifest"),
    ([("imsmanifest.xml", manifest()), ("index.html", "x"), ("../evil.sh", "x")], "unsafe-path"),
    ([("imsmanifest.xml", manifest()), ("index.html", "x"), ("/etc/x", "x")], "unsafe-path"),
    ([("imsmanifest.xml", manifest()), ("index.html", "x"), ("a\\b.html", "x")], "unsafe-path"),
    ([("imsmanifest.xml", "<manifest>")], "malformed-xml"),
    ([("imsmanifest.xml", "<package/>")], "not-a-manifest"),
])
def test_broken_zips_are_errors(tmp_path, entries, code):
    report = validate_zip(make_zip(tmp_path / "x.zip", entries))
    assert code in codes(report, "error"), report.findings
    assert not report.ok


def test_a_nested_manifest_is_named(tmp_path):
    report = validate_zip(make_zip(tmp_path / "x.zip", [("course/imsmanifest.xml", manifest())]))
    assert "found course/imsmanifest.xml" in report.findings[0].message


def test_a_duplicate_entry_is_a_warning(tmp_path):
    report = validate_zip(make_zip(tmp_path / "x.zip", [("imsmanifest.xml", manifest()), ("index.html", "x"),
                                                         ("index.html", "y")]))
    assert codes(report) == ["duplicate-entry"]


def test_a_symbolic_link_is_refused(tmp_path):
    path = make_zip(tmp_path / "x.zip", [("imsmanifest.xml", manifest()), ("index.html", "x")])
    with zipfile.ZipFile(path, "a") as archive_file:
        link = zipfile.ZipInfo("media/passwd")
        link.create_system = 3
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive_file.writestr(link, "/etc/passwd")
    assert codes(validate_zip(path)) == ["symlink"]


def test_a_zip_bomb_is_refused(tmp_path):
    path = make_zip(tmp_path / "bomb.zip", [("imsmanifest.xml", manifest()), ("index.html", b"\0" * 50_000_000)])
    assert codes(validate_zip(path)) == ["zip-bomb"]


def test_too_many_entries_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_ENTRIES", 3)
    entries = [("imsmanifest.xml", manifest()), ("index.html", "x"), ("a.html", "x")]
    assert codes(validate_zip(make_zip(tmp_path / "ok.zip", entries))) == []
    assert "too-many-entries" in codes(validate_zip(make_zip(tmp_path / "x.zip", [*entries, ("b.html", "x")])))


def test_too_many_bytes_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 5_000)
    small = [("imsmanifest.xml", manifest()), ("index.html", "x")]
    assert codes(validate_zip(make_zip(tmp_path / "ok.zip", small))) == []
    assert codes(validate_zip(make_zip(tmp_path / "x.zip", [*small, ("big.bin", "y" * 5_000)]))) == ["too-large"]


def test_an_oversized_manifest_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_MANIFEST_BYTES", len(manifest()))
    small = [("imsmanifest.xml", manifest()), ("index.html", "x")]
    assert codes(validate_zip(make_zip(tmp_path / "ok.zip", small))) == []
    big = [("imsmanifest.xml", manifest().replace("Lesson<", "Lessons<")), ("index.html", "x")]
    assert codes(validate_zip(make_zip(tmp_path / "x.zip", big))) == ["too-large"]


def test_not_a_zip(tmp_path):
    path = tmp_path / "x.zip"
    path.write_text("hello")
    assert codes(validate_zip(path)) == ["not-a-zip"]
    assert codes(validate_zip(tmp_path / "absent.zip")) == ["not-found"]


# --- output ---------------------------------------------------------------------------------------------------------

def test_json_output_has_the_documented_shape(tmp_path):
    report = check(tmp_path, manifest(metadata=""))
    data = json.loads(as_json(report))
    assert set(data) == {"format", "path", "valid", "strict", "version", "xsd", "counts", "findings", "launches"}
    assert data["valid"] is True and data["counts"] == {"error": 0, "warning": 1, "note": 0}
    assert data["findings"][0] == {"severity": "warning", "code": "version-unknown", "line": 2, "entry": None,
                                   "name": None, "message": data["findings"][0]["message"]}
    assert data["launches"][0]["href"] == "index.html"
    assert json.loads(as_json(report, strict=True))["valid"] is False


def test_text_findings_name_the_manifest_line(tmp_path):
    report = check(tmp_path, manifest(), files=[])
    findings, _, summary = text_report(report)
    assert findings[0].endswith(":imsmanifest.xml:7: error: " + report.findings[0].message)
    assert summary.endswith("INVALID: Moodle refuses it or learners hit the errors above (1 error, 0 warnings, "
                            "0 notes); the official XSDs find no fault")
