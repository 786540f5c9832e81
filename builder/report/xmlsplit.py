"""Machine-written XML (a spreadsheet's sheet) cut into its elements by plain string splitting, in blocks.

Parsing with lxml costs microseconds per element, which a sheet of 500,000 learners has some 60 million of; splitting
the text at known tags costs a fraction of that. The readers that use this split only what is written the usual
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
    """XML that ends too soon or lacks what it must hold; the message says what, for the person with the file."""


def stretches(stream, container: str, item: str) -> Iterator[tuple[str, str]]:
    """The XML inside the first <container> element, decoded, in stretches of whole <item> elements, with the
    namespace prefix the file uses for them ("" or e.g. "x:")."""
    block = stream.read(BLOCK)
    declared = ENCODING.match(block)
    decoder = codecs.getincrementaldecoder(declared.group(1).decode() if declared else "utf-8")()
    text = decoder.decode(block, final=not block)
    opening = re.compile(rf"<(?:([\w.-]+):)?{container}[\s/>]")
    found = opening.search(text)
    while found is None and block:  # whatever comes before the data (column widths, views) may be long
        block = stream.read(BLOCK)
        text = text[-len(container) - 64:] + decoder.decode(block, final=not block)
        found = opening.search(text)
    if found is None:
        raise Damaged(f"a part of the workbook has no <{container}>")
    prefix = f"{found.group(1)}:" if found.group(1) else ""
    opening_end = text.index(">", found.start()) if ">" in text[found.start():] else -1
    if opening_end < 0 or text[opening_end - 1] == "/":
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
            raise Damaged("the workbook's XML ends too soon (a download that did not finish?)")
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
