"""Synthetic Moodle SCORM "Interactions report" exports of any size, laid out as Moodle 4.3 writes them (see the
shared real exports): name, e-mail, department, attempt, two dates, score, the SCO column, then groups of four
(question, response, right answer, result). Each learner draws `answers` of a 39-question pool; some take a second
attempt, some leave the first unfinished. With `not_started`, every third learner never started, as in Moodle's
default download («Attempts from: all users»): `-` for attempt, dates and score and «Not attempted».

A SCORM 2004 activity's download has one empty group of question columns and no answers (Moodle looks the answers
up under the 1.2 names; ../shared/scorm-notes.md), and the 2004 result word for a wrong answer is «incorrect».

The writers stream: the text and both spreadsheets are written row by row, the spreadsheets' XML by hand (openpyxl's
writer needs about ten minutes for 500,000 learners), so memory stays flat apart from the xlsx shared-string table.
"""

from __future__ import annotations

import csv
import random
import zipfile
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from xml.sax.saxutils import escape

QUESTIONS = 39
CODES = ["a", "b", "c", "d", "t", "f", "a,b", "a,b,c", "a.1,b.2", "a.2,b.1"]
DEPARTMENTS = ["Helse", "Skole", "Teknisk", "Kultur", "Barnehage", "NAV", "Økonomi"]
DATE = "Wednesday, 25 November 2026, 3:42 PM"
NOT_STARTED = ["-", "-", "-", "-", "Not attempted"]
NUMBER_COLUMNS = (3, 6, 7)  # attempt, score and the SCO column are numbers in Moodle's spreadsheets when they are
DATE_COLUMNS = (4, 5)  # Moodle's spreadsheets write the dates without the weekday its text download has


def header(answers: int) -> list[str]:
    head = ["Name", "Email address", "Department", "Attempt", "Started on", "Last accessed on", "Score",
            "Sosiale medier"]
    for n in range(max(answers, 1)):  # a 2004 download still has one (empty) group
        head += [f"Question {n}", f"Response {n}", f"Right answer {n}", f"Result {n}"]
    return head


def width(answers: int, scorm: str = "1.2") -> int:
    return len(header(answers if scorm == "1.2" else 0))


def rows(learners: int, answers: int = 12, seed: int = 1, not_started: bool = False,
         scorm: str = "1.2") -> Iterator[list[str]]:
    rng = random.Random(seed)
    right_code = {f"q{n:02}": CODES[n % len(CODES)] for n in range(QUESTIONS)}
    pool = sorted(right_code)
    full = width(answers, scorm)
    wrong_word = "wrong" if scorm == "1.2" else "incorrect"
    for person in range(learners):
        name, email = f"Deltaker {person}", f"deltaker{person}@example.com"
        department = rng.choice(DEPARTMENTS) if person % 50 else f"Lite kontor {person}"  # some tiny groups
        if not_started and person % 3 == 1:
            yield [name, email, department, *NOT_STARTED] + [""] * (full - 8)
            continue
        for attempt in range(1, 3 if rng.random() < 0.2 else 2):
            if rng.random() < 0.1:
                yield [name, email, department, str(attempt), DATE, DATE, "0", "Incomplete"] + [""] * (full - 8)
                continue
            row = [name, email, department, str(attempt), DATE, DATE, "", ""]
            right = 0
            for qid in rng.sample(pool, answers):
                code = right_code[qid]
                if rng.random() < 0.7:
                    row += [qid, code, code, "correct"]
                    right += 1
                else:
                    row += [qid, rng.choice([c for c in CODES if c != code]), code, wrong_word]
            score = str(round(100 * right / answers))
            row[6] = row[7] = score
            yield row if scorm == "1.2" else row[:8] + [""] * (full - 8)


def write_text(path: Path, learners: int, answers: int = 12, seed: int = 1, not_started: bool = False,
               scorm: str = "1.2") -> Path:
    """Moodle's "text format": tab-separated, quoted where needed."""
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(header(answers if scorm == "1.2" else 0))
        writer.writerows(rows(learners, answers, seed, not_started, scorm))
    return path


def column_letters(count: int) -> list[str]:
    letters = []
    for n in range(1, count + 1):
        name = ""
        while n:
            n, rest = divmod(n - 1, 26)
            name = chr(65 + rest) + name
        letters.append(name)
    return letters


