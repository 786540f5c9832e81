"""Synthetic Moodle SCORM "Interactions report" exports of any size, laid out as Moodle 4.3 writes them (see the
shared real exports): name, e-mail, department, attempt, two dates, score, the SCO column, then groups of four
(question, response, right answer, result). Each learner draws `answers` of a 39-question pool; some take a second
attempt, some leave the first unfinished."""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from pathlib import Path

QUESTIONS = 39
CODES = ["a", "b", "c", "d", "t", "f", "a,b", "a,b,c", "a.1,b.2", "a.2,b.1"]
DEPARTMENTS = ["Helse", "Skole", "Teknisk", "Kultur", "Barnehage", "NAV", "Økonomi"]
DATE = "Wednesday, 25 November 2026, 3:42 PM"


def header(answers: int) -> list[str]:
    head = ["Name", "Email address", "Department", "Attempt", "Started on", "Last accessed on", "Score",
            "Sosiale medier"]
    for n in range(answers):
        head += [f"Question {n}", f"Response {n}", f"Right answer {n}", f"Result {n}"]
    return head


def rows(learners: int, answers: int = 12, seed: int = 1) -> Iterator[list[str]]:
    rng = random.Random(seed)
    right_code = {f"q{n:02}": CODES[n % len(CODES)] for n in range(QUESTIONS)}
    pool = sorted(right_code)
    width = len(header(answers))
    for person in range(learners):
        name, email = f"Deltaker {person}", f"deltaker{person}@example.com"
        department = rng.choice(DEPARTMENTS) if person % 50 else f"Lite kontor {person}"  # some tiny groups
        for attempt in range(1, 3 if rng.random() < 0.2 else 2):
            if rng.random() < 0.1:
                yield [name, email, department, str(attempt), DATE, DATE, "0", "Incomplete"] + [""] * (width - 8)
                continue
            row = [name, email, department, str(attempt), DATE, DATE, "", ""]
            right = 0
            for qid in rng.sample(pool, answers):
                code = right_code[qid]
                if rng.random() < 0.7:
                    row += [qid, code, code, "correct"]
                    right += 1
                else:
                    row += [qid, rng.choice([c for c in CODES if c != code]), code, "wrong"]
            score = str(round(100 * right / answers))
            row[6] = row[7] = score
            yield row


def write_text(path: Path, learners: int, answers: int = 12, seed: int = 1) -> Path:
    """Moodle's "text format": tab-separated, quoted where needed."""
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(header(answers))
        writer.writerows(rows(learners, answers, seed))
    return path


def write_xlsx(path: Path, learners: int, answers: int = 12, seed: int = 1) -> Path:
    """The Excel download, written row by row (openpyxl's write-only mode keeps memory flat)."""
    import openpyxl

    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Report")
    sheet.append(header(answers))
    for row in rows(learners, answers, seed):
        sheet.append([float(v) if i in (3, 6) or (i == 7 and v.isdigit()) else v for i, v in enumerate(row)])
    workbook.save(path)
    return path
