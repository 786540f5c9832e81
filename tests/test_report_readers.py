"""The export readers: every real Moodle spreadsheet reads as it did with calamine (xlsx) or a full XML parse (ods),
and as its text twin; the streaming readers' edge cases; a damaged file gives a message, never a traceback.

Speed and flat memory are shown by `python -m benchmarks.report`, not here."""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from benchmarks.exports import rows as synthetic_rows
from benchmarks.exports import write_ods, write_text, write_xlsx
from builder.cli import main
from builder.report import ods, xmlsplit
from builder.report.readers import ExportError, cell_text, open_rows
from builder.report.words import Refusal
from builder.words import say
from tests.conftest import REPO

SHARED = Path(os.environ.get("LMS_EXPORTS_DIR") or REPO.parent / "shared" / "lms-exports")
SPREADSHEETS = sorted([*SHARED.glob("*/*.xlsx"), *SHARED.glob("*/*.ods")])
WEEKDAY = re.compile(r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), ")


def read(path: Path) -> list[list[str]]:
    """The rows as the report gets them, without trailing empty cells (the tally pads rows to the header)."""
    with open_rows(path) as rows:
        return [strip(row) for row in rows]


def strip(row) -> list[str]:
    row = list(row)
    while row and not row[-1]:
        row.pop()
    return row


def calamine(path: Path) -> list[list[str]]:
    """The rows as the report read an .xlsx before: calamine, values through the same cell_text."""
    import python_calamine

    sheet = python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    rows = [strip(v if v.__class__ is str else cell_text(v) for v in row) for row in sheet.iter_rows()]
    return [row for row in rows if row]


def parsed_ods(path: Path) -> list[list[str]]:
    """The rows by a full XML parse (the reader's path for unusual files, and what it did for every file before)."""
    with zipfile.ZipFile(path) as archive, archive.open("content.xml") as content:
        return [row for row in (strip(r) for r in ods.parsed_rows(content, None)) if row]


def as_text_download(spreadsheet_rows: list[list[str]], text_rows: list[list[str]]) -> bool:
    """Moodle's spreadsheets write the dates without the weekday its text download starts them with; all else is
    the same."""
    if len(spreadsheet_rows) != len(text_rows):
        return False
    return all(strip(WEEKDAY.sub("", t, count=1) if WEEKDAY.match(t) else t for t in text) == sheet
               for sheet, text in zip(spreadsheet_rows, text_rows))


def test_the_real_exports_are_there():
    if not SHARED.is_dir():
        pytest.skip(f"the shared Moodle exports are not at {SHARED} (set LMS_EXPORTS_DIR)")
    assert any(p.suffix == ".xlsx" for p in SPREADSHEETS) and any(p.suffix == ".ods" for p in SPREADSHEETS)