XLSX_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.'
    'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxml'
    'formats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
    '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxml'
    'formats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType='
    '"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.'
    'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="Report" sheetId="1" r:id="rId4"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns='
    '"http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" '
    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.'
    'xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    "xl/styles.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.'
    'openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font>'
    '</fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/>'
    '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf xfId="0" fontId="0" numFmtId="0" fillId="0" borderId="0"/><xf xfId="0" fontId="0" '
    'numFmtId="49" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
}
SHEET_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.'
              'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
              '2006/relationships"><sheetData>')


def write_xlsx(path: Path, learners: int, answers: int = 12, seed: int = 1, not_started: bool = False,
               scorm: str = "1.2") -> Path:
    """The Excel download as Moodle writes it: every text a shared string (style 1, «@»), attempt and scores as
    numbers («100.0»), dates without the weekday, empty cells written out (`<c r="I3"/>`). The sheet is written before the shared-string
    table, so only that table is held (one entry per distinct text)."""
    head = header(answers if scorm == "1.2" else 0)
    letters = column_letters(len(head))
    strings: dict[str, int] = {}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, text in XLSX_PARTS.items():
            archive.writestr(name, text)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(SHEET_HEAD.encode())
            chunk: list[str] = []
            for number, row in enumerate(chain([head], rows(learners, answers, seed, not_started, scorm)), 1):
                chunk.append(f'<row r="{number}">')
                for column, value in enumerate(row):
                    ref = f"{letters[column]}{number}"
                    if number > 1 and column in DATE_COLUMNS and value != "-":
                        value = value.split(", ", 1)[1]
                    if not value:
                        chunk.append(f'<c r="{ref}"/>')
                    elif number > 1 and column in NUMBER_COLUMNS and value.isdigit():
                        chunk.append(f'<c r="{ref}"><v>{value}.0</v></c>')
                    else:
                        index = strings.setdefault(value, len(strings))
                        chunk.append(f'<c r="{ref}" s="1" t="s"><v>{index}</v></c>')
                chunk.append("</row>")
                if len(chunk) > 20_000:
                    sheet.write("".join(chunk).encode())
                    chunk.clear()
            chunk.append("</sheetData></worksheet>")
            sheet.write("".join(chunk).encode())
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as table:
            table.write(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.'
                        b'openxmlformats.org/spreadsheetml/2006/main" uniqueCount="%d">' % len(strings))
            chunk = []
            for text in strings:  # a dict keeps insertion order, which is the index order
                chunk.append(f"<si><t>{escape(text)}</t></si>")
                if len(chunk) > 20_000:
                    table.write("".join(chunk).encode())
                    chunk.clear()
            chunk.append("</sst>")
            table.write("".join(chunk).encode())
    return path


ODS_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
            '<office:spreadsheet>\n<table:table table:name="Report">\n')
ODS_TAIL = "</table:table>\n</office:spreadsheet></office:body></office:document-content>"
STRING_CELL = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'
FLOAT_CELL = '<table:table-cell office:value-type="float" office:value="{0}"><text:p>{0}</text:p></table:table-cell>'


def write_ods(path: Path, learners: int, answers: int = 12, seed: int = 1, not_started: bool = False,
              scorm: str = "1.2") -> Path:
    """The OpenDocument download as Moodle writes it: a line break between cells, attempt and scores as floats,
    empty cells as empty strings, dates without the weekday."""
    head = header(answers if scorm == "1.2" else 0)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        with archive.open("content.xml", "w", force_zip64=True) as content:
            content.write(ODS_HEAD.encode())
            chunk: list[str] = []
            for number, row in enumerate(chain([head], rows(learners, answers, seed, not_started, scorm))):
                cells = []
                for column, value in enumerate(row):
                    if number and column in NUMBER_COLUMNS and value.isdigit():
                        cells.append(FLOAT_CELL.format(value))
                    else:
                        if number and column in DATE_COLUMNS and value != "-":
                            value = value.split(", ", 1)[1]
                        cells.append(STRING_CELL.format(escape(value)))
                chunk.append("<table:table-row>\n" + "\n".join(cells) + "\n</table:table-row>\n")
                if len(chunk) > 2_000:
                    content.write("".join(chunk).encode())
                    chunk.clear()
            chunk.append(ODS_TAIL)
            content.write("".join(chunk).encode())
    return path
