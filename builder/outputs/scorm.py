"""imsmanifest.xml for SCORM 1.2 and SCORM 2004 4th Edition — the only module that knows SCORM's XML.

Both versions share one structure (metadata, one organization with one item, one
SCO resource listing every file); they differ only where the standards differ.
"""

from __future__ import annotations

from typing import Literal

from lxml import etree

from ..course.model import Course

Version = Literal["1.2", "2004"]

NS_12 = {
    None: "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2",
}
NS_2004 = {
    None: "http://www.imsglobal.org/xsd/imscp_v1p1",
    "adlcp": "http://www.adlnet.org/xsd/adlcp_v1p3",
    "adlseq": "http://www.adlnet.org/xsd/adlseq_v1p3",
    "adlnav": "http://www.adlnet.org/xsd/adlnav_v1p3",
    "imsss": "http://www.imsglobal.org/xsd/imsss",
}
SCHEMA_VERSION = {"1.2": "1.2", "2004": "2004 4th Edition"}
LAUNCH = "index.html"


def manifest(course: Course, files: list[str], version: Version) -> bytes:
    ns = NS_12 if version == "1.2" else NS_2004
    cp = ns[None]

    def el(parent, tag: str, text: str | None = None, prefix: str | None = None, **attrs):
        node = etree.SubElement(parent, f"{{{ns[prefix] if prefix else cp}}}{tag}")
        for name, value in attrs.items():
            node.set(name, value)
        if text is not None:
            node.text = text
        return node

    root = etree.Element(f"{{{cp}}}manifest", nsmap=ns)
    root.set("identifier", f"MANIFEST-{course.package_id}")
    root.set("version", course.version)
    metadata = el(root, "metadata")
    el(metadata, "schema", "ADL SCORM")
    el(metadata, "schemaversion", SCHEMA_VERSION[version])

    organizations = el(root, "organizations", default=f"ORG-{course.package_id}")
    organization = el(organizations, "organization", identifier=f"ORG-{course.package_id}")
    el(organization, "title", course.title)
    item = el(organization, "item", identifier=f"ITEM-{course.package_id}", identifierref=f"RES-{course.package_id}")
    el(item, "title", course.title)
    if version == "1.2":
        if course.pass_rule.mastery_score is not None:
            el(item, "masteryscore", str(course.pass_rule.mastery_score), prefix="adlcp")
    else:
        sequencing(el, item, course)
        presentation = el(item, "presentation", prefix="adlnav")
        interface = el(presentation, "navigationInterface", prefix="adlnav")
        for hidden in ("continue", "previous"):  # the SCO navigates itself
            el(interface, "hideLMSUI", hidden, prefix="adlnav")

    resources = el(root, "resources")
    resource = el(resources, "resource", identifier=f"RES-{course.package_id}", type="webcontent", href=LAUNCH)
    resource.set(f"{{{ns['adlcp']}}}{'scormtype' if version == '1.2' else 'scormType'}", "sco")
    for path in sorted(files):
        el(resource, "file", href=path)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def sequencing(el, item, course: Course) -> None:
    seq = el(item, "sequencing", prefix="imsss")
    objectives = el(seq, "objectives", prefix="imsss")
    # Objective ids are the ones the runtime writes to cmi.objectives: lesson ids, and the quiz id (or the
    # course id when there is no quiz) for the primary objective.
    primary_id = course.quiz.id if course.quiz else course.id
    if course.pass_rule.scaled_passing_score is not None:
        primary = el(objectives, "primaryObjective", prefix="imsss", objectiveID=primary_id, satisfiedByMeasure="true")
        el(primary, "minNormalizedMeasure", course.pass_rule.scaled_passing_score, prefix="imsss")
    else:
        el(objectives, "primaryObjective", prefix="imsss", objectiveID=primary_id)
    for lesson in course.lessons:
        el(objectives, "objective", prefix="imsss", objectiveID=lesson.id)
    delivery = el(seq, "deliveryControls", prefix="imsss")
    delivery.set("objectiveSetByContent", "true")
    delivery.set("completionSetByContent", "true")
