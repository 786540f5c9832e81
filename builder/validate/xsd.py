"""The official SCORM XSDs, loaded as data with lxml from a schemas folder (never run as code), and their verdict.

Folder layout (as in ADL's kits): scorm12/ with the IMS CP 1.1.2 set, scorm2004-4th/ with the 2004 4th Edition set.
kursbygger ships both in schemas/ beside this file (origin and licence in its README.md); --schemas may name another.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from lxml import etree

from ..words import say
from .findings import Report

PACKAGED = Path(__file__).parent / "schemas"
SETS = {
    "1.2": ("scorm12", {
        "http://www.imsproject.org/xsd/imscp_rootv1p1p2": "imscp_rootv1p1p2.xsd",
        "http://www.adlnet.org/xsd/adlcp_rootv1p2": "adlcp_rootv1p2.xsd",
        "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1": "imsmd_rootv1p2p1.xsd",
    }),
    "2004": ("scorm2004-4th", {
        "http://www.imsglobal.org/xsd/imscp_v1p1": "imscp_v1p1.xsd",
        "http://www.adlnet.org/xsd/adlcp_v1p3": "adlcp_v1p3.xsd",
        "http://www.adlnet.org/xsd/adlseq_v1p3": "adlseq_v1p3.xsd",
        "http://www.adlnet.org/xsd/adlnav_v1p3": "adlnav_v1p3.xsd",
        "http://www.imsglobal.org/xsd/imsss": "imsss_v1p0.xsd",
        "http://ltsc.ieee.org/xsd/LOM": "lom.xsd",
    }),
}
# Two faults in the 1.2 files as ADL shipped them that libxml2 refuses; fixed in memory, the files stay as they are.
REPAIRS = {
    # binds the XML namespace as the default namespace, which the Namespaces spec forbids
    "ims_xml.xsd": (b'xmlns="http://www.w3.org/XML/1998/namespace"', b""),
    # a ##any wildcard after optional elements of its own namespace is ambiguous; ##other is what the spec means
    "imsmd_rootv1p2p1.xsd": (b'<xsd:any namespace="##any"', b'<xsd:any namespace="##other"'),
}
ID_TYPES = ("'xs:ID'", "'xs:IDREF'", "'xs:IDREFS'")
NAMESPACE = re.compile(r"\{[^}]*\}")


class SchemasUnavailable(Exception):
    """The schemas folder lacks the files for a version, or they do not compile."""


class LocalFilesOnly(etree.Resolver):
    def __init__(self, folder: Path):
        super().__init__()
        self.folder = folder

    def resolve(self, url, pubid, context):
        name = (url or "").rstrip("/").rsplit("/", 1)[-1]
        if name in REPAIRS and (self.folder / name).is_file():
            old, new = REPAIRS[name]
            return self.resolve_string((self.folder / name).read_bytes().replace(old, new), context, base_url=url)
        if (url or "").startswith(("http://", "https://")):
            if name == "xml.xsd":  # the W3C's copy, which every set also ships
                local = next((self.folder / n for n in ("xml.xsd", "ims_xml.xsd") if (self.folder / n).is_file()), None)
                if local:
                    return self.resolve_filename(str(local), context)
            raise etree.XMLSchemaParseError(say("validate.schemas-no-fetch", url=url))
        return None


@functools.lru_cache(maxsize=4)
def load_schema(schemas_dir: Path, version: str) -> etree.XMLSchema:
    folder_name, imports = SETS[version]
    if not Path(schemas_dir).is_dir():
        raise SchemasUnavailable(say("validate.schemas-not-folder", folder=schemas_dir))
    folder = Path(schemas_dir) / folder_name
    absent = [name for name in imports.values() if not (folder / name).is_file()]
    if absent:
        raise SchemasUnavailable(say("validate.schemas-lacking", folder=folder, files=", ".join(absent),
                                     version=version))
    lines = "".join(f'<xs:import namespace="{ns}" schemaLocation="{(folder / name).as_uri()}"/>'
                    for ns, name in imports.items())
    wrapper = ('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:kursbygger:wrapper">'
               f"{lines}</xs:schema>")
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    parser.resolvers.add(LocalFilesOnly(folder))
    try:
        return etree.XMLSchema(etree.fromstring(wrapper.encode(), parser, base_url=folder.as_uri() + "/"))
    except (etree.XMLSchemaParseError, etree.XMLSyntaxError) as exc:
        raise SchemasUnavailable(say("validate.schemas-broken", version=version, folder=folder, detail=exc)) from exc


def check_xsd(root: etree._Element, version: str, schemas_dir: Path, report: Report) -> None:
    schema = load_schema(Path(schemas_dir).resolve(), version)
    if schema.validate(etree.ElementTree(root)):
        report.xsd = "valid"
        return
    report.xsd = "invalid"
    for err in schema.error_log:
        message = NAMESPACE.sub("", err.message)  # the line number already says which element
        if any(t in message for t in ID_TYPES):
            report.add("warning", "xsd-id", say("validate.xsd-id", message=message), line=err.line)
        else:
            report.add("warning", "xsd", say("validate.xsd", message=message), line=err.line)
