"""The first table of an OpenDocument spreadsheet (.ods), streamed from content.xml: memory does not grow with the rows.

Cells written the usual way (Moodle's: `<table:table-cell office:value-type="string"><text:p>…</text:p>…`) are cut
out of the XML by plain string splitting (xmlsplit.py); a cell with more inside (spans, spaces written as <text:s/>,
several paragraphs) is parsed on its own, and a file that names its namespaces differently is parsed whole with lxml.
calamine cannot be used: it stops at the line breaks Moodle writes between cells.

A cell's value: numbers (float, percentage, currency) from office:value, without a needless «.0»; anything else
as the text shown in the cell, paragraphs joined by line breaks, trimmed. Repeated cells and rows (the
table:number-*-repeated attributes LibreOffice writes for runs of equal cells) are given out as often as they
repeat, up to 1,024 times, so a sheet padded to a million empty rows stays small.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Iterator

from lxml import etree

from .xmlsplit import Damaged, attributes, stretches, unescape

TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE, OFFICE, TEXT = f"{{{TABLE_NS}}}", f"{{{OFFICE_NS}}}", f"{{{TEXT_NS}}}"
NUMBERS = frozenset(("float", "percentage", "currency"))
MAX_REPEAT = 1024
USUAL_PREFIXES = [f'xmlns:table="{TABLE_NS}"', f'xmlns:office="{OFFICE_NS}"', f'xmlns:text="{TEXT_NS}"']
CELL_END = "</table:table-cell>"
PARAGRAPH, PARAGRAPH_END = "<text:p>", "</text:p>"
USUAL_END = PARAGRAPH_END + CELL_END
# What the splitting below does not expect (comments, CDATA, merged cells, a table inside a table, a line break
# inside a tag); a stretch with any of it is parsed as XML.
UNUSUAL = ("<!", "<?", "<table:covered-table-cell", "<table:table-cell\n", "<table:table-cell\t",
           "<table:table-cell\r", "<table:table ", "<table:table>", "<table:table\n")
# Elements that group rows or columns: a stretch cut after a row may hold the start of one without its end.
GROUPS = re.compile(r"</?table:table-(?:header-rows|row-group|rows|header-columns|column-group|columns)\b[^>]*>")


def rows(path, on_row: Callable[[], None] | None = None) -> Iterator[list[str]]:
    """Every row of the first table as text, empty cells as "" and trailing ones dropped.
    `on_row()` is called once per row read (a progress bar)."""
    try:
        with zipfile.ZipFile(path) as archive:
            with archive.open("content.xml") as content:
                usual = uses_usual_prefixes(content.read(1 << 16).decode("utf-8", "replace"))
            with archive.open("content.xml") as content:
                if usual:
                    yield from split_rows(content, on_row)
                else:
                    yield from parsed_rows(content, on_row)
    except KeyError:
        raise Damaged("damaged-no-content") from None
    except (zipfile.BadZipFile, EOFError, OSError) as exc:
        raise Damaged("damaged-zip", kind=exc.__class__.__name__) from None
    except etree.XMLSyntaxError as exc:
        raise Damaged("damaged-xml", detail=exc.msg) from None
    except UnicodeDecodeError:
        raise Damaged("damaged-encoding") from None


def uses_usual_prefixes(head: str) -> bool:
    """Whether the document calls its namespaces table:, office: and text:, as every known writer does."""
    return all(declaration in head for declaration in USUAL_PREFIXES)


def split_rows(content, on_row) -> Iterator[list[str]]:
    cached: dict[str, tuple[str | None, str | None, int, bool]] = {}
    start = len(PARAGRAPH)
    for prefix, stretch in stretches(content, "table", "table-row"):
        if prefix != "table:":
            raise Damaged("damaged-not-table")
        if any(mark in stretch for mark in UNUSUAL):
            yield from rows_of(fragment(GROUPS.sub("", stretch)).iter(f"{TABLE}table-row"), on_row)
            continue
        pieces = stretch.split("</table:table-row>")
        if not pieces[-1].strip():
            pieces.pop()
        for piece in pieces:
            cells = piece.split("<table:table-cell")
            opening = cells.pop(0)
            if "<table:table-row" not in opening:
                continue  # column definitions or a group's start before the rows: no row
            row: list[str] = []
            append = row.append
            for cell in cells:
                head, _, rest = cell.partition(">")
                known = cached.get(head)
                if known is None:
                    found = attributes(head)
                    known = (found.get("office:value-type"), found.get("office:value"),
                             repeat_of(found.get("table:number-columns-repeated")), head.endswith("/"))
                    if len(cached) < 10_000:  # a few kinds of cell in practice; numbers could make it unbounded
                        cached[head] = known
                kind, number, repeat, empty = known
                if kind in NUMBERS:
                    value = number_text(number)
                elif empty:
                    value = ""
                elif rest.startswith(PARAGRAPH) and (end := rest.rfind(USUAL_END)) > 0 and \
                        "<" not in (text := rest[start:end]):
                    # One paragraph of plain text; nothing but white space can follow a cell's end in a row.
                    value = (unescape(text) if "&" in text else text).strip()
                elif rest.lstrip().startswith(CELL_END):
                    value = ""
                else:
                    value = cell_value(fragment(f"<table:table-cell{cell.rstrip()}")[0])
                if repeat == 1:
                    append(value)
                else:
                    row.extend([value] * repeat)
            yield from repeated(row, opening, on_row)


def repeated(row: list[str], opening: str, on_row) -> Iterator[list[str]]:
    while row and not row[-1]:
        row.pop()
    times = 1
    if "number-rows-repeated" in opening:
        tag = opening[opening.rindex("<table:table-row"):]
        times = 1 if not row else repeat_of(attributes(tag).get("table:number-rows-repeated"))
    if on_row:
        on_row()
    for _ in range(times):
        yield row


def repeat_of(text: str | None) -> int:
    if text is None:
        return 1
    try:
        return max(1, min(int(text), MAX_REPEAT))
    except ValueError:
        raise Damaged("damaged-repeat", raw=text[:20]) from None


def fragment(xml: str):
    """Rows or a cell cut out of content.xml, parsed inside a wrapper that declares the usual namespaces."""
    return etree.fromstring(f'<wrapper xmlns:table="{TABLE_NS}" xmlns:office="{OFFICE_NS}" xmlns:text="{TEXT_NS}">'
                            f"{xml}</wrapper>",
                            etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))


def parsed_rows(content, on_row) -> Iterator[list[str]]:
    """The first table's rows by lxml's iterparse, for a file that names its namespaces its own way."""
    tables = 0
    for event, element in etree.iterparse(content, events=("start", "end"), resolve_entities=False,
                                          no_network=True, huge_tree=True):
        if element.tag == f"{TABLE}table":
            tables += event == "start"
            if event == "end" and tables == 1:
                return  # the first sheet is the report
        if event == "end" and element.tag == f"{TABLE}table-row" and tables == 1:
            yield from rows_of([element], on_row)
            element.clear()
            while element.getprevious() is not None:  # drop rows already read, so memory stays flat
                del element.getparent()[0]


def rows_of(elements, on_row) -> Iterator[list[str]]:
    for element in elements:
        row: list[str] = []
        for cell in element:
            if cell.tag in (f"{TABLE}table-cell", f"{TABLE}covered-table-cell"):
                row.extend([cell_value(cell)] * repeat_of(cell.get(f"{TABLE}number-columns-repeated")))
        while row and not row[-1]:
            row.pop()
        times = 1 if not row else repeat_of(element.get(f"{TABLE}number-rows-repeated"))
        if on_row:
            on_row()
        for _ in range(times):
            yield row


def cell_value(cell) -> str:
    if cell.get(f"{OFFICE}value-type") in NUMBERS:
        return number_text(cell.get(f"{OFFICE}value"))
    return "\n".join(paragraph_text(p) for p in cell.iterchildren(f"{TEXT}p")).strip()


def paragraph_text(element) -> str:
    """A paragraph's text as shown: <text:s text:c="3"/> is three spaces, <text:tab/> a tab, <text:line-break/> a
    line break; spans, links and other inline elements give their text; a comment (annotation) is not shown."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{TEXT}s":
            parts.append(" " * repeat_of(child.get(f"{TEXT}c")))
        elif child.tag == f"{TEXT}tab":
            parts.append("\t")
        elif child.tag == f"{TEXT}line-break":
            parts.append("\n")
        elif child.tag != f"{OFFICE}annotation":
            parts.append(paragraph_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def number_text(raw: str | None) -> str:
    try:
        value = float(raw if raw is not None else "nan")
    except ValueError:
        raise Damaged("damaged-number-cell", raw=raw[:20]) from None
    if value.is_integer():
        return str(int(value))
    return str(value)

