"""The report's words in each course language (bokmål when only the export is given)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "nb": {
        "title": "Rapport", "title_unknown": "Kursrapport", "true": "sant", "false": "usant",
        "made_from": "Laget fra", "course_from": "Kursinnhold fra", "pass_mark": "Grensen for bestått er {n} %.",
        "pass_unknown": "Grensen for bestått er ukjent, så bestått vises ikke. Gi kurspakken med --package, "
                        "kildene med --source eller grensen med --passing-score.",
        "export_only": "Laget bare fra eksporten: spørsmålene vises med id og svarkodene slik plattformen lagret "
                       "dem. Gi kurspakken (--package) for spørsmålstekster, svarord og misforståelser.",
        "unknown": "Disse spørsmålene finnes ikke i kurset og er talt for seg:",
        "mixed": "Disse spørsmålene er lagret med ulike riktige svar, altså fra ulike versjoner av kurset. "
                 "Hver versjon er talt for seg:",
        "summary": "Kort fortalt", "overview": "Oversikt",
        "summary_people": "{learners} deltakere har åpnet kurset. {completed} av dem ({completed_pct}) har fullført",
        "summary_passed": ", og {passed} ({passed_pct}) har bestått.",
        "summary_no_pass": ". Bestått er ukjent uten grensen for bestått.",
        "summary_hardest": "Spørsmålene flest svarer feil på:",
        "summary_none_wrong": "Ingen spørsmål er besvart feil.",
        "summary_wrong": "Vanligste feilsvar: «{answer}».",
        "summary_reveals": "Kurset retter misforståelsen slik:",
        "learners": "deltakere", "attempts": "forsøk", "completed": "har fullført", "passed": "har bestått",
        "chart_status": "Status for alle deltakere", "status_share": "Andel",
        "scores": "Poengfordeling", "scores_caption": "Antall fullførte forsøk med poengsum i hvert intervall",
        "score": "Poeng", "needed": "Antall forsøk før bestått", "none": "Ingen ennå.",
        "questions": "Spørsmål, vanskeligst først",
        "questions_intro": "Andelen som svarte riktig, og de vanligste feilsvarene med misforståelsen de viser.",
        "question": "Spørsmål", "right_share": "Riktig", "right_answer": "Riktig svar",
        "recorded_right": "Riktig svar slik plattformen lagret det", "common_wrong": "Vanligste feilsvar",
        "other_versions": "Svar fra en annen versjon av kurset",
        "other_versions_intro": "Disse svarene passer ikke til kurset som er gitt (annen id eller annet riktig svar). "
                                "De er talt for seg og ikke blandet inn i tallene over.",
        "not_in_course": "ikke i kurset", "lessons": "Resultat per leksjon", "lesson": "Leksjon",
        "groups": "Fullført og bestått per gruppe", "group_field": "Per {field}",
        "groups_intro": "Grupper med færre enn 5 personer er slått sammen til «Andre», så ingen kan pekes ut.",
        "other_group": "Andre", "group": "Gruppe",
        "people": "Deltakere som må følges opp", "name": "Navn", "email": "E-post", "best": "Beste poengsum",
        "last_access": "Sist åpnet",
        "status": "Status", "status_passed": "Bestått", "status_failed": "Ikke bestått",
        "status_incomplete": "Ikke fullført", "status_completed": "Fullført",
        "no_status": "Fullføring er ukjent: Basic-rapporten viser ikke status, så et uferdig forsøk ser ut som "
                     "0 poeng. Ta med Interactions-rapporten.",
        "privacy": "Rapporten viser bare samlede tall. Legg til --names for en navneliste til oppfølging.",
    },
    "en": {
        "title": "Report", "title_unknown": "Course report", "true": "true", "false": "false",
        "made_from": "Made from", "course_from": "Course content from", "pass_mark": "The pass mark is {n} %.",
        "pass_unknown": "The pass mark is unknown, so passing is not shown. Give the package with --package, the "
                        "sources with --source or the mark with --passing-score.",
        "export_only": "Made from the export alone: questions are shown by id and answers as the codes the LMS "
                       "stored. Give the package (--package) for question texts, answer words and misconceptions.",
        "unknown": "These questions are not in the course and are counted apart:",
        "mixed": "These questions were recorded with different right answers, that is from different versions of "
                 "the course. Each version is counted apart:",
        "summary": "In short", "overview": "Overview",
        "summary_people": "{learners} learners have opened the course. {completed} of them ({completed_pct}) "
                          "have completed it",
        "summary_passed": ", and {passed} ({passed_pct}) have passed.",
        "summary_no_pass": ". Passing is unknown without the pass mark.",
        "summary_hardest": "The questions most often answered wrong:",
        "summary_none_wrong": "No question has been answered wrong.",
        "summary_wrong": "Most common wrong answer: «{answer}».",
        "summary_reveals": "The course corrects the misconception like this:",
        "learners": "learners", "attempts": "attempts", "completed": "completed", "passed": "passed",
        "chart_status": "Status of all learners", "status_share": "Share",
        "scores": "Score distribution", "scores_caption": "Finished attempts with a score in each range",
        "score": "Score", "needed": "Attempts needed to pass", "none": "None yet.",
        "questions": "Questions, hardest first",
        "questions_intro": "The share who answered right, and the most common wrong answers with the misconception "
                           "they show.",
        "question": "Question", "right_share": "Right", "right_answer": "Right answer",
        "recorded_right": "Right answer as the LMS recorded it", "common_wrong": "Most common wrong answers",
        "other_versions": "Answers from another version of the course",
        "other_versions_intro": "These answers do not fit the course given (another id or another right answer). "
                                "They are counted apart and not mixed into the figures above.",
        "not_in_course": "not in the course", "lessons": "Results per lesson", "lesson": "Lesson",
        "groups": "Completed and passed per group", "group_field": "By {field}",
        "groups_intro": "Groups of fewer than 5 people are merged into «Others», so no one can be picked out.",
        "other_group": "Others", "group": "Group",
        "people": "Learners to follow up", "name": "Name", "email": "E-mail", "best": "Best score",
        "last_access": "Last accessed",
        "status": "Status", "status_passed": "Passed", "status_failed": "Not passed",
        "status_incomplete": "Not completed", "status_completed": "Completed",
        "no_status": "Completion is unknown: the Basic report shows no status, so an unfinished attempt looks like "
                     "a score of 0. Add the Interactions report.",
        "privacy": "The report shows totals only. Add --names for a list of people to follow up.",
    },
}
WORDS["nn"] = {
    "title": "Rapport", "title_unknown": "Kursrapport", "true": "sant", "false": "usant",
    "made_from": "Laga frå", "course_from": "Kursinnhald frå", "pass_mark": "Grensa for bestått er {n} %.",
    "pass_unknown": "Grensa for bestått er ukjend, så bestått blir ikkje vist. Gi kurspakken med --package, "
                    "kjeldene med --source eller grensa med --passing-score.",
    "export_only": "Laga berre frå eksporten: spørsmåla blir viste med id og svarkodane slik plattforma lagra dei. "
                   "Gi kurspakken (--package) for spørsmålstekstar, svarord og misforståingar.",
    "unknown": "Desse spørsmåla finst ikkje i kurset og er talde for seg:",
    "mixed": "Desse spørsmåla er lagra med ulike rette svar, altså frå ulike versjonar av kurset. Kvar versjon er "
             "tald for seg:",
    "summary": "Kort fortalt", "overview": "Oversyn",
    "summary_people": "{learners} deltakarar har opna kurset. {completed} av dei ({completed_pct}) har fullført",
    "summary_passed": ", og {passed} ({passed_pct}) har bestått.",
    "summary_no_pass": ". Bestått er ukjend utan grensa for bestått.",
    "summary_hardest": "Spørsmåla flest svarar feil på:",
    "summary_none_wrong": "Ingen spørsmål er svara feil på.",
    "summary_wrong": "Vanlegaste feilsvar: «{answer}».",
    "summary_reveals": "Kurset rettar misforståinga slik:",
    "learners": "deltakarar", "attempts": "forsøk", "completed": "har fullført", "passed": "har bestått",
    "chart_status": "Status for alle deltakarane", "status_share": "Del",
    "scores": "Poengfordeling", "scores_caption": "Talet på fullførte forsøk med poengsum i kvart intervall",
    "score": "Poeng", "needed": "Talet på forsøk før bestått", "none": "Ingen enno.",
    "questions": "Spørsmål, vanskelegast først",
    "questions_intro": "Delen som svarte rett, og dei vanlegaste feilsvara med misforståinga dei viser.",
    "question": "Spørsmål", "right_share": "Rett", "right_answer": "Rett svar",
    "recorded_right": "Rett svar slik plattforma lagra det", "common_wrong": "Vanlegaste feilsvar",
    "other_versions": "Svar frå ein annan versjon av kurset",
    "other_versions_intro": "Desse svara passar ikkje til kurset som er gitt (anna id eller anna rett svar). Dei er "
                            "talde for seg og ikkje blanda inn i tala over.",
    "not_in_course": "ikkje i kurset", "lessons": "Resultat per leksjon", "lesson": "Leksjon",
    "groups": "Fullført og bestått per gruppe", "group_field": "Per {field}",
    "groups_intro": "Grupper med færre enn 5 personar er slått saman til «Andre», så ingen kan peikast ut.",
    "other_group": "Andre", "group": "Gruppe",
    "people": "Deltakarar som må følgjast opp", "name": "Namn", "email": "E-post", "best": "Beste poengsum",
    "last_access": "Sist opna",
    "status": "Status", "status_passed": "Bestått", "status_failed": "Ikkje bestått",
    "status_incomplete": "Ikkje fullført", "status_completed": "Fullført",
    "no_status": "Fullføringa er ukjend: Basic-rapporten viser ikkje status, så eit uferdig forsøk ser ut som "
                 "0 poeng. Ta med Interactions-rapporten.",
    "privacy": "Rapporten viser berre samla tal. Legg til --names for ei namneliste til oppfølging.",
}
