"""The output standards a build can write, each declared once as a Target, and the registry that holds them.

The CLI's --scorm, the build (zip names, manifests), the preview (its packages and what the simulated LMS hands the
SCO at launch) and the test LMS (tools/testlms) read the registry; none of them names a standard. A new standard is
a Target registered here, its manifest writer, its adapter in runtime/lms.js, its LMS side for the simulated LMSs
(preview/assets/lms-standards.js) and its tests.

Importing this module is cheap (the CLI reads the ids to parse its options): a manifest writer loads its module,
lxml and the course model on first use."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..course.model import Course

ALL = "all"  # --scorm all: every registered target


@dataclass(frozen=True)
class Target:
    id: str  # what --scorm accepts
    suffix: str  # the zip is <package id>-<suffix>.zip
    write_manifest: Callable[[Course, list[str]], bytes]  # the manifest, from the course and the package's files
    manifest_name: str  # the manifest's path in the zip
    adapter: str  # the learner runtime's adapter that speaks the standard (an export of runtime/lms.js)
    api: str  # the object on the LMS's window through which the SCO finds the LMS
    # What the LMS hands the SCO at launch from the manifest: data-model element → XPath to its value (the preview)
    launch: dict[str, str] = field(default_factory=dict)

    def package(self, files: dict[str, bytes], course: Course) -> dict[str, bytes]:
        """Every file of the package: the rendered ones and the manifest."""
        return {**files, self.manifest_name: self.write_manifest(course, sorted(files))}

    def launch_data(self, package: dict[str, bytes]) -> dict[str, str]:
        """What an LMS hands the SCO at launch, read from the package's manifest as `launch` declares it."""
        from lxml import etree

        root = etree.fromstring(package[self.manifest_name])
        return {element: found[0] for element, path in self.launch.items() if (found := root.xpath(path))}

    def made(self, zip_name: str) -> bool:
        """Whether a zip of this name was built for this target."""
        return zip_name.endswith(f"-{self.suffix}.zip")


REGISTERED: dict[str, Target] = {}


def register(target: Target) -> Target:
    if target.id in REGISTERED or target.id == ALL:
        raise ValueError(f"an output target with the id {target.id!r} is already registered")
    REGISTERED[target.id] = target
    return target


def ids() -> list[str]:
    return list(REGISTERED)


def chosen(choice: str) -> list[Target]:
    """The targets of one --scorm value: one id, or every registered target for 'all'."""
    return list(REGISTERED.values()) if choice == ALL else [REGISTERED[choice]]


def scorm_manifest(version: str) -> Callable[[Course, list[str]], bytes]:
    def write(course: Course, files: list[str]) -> bytes:
        from .scorm import manifest

        return manifest(course, files, version)
    return write


SCORM_12 = register(Target(
    "1.2", "scorm12", scorm_manifest("1.2"), "imsmanifest.xml", adapter="SCORM12", api="API",
    launch={"cmi.student_data.mastery_score": "//*[local-name()='masteryscore']/text()"}))
SCORM_2004 = register(Target(
    "2004", "scorm2004", scorm_manifest("2004"), "imsmanifest.xml", adapter="SCORM2004", api="API_1484_11",
    launch={"cmi.scaled_passing_score": "//*[local-name()='primaryObjective'][@satisfiedByMeasure='true']"
                                        "/*[local-name()='minNormalizedMeasure']/text()"}))
DEFAULT = SCORM_12.id  # what Moodle and most LMSs take without a second thought
