"""imsmanifest.xml judged the way LMSs read it: parsing, SCORM version, organizations, resources and launch files.

Where Moodle 4.3 behaves in a particular way (mod/scorm/datamodels/scormlib.php), the messages say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote, unquote

from lxml import etree

from ..words import say
from .findings import Launch, Report
from .hrefs import XML_BASE, Target, bases, resolve

NAMESPACES = {  # content-packaging namespace of <manifest> → SCORM version
    "http://www.imsproject.org/xsd/imscp_rootv1p1p2": "1.2",
    "http://www.imsglobal.org/xsd/imscp_v1p1": "2004",
}
ADLCP = {"1.2": "http://www.adlnet.org/xsd/adlcp_rootv1p2", "2004": "http://www.adlnet.org/xsd/adlcp_v1p3"}
SCORMTYPE = {"1.2": "scormtype", "2004": "scormType"}
# Moodle matches the <schemaversion> text exactly, without trimming; anything else runs as SCORM 1.2.
MOODLE_2004 = re.compile(r"(CAM )?1\.3|2004 (3rd|4th) Edition")
MOODLE_12 = "1.2"
# Moodle 4.3 turns every "&" that does not start a short named entity into "&amp;" before it parses the manifest.
STRAY_AMPERSAND = re.compile(rb"&(?!\w{2,6};)")
NUMERIC_REFERENCE = re.compile(rb"&#x?[0-9a-fA-F]+;")
PARSER = dict(resolve_entities=False, no_network=True, load_dtd=False)


def local(node: object) -> str:
    return etree.QName(node).localname if isinstance(node, str) else ""


def children(element: etree._Element | None, name: str) -> list[etree._Element]:
    return [] if element is None else [e for e in element if local(e.tag) == name]


def text_of(element: etree._Element | None, name: str) -> str:
    found = children(element, name)
    return "".join(found[0].itertext()).strip() if found else ""


def parse(data: bytes, report: Report) -> etree._Element | None:
    """The manifest's root element, repaired the way Moodle repairs it when that is enough; None when unusable."""
    try:
        root = etree.fromstring(data, etree.XMLParser(**PARSER))
    except etree.XMLSyntaxError as exc:
        first = exc
    else:
        if reference := NUMERIC_REFERENCE.search(data):
            report.add("note", "numeric-reference", say("validate.numeric-reference",
                                                        reference=reference.group().decode()),
                       line=data.count(b"\n", 0, reference.start()) + 1)
        return root
    try:
        root = etree.fromstring(STRAY_AMPERSAND.sub(b"&amp;", data), etree.XMLParser(**PARSER))
    except etree.XMLSyntaxError:
        root = None
    if root is not None:
        lines = sorted({data.count(b"\n", 0, m.start()) + 1 for m in STRAY_AMPERSAND.finditer(data)})
        more = say("validate.also-on-lines", lines=", ".join(map(str, lines[1:]))) if len(lines) > 1 else ""
        report.add("warning", "stray-ampersand", say("validate.stray-ampersand", more=more), line=lines[0])
        return root
    report.add("error", "malformed-xml", say("validate.malformed-xml", detail=first.msg, line=first.lineno),
               line=first.lineno)
    recovered = etree.fromstring(data, etree.XMLParser(recover=True, **PARSER))
    return recovered if recovered is not None and local(recovered.tag) == "manifest" else None


def scorm_version(root: etree._Element, report: Report) -> str:
    """Sets report.version to what Moodle runs the package as; returns the version whose XSDs apply."""
    family = NAMESPACES.get(etree.QName(root).namespace or "")
    metadata = children(root, "metadata")
    versions = children(metadata[0] if metadata else None, "schemaversion")
    where = (versions or metadata or [root])[0].sourceline
    raw = "".join(versions[0].itertext()) if versions else None
    report.version = runs_as = "2004" if raw is not None and MOODLE_2004.fullmatch(raw) else "1.2"
    said = (say("validate.schemaversion-none") if raw is None else
            say("validate.schemaversion-plain", raw=raw) if raw == MOODLE_12 else
            say("validate.schemaversion-unknown", raw=raw.strip()) if raw.strip() == raw else
            say("validate.schemaversion-spaces", raw=raw.strip()))
    if runs_as == "2004" and family == "1.2":
        report.add("warning", "version-mismatch", say("validate.version-mismatch", raw=raw), line=where)
    elif runs_as == "1.2" and family == "2004":
        report.add("error", "version-unknown", say("validate.version-unknown-2004", said=said), line=where)
    elif runs_as == "1.2" and raw != MOODLE_12:
        report.add("warning", "version-unknown", say("validate.version-unknown", said=said), line=where)
    return family or runs_as