@pytest.mark.parametrize("path", SPREADSHEETS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_real_spreadsheet_reads_as_before_and_as_its_text_twin(path):
    rows = read(path)
    assert len(rows) > 1
    assert rows == (calamine(path) if path.suffix == ".xlsx" else parsed_ods(path))
    twin = path.with_suffix(".txt")
    if twin.exists():
        assert as_text_download(rows, read(twin))


# --- .xlsx made by hand: what Moodle, Excel, LibreOffice and other writers may put in a sheet ---

STYLES = """<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/><numFmt numFmtId="165" formatCode="[h]:mm"/>
<numFmt numFmtId="166" formatCode="&quot;Day&quot;\\ 0"/></numFmts>
<cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="21"/><xf numFmtId="10"/>
<xf numFmtId="165"/><xf numFmtId="166"/></cellXfs></styleSheet>"""
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def xlsx(path: Path, sheet_data: str, strings: list[str] = (), date1904: bool = False, prefix: str = "",
         sheet_name: str = "sheet1.xml") -> Path:
    """A workbook with one sheet; `sheet_data` is the inside of <sheetData>, written with `prefix` (e.g. "x:")."""
    p = prefix
    declaration = f'xmlns{":" + p[:-1] if p else ""}="{MAIN}"'
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                         'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                         'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                         "</Relationships>")
        archive.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN}" xmlns:r="http://schemas.openxmlformats.org/'
                         f'officeDocument/2006/relationships"><workbookPr date1904="{int(date1904)}"/><sheets>'
                         '<sheet name="Report" sheetId="1" r:id="rId7"/></sheets></workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/'
                         'package/2006/relationships"><Relationship Id="rId7" Type="http://schemas.openxmlformats.'
                         f'org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/{sheet_name}"/>'
                         '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                         'relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId9" Type="http:'
                         '//schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
                         'Target="styles.xml"/></Relationships>')
        archive.writestr("xl/styles.xml", STYLES)
        archive.writestr("xl/sharedStrings.xml", f'<{p}sst {declaration}>' + "".join(strings) + f"</{p}sst>")
        archive.writestr(f"xl/worksheets/{sheet_name}", f'<?xml version="1.0" encoding="UTF-8"?>\n<{p}worksheet '
                         f'{declaration}><{p}cols><{p}col min="1" max="3" width="9"/></{p}cols><{p}sheetData>'
                         f"{sheet_data}</{p}sheetData><{p}mergeCells/></{p}worksheet>")
    return path


SHARED_STRINGS = [
    "<si><t>Navn</t></si>",
    '<si><t xml:space="preserve">  Kari &amp; Ola  </t></si>',
    "<si><r><t>Rich</t></r><r><rPr><color rgb='FF0000'/></rPr><t xml:space='preserve'> text</t></r>"
    '<rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>',
    "<si><t>line_x000D_&#10;break</t></si>",
    "<si><t></t></si>",
]


def test_shared_inline_and_formula_strings(tmp_path):
    path = xlsx(tmp_path / "s.xlsx", '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
                '<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="inlineStr"><is><t>inline'
                '</t></is></c><c r="F1" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c>'
                '<c r="G1" t="str"><f>A1</f><v>formula &lt;text&gt;</v></c><c r="H1" t="b"><v>1</v></c>'
                '<c r="I1" t="e"><v>#DIV/0!</v></c><c r="J1" t="s"><v>4</v></c><c r="K1" t="s"><v>0</v></c></row>',
                SHARED_STRINGS)
    expected = ["Navn", "  Kari & Ola  ", "Rich text", "line\r\nbreak", "inline", "inline", "formula <text>", "True",
                "", "", "Navn"]
    assert read(path) == [expected] == calamine(path)


def test_empty_cells_and_rows_keep_every_value_in_its_column(tmp_path):
    path = xlsx(tmp_path / "e.xlsx", '<row r="1"><c r="A1"><v>1</v></c><c r="D1"><v>4</v></c><c r="E1"/></row>'
                '<row r="4"><c r="B4"><v>2.50</v></c><c r="AA4" t="inlineStr"><is><t>x</t></is></c></row>'
                '<row r="5"><c><v>7</v></c><c><v>8</v></c></row><row r="6"/><row r="7" spans="1:3"></row>'
                '<row r="8"><c r="C8" s="0"/></row>')
    assert read(path) == [["1", "", "", "4"], ["", "2.5"] + [""] * 24 + ["x"], ["7", "8"]] == calamine(path)


