"""The first sheet of an Excel workbook (.xlsx), streamed: memory does not grow with the rows.

calamine (which still reads old .xls) loads a whole sheet before it hands over the first row, gigabytes for the
largest organisations; openpyxl's streaming mode is many times slower, and so is lxml building an element for every
cell. So the sheet's XML is cut into rows at their end tags, in blocks (xmlsplit.py), a row's cells are found by
one regular expression, and only a row with a cell not written the usual way (a formula, an inline string, spaces
between its tags, odd quoting) is parsed as XML. Cells are placed by their reference (`r="C7"`), so skipped empty
cells keep every value in its column. Values come out as the text calamine gave: numbers without a needless «.0»,
dates (by the cell's number format, in the workbook's 1900 or 1904 date system) as 2026-11-25 or 2026-11-25 15:42."""

from __future__ import annotations

import datetime
import posixpath
import re
import zipfile
from array import array
from collections.abc import Callable, Iterator
from itertools import accumulate, islice

from lxml import etree

from .xmlsplit import Damaged, stretches, unescape
from .xmlsplit import attributes as xml_attributes

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
MAIN = f"{{{MAIN_NS}}}"
RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
DOC_RELS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
DATE_FORMAT_IDS = {*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)}  # Excel's built-in dates, times
ELAPSED_FORMAT_IDS = {46}  # [h]:mm:ss
ELAPSED = re.compile(r"\[(h+|m+|s+)\]", re.I)
NOT_DATE_PARTS = re.compile(r'"[^"]*"|\\.|_.|\*.|\[[^\]]*\]')  # quoted text, escapes, spacing, [colour] [$-409]
DATE_LETTERS = re.compile(r"[dmyhs]", re.I)
UNUSUAL = re.compile(r"<!|<\?")  # a comment, CDATA or processing instruction: XML the splitting does not expect
ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")  # how OOXML writes a control character in text: _x000D_
EPOCH_1900 = datetime.datetime(1899, 12, 30)
EPOCH_1904 = datetime.datetime(1904, 1, 1)
LAST_DATE = 2_958_466  # 1 January 10000 in Excel's count of days
MAX_COLUMNS = 16_384  # Excel's own limit
COMMON = 4096


class BadWorkbook(Damaged):
    """What is wrong with the workbook: a code and its facts, worded for the person who downloaded it."""


