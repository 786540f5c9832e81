"""HR report from the LMS's own exports: `kursbygger report EXPORT… [--source DIR] [--out FILE] [--names]`."""

from __future__ import annotations

from pathlib import Path

import jinja2

from ..build import load_checked
from .analyse import Figures, analyse, describe_response, right_answer
from .exports import ExportError, merge, read_export

WORDS = {
    "nb": {"title": "Rapport", "true": "sant", "false": "usant", "made_from": "Laget fra", "pass_mark": "Grensen for bestått er {n} %.",
           "unknown": "Disse spørsmålene finnes ikke i kurset og er bare talt med som id-er:", "summary": "Oversikt",
           "learners": "deltakere", "attempts": "forsøk", "completed": "har fullført", "passed": "har bestått",
           "scores": "Poengfordeling", "scores_caption": "Antall forsøk med poengsum i hvert intervall",
           "score": "Poeng", "needed": "Antall forsøk før bestått", "none": "Ingen ennå.",
           "questions": "Spørsmål, vanskeligst først",
           "questions_intro": "Andelen som svarte riktig, og de vanligste feilsvarene med misforståelsen de viser.",
           "question": "Spørsmål", "right_share": "Riktig", "right_answer": "Riktig svar", "common_wrong": "Vanligste feilsvar",
           "not_in_course": "ikke i kurset", "lessons": "Resultat per leksjon", "lesson": "Leksjon",
           "people": "Deltakere som må følges opp først", "name": "Navn", "email": "E-post", "best": "Beste",
           "status": "Status", "status_passed": "Bestått", "status_failed": "Ikke bestått",
           "status_incomplete": "Ikke fullført",
           "no_status": "Fullføring er ukjent: Basic-rapporten viser ikke status, så et uferdig forsøk ser ut som 0 poeng. Ta med Interactions-rapporten.",
           "privacy": "Rapporten viser bare samlede tall. Legg til --names for en navneliste til oppfølging."},
    "en": {"title": "Report", "true": "true", "false": "false", "made_from": "Made from", "pass_mark": "The pass mark is {n} %.",
           "unknown": "These questions are not in the course and are counted by id only:", "summary": "Overview",
           "learners": "learners", "attempts": "attempts", "completed": "completed", "passed": "passed",
           "scores": "Score distribution", "scores_caption": "Attempts with a score in each range",
           "score": "Score", "needed": "Attempts needed to pass", "none": "None yet.",
           "questions": "Questions, hardest first",
           "questions_intro": "The share who answered right, and the most common wrong answers with the misconception they show.",
           "question": "Question", "right_share": "Right", "right_answer": "Right answer", "common_wrong": "Most common wrong answers",
           "not_in_course": "not in the course", "lessons": "Results per lesson", "lesson": "Lesson",
           "people": "Learners to follow up first", "name": "Name", "email": "E-mail", "best": "Best",
           "status": "Status", "status_passed": "Passed", "status_failed": "Not passed",
           "status_incomplete": "Not completed",
           "no_status": "Completion is unknown: the Basic report shows no status, so an unfinished attempt looks like a score of 0. Add the Interactions report.",
           "privacy": "The report shows totals only. Add --names for a list of people to follow up."},
}
WORDS["nn"] = {
    "title": "Rapport", "true": "sant", "false": "usant", "made_from": "Laga frå", "pass_mark": "Grensa for bestått er {n} %.",
    "unknown": "Desse spørsmåla finst ikkje i kurset og er berre talde med som id-ar:", "summary": "Oversyn",
    "learners": "deltakarar", "attempts": "forsøk", "completed": "har fullført", "passed": "har bestått",
    "scores": "Poengfordeling", "scores_caption": "Talet på forsøk med poengsum i kvart intervall",
    "score": "Poeng", "needed": "Talet på forsøk før bestått", "none": "Ingen enno.",
    "questions": "Spørsmål, vanskelegast først",
    "questions_intro": "Delen som svarte rett, og dei vanlegaste feilsvara med misforståinga dei viser.",
    "question": "Spørsmål", "right_share": "Rett", "right_answer": "Rett svar", "common_wrong": "Vanlegaste feilsvar",
    "not_in_course": "ikkje i kurset", "lessons": "Resultat per leksjon", "lesson": "Leksjon",
    "people": "Deltakarar som må følgjast opp først", "name": "Namn", "email": "E-post", "best": "Beste",
    "status": "Status", "status_passed": "Bestått", "status_failed": "Ikkje bestått",
    "status_incomplete": "Ikkje fullført",
    "no_status": "Fullføringa er ukjend: Basic-rapporten viser ikkje status, så eit uferdig forsøk ser ut som 0 poeng. Ta med Interactions-rapporten.",
    "privacy": "Rapporten viser berre samla tal. Legg til --names for ei namneliste til oppfølging.",
}


def run(exports: list[Path], source: Path, out: Path, names: bool) -> tuple[Figures, list[str]]:
    """Reads the exports, joins them with the course's quiz and writes the HTML report; returns the figures
    and the lines of the terminal summary. Raises ExportError or SourceError with a clear message."""
    course, _ = load_checked(source)
    attempts = merge([read_export(Path(p)) for p in exports])
    figures = analyse(course, attempts)
    env = jinja2.Environment(loader=jinja2.PackageLoader("builder.report", "templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True)
    titles = {lesson.id: lesson.title for lesson in course.lessons}
    html = env.get_template("report.html").render(
        course=course, fig=figures, lessons=figures.lessons(course), names=names, lang=course.language,
        t=WORDS[course.language], files=[Path(p).name for p in exports], describe=describe_response,
        right_answer=right_answer,
        lesson_title=lambda lesson_id: titles.get(lesson_id, lesson_id),
        pct=lambda share: f"{round(share * 100)} %",
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    completed = (f"{round(figures.completion_rate * 100)} % completed" if figures.completion_known
                 else "completion unknown (add the Interactions report: the Basic report shows no status)")
    summary = [f"{figures.learners} learners, {len(figures.attempts)} attempts: "
               f"{completed}, {round(figures.pass_rate * 100)} % passed"]
    if figures.questions:
        hardest = figures.questions[0]
        summary.append(f"hardest question: {hardest.id} ({round(hardest.rate * 100)} % right)")
    if figures.unknown_ids:
        summary.append(f"not in the course's quiz (counted by id only): {', '.join(figures.unknown_ids)}")
    return figures, summary


__all__ = ["run", "ExportError"]