def test_a_row_with_one_unusual_cell_is_parsed_whole_between_usual_rows(tmp_path):
    """Rows are read by one expression for the usual cells; a row where it finds fewer cells than `<c ` tags (an
    inline string, a formula, a cell without `r`, a space inside a cell) is parsed as XML, the rows around it not."""
    usual = '<c r="A{n}" s="1" t="s"><v>0</v></c><c r="B{n}" s="1" t="s"/><c r="C{n}"><v>{n}.0</v></c>'
    unusual = ['<c r="A{n}" s="1" t="s"><v>1</v></c><c r="B{n}" t="inlineStr"><is><t>inline</t></is></c>',
               '<c r="A{n}" t="str"><f>B3</f><v>formula</v></c><c r="C{n}" s="1" t="s"><v>0</v></c>',
               '<c t="s"><v>3</v></c><c t="s"><v>0</v></c>',
               '<c r="A{n}" s="1" t="s"> <v>0</v></c><c r="B{n}"><v>5</v></c>']
    rows = "".join(f'<row r="{n}">{(usual if n % 2 else unusual[n // 2 - 1]).format(n=n)}</row>' for n in range(1, 10))
    path = xlsx(tmp_path / "u.xlsx", rows, SHARED_STRINGS)
    assert read(path) == [["Navn", "", "1"], ["  Kari & Ola  ", "inline"], ["Navn", "", "3"],
                          ["formula", "", "Navn"], ["Navn", "", "5"], ["line\r\nbreak", "Navn"], ["Navn", "", "7"],
                          ["Navn", "5"], ["Navn", "", "9"]] == calamine(path)


@pytest.mark.parametrize("cell, says", [
    ('<c r="D2" s="1" t="s"><v>99</v></c>', "the cell D2 names text number «99»"),
    ('<c r="D2"><v>seven</v></c>', "the cell D2 should hold a number but holds «seven»"),
    ('<c r="D2" s="1" t="s"><v>x</v></c>', "the cell D2 names text number «x»"),
])
def test_a_bad_value_in_a_usual_row_is_refused_with_its_cell(tmp_path, cell, says):
    """The usual rows are read without the cells' references; a value that does not fit still names its cell."""
    head = "".join(f'<c r="{c}1" s="1" t="s"><v>0</v></c>' for c in "ABCDE")
    body = "".join(f'<c r="{c}2" s="1" t="s"><v>1</v></c>' for c in "ABC") + cell + '<c r="E2"><v>1</v></c>'
    path = xlsx(tmp_path / "b.xlsx", f'<row r="1">{head}</row><row r="2">{body}</row>', SHARED_STRINGS)
    with pytest.raises(Refusal) as caught:
        read(path)
    caught.value.lang = "en"
    assert says in str(caught.value)


def test_dates_by_number_format_in_both_date_systems(tmp_path):
    data = ('<row r="1"><c r="A1" s="1"><v>46351</v></c><c r="B1" s="2"><v>46351.65428240741</v></c>'
            '<c r="C1" s="3"><v>0.5</v></c><c r="D1" s="4"><v>0.25</v></c><c r="E1" s="5"><v>1.5</v></c>'
            '<c r="F1" s="6"><v>3</v></c><c r="G1" s="2"><v>46351</v></c><c r="H1" t="d"><v>2026-11-25T10:00:00'
            '</v></c><c r="I1"><v>46351</v></c></row>')
    path = xlsx(tmp_path / "d.xlsx", data)
    assert read(path) == [["2026-11-25", "2026-11-25 15:42", "12:00:00", "0.25", "1 day, 12:00:00", "3",
                           "2026-11-25", "2026-11-25 10:00", "46351"]] == calamine(path)
    path1904 = xlsx(tmp_path / "d1904.xlsx", data, date1904=True)
    assert read(path1904)[0][:2] == ["2030-11-26", "2030-11-26 15:42"] == calamine(path1904)[0][:2]