def rows(path, on_row: Callable[[], None] | None = None) -> Iterator[list[str]]:
    """Every row of the first sheet as text, empty cells as "" and trailing ones dropped; missing rows are left out.
    `on_row()` is called once per row read (a progress bar)."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = Parts(archive)
            cells = Cells(shared_strings(archive, parts.shared_strings), *number_styles(archive, parts.styles),
                          EPOCH_1904 if parts.date1904 else EPOCH_1900)
            with archive.open(parts.sheet) as sheet:
                yield from sheet_rows(sheet, cells, on_row)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as exc:
        raise BadWorkbook("damaged-zip", kind=exc.__class__.__name__) from None
    except KeyError as exc:
        raise BadWorkbook("damaged-part-missing", part=exc.args[0]) from None
    except etree.XMLSyntaxError as exc:
        raise BadWorkbook("damaged-xml", detail=exc.msg) from None
    except UnicodeDecodeError:
        raise BadWorkbook("damaged-encoding") from None


class Parts:
    """Where the first sheet, the shared strings and the styles are, from the workbook and its relationships."""

    def __init__(self, archive: zipfile.ZipFile):
        workbook = parse(archive, "xl/workbook.xml")
        targets = {}
        if "xl/_rels/workbook.xml.rels" in archive.NameToInfo:
            for rel in parse(archive, "xl/_rels/workbook.xml.rels").iter(f"{RELS}Relationship"):
                targets[rel.get("Id")] = (rel.get("Type", "").rsplit("/", 1)[-1], part_name(rel.get("Target", "")))
        sheet = next(workbook.iter(f"{MAIN}sheet"), None)
        if sheet is None:
            raise BadWorkbook("damaged-no-sheet")
        self.sheet = targets.get(sheet.get(f"{DOC_RELS}id"), ("", "xl/worksheets/sheet1.xml"))[1]
        by_type = {kind: name for kind, name in targets.values()}
        self.shared_strings = by_type.get("sharedStrings", "xl/sharedStrings.xml")
        self.styles = by_type.get("styles", "xl/styles.xml")
        properties = next(workbook.iter(f"{MAIN}workbookPr"), None)
        self.date1904 = properties is not None and properties.get("date1904", "false").lower() in ("1", "true")


def part_name(target: str) -> str:
    """A relationship's target as a name in the zip: relative to xl/, or absolute from the package's root."""
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))


def parse(archive: zipfile.ZipFile, name: str):
    with archive.open(name) as part:
        return etree.parse(part, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)).getroot()


class SharedStrings:
    """The workbook's table of texts, which cells name by number, packed: the texts joined into one string, and
    where each starts. It is the one thing the reader holds that grows with the learners (each brings a name and an
    e-mail address of their own), and a string object per entry would cost more than twice the text itself."""

    def __init__(self):
        self.text, self.offsets, self.chunks, self.common = "", array("Q", [0]), [], {}

    def extend(self, texts: list[str]) -> None:
        self.chunks.append("".join(texts))
        self.offsets.extend(islice(accumulate(map(len, texts), initial=self.offsets[-1]), 1, None))

    def done(self) -> SharedStrings:
        self.text, self.chunks = "".join(self.chunks), []
        # The first entries, by the number cells write: a table lists texts as they first appear, so these are
        # the ones most cells repeat (column heads, question ids, answers), looked up without arithmetic.
        self.common = {str(index): self[index] for index in range(min(len(self), COMMON))}
        return self

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def __getitem__(self, index: int) -> str:
        if not 0 <= index < len(self.offsets) - 1:
            raise IndexError(index)
        return self.text[self.offsets[index]:self.offsets[index + 1]]


def shared_strings(archive: zipfile.ZipFile, name: str) -> SharedStrings:
    """The shared strings. An entry written the usual way (`<si><t>text</t></si>`) is cut out of the XML; any other
    (rich text, phonetic hints) is parsed."""
    table = SharedStrings()
    if name not in archive.NameToInfo:
        return table.done()
    with archive.open(name) as part:
        for prefix, stretch in stretches(part, "sst", "si"):
            item_start, item_end = f"<{prefix}si>", f"</{prefix}t></{prefix}si>"
            plain, kept = f"<{prefix}t>", f'<{prefix}t xml:space="preserve">'
            if UNUSUAL.search(stretch):
                table.extend([rich_text(item) for item in parse_fragment(prefix, stretch).iter(f"{MAIN}si")])
                continue
            texts = []
            for item in stretch.split(item_start)[1:]:
                item = item.rstrip()
                start = len(plain) if item.startswith(plain) else len(kept) if item.startswith(kept) else -1
                text = item[start:-len(item_end)] if start > 0 and item.endswith(item_end) else "<"
                if "<" in text:
                    texts.append(rich_text(parse_fragment(prefix, item_start + item)[0]))
                else:
                    texts.append(plain_text(text))
            table.extend(texts)
    return table.done()


def parse_fragment(prefix: str, xml: str):
    """Elements cut out of a part, parsed inside a wrapper that declares the namespace they were written with."""
    declaration = f'xmlns{":" + prefix[:-1] if prefix else ""}="{MAIN_NS}"'
    return etree.fromstring(f"<wrapper {declaration}>{xml}</wrapper>",
                            etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))


def plain_text(raw: str) -> str:
    """Text cut out of the XML: its character references resolved, and OOXML's own escapes (_x000D_)."""
    if "&" in raw:
        raw = unescape(raw)
    return ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), raw) if "_x" in raw else raw


def rich_text(item) -> str:
    """A shared or inline string: its text, or its runs' texts joined; phonetic hints (rPh) are not text."""
    text = item.findtext(f"{MAIN}t")
    if text is None:
        text = "".join(t.text or "" for t in item.iterfind(f"{MAIN}r/{MAIN}t"))
    return ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


def number_styles(archive: zipfile.ZipFile, name: str) -> tuple[frozenset[str], frozenset[str]]:
    """The cell styles (as written in `s="…"`) whose number format shows a date or time, and elapsed time."""
    if name not in archive.NameToInfo:
        return frozenset(), frozenset()
    styles = parse(archive, name)
    custom = {f.get("numFmtId"): f.get("formatCode", "") for f in styles.iter(f"{MAIN}numFmt")}
    dates, elapsed = set(), set()
    cell_formats = styles.find(f"{MAIN}cellXfs")
    for index, xf in enumerate(cell_formats if cell_formats is not None else ()):
        format_id = xf.get("numFmtId", "0")
        code = custom.get(format_id)
        if code is not None:
            if ELAPSED.search(code):
                elapsed.add(str(index))
            elif DATE_LETTERS.search(NOT_DATE_PARTS.sub("", code).split(";")[0]):
                dates.add(str(index))
        elif format_id.isdigit() and int(format_id) in ELAPSED_FORMAT_IDS:
            elapsed.add(str(index))
        elif format_id.isdigit() and int(format_id) in DATE_FORMAT_IDS:
            dates.add(str(index))
    return frozenset(dates), frozenset(elapsed)