@dataclass
class Resource:
    element: etree._Element
    identifier: str
    scorm_type: str
    launch: Target | None
    typed: bool  # has an adlcp:scormtype attribute
    used: bool = False
    refs: dict[str, tuple[int, set[str]]] = field(default_factory=dict)  # package path → first line, roles


def check_manifest(root: etree._Element, names: set[str], report: Report) -> str | None:
    """Every rule over the manifest; returns the SCORM version whose XSDs apply."""
    if local(root.tag) != "manifest":
        report.add("error", "not-a-manifest", say("validate.not-a-manifest", root=local(root.tag)),
                   line=root.sourceline)
        return None
    version = scorm_version(root, report)
    resources = {r.get("identifier"): r for r in root.iter() if local(r.tag) == "resource"}
    nested = {m.get("identifier") for m in root.iterdescendants() if local(m.tag) == "manifest"}
    found = {rid: read_resource(element, rid, version, report) for rid, element in resources.items()}
    check_organizations(root, found, nested, names, report)
    check_files(found, names, report)
    for resource in found.values():
        if resource.scorm_type == "sco" and resource.launch is None:
            used = say("validate.sco-used") if resource.used else say("validate.sco-unused")
            report.add("error" if resource.used else "warning", "sco-without-href",
                       say("validate.sco-without-href", resource=resource.identifier, used=used),
                       line=resource.element.sourceline)
    return version


def read_resource(element: etree._Element, rid: str, version: str | None, report: Report) -> Resource:
    attrs = {local(k): (k, v) for k, v in element.attrib.items() if local(k).lower() == "scormtype"}
    spelled, (key, value) = next(iter(attrs.items()), (None, (None, None)))
    line = element.sourceline
    if version and spelled and spelled != SCORMTYPE[version]:
        report.add("warning", "scormtype-spelling", say("validate.scormtype-spelling", resource=rid, version=version,
                                                        right=SCORMTYPE[version], written=spelled), line=line)
    if key and etree.QName(key).namespace in ADLCP.values() and "adlcp" not in element.nsmap:
        report.add("warning", "scormtype-prefix", say("validate.scormtype-prefix", resource=rid,
                                                      attribute=spelled or "scormtype"), line=line)
    if value is not None and value not in ("sco", "asset"):
        report.add("warning", "scormtype-value", say("validate.scormtype-value", resource=rid, attribute=spelled,
                                                     value=value), line=line)
    href = element.get("href")
    launch = resolve(href, bases(element)) if href is not None and href.strip() else None
    resource = Resource(element, rid, value or "asset", launch, typed=value is not None)
    if href is not None:
        remember(resource, href, launch or resolve(href), "launch", element, report)
    for file in children(element, "file"):
        if file.get("href") is not None:
            remember(resource, file.get("href"), resolve(file.get("href"), bases(file)), "file", file, report)
    return resource


def remember(resource: Resource, href: str, target: Target, role: str, element: etree._Element,
             report: Report) -> None:
    where = (say("validate.href-launch", resource=resource.identifier, href=href) if role == "launch" else
             say("validate.href-file", resource=resource.identifier, href=href))
    if target.problem:
        severity = "error" if role == "launch" else "warning"
        report.add(severity, "bad-href", say("validate.bad-href", where=where, problem=say(target.problem)),
                   line=element.sourceline)
    elif target.external:
        tail = say("validate.external-sco") if role == "launch" and resource.scorm_type == "sco" else ""
        report.add("warning" if tail else "note", "external-href", say("validate.external-href", where=where,
                                                                       tail=tail), line=element.sourceline)
    elif target.path:
        if "\\" in href:
            report.add("warning", "backslash-href", say("validate.backslash-href", where=where),
                       line=element.sourceline)
        resource.refs.setdefault(target.path, (element.sourceline, set()))[1].add(role)


