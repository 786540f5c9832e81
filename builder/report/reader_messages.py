"""readers.py words its refusals in English. Until it raises coded refusals itself, its known messages are recognised here and given their code, so HR
reads them in the report's language; one not recognised keeps its English text under [unreadable]."""

from __future__ import annotations

import re

from .words import Refusal

KNOWN = [(re.compile(rf"^(?P<path>.+?): {pattern}"), code) for pattern, code in (
    (r"cannot read the file \((?P<reason>.*)\)", "file-unreadable"),
    (r"the file is empty", "file-empty"),
    (r"(?P<size>[\d,.]+) MB is more than the (?P<max>[\d,.]+) MB guard", "file-too-large"),
    (r"this is a SCORM package, not a report export", "package-as-export"),
    (r"a zip file that is neither", "zip-not-spreadsheet"),
    (r"neither a spreadsheet nor a UTF-8 text export", "not-text"),
    (r"a web page, not a report export", "web-page"),
    (r"from row (?P<row>\d+) on the text is no longer UTF-8", "not-utf8"),
    (r"the workbook is password-protected", "password"),
    (r"a damaged or cut-off (Excel \(\.xlsx\)|OpenDocument \(\.ods\)) file: (?P<detail>.*); download", "file-damaged-at"),
    (r"(a damaged or cut-off|an old Excel|an OpenDocument file without|.*save it again, or download)",
     "file-damaged"),
)]


def coded(message: str, lang: str) -> Refusal:
    for pattern, code in KNOWN:
        found = pattern.match(message)
        if found:
            facts = found.groupdict()
            return Refusal(code, facts.pop("path"), lang=lang, **facts)
    return Refusal("unreadable", None, lang=lang, detail=message)