class Cells:
    """A cell's value as text, from its type (`t`), style (`s`) and raw value."""

    def __init__(self, strings: SharedStrings, dates: frozenset[str], elapsed: frozenset[str], epoch):
        self.strings, self.dates, self.elapsed, self.epoch = strings, dates, elapsed, epoch

    def text(self, kind: str | None, style: str | None, raw: str, ref: str) -> str:
        if kind == "s":
            try:
                return self.strings[int(raw)]
            except (ValueError, IndexError):
                raise BadWorkbook("damaged-shared-string", cell=ref or "?", raw=raw[:20]) from None
        if kind is None or kind == "n":
            if not raw:
                return ""
            if style in self.dates or style in self.elapsed:
                return date_text(raw, ref, self.epoch, style in self.elapsed)
            return number_text(raw, ref)
        if kind == "str" or kind == "inlineStr":
            return ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), raw) if "_x" in raw else raw
        if kind == "b":
            return "True" if raw.strip() == "1" else "False" if raw.strip() else ""
        if kind == "d":
            return iso_date_text(raw)
        return ""  # "e": an error such as #DIV/0! holds no value


def sheet_rows(sheet, cells: Cells, on_row) -> Iterator[list[str]]:
    scanner = None
    for prefix, stretch in stretches(sheet, "sheetData", "row"):
        scanner = scanner or Scanner(cells, prefix)
        yield from scanner.rows(stretch, on_row)


class Scanner:
    """Rows and cells from a stretch of the sheet's XML that holds whole rows.

    A regular expression finds the cells written the usual way, in C, a row at a time: `<c r="C7" …/>` (empty) and
    `<c r="C7" …><v>value</v></c>`; their attributes (type, style) are read once per distinct text, so a row costs
    little more than one lookup per cell. A row where it finds fewer cells than the row has `<c ` tags (a formula,
    an inline string, a cell without `r` or with spaces between its tags) is parsed as XML, and so is a stretch
    with comments or CDATA."""

    def __init__(self, cells: Cells, prefix: str):
        self.cells, self.prefix = cells, prefix
        p = re.escape(prefix)
        self.row_end, self.cell_start, self.ref_start = f"</{prefix}row>", f"<{prefix}c ", f'<{prefix}c r="'
        # (attributes after the reference, value) per cell; an empty cell gives ("", ""). Possessive (*+), as
        # backtracking through every cell's attributes would double the time.
        usual = rf'"(?:([^>/]*+)><{p}v>([^<]*+)</{p}v></{p}c>|[^>/]*+/>)'
        self.cell = re.compile(rf'<{p}c r="[A-Z]++[0-9]++{usual}')
        self.placed_cell = re.compile(rf'<{p}c r="([A-Z]++[0-9]++){usual}')  # the same with the reference
        # Anything the splitting below does not expect sends the stretch to the XML parser instead.
        self.unusual = re.compile(rf"<!|<\?|<{p}c[\t\r\n/>]")
        self.columns: dict[str, int] = {}
        self.kinds: dict[str, tuple[str | None, str | None]] = {}  # attributes → type and style
        self.shared: set[str] = set()  # the attributes of shared-string cells, as written
        self.known: dict[str, dict[str, str]] = {}  # attributes → value → text: the few numbers most rows repeat

    def rows(self, stretch: str, on_row) -> Iterator[list[str]]:
        if self.unusual.search(stretch):
            yield from self.parsed_rows(stretch, on_row)
            return
        pieces = stretch.split(self.row_end)
        if not pieces[-1].strip():
            pieces.pop()  # what follows the last row's end
        find, cell_start, values = self.cell.findall, self.cell_start, self.values
        for row in pieces:
            cells = find(row)
            if len(cells) == row.count(cell_start):
                yield values(row, cells)
                if on_row:
                    on_row()
            else:  # a cell the expression does not read
                yield from self.parsed_rows(row + self.row_end, on_row)

    def values(self, row: str, cells: list[tuple[str, str]]) -> list[str]:
        shared, get, strings, other = self.shared, self.cells.strings.common.get, self.cells.strings, self.other
        try:
            values = [(get(raw) or strings[int(raw)]) if attributes in shared else other(attributes, raw) if raw
                      else "" for attributes, raw in cells]
        except (ValueError, IndexError):
            return self.placed(row)  # says which cell, and what is wrong with it
        if values:
            # Cells come left to right; when the first is in column A and the last in the column of their count,
            # none is missing and every value is in its place.
            first = row.find(self.ref_start) + len(self.ref_start)
            last = row.rfind(self.ref_start) + len(self.ref_start)
            if self.column(row[first:row.find('"', first)]) != 0 or \
                    self.column(row[last:row.find('"', last)]) != len(values) - 1:
                values = self.placed(row)
            while values and not values[-1]:
                values.pop()
        return values

    def other(self, attributes: str, raw: str) -> str:
        """A cell's text when its attributes are not (yet) known as a shared string's: numbers, dates, booleans,
        formula text. Raises ValueError when the value does not fit the type."""
        kind, style = self.kinds.get(attributes) or self.learn(attributes)
        if kind == "s":
            return self.cells.strings.common.get(raw) or self.cells.strings[int(raw)]
        known = self.known.get(attributes)
        if known is None:
            known = self.known[attributes] = {}
        text = known.get(raw)
        if text is None:
            try:
                text = self.cells.text(kind, style, unescape(raw) if "&" in raw else raw, "?")
            except BadWorkbook:
                raise ValueError(raw) from None
            if len(known) < 1000:  # the same few numbers in most rows (attempt, score); bounded all the same
                known[raw] = text
        return text

    def learn(self, attributes: str) -> tuple[str | None, str | None]:
        found = xml_attributes(attributes)
        kind, style = found.get("t"), found.get("s")
        if len(self.kinds) < 10_000:  # a few kinds of cell in practice; bounded all the same
            self.kinds[attributes] = kind, style
            if kind == "s":
                self.shared.add(attributes)
        return kind, style

    def placed(self, row: str) -> list[str]:
        """A row's values cell by cell, each in the column its reference names, empty cells put in for the columns
        the row leaves out; a value that does not fit its type is refused with the cell's reference."""
        values: list[str] = []
        for ref, attributes, raw in self.placed_cell.findall(row):
            column = self.column(ref)
            if column < len(values):
                raise BadWorkbook("damaged-cell-order", cell=ref)
            values.extend([""] * (column - len(values)))
            kind, style = self.kinds.get(attributes) or self.learn(attributes)
            values.append(self.cells.text(kind, style, unescape(raw) if "&" in raw else raw, ref))
        while values and not values[-1]:
            values.pop()
        return values

    def column(self, ref: str) -> int:
        letters = ref.rstrip("0123456789")
        index = self.columns.get(letters)
        if index is not None:
            return index
        index = 0
        for letter in letters:
            if not "A" <= letter <= "Z":
                raise BadWorkbook("damaged-cell-reference", ref=ref[:20])
            index = index * 26 + ord(letter) - 64
        if not 0 < index <= MAX_COLUMNS:
            raise BadWorkbook("damaged-cell-reference", ref=ref[:20])
        self.columns[letters] = index - 1
        return index - 1

    def element_text(self, element, ref: str | None) -> str:
        kind = element.get("t")
        if kind == "inlineStr":
            inline = element.find(f"{MAIN}is")
            return self.cells.text(kind, None, rich_text(inline) if inline is not None else "", ref)
        return self.cells.text(kind, element.get("s"), element.findtext(f"{MAIN}v") or "", ref)

    def parsed_rows(self, xml: str, on_row) -> Iterator[list[str]]:
        """Rows by a full XML parse: a row with a cell not written the usual way, or a stretch with comments or
        CDATA among its rows."""
        for row in parse_fragment(self.prefix, xml).iter(f"{MAIN}row"):
            values: list[str] = []
            for cell in row.iter(f"{MAIN}c"):
                ref = cell.get("r")
                if ref:
                    column = self.column(ref)
                    if column < len(values):
                        raise BadWorkbook("damaged-cell-order", cell=ref)
                    values.extend([""] * (column - len(values)))
                values.append(self.element_text(cell, ref))
            while values and not values[-1]:
                values.pop()
            if on_row:
                on_row()
            yield values


