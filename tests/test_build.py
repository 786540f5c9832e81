"""Building: SCORM manifests valid against the official XSDs, byte-identical rebuilds, atomic output."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import zipfile

import pytest
from lxml import etree

from builder.build import build
from builder.outputs.package import write_zip
from tests.conftest import GOOD, REPO


def xsd_errors(schemas_dir, version, manifest: bytes) -> list[str]:
    spec = importlib.util.spec_from_file_location("shared_validate", schemas_dir / "validate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    schema = module.build_schema(version)
    tree = etree.ElementTree(etree.fromstring(manifest))
    errors = [] if schema.validate(tree) else [str(e) for e in schema.error_log]
    return errors + [msg for _, msg in module.cross_checks(version, tree)]


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_manifest_is_valid_against_the_official_xsds(tmp_path, schemas_dir, version):
    _, [built] = build(GOOD, tmp_path, version)
    with zipfile.ZipFile(built.path) as archive:
        manifest = archive.read("imsmanifest.xml")
        names = set(archive.namelist())
    assert xsd_errors(schemas_dir, version, manifest) == []
    files = set(etree.fromstring(manifest).xpath("//*[local-name()='file']/@href"))
    assert files == names - {"imsmanifest.xml"}  # every file listed, none missing


def test_manifest_12_details(tmp_path):
    _, [built] = build(GOOD, tmp_path, "1.2")
    manifest = zipfile.ZipFile(built.path).read("imsmanifest.xml").decode()
    assert "<schemaversion>1.2</schemaversion>" in manifest
    assert "<adlcp:masteryscore>80</adlcp:masteryscore>" in manifest
    assert 'adlcp:scormtype="sco"' in manifest


def test_masteryscore_left_out_when_failed_means_incomplete(tmp_path):
    source = tmp_path / "src"
    shutil.copytree(GOOD, source)
    course_yaml = source / "course" / "course.yaml"
    course_yaml.write_text(course_yaml.read_text().replace("failed_status: failed", "failed_status: incomplete"))
    _, [built] = build(source, tmp_path / "out", "1.2")
    assert b"masteryscore" not in zipfile.ZipFile(built.path).read("imsmanifest.xml")


def test_manifest_2004_details(tmp_path):
    _, [built] = build(GOOD, tmp_path, "2004")
    manifest = zipfile.ZipFile(built.path).read("imsmanifest.xml").decode()
    assert "<schemaversion>2004 4th Edition</schemaversion>" in manifest
    assert 'adlcp:scormType="sco"' in manifest
    assert '<imsss:primaryObjective objectiveID="demo-quiz" satisfiedByMeasure="true">' in manifest
    assert "<imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure>" in manifest
    assert '<imsss:objective objectiveID="first"/>' in manifest
    assert "<adlnav:hideLMSUI>continue</adlnav:hideLMSUI>" in manifest


def test_all_builds_both_versions(tmp_path):
    _, built = build(GOOD, tmp_path, "all")
    assert sorted(b.path.name for b in built) == ["demo-scorm12.zip", "demo-scorm2004.zip"]


def test_rebuild_is_byte_identical(tmp_path):
    _, [first] = build(GOOD, tmp_path / "a", "1.2")
    _, [second] = build(GOOD, tmp_path / "b", "1.2")
    assert first.path.read_bytes() == second.path.read_bytes()


def test_builds_in_processes_with_other_hash_seeds_are_byte_identical(tmp_path):
    """Set and dict order may follow the hash seed, which differs per process; the zips must not."""
    zips = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        result = subprocess.run([sys.executable, "-m", "builder", "build", "--source", str(REPO), "--scorm", "all",
                                 "--edition", "all", "--out", str(out)], capture_output=True, text=True, cwd=REPO,
                                env={**os.environ, "PYTHONHASHSEED": seed})
        assert result.returncode == 0, result.stdout + result.stderr
        zips.append({path.name: path.read_bytes() for path in sorted(out.glob("*.zip"))})
    assert len(zips[0]) >= 4 and zips[0] == zips[1]


def test_source_date_epoch_sets_the_timestamps(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    _, [built] = build(GOOD, tmp_path, "1.2")
    infos = zipfile.ZipFile(built.path).infolist()
    assert {i.date_time for i in infos} == {(2023, 11, 14, 22, 13, 20)}
    assert {i.external_attr >> 16 for i in infos} == {0o644}
    assert [i.filename for i in infos] == sorted(i.filename for i in infos)


def test_write_is_atomic(tmp_path):
    dest = tmp_path / "course.zip"
    dest.write_bytes(b"earlier")

    class Boom(bytes):
        def __len__(self):
            raise RuntimeError("disk full")

    with pytest.raises(Exception):
        write_zip({"a.txt": b"ok", "b.txt": Boom(b"x")}, dest)
    assert dest.read_bytes() == b"earlier"
    assert [p.name for p in tmp_path.iterdir()] == ["course.zip"]  # no temporary file left behind


@pytest.mark.parametrize("bad", ["../evil.txt", "/abs.txt", "a\\b.txt", "a//b.txt"])
def test_unsafe_package_paths_are_refused(tmp_path, bad):
    with pytest.raises(ValueError, match="package path"):
        write_zip({bad: b"x"}, tmp_path / "x.zip")
    assert not (tmp_path / "x.zip").exists()


def test_cycle_collector_is_back_on_after_a_build_and_after_bad_sources(tmp_path):
    # The build turns Python's cycle collector off while it allocates the model; it must never leave it off.
    import gc

    from builder.course.problems import SourceError

    build(GOOD, tmp_path)
    assert gc.isenabled()
    broken = tmp_path / "broken"
    shutil.copytree(GOOD, broken)
    (broken / "course" / "course.yaml").write_text("id: [\n", encoding="utf-8")
    with pytest.raises(SourceError):
        build(broken, tmp_path)
    assert gc.isenabled()