def test_prefixed_pretty_printed_and_commented_sheets_read_the_same(tmp_path):
    cells = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1"><v>3</v></c></row>'
             '<row r="2"><c r="B2" t="s"><v>1</v></c></row>')
    expected = read(xlsx(tmp_path / "plain.xlsx", cells, SHARED_STRINGS))
    assert expected == [["Navn", "", "3"], ["", "  Kari & Ola  "]]
    prefixed = cells.replace("<", "<x:").replace("<x:/", "</x:")
    assert read(xlsx(tmp_path / "x.xlsx", prefixed, [s.replace("<", "<x:").replace("<x:/", "</x:")
                                                      for s in SHARED_STRINGS], prefix="x:")) == expected
    pretty = cells.replace("<row", "\n  <row").replace("<c ", "\n    <c ").replace("<v>", "\n      <v>")
    assert read(xlsx(tmp_path / "pretty.xlsx", pretty, SHARED_STRINGS)) == expected
    single_quoted = cells.replace('r="A1" t="s"', "t='s' r='A1'")
    assert read(xlsx(tmp_path / "quotes.xlsx", single_quoted, SHARED_STRINGS)) == expected
    commented = cells.replace("</row>", "</row><!-- <c r='A9'><v>9</v></c> -->", 1)
    assert read(xlsx(tmp_path / "comment.xlsx", commented, SHARED_STRINGS)) == expected


def test_the_sheet_the_workbook_names_is_read(tmp_path):
    path = xlsx(tmp_path / "named.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row>', sheet_name="data.xml")
    assert read(path) == [["1"]]


def test_rows_cut_across_read_blocks_come_out_whole(tmp_path, monkeypatch):
    """The sheet is read in blocks cut after a whole row: with tiny blocks every cut falls inside a row or a tag."""
    learners = 40
    text = read(write_text(tmp_path / "t.txt", learners, 5, 3, not_started=True))
    sheets = [write_xlsx(tmp_path / "x.xlsx", learners, 5, 3, not_started=True),
              write_ods(tmp_path / "o.ods", learners, 5, 3, not_started=True)]
    whole = [read(path) for path in sheets]
    monkeypatch.setattr(xmlsplit, "BLOCK", 7)
    for path, rows in zip(sheets, whole):
        assert read(path) == rows
        assert as_text_download(rows, text), path


@pytest.mark.parametrize("scorm", ["1.2", "2004"])
def test_synthetic_exports_read_alike_in_every_format(tmp_path, scorm):
    text = read(write_text(tmp_path / "t.txt", 60, 4, 5, not_started=True, scorm=scorm))
    assert text[1:] == [strip(r) for r in synthetic_rows(60, 4, 5, not_started=True, scorm=scorm)]
    assert sum(r[7] == "Not attempted" for r in text) == 20  # every third learner never started
    for path in (write_xlsx(tmp_path / "x.xlsx", 60, 4, 5, not_started=True, scorm=scorm),
                 write_ods(tmp_path / "o.ods", 60, 4, 5, not_started=True, scorm=scorm)):
        assert as_text_download(read(path), text), path
    xlsx_path = tmp_path / "x.xlsx"
    assert read(xlsx_path) == calamine(xlsx_path)


def test_a_workbook_from_openpyxl_reads_as_calamine_reads_it(tmp_path):
    """Another writer than Moodle's and ours: openpyxl (inline strings, dates it formats itself)."""
    import datetime

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Navn", "Startet", "Poeng", "Tid"])
    sheet.append(["Åse Ødegård", datetime.datetime(2026, 11, 25, 15, 42), 87.5, datetime.time(9, 30)])
    sheet.append([None, datetime.date(2026, 1, 2), 100, None, "etter et hull"])
    workbook.save(tmp_path / "o.xlsx")
    assert read(tmp_path / "o.xlsx") == calamine(tmp_path / "o.xlsx") == [
        ["Navn", "Startet", "Poeng", "Tid"], ["Åse Ødegård", "2026-11-25 15:42", "87.5", "09:30:00"],
        ["", "2026-01-02", "100", "", "etter et hull"]]


# --- .ods made by hand ---

def ods_file(path: Path, table: str, prefixes=("table", "office", "text")) -> Path:
    t, o, x = prefixes
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<{o}:document-content '
               f'xmlns:{o}="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               f'xmlns:{t}="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               f'xmlns:{x}="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><{o}:body><{o}:spreadsheet>'
               f'<{t}:table {t}:name="Report"><{t}:table-column {t}:number-columns-repeated="4"/>{table}</{t}:table>'
               f'<{t}:table {t}:name="Other"><{t}:table-row><{t}:table-cell><{x}:p>not this</{x}:p>'
               f"</{t}:table-cell></{t}:table-row></{t}:table></{o}:spreadsheet></{o}:body></{o}:document-content>")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    return path