def number_text(raw: str, ref: str) -> str:
    try:
        value = float(raw)
    except ValueError:
        raise BadWorkbook("damaged-not-number", cell=ref or "?", raw=raw[:40]) from None
    return str(int(value)) if value.is_integer() else str(value)


def date_text(raw: str, ref: str, epoch: datetime.datetime, is_elapsed: bool) -> str:
    """A date-formatted number as calamine showed it: a date, a date and time to the minute, or a time of day."""
    try:
        serial = float(raw)
    except ValueError:
        raise BadWorkbook("damaged-not-date", cell=ref or "?", raw=raw[:40]) from None
    if is_elapsed:
        return str(datetime.timedelta(milliseconds=round(serial * 86_400_000)))
    if not 0 <= serial < LAST_DATE:
        return number_text(raw, ref)
    if serial < 1:
        return str((datetime.datetime.min + datetime.timedelta(milliseconds=round(serial * 86_400_000))).time())
    if epoch is EPOCH_1900 and serial < 61:
        serial += 1  # Excel counts a 29 February 1900 that never was; the days before it start one later
    moment = epoch + datetime.timedelta(milliseconds=round(serial * 86_400_000))
    if moment.time() == datetime.time(0):
        return str(moment.date())
    return moment.isoformat(sep=" ", timespec="minutes")


def iso_date_text(raw: str) -> str:
    try:
        moment = datetime.datetime.fromisoformat(raw.strip().removesuffix("Z"))
    except ValueError:
        return raw.strip()
    return moment.isoformat(sep=" ", timespec="minutes")
