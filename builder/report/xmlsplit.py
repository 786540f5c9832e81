"""Machine-written XML (a spreadsheet's sheet) cut into stretches of whole elements, in blocks.

Parsing with lxml costs microseconds per element, which a sheet of 500,000 learners has some 60 million of; cutting
the text at known tags and finding cells with a regular expression costs a fraction of that. The readers that use this split only what is written the usual
way and hand anything else (comments, CDATA, unusual spacing or markup) to lxml, so the result is the same.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator

BLOCK = 1 << 22  # characters decoded at a time: large enough that the splitting, not the reading, sets the pace
ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.-]+)["']""")
ATTRIBUTE = re.compile(r"""([\w:.-]+)\s*=\s*(?:(")([^"]*)"|'([^']*)')""")
ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);")
ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}


class Damaged(Exception):
    """XML that ends too soon or lacks what it must hold: a code of the «report» words (damaged-…) and its facts,
    worded in the report's language by readers.ExportError for the person with the file."""

    def __init__(self, code: str, **facts: str):
        super().__init__(code, facts)
        self.code, self.facts = code, facts


def stretches(stream, container: str, item: str) -> Iterator[tuple[str, str]]:
    """The XML inside the first <container> element, decoded, in stretches of whole <item> elements, with the
    namespace prefix the file uses for them ("" or e.g. "x:")."""
    block = stream.read(max(BLOCK, 1024))  # the XML declaration, which may name the encoding, is whole in it
    declared = ENCODING.match(block)
    decoder = codecs.getincrementaldecoder(declared.group(1).decode() if declared else "utf-8")()
    text = decoder.decode(block, final=not block)
    opening = re.compile(rf"<(?:([\w.-]+):)?{container}[\s/>]")
    while (found := opening.search(text)) is None or ">" not in text[found.end() - 1:]:
        if not block:
            raise Damaged("damaged-no-element", element=container)
        if found is None:  # whatever comes before (column widths, styles) may be long: keep only its end
            text = text[-len(container) - 64:]
        block = stream.read(BLOCK)
        text += decoder.decode(block, final=not block)
    prefix = f"{found.group(1)}:" if found.group(1) else ""
    opening_end = text.index(">", found.end() - 1)
    if text[opening_end - 1] == "/":
        return  # <sheetData/>: nothing in it
    text = text[opening_end + 1:]
    item_end, container_end = f"</{prefix}{item}>", f"</{prefix}{container}>"
    while True:
        end = text.find(container_end)
        if end >= 0:
            yield prefix, text[:end]
            return
        cut = text.rfind(item_end)
        if cut >= 0:
            cut += len(item_end)
            yield prefix, text[:cut]
            text = text[cut:]
        block = stream.read(BLOCK)
        if not block:
            raise Damaged("damaged-cut-off")
        text += decoder.decode(block)


def attributes(tag: str) -> dict[str, str]:
    """A start tag's attributes (the text after its name), by their names as written."""
    return {name: double if quote_mark else single for name, quote_mark, double, single in ATTRIBUTE.findall(tag)}


def unescape(raw: str) -> str:
    def one(match):
        name = match.group(1)
        if name[0] == "#":
            return chr(int(name[2:], 16) if name[1] in "xX" else int(name[1:]))
        return ENTITIES[name]
    return ENTITY.sub(one, raw)