ODS_TABLE = (
    '<table:table-header-rows><table:table-row><table:table-cell office:value-type="string"><text:p>Navn</text:p>'
    '</table:table-cell><table:table-cell office:value-type="string"><text:p>Poeng</text:p></table:table-cell>'
    "</table:table-row></table:table-header-rows>\n"
    '<table:table-row>\n<table:table-cell office:value-type="string"><text:p>Kari<text:s text:c="2"/>Nordmann'
    '</text:p></table:table-cell>\n<table:table-cell office:value-type="float" office:value="87.50">'
    "<text:p>87,5</text:p></table:table-cell>\n<table:table-cell table:number-columns-repeated=\"2\"/>\n"
    '<table:table-cell office:value-type="percentage" office:value="1"><text:p>100 %</text:p></table:table-cell>'
    "</table:table-row>\n"
    '<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="string"><text:p>'
    "Ola &amp; <text:span>Per</text:span></text:p><text:p>line two</text:p></table:table-cell>"
    '<table:table-cell table:number-columns-repeated="3" office:value-type="string"><text:p>x</text:p>'
    "</table:table-cell></table:table-row>\n"
    '<table:table-row><table:table-cell office:value-type="date" office:date-value="2026-11-25T15:42:00">'
    '<text:p>25.11.2026 15:42</text:p><office:annotation><text:p>a comment</text:p></office:annotation>'
    "</table:table-cell><table:table-cell><text:p>a<text:tab/>b<text:line-break/>c</text:p></table:table-cell>"
    "</table:table-row>\n"
    '<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="4"/>'
    "</table:table-row>"
)
ODS_ROWS = [["Navn", "Poeng"], ["Kari  Nordmann", "87.5", "", "", "1"], ["Ola & Per\nline two", "x", "x", "x"],
            ["Ola & Per\nline two", "x", "x", "x"], ["25.11.2026 15:42", "a\tb\nc"]]


def test_ods_repeats_spans_spaces_paragraphs_and_value_types(tmp_path):
    path = ods_file(tmp_path / "a.ods", ODS_TABLE)
    assert read(path) == ODS_ROWS == parsed_ods(path)


def test_ods_repeated_cells_in_a_usual_row(tmp_path):
    """A row whose cells the expression reads whole, with cells repeated (as LibreOffice writes runs of equal
    cells): each given out as often as it repeats, in its place."""
    cell = '<table:table-cell{}>{}</table:table-cell>'
    row = "".join((cell.format(' office:value-type="string"', "<text:p>a</text:p>"),
                   '<table:table-cell table:number-columns-repeated="2"/>',
                   '<table:table-cell office:value-type="float" office:value="2.50"/>',
                   cell.format(' table:number-columns-repeated="2" office:value-type="string"', "<text:p>x</text:p>"),
                   cell.format("", "")))
    path = ods_file(tmp_path / "r.ods", f"<table:table-row>{row}</table:table-row>" * 2)
    assert read(path) == [["a", "", "", "2.5", "x", "x"]] * 2 == parsed_ods(path)


def test_ods_with_other_namespace_prefixes_reads_the_same(tmp_path):
    renamed = ODS_TABLE.replace("table:", "t:").replace("office:", "o:").replace("text:", "x:")
    path = ods_file(tmp_path / "b.ods", renamed, ("t", "o", "x"))
    assert read(path) == ODS_ROWS


