"""The first table of an OpenDocument spreadsheet (.ods), streamed from content.xml: memory does not grow with the rows.

The XML is cut into rows at their end tags (xmlsplit.py), and a row's cells written the usual way (Moodle's:
`<table:table-cell office:value-type="string"><text:p>…</text:p>…`) are found by one regular expression; a row
with a cell that has more inside (spans, spaces written as <text:s/>, several paragraphs) is parsed as XML, and a
file that names its namespaces differently is parsed whole with lxml.
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

from .xmlsplit import Damaged, stretches, unescape
from .xmlsplit import attributes as xml_attributes

TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE, OFFICE, TEXT = f"{{{TABLE_NS}}}", f"{{{OFFICE_NS}}}", f"{{{TEXT_NS}}}"
NUMBERS = frozenset(("float", "percentage", "currency"))
MAX_REPEAT = 1024
USUAL_PREFIXES = [f'xmlns:table="{TABLE_NS}"', f'xmlns:office="{OFFICE_NS}"', f'xmlns:text="{TEXT_NS}"']
CELL_START, ROW_END = "<table:table-cell", "</table:table-row>"
# (attributes, text) of a cell written the usual way; possessive (*+), as backtracking would double the time
CELL = re.compile(r"<table:table-cell([^>/]*+)(?:>(?:<text:p>([^<]*+)</text:p>)?</table:table-cell>|/>)")
# What the splitting below does not expect (comments, CDATA, merged cells, a table inside a table, a line break
# inside a tag); a stretch with any of it is parsed as XML. One expression: nine substring searches took longer.
UNUSUAL = re.compile(r"<(?:!|\?|table:(?:covered-table-cell|table-cell[\t\r\n]|table[ >\n]))")
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
    scanner = Scanner()
    for prefix, stretch in stretches(content, "table", "table-row"):
        if prefix != "table:":
            raise Damaged("damaged-not-table")
        if UNUSUAL.search(stretch):
            yield from rows_of(fragment(GROUPS.sub("", stretch)).iter(f"{TABLE}table-row"), on_row)
            continue
        pieces = stretch.split(ROW_END)
        if not pieces[-1].strip():
            pieces.pop()
        for piece in pieces:
            yield from scanner.rows(piece, on_row)


class Scanner:
    """The cells of a row written the usual way, found by one regular expression in C: `<table:table-cell …/>` and
    `<table:table-cell …>` with nothing or one paragraph of plain text before its end; their attributes (type,
    number, repeat) are read once per distinct text. A row with any other cell (spans, <text:s/>, several
    paragraphs, spaces between the tags: the count of `<table:table-cell` tells) is parsed as XML."""

    def __init__(self):
        self.kinds: dict[str, tuple[str | None, int]] = {}  # attributes → a number's text (or None), repeat
        self.plain: set[str] = set()  # attributes of cells that show their text once
        self.repeats = False  # whether the row being read has a repeated cell

    def rows(self, piece: str, on_row) -> Iterator[list[str]]:
        """The row that ends where `piece` ends (as often as it repeats), or none when the piece holds no row."""
        first = piece.find(CELL_START)
        opening = piece if first < 0 else piece[:first]
        if "<table:table-row" not in opening:
            return  # column definitions or a group's start before the rows: no row
        cells = CELL.findall(piece)
        if len(cells) != piece.count(CELL_START):  # a cell the expression does not read
            yield from rows_of(fragment(GROUPS.sub("", piece) + ROW_END).iter(f"{TABLE}table-row"), on_row)
            return
        plain, other = self.plain, self.other
        self.repeats = False
        row = [(unescape(text) if "&" in text else text).strip() if attributes in plain else other(attributes, text)
               for attributes, text in cells]
        if self.repeats:
            row = self.expanded(cells)
        yield from repeated(row, opening, on_row)

    def other(self, attributes: str, text: str) -> str:
        number, repeat = self.kinds.get(attributes) or self.learn(attributes)
        self.repeats = self.repeats or repeat > 1
        return number if number is not None else (unescape(text) if "&" in text else text).strip()

    def learn(self, attributes: str) -> tuple[str | None, int]:
        found = xml_attributes(attributes)
        kind = (number_text(found.get("office:value")) if found.get("office:value-type") in NUMBERS else None,
                repeat_of(found.get("table:number-columns-repeated")))
        if len(self.kinds) < 10_000:  # a few kinds of cell in practice; numbers could make it unbounded
            self.kinds[attributes] = kind
            if kind == (None, 1):
                self.plain.add(attributes)
        return kind

    def expanded(self, cells: list[tuple[str, str]]) -> list[str]:
        """The row with each repeated cell given out as often as it repeats."""
        row: list[str] = []
        for attributes, text in cells:
            number, repeat = self.kinds.get(attributes) or self.learn(attributes)
            value = number if number is not None else (unescape(text) if "&" in text else text).strip()
            row.extend([value] * repeat)
        return row


def repeated(row: list[str], opening: str, on_row) -> Iterator[list[str]]:
    while row and not row[-1]:
        row.pop()
    times = 1
    if "number-rows-repeated" in opening:
        tag = opening[opening.rindex("<table:table-row"):]
        times = 1 if not row else repeat_of(xml_attributes(tag).get("table:number-rows-repeated"))
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