def check_organizations(root: etree._Element, resources: dict[str, Resource], nested: set[str], names: set[str],
                        report: Report) -> None:
    organizations = children(root, "organizations")
    orgs = children(organizations[0] if organizations else None, "organization")
    default = organizations[0].get("default") if organizations else None
    if not orgs:
        report.add("note", "resource-only", say("validate.resource-only"), line=(organizations or [root])[0].sourceline)
        for resource in resources.values():
            add_launch(report, names, None, resource.identifier, resource, "", resource.element.sourceline)
    elif default is not None and default not in {o.get("identifier") for o in orgs}:
        report.add("warning", "default-organization", say("validate.default-organization", default=default),
                   line=organizations[0].sourceline)
    for item in (i for org in orgs for i in org.iter() if local(i.tag) == "item"):
        ref = item.get("identifierref")
        if ref is None:
            if not children(item, "item"):
                report.add("warning", "item-without-resource", say("validate.item-without-resource",
                                                                   item=item.get("identifier")), line=item.sourceline)
            continue
        if ref in nested:
            continue
        if ref not in resources:
            report.add("error", "unknown-resource", say("validate.unknown-resource", item=item.get("identifier"),
                                                        resource=ref), line=item.sourceline)
            continue
        resource = resources[ref]
        if not resource.typed and not resource.used:
            report.add("warning", "scormtype-missing", say("validate.scormtype-missing", resource=ref),
                       line=resource.element.sourceline)
        resource.used = True
        add_launch(report, names, item.get("identifier"), text_of(item, "title") or ref, resource,
                   item.get("parameters") or "", item.sourceline)
    if not report.launches and not any(f.code == "unknown-resource" for f in report.findings):
        report.add("error", "nothing-to-launch", say("validate.nothing-to-launch"),
                   line=(organizations or [root])[0].sourceline)


def add_launch(report: Report, names: set[str], item: str | None, title: str, resource: Resource, parameters: str,
               line: int) -> None:
    if resource.launch is None and item is None:
        return  # a resource-only package: Moodle skips resources without an href
    path = resource.launch.path if resource.launch else None
    report.launches.append(Launch(item, title, resource.identifier, resource.scorm_type, path, parameters,
                                  path in names, line))


def check_files(resources: dict[str, Resource], names: set[str], report: Report) -> None:
    """One finding per missing file, however many times it is listed; the launch file's absence is an error."""
    missing: dict[str, tuple[int, set[str], list[str]]] = {}
    for resource in resources.values():
        for path, (line, roles) in resource.refs.items():
            if path in names:
                continue
            _, all_roles, owners = missing.setdefault(path, (line, set(), []))
            all_roles.update(roles)
            owners.append(resource.identifier)
        check_moodle_base(resource, names, report)
    for path, (line, roles, owners) in missing.items():
        owner = (say("validate.owner-more", resource=owners[0], more=len(owners) - 1) if len(owners) > 1 else
                 say("validate.owner", resource=owners[0]))
        hint = nearest(path, names)
        if "launch" in roles:
            report.add("error", "missing-launch-file", say("validate.missing-launch-file", owner=owner, path=path,
                                                           hint=hint), line=line, name=path)
        else:
            report.add("warning", "missing-file", say("validate.missing-file", owner=owner, path=path, hint=hint),
                       line=line, name=path)


def check_moodle_base(resource: Resource, names: set[str], report: Report) -> None:
    """Moodle 4.3 joins only the resource's own xml:base to the href, as text; the URI rules use every level."""
    href = resource.element.get("href")
    if not href or resource.launch is None or resource.launch.path not in names:
        return
    moodle = resolve((resource.element.get(XML_BASE) or "") + href)
    if moodle.path != resource.launch.path and moodle.path not in names:
        report.add("error", "moodle-xml-base", say("validate.moodle-xml-base", resource=resource.identifier,
                                                   path=resource.launch.path, opened=moodle.path or href),
                   line=resource.element.sourceline)


def nearest(path: str, names: set[str]) -> str:
    """What to do about a missing file: the name the zip holds it under when that differs only in case or in
    percent-encoding, else to add it."""
    same_case = [n for n in names if n.lower() == path.lower()]
    if same_case:
        return say("validate.hint-case", name=same_case[0])
    encoded = [n for n in names if "%" in n and unquote(n) == path]
    if encoded:
        return say("validate.hint-percent", name=encoded[0], quoted=quote(encoded[0]))
    return say("validate.hint-add")