@pytest.mark.parametrize("block", [xmlsplit.BLOCK, 7])
def test_ods_with_merged_cells_goes_through_the_full_parse(tmp_path, monkeypatch, block):
    """Merged cells are parsed as XML, also when a block ends inside a group of rows."""
    monkeypatch.setattr(xmlsplit, "BLOCK", block)
    plain = "".join(f'<table:table-row><table:table-cell office:value-type="float" office:value="{n}"/>'
                    "</table:table-row>" for n in range(30))  # so that the file is more than one block
    table = ('<table:table-header-rows><table:table-row><table:table-cell office:value-type="string"><text:p>Navn'
             "</text:p></table:table-cell></table:table-row></table:table-header-rows><table:table-row-group>"
             '<table:table-row><table:table-cell table:number-columns-spanned="2" office:value-type="string">'
             "<text:p>merged</text:p></table:table-cell><table:covered-table-cell/><table:table-cell "
             'office:value-type="string"><text:p>after</text:p></table:table-cell></table:table-row>'
             f"{plain}</table:table-row-group>")
    expected = [["Navn"], ["merged", "", "after"], *([str(n)] for n in range(30))]
    assert read(ods_file(tmp_path / "m.ods", table)) == expected


# --- damaged files: a message that names the file and says what to do ---

def cut_part(path: Path, part: str, keep: float) -> Path:
    """The same zip, with one part's XML cut off (the zip itself is whole, so only the XML can tell)."""
    cut = path.with_name("cut-" + path.name)
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(cut, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            target.writestr(info.filename, data[: int(len(data) * keep)] if info.filename == part else data)
    return cut


def ods_without_content(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
    return path


def ods_in_latin1(path: Path) -> Path:
    """content.xml declares UTF-8 but holds «ø» in Latin-1, as a hand-edited file might."""
    ods_file(path, '<table:table-row><table:table-cell><text:p>Sølvi</text:p></table:table-cell></table:table-row>')
    with zipfile.ZipFile(path) as archive:
        content = archive.read("content.xml").decode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content.encode("latin-1"))
    return path


def hostile_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def ods_with_bad_checksum(path: Path) -> Path:
    """A stored content.xml changed after it was written: the zip opens, its checksum no longer matches."""
    ods_file(path, '<table:table-row><table:table-cell><text:p>Sølvi</text:p></table:table-cell></table:table-row>')
    path.write_bytes(path.read_bytes().replace(b"not this", b"not that"))
    return path


def ods_with_table_under_another_prefix(path: Path) -> Path:
    """The usual prefixes declared, but the table written as <t:table>: the fast split cannot read it."""
    ods_file(path, "<t:table-row><t:table-cell><text:p>x</text:p></t:table-cell></t:table-row>",
             ("t", "office", "text"))
    with zipfile.ZipFile(path) as archive:
        content = archive.read("content.xml").decode("utf-8")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content.replace("xmlns:t=", f'xmlns:table="{ods.TABLE_NS}" xmlns:t=', 1))
    return path


ROW = '<table:table-row>{}</table:table-row>'
OTHER = ("t", "o", "x")  # other prefixes: the full parse


@pytest.mark.parametrize("make, says", [
    (lambda d: cut_part(write_xlsx(d / "x.xlsx", 30), "xl/worksheets/sheet1.xml", 0.6), "ends too soon"),
    (lambda d: ods_with_bad_checksum(d / "k.ods"), "zip container is damaged"),
    (lambda d: hostile_zip(d / "z.xlsx", {"readme.txt": b"hello"}), "Excel (.xlsx)"),
    (lambda d: ods_with_table_under_another_prefix(d / "t.ods"), "first table is not written as a spreadsheet's"),
    (lambda d: ods_file(d / "p.ods", ROW.format('<table:table-cell table:number-columns-repeated="x"/>')),
     "repeat count «x» that is not a number"),
    (lambda d: ods_file(d / "v.ods", ROW.format('<table:table-cell office:value-type="float" office:value="7,5"/>')),
     "a number cell holds «7,5»"),
    (lambda d: ods_file(d / "u.ods", "<t:table-row><t:table-cell></t:table-row>", OTHER), "its XML is damaged"),

    (lambda d: cut_part(write_xlsx(d / "x.xlsx", 30), "xl/sharedStrings.xml", 0.5), "XML"),
    (lambda d: cut_part(write_ods(d / "o.ods", 30), "content.xml", 0.6), "ends too soon"),
    (lambda d: xlsx(d / "i.xlsx", '<row r="1"><c r="A1" t="s"><v>7</v></c></row>', SHARED_STRINGS),
     "names text number «7»"),
    (lambda d: xlsx(d / "n.xlsx", '<row r="1"><c r="A1"><v>seven</v></c></row>'), "should hold a number"),
    (lambda d: xlsx(d / "r.xlsx", '<row r="1"><c r="C1"><v>1</v></c><c r="A1"><v>2</v></c></row>'),
     "comes after a cell to its right"),
    (lambda d: xlsx(d / "c.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v><c></row>'),
     "XML"),
    (lambda d: ods_without_content(d / "e.ods"), "holds no spreadsheet"),
    (lambda d: ods_in_latin1(d / "l.ods"), "not in the encoding its XML declares"),
])
def test_a_damaged_spreadsheet_gives_a_clear_message(tmp_path, make, says):
    path = make(tmp_path)
    with pytest.raises(Refusal) as caught:
        read(path)
    caught.value.lang = "en"
    english = str(caught.value)
    assert str(path) in english and says in english
    damage = caught.value.params.get("detail")  # what is damaged is a code too, worded in the report's language
    caught.value.lang = "nn"
    assert damage is None or say(f"report.{damage.code}", "nn", **damage.facts) in str(caught.value)
    assert str(caught.value) != english
    result = CliRunner().invoke(main, ["report", str(path), "--out", str(tmp_path / "r.html"), "--lang", "en"])
    assert result.exit_code == 1 and says in result.output and "Traceback" not in result.output
    assert not (tmp_path / "r.html").exists()


def test_a_file_that_cannot_be_read_is_named_with_the_reason(tmp_path):
    from builder.report.readers import check_size

    with pytest.raises(ExportError, match=r"missing\.txt: cannot read the file \(No such file or directory\)"):
        check_size(tmp_path / "missing.txt", 1)


def test_the_size_guard_takes_a_file_of_exactly_its_limit(tmp_path):
    from builder.report.readers import check_size

    path = tmp_path / "x.txt"
    path.write_bytes(b"x" * 1000)
    assert check_size(path, 0.001) == 1000
    path.write_bytes(b"x" * 1001)
    with pytest.raises(ExportError, match="raise it with --max-size"):
        check_size(path, 0.001)


def test_dates_at_the_start_of_excels_1900_system(tmp_path):
    """Serial 1 is 1 January 1900 (a date, not a time of day); from serial 61, 1 March 1900, Excel's false
    29 February no longer shifts the count."""
    data = '<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="1"><v>59</v></c><c r="C1" s="1"><v>61</v></c></row>'
    assert read(xlsx(tmp_path / "d.xlsx", data)) == [["1900-01-01", "1900-02-28", "1900-03-01"]]


def test_a_text_export_that_stops_being_utf8_after_its_start_is_refused(tmp_path):
    path = tmp_path / "x.txt"
    rows = "".join(f"Person {n}\tp{n}@example.com\t1\t50\n" for n in range(3000))  # past the 64 KiB looked at first
    path.write_bytes(f"Name\tEmail address\tAttempt\tScore\n{rows}".encode() + b"Ol\xe9\tx\t1\t50\n")
    with pytest.raises(ExportError, match="is no longer UTF-8"):
        with open_rows(path, 10) as read_rows:
            list(read_rows)
