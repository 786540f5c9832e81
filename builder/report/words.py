"""Every word and message of the HR report, one table per language: bokmål (the default), nynorsk (a nynorsk
course, or --lang nn) and English (--lang en). A message's key is its stable code: scripts and tests use the code,
never the wording, and the terminal prints it after an error. tests/test_report_words.py keeps the tables in step."""

from __future__ import annotations

from pathlib import Path

from .readers import ExportError

NB: dict[str, str] = {
    # page labels
    "title": "Rapport", "title_unknown": "Kursrapport", "true": "sant", "false": "usant", "and": "og",
    "made_from": "Laget fra", "activity": "Aktivitet (SCO) i eksporten",
    "version_unknown": "Kursversjonen er ukjent: gi kurspakken med --package.",
    "unknown": "Disse spørsmålene finnes ikke i kurset og er talt for seg:",
    "mixed": "Disse spørsmålene er lagret med ulike riktige svar, altså fra ulike versjoner av kurset. "
             "Hver versjon er talt for seg:",
    "summary": "Kort fortalt", "overview": "Oversikt", "summary_hardest": "Spørsmålene flest svarer feil på:",
    "summary_none_wrong": "Ingen spørsmål er besvart feil.", "summary_reveals": "Kurset retter misforståelsen slik:",
    "card_enrolled": "påmeldte (alle i eksporten)", "card_passed": "har bestått", "card_completed": "har fullført",
    "card_failed": "ikke bestått (alle forsøk brukt)", "card_finished": "avsluttet, bestått ukjent",
    "card_open": "i gang", "card_unknown": "startet, status ukjent", "card_not_started": "ikke startet",
    "card_attempts": "forsøk i læringsplattformen", "chart_status": "Status for alle påmeldte",
    "scores": "Poengfordeling", "scores_caption": "Avsluttede forsøk med poengsum i hvert intervall",
    "needed": "Antall testforsøk før bestått",
    "needed_intro": "For dem som har bestått: hvor mange forsøk på testen det tok, også over flere besøk.",
    "quiz_attempts": "Testforsøk", "passed_many": "Har bestått", "completed_many": "Har fullført",
    "enrolled": "Påmeldte", "not_started": "Ikke startet",
    "none": "Ingen ennå.", "groups": "Per gruppe", "group": "Gruppe", "other_group": "Andre",
    "no_value": "ikke oppgitt", "under_five": "under 5", "hidden_figures": "Tallene vises ikke (under 5 personer).",
    "questions": "Spørsmål, vanskeligst først",
    "questions_intro": "Andelen svar som var riktige, hvor godt spørsmålet skiller sterke fra svake deltakere, "
                       "og de vanligste feilsvarene med misforståelsen de viser.",
    "question": "Spørsmål", "right_share": "Riktig", "right_answer": "Riktig svar", "discrimination": "Skiller",
    "recorded_right": "Riktig svar slik plattformen lagret det", "common_wrong": "Vanligste feilsvar",
    "flag_easy": "for lett", "flag_hard": "for vanskelig",
    "flag_negative": "sterke svarer oftere feil enn svake: sjekk fasit og ordlyd",
    "not_in_course": "ikke i kurset", "other_versions": "Svar fra en annen versjon av kurset",
    "other_versions_intro": "Disse svarene passer ikke til kurset som er gitt (annen id eller annet riktig svar). "
                            "De er talt for seg og ikke blandet inn i tallene over.",
    "lessons": "Resultat per leksjon", "lesson": "Leksjon",
    "done_list": "Har bestått eller fullført", "people": "Må følges opp",
    "undecided_list": "Avsluttet testen, bestått ukjent",
    "name": "Navn", "email": "E-post", "status": "Status", "done_date": "Dato", "score": "Poengsum",
    "last_access": "Sist åpnet", "date": "Dato (bestått / sist åpnet)", "list": "Liste",
    "list_done": "Bestått/fullført", "list_follow": "Følges opp", "list_undecided": "Bestått ukjent",
    "status_passed": "bestått", "status_completed": "fullført", "status_failed": "ikke bestått (alle forsøk brukt)",
    "status_finished": "avsluttet, {score} poeng", "status_open": "i gang", "status_unknown": "startet, status ukjent",
    "status_not_started": "ikke startet",
    # page messages
    "status_per": "Status per {date}",
    "status_date_from_export": "Datoen er siste aktivitet i eksporten.",
    "status_date_from_file": "Eksporten har ingen datoer for aktivitet; datoen er filens tidspunkt.",
    "course_version": "Kurs: {title}, versjon {version} (fra {origin})",
    "pass_mark": "Grensen for bestått er {n} %.",
    "note_no_pass_mark": "Grensen for bestått er ukjent, så bestått og ikke bestått kan ikke skilles: "
                         "plattformen viser poengsummen til et avsluttet forsøk i stedet for status. Avsluttede "
                         "forsøk vises som «avsluttet, X poeng» og telles verken som bestått eller ikke bestått. "
                         "Legg til kurspakken som ble lastet opp i aktiviteten: kursbygger report EKSPORT "
                         "--package KURS.zip.",
    "note_export_only": "Laget bare fra eksporten: spørsmålene vises med id og svarkodene slik plattformen lagret "
                        "dem. Gi kurspakken (--package) for spørsmålstekster, svarord og misforståelser.",
    "note_basic": "Dette er Grunnleggende rapport (Basic): den viser hvem som har startet og poengsummen, men ikke "
                  "status, så et uferdig forsøk ser ut som 0 poeng. Bare de med poengsum over grensen for bestått "
                  "kan telles som bestått; de andre er «startet, status ukjent». Last ned Interaksjonsrapporten: "
                  "Rapporter → Interaksjoner (engelsk: Reports → Interactions report).",
    "note_no_answers": "Eksporten har status, men ingen svar per spørsmål (Målrapporten/Objectives, eller ingen har "
                       "tatt testen ennå). Status og tallene over er riktige; for spørsmålene: last ned "
                       "Interaksjonsrapporten, Rapporter → Interaksjoner (engelsk: Reports → Interactions report).",
    "note_another_version": "Eksporten er trolig fra en annen versjon av kurset: {missing} av {n} spørsmål i "
                            "eksporten finnes ikke i pakken. Pakken du gir med --package bør være den som er "
                            "lastet opp i denne aktiviteten.",
    "headline_passed": "{done} av {n} påmeldte har bestått.",
    "headline_completed": "{done} av {n} påmeldte har fullført.",
    "headline_no_pass_mark": "Hvor mange av de {n} påmeldte som har bestått, er ukjent uten grensen for bestått.",
    "headline_rest": "{failed} har ikke bestått og har brukt alle forsøkene, {open} er i gang, og {not_started} "
                     "har ikke startet.",
    "headline_finished": "{n} har avsluttet testen, men bestått er ukjent uten grensen for bestått.",
    "headline_unknown": "{n} har startet, men eksporten viser ikke status.",
    "right_of": "{pct} riktig ({right} av {n} svar).", "summary_wrong": "Vanligste feilsvar: {answer}",
    "overview_explained": "Hver påmeldt telles én gang, med sin beste status: bestått (eller fullført) om noe forsøk "
                          "ble det, ellers det siste forsøkets status. Prosentene er av alle påmeldte.",
    "groups_intro": "Grupper med færre enn 5 personer er slått sammen til «Andre», så ingen kan pekes ut; en gruppe "
                    "på 5 eller flere slås aldri sammen.",
    "group_field": "Per {field}",
    "groups_all_small": "Per {field}: alle gruppene har færre enn 5 påmeldte, så tall per gruppe vises ikke.",
    "groups_how": "Vil du ha tall per avdeling? Be administratoren av læringsplattformen vise avdeling i rapportene "
                  "(Moodle: Nettstedsadministrasjon → Brukere → Tillatelser → Brukerretningslinjer → "
                  "«Vis brukeridentitet», showuseridentity), og last ned rapporten på nytt.",
    "groups_none": "Eksporten har ingen felt som deler de påmeldte i grupper.",
    "items_method": "«Skiller» er korrigert punktbiserial korrelasjon: sammenhengen mellom å svare riktig på "
                    "spørsmålet og andelen riktige på de andre spørsmålene i samme testforsøk (fra −1 til 1; over "
                    "0,2 er godt). Et spørsmål merkes når det har minst {n} svar: for lett (over {easy} riktig), for "
                    "vanskelig (under {hard} riktig), eller negativt (sterke svarer oftere feil: trolig feil fasit "
                    "eller uklar ordlyd).",
    "items_flagged": "{n} spørsmål er merket for kurseieren.",
    "privacy": "Rapporten viser bare samlede tall. Legg til --names for listene over hvem som har bestått og hvem "
               "som må følges opp.",
    # terminal
    "sum_headline_passed": "Status per {date}: {done} av {n} påmeldte har bestått",
    "sum_headline_completed": "Status per {date}: {done} av {n} påmeldte har fullført",
    "sum_headline_no_pass_mark": "Status per {date}: {n} påmeldte; hvor mange som har bestått, er ukjent",
    "sum_counts": "ikke bestått (alle forsøk brukt): {failed}, i gang: {open}, ikke startet: {not_started}, "
                  "avsluttet med bestått ukjent: {finished}, status ukjent: {unknown}",
    "sum_no_pass_mark": "grensen for bestått er ukjent: gi kurspakken med --package (eller --source, "
                        "--passing-score)",
    "sum_hardest": "vanskeligste spørsmål: {id} ({pct} riktig)",
    "sum_unknown_ids": "ikke i kursets test (talt for seg): {ids}",
    "sum_other_versions": "svar fra en annen versjon av kurset (talt for seg): {ids}",
    "sum_csv": "{done} som har bestått og {follow} som må følges opp, skrevet til {path}",
    "sum_json": "spørsmålsanalysen skrevet til {path}", "sum_written": "rapporten skrevet til {path}",
    # errors (exit 1)
    "error": "feil",
    "not-an-export": "{path}: ikke en SCORM-rapport fra læringsplattformen: fant ikke kolonnene for navn, "
                     "forsøksnummer, to datoer og poengsum. Last ned SCORM-aktivitetens Interaksjonsrapport: "
                     "Rapporter → Interaksjoner (engelsk: Reports → Interactions report).",
    "attempt-not-number": "{path}: rad {row}: forsøksnummeret «{value}» er ikke et helt tall; last ned rapporten "
                          "på nytt slik den er.",
    "no-rows": "{path}: eksporten har ingen rader under overskriften; last ned rapporten med «Forsøk fra: alle "
               "brukere».",
    "download-gradebook": "{path}: dette er karakterboka (Karakterer → Eksport), ikke SCORM-rapporten. Den viser "
                          "bare karakteren, ikke status eller svar. Åpne SCORM-aktiviteten og last ned "
                          "Rapporter → Interaksjoner (engelsk: Reports → Interactions report).",
    "download-completion": "{path}: dette er rapporten over fullføring i kurset, ikke SCORM-rapporten. Den sier "
                           "bare fullført eller ikke, ikke bestått, poeng eller svar. Åpne SCORM-aktiviteten og "
                           "last ned Rapporter → Interaksjoner (engelsk: Reports → Interactions report).",
    "another-course": "{path}: ingen av de {n} spørsmålene ({ids}) finnes i testen til «{title}» fra {origin}; "
                      "eksporten og --package/--source hører ikke sammen (et annet kurs?).",
    "package-no-index": "{path}: ingen index.html øverst i zip-filen; gi SCORM-pakken som kursbygger laget og "
                        "som ble lastet opp i læringsplattformen.",
    "package-huge": "{path}: index.html oppgir {size} byte; ikke en kursbygger-pakke.",
    "package-unreadable": "{path}: ikke en lesbar zip-fil ({reason}); gi SCORM-pakken som ble lastet opp.",
    "package-no-data": "{path}: index.html har ingen kursdata kursbygger kan lese; gi en pakke laget av kursbygger.",
    "unreadable": "kan ikke lese eksporten: {detail}",
    "file-unreadable": "{path}: kan ikke lese filen ({reason}).",
    "file-empty": "{path}: filen er tom; last ned rapporten på nytt fra læringsplattformen.",
    "file-too-large": "{path}: {size} MB er mer enn vernet på {max} MB mot feil fil; er filen riktig, hev grensen "
                      "med --max-size.",
    "file-damaged": "{path}: filen er skadet eller avkuttet (en nedlasting som ikke ble ferdig?) eller "
                    "passordbeskyttet; last ned rapporten på nytt, gjerne i tekstformat.",
    "package-as-export": "{path}: dette er en SCORM-pakke, ikke en rapport; gi den med --package ZIP, og rapporten "
                         "fra læringsplattformen som eksport.",
    "zip-not-spreadsheet": "{path}: en zip-fil som verken er Excel (.xlsx) eller OpenDocument (.ods); gi "
                           "SCORM-rapporten fra læringsplattformen.",
    "not-text": "{path}: verken et regneark eller en tekstfil (UTF-8); last ned rapporten i tekst-, Excel- eller "
                "OpenDocument-format.",
    "web-page": "{path}: en nettside, ikke en rapport (ble innloggingssiden lagret?); last ned rapporten på nytt.",
    "not-utf8": "{path}: fra rad {row} er teksten ikke lenger UTF-8; gi tekstrapporten slik den ble lastet ned.",
    "password": "{path}: arbeidsboka er passordbeskyttet; lagre den uten passord, eller last ned tekstformatet.",
}

NN: dict[str, str] = {
    "title": "Rapport", "title_unknown": "Kursrapport", "true": "sant", "false": "usant", "and": "og",
    "made_from": "Laga frå", "activity": "Aktivitet (SCO) i eksporten",
    "version_unknown": "Kursversjonen er ukjend: gi kurspakken med --package.",
    "unknown": "Desse spørsmåla finst ikkje i kurset og er talde for seg:",
    "mixed": "Desse spørsmåla er lagra med ulike rette svar, altså frå ulike versjonar av kurset. Kvar versjon er "
             "tald for seg:",
    "summary": "Kort fortalt", "overview": "Oversyn", "summary_hardest": "Spørsmåla flest svarar feil på:",
    "summary_none_wrong": "Ingen spørsmål er svara feil på.", "summary_reveals": "Kurset rettar misforståinga slik:",
    "card_enrolled": "påmelde (alle i eksporten)", "card_passed": "har bestått", "card_completed": "har fullført",
    "card_failed": "ikkje bestått (alle forsøk brukte)", "card_finished": "avslutta, bestått ukjend",
    "card_open": "i gang", "card_unknown": "starta, status ukjend", "card_not_started": "ikkje starta",
    "card_attempts": "forsøk i læringsplattforma", "chart_status": "Status for alle påmelde",
    "scores": "Poengfordeling", "scores_caption": "Avslutta forsøk med poengsum i kvart intervall",
    "needed": "Talet på testforsøk før bestått",
    "needed_intro": "For dei som har bestått: kor mange forsøk på testen det tok, også over fleire besøk.",
    "quiz_attempts": "Testforsøk", "passed_many": "Har bestått", "completed_many": "Har fullført",
    "enrolled": "Påmelde", "not_started": "Ikkje starta",
    "none": "Ingen enno.", "groups": "Per gruppe", "group": "Gruppe", "other_group": "Andre",
    "no_value": "ikkje oppgitt", "under_five": "under 5", "hidden_figures": "Tala blir ikkje viste (under 5 personar).",
    "questions": "Spørsmål, vanskelegast først",
    "questions_intro": "Delen svar som var rette, kor godt spørsmålet skil sterke frå svake deltakarar, og dei "
                       "vanlegaste feilsvara med misforståinga dei viser.",
    "question": "Spørsmål", "right_share": "Rett", "right_answer": "Rett svar", "discrimination": "Skil",
    "recorded_right": "Rett svar slik plattforma lagra det", "common_wrong": "Vanlegaste feilsvar",
    "flag_easy": "for lett", "flag_hard": "for vanskeleg",
    "flag_negative": "sterke svarar oftare feil enn svake: sjekk fasit og ordlyd",
    "not_in_course": "ikkje i kurset", "other_versions": "Svar frå ein annan versjon av kurset",
    "other_versions_intro": "Desse svara passar ikkje til kurset som er gitt (anna id eller anna rett svar). Dei er "
                            "talde for seg og ikkje blanda inn i tala over.",
    "lessons": "Resultat per leksjon", "lesson": "Leksjon",
    "done_list": "Har bestått eller fullført", "people": "Må følgjast opp",
    "undecided_list": "Avslutta testen, bestått ukjend",
    "name": "Namn", "email": "E-post", "status": "Status", "done_date": "Dato", "score": "Poengsum",
    "last_access": "Sist opna", "date": "Dato (bestått / sist opna)", "list": "Liste",
    "list_done": "Bestått/fullført", "list_follow": "Følgjast opp", "list_undecided": "Bestått ukjend",
    "status_passed": "bestått", "status_completed": "fullført", "status_failed": "ikkje bestått (alle forsøk brukte)",
    "status_finished": "avslutta, {score} poeng", "status_open": "i gang", "status_unknown": "starta, status ukjend",
    "status_not_started": "ikkje starta",
    "status_per": "Status per {date}",
    "status_date_from_export": "Datoen er siste aktivitet i eksporten.",
    "status_date_from_file": "Eksporten har ingen datoar for aktivitet; datoen er tidspunktet til fila.",
    "course_version": "Kurs: {title}, versjon {version} (frå {origin})",
    "pass_mark": "Grensa for bestått er {n} %.",
    "note_no_pass_mark": "Grensa for bestått er ukjend, så bestått og ikkje bestått kan ikkje skiljast: plattforma "
                         "viser poengsummen til eit avslutta forsøk i staden for status. Avslutta forsøk blir viste "
                         "som «avslutta, X poeng» og blir talde verken som bestått eller ikkje bestått. Legg til "
                         "kurspakken som vart lasta opp i aktiviteten: kursbygger report EKSPORT --package KURS.zip.",
    "note_export_only": "Laga berre frå eksporten: spørsmåla blir viste med id og svarkodane slik plattforma lagra "
                        "dei. Gi kurspakken (--package) for spørsmålstekstar, svarord og misforståingar.",
    "note_basic": "Dette er Grunnleggjande rapport (Basic): han viser kven som har starta og poengsummen, men ikkje "
                  "status, så eit uferdig forsøk ser ut som 0 poeng. Berre dei med poengsum over grensa for bestått "
                  "kan teljast som bestått; dei andre er «starta, status ukjend». Last ned Interaksjonsrapporten: "
                  "Rapportar → Interaksjonar (engelsk: Reports → Interactions report).",
    "note_no_answers": "Eksporten har status, men ingen svar per spørsmål (Målrapporten/Objectives, eller ingen har "
                       "teke testen enno). Status og tala over er rette; for spørsmåla: last ned "
                       "Interaksjonsrapporten, Rapportar → Interaksjonar (engelsk: Reports → Interactions report).",
    "note_another_version": "Eksporten er truleg frå ein annan versjon av kurset: {missing} av {n} spørsmål i "
                            "eksporten finst ikkje i pakken. Pakken du gir med --package bør vere den som er lasta "
                            "opp i denne aktiviteten.",
    "headline_passed": "{done} av {n} påmelde har bestått.",
    "headline_completed": "{done} av {n} påmelde har fullført.",
    "headline_no_pass_mark": "Kor mange av dei {n} påmelde som har bestått, er ukjend utan grensa for bestått.",
    "headline_rest": "{failed} har ikkje bestått og har brukt alle forsøka, {open} er i gang, og {not_started} "
                     "har ikkje starta.",
    "headline_finished": "{n} har avslutta testen, men bestått er ukjend utan grensa for bestått.",
    "headline_unknown": "{n} har starta, men eksporten viser ikkje status.",
    "right_of": "{pct} rett ({right} av {n} svar).", "summary_wrong": "Vanlegaste feilsvar: {answer}",
    "overview_explained": "Kvar påmeld blir talt éin gong, med den beste statusen sin: bestått (eller fullført) om "
                          "eit forsøk vart det, elles statusen til det siste forsøket. Prosentane er av alle påmelde.",
    "groups_intro": "Grupper med færre enn 5 personar er slått saman til «Andre», så ingen kan peikast ut; ei gruppe "
                    "på 5 eller fleire blir aldri slått saman.",
    "group_field": "Per {field}",
    "groups_all_small": "Per {field}: alle gruppene har færre enn 5 påmelde, så tal per gruppe blir ikkje viste.",
    "groups_how": "Vil du ha tal per avdeling? Be administratoren av læringsplattforma vise avdeling i rapportane "
                  "(Moodle: Nettstadsadministrasjon → Brukarar → Løyve → Brukarretningslinjer → «Vis "
                  "brukaridentitet», showuseridentity), og last ned rapporten på nytt.",
    "groups_none": "Eksporten har ingen felt som deler dei påmelde i grupper.",
    "items_method": "«Skil» er korrigert punktbiserial korrelasjon: samanhengen mellom å svare rett på spørsmålet "
                    "og delen rette på dei andre spørsmåla i same testforsøk (frå −1 til 1; over 0,2 er godt). Eit "
                    "spørsmål blir merkt når det har minst {n} svar: for lett (over {easy} rette), for vanskeleg "
                    "(under {hard} rette), eller negativt (sterke svarar oftare feil: truleg feil fasit eller "
                    "uklar ordlyd).",
    "items_flagged": "{n} spørsmål er merkte for kurseigaren.",
    "privacy": "Rapporten viser berre samla tal. Legg til --names for listene over kven som har bestått og kven som "
               "må følgjast opp.",
    "sum_headline_passed": "Status per {date}: {done} av {n} påmelde har bestått",
    "sum_headline_completed": "Status per {date}: {done} av {n} påmelde har fullført",
    "sum_headline_no_pass_mark": "Status per {date}: {n} påmelde; kor mange som har bestått, er ukjend",
    "sum_counts": "ikkje bestått (alle forsøk brukte): {failed}, i gang: {open}, ikkje starta: {not_started}, "
                  "avslutta med bestått ukjend: {finished}, status ukjend: {unknown}",
    "sum_no_pass_mark": "grensa for bestått er ukjend: gi kurspakken med --package (eller --source, "
                        "--passing-score)",
    "sum_hardest": "vanskelegaste spørsmål: {id} ({pct} rett)",
    "sum_unknown_ids": "ikkje i testen til kurset (talde for seg): {ids}",
    "sum_other_versions": "svar frå ein annan versjon av kurset (talde for seg): {ids}",
    "sum_csv": "{done} som har bestått og {follow} som må følgjast opp, skrivne til {path}",
    "sum_json": "spørsmålsanalysen skriven til {path}", "sum_written": "rapporten skriven til {path}",
    "error": "feil",
    "not-an-export": "{path}: ikkje ein SCORM-rapport frå læringsplattforma: fann ikkje kolonnane for namn, "
                     "forsøksnummer, to datoar og poengsum. Last ned Interaksjonsrapporten til SCORM-aktiviteten: "
                     "Rapportar → Interaksjonar (engelsk: Reports → Interactions report).",
    "attempt-not-number": "{path}: rad {row}: forsøksnummeret «{value}» er ikkje eit heilt tal; last ned rapporten "
                          "på nytt slik han er.",
    "no-rows": "{path}: eksporten har ingen rader under overskrifta; last ned rapporten med «Forsøk frå: alle "
               "brukarar».",
    "download-gradebook": "{path}: dette er karakterboka (Karakterar → Eksport), ikkje SCORM-rapporten. Ho viser "
                          "berre karakteren, ikkje status eller svar. Opne SCORM-aktiviteten og last ned "
                          "Rapportar → Interaksjonar (engelsk: Reports → Interactions report).",
    "download-completion": "{path}: dette er rapporten over fullføring i kurset, ikkje SCORM-rapporten. Han seier "
                           "berre fullført eller ikkje, ikkje bestått, poeng eller svar. Opne SCORM-aktiviteten og "
                           "last ned Rapportar → Interaksjonar (engelsk: Reports → Interactions report).",
    "another-course": "{path}: ingen av dei {n} spørsmåla ({ids}) finst i testen til «{title}» frå {origin}; "
                      "eksporten og --package/--source høyrer ikkje saman (eit anna kurs?).",
    "package-no-index": "{path}: ingen index.html øvst i zip-fila; gi SCORM-pakken som kursbygger laga og som vart "
                        "lasta opp i læringsplattforma.",
    "package-huge": "{path}: index.html oppgir {size} byte; ikkje ein kursbygger-pakke.",
    "package-unreadable": "{path}: ikkje ei lesbar zip-fil ({reason}); gi SCORM-pakken som vart lasta opp.",
    "package-no-data": "{path}: index.html har ingen kursdata kursbygger kan lese; gi ein pakke laga av kursbygger.",
    "unreadable": "kan ikkje lese eksporten: {detail}",
    "file-unreadable": "{path}: kan ikkje lese fila ({reason}).",
    "file-empty": "{path}: fila er tom; last ned rapporten på nytt frå læringsplattforma.",
    "file-too-large": "{path}: {size} MB er meir enn vernet på {max} MB mot feil fil; er fila rett, hev grensa "
                      "med --max-size.",
    "file-damaged": "{path}: fila er skadd eller avkutta (ei nedlasting som ikkje vart ferdig?) eller "
                    "passordverna; last ned rapporten på nytt, gjerne i tekstformat.",
    "package-as-export": "{path}: dette er ein SCORM-pakke, ikkje ein rapport; gi han med --package ZIP, og "
                         "rapporten frå læringsplattforma som eksport.",
    "zip-not-spreadsheet": "{path}: ei zip-fil som verken er Excel (.xlsx) eller OpenDocument (.ods); gi "
                           "SCORM-rapporten frå læringsplattforma.",
    "not-text": "{path}: verken eit rekneark eller ei tekstfil (UTF-8); last ned rapporten i tekst-, Excel- eller "
                "OpenDocument-format.",
    "web-page": "{path}: ei nettside, ikkje ein rapport (vart innloggingssida lagra?); last ned rapporten på nytt.",
    "not-utf8": "{path}: frå rad {row} er teksten ikkje lenger UTF-8; gi tekstrapporten slik han vart lasta ned.",
    "password": "{path}: arbeidsboka er passordverna; lagre ho utan passord, eller last ned tekstformatet.",
}

EN: dict[str, str] = {
    "title": "Report", "title_unknown": "Course report", "true": "true", "false": "false", "and": "and",
    "made_from": "Made from", "activity": "Activity (SCO) in the export",
    "version_unknown": "The course version is unknown: give the package with --package.",
    "unknown": "These questions are not in the course and are counted apart:",
    "mixed": "These questions were recorded with different right answers, that is from different versions of the "
             "course. Each version is counted apart:",
    "summary": "In short", "overview": "Overview", "summary_hardest": "The questions most often answered wrong:",
    "summary_none_wrong": "No question has been answered wrong.",
    "summary_reveals": "The course corrects the misconception like this:",
    "card_enrolled": "enrolled (everyone in the export)", "card_passed": "have passed",
    "card_completed": "have completed", "card_failed": "not passed (every attempt used)",
    "card_finished": "finished, passing unknown", "card_open": "in progress", "card_unknown": "started, status unknown",
    "card_not_started": "not started", "card_attempts": "attempts in the LMS",
    "chart_status": "Status of everyone enrolled", "scores": "Score distribution",
    "scores_caption": "Finished attempts with a score in each range", "needed": "Quiz attempts needed to pass",
    "needed_intro": "For those who passed: how many quiz attempts it took, also over several visits.",
    "quiz_attempts": "Quiz attempts", "passed_many": "Have passed", "completed_many": "Have completed",
    "enrolled": "Enrolled", "not_started": "Not started",
    "none": "None yet.", "groups": "By group", "group": "Group", "other_group": "Others",
    "no_value": "not given", "under_five": "under 5", "hidden_figures": "Figures not shown (under 5 people).",
    "questions": "Questions, hardest first",
    "questions_intro": "The share of answers that were right, how well the question separates strong from weak "
                       "learners, and the most common wrong answers with the misconception they show.",
    "question": "Question", "right_share": "Right", "right_answer": "Right answer", "discrimination": "Separates",
    "recorded_right": "Right answer as the LMS recorded it", "common_wrong": "Most common wrong answers",
    "flag_easy": "too easy", "flag_hard": "too hard",
    "flag_negative": "strong learners miss it more often than weak ones: check the key and wording",
    "not_in_course": "not in the course", "other_versions": "Answers from another version of the course",
    "other_versions_intro": "These answers do not fit the course given (another id or another right answer). "
                            "They are counted apart and not mixed into the figures above.",
    "lessons": "Results per lesson", "lesson": "Lesson",
    "done_list": "Have passed or completed", "people": "To follow up",
    "undecided_list": "Finished the quiz, passing unknown",
    "name": "Name", "email": "E-mail", "status": "Status", "done_date": "Date", "score": "Score",
    "last_access": "Last accessed", "date": "Date (passed / last accessed)", "list": "List",
    "list_done": "Passed/completed", "list_follow": "Follow up", "list_undecided": "Passing unknown",
    "status_passed": "passed", "status_completed": "completed", "status_failed": "not passed (every attempt used)",
    "status_finished": "finished, {score} points", "status_open": "in progress",
    "status_unknown": "started, status unknown", "status_not_started": "not started",
    "status_per": "Status as of {date}",
    "status_date_from_export": "The date is the latest activity in the export.",
    "status_date_from_file": "The export holds no activity dates; the date is the file's time.",
    "course_version": "Course: {title}, version {version} (from {origin})",
    "pass_mark": "The pass mark is {n} %.",
    "note_no_pass_mark": "The pass mark is unknown, so passed and not passed cannot be told apart: the LMS shows a "
                         "finished attempt's score in place of its status. Finished attempts are shown as "
                         "«finished, X points» and counted neither as passed nor as not passed. Add the package "
                         "that was uploaded to the activity: kursbygger report EXPORT --package COURSE.zip.",
    "note_export_only": "Made from the export alone: questions are shown by id and answers as the codes the LMS "
                        "stored. Give the package (--package) for question texts, answer words and misconceptions.",
    "note_basic": "This is the Basic report: it shows who started and the score, but no status, so an unfinished "
                  "attempt looks like a score of 0. Only those with a score at the pass mark can be counted as "
                  "passed; the others are «started, status unknown». Download the Interactions report: Reports → "
                  "Interactions report (Norwegian: Rapporter → Interaksjoner).",
    "note_no_answers": "The export has the status but no answers per question (the Objectives report, or no one has "
                       "taken the quiz yet). The status and the figures above are right; for the questions, download "
                       "the Interactions report: Reports → Interactions report (Norwegian: Rapporter → "
                       "Interaksjoner).",
    "note_another_version": "The export is probably from another version of the course: {missing} of its {n} "
                            "questions are not in the package. The package given with --package should be the one "
                            "uploaded to this activity.",
    "headline_passed": "{done} of {n} enrolled have passed.",
    "headline_completed": "{done} of {n} enrolled have completed.",
    "headline_no_pass_mark": "How many of the {n} enrolled have passed is unknown without the pass mark.",
    "headline_rest": "{failed} have not passed and used every attempt, {open} are in progress, and {not_started} "
                     "have not started.",
    "headline_finished": "{n} have finished the quiz, but passing is unknown without the pass mark.",
    "headline_unknown": "{n} have started, but the export shows no status.",
    "right_of": "{pct} right ({right} of {n} answers).", "summary_wrong": "Most common wrong answer: {answer}",
    "overview_explained": "Each enrolled person counts once, with their best status: passed (or completed) if any "
                          "attempt was, else their latest attempt's status. Percentages are of everyone enrolled.",
    "groups_intro": "Groups of fewer than 5 people are merged into «Others», so no one can be picked out; a group of "
                    "5 or more is never merged.",
    "group_field": "By {field}",
    "groups_all_small": "By {field}: every group has fewer than 5 people enrolled, so no figures per group are shown.",
    "groups_how": "Want figures per department? Ask the LMS administrator to show the department in reports "
                  "(Moodle: Site administration → Users → Permissions → User policies → «Show user identity», "
                  "showuseridentity), and download the report again.",
    "groups_none": "The export has no field that divides those enrolled into groups.",
    "items_method": "«Separates» is the corrected point-biserial correlation: how answering the question right goes "
                    "with the share right on the other questions of the same quiz attempt (−1 to 1; above 0.2 is "
                    "good). A question is flagged once it has at least {n} answers: too easy (over {easy} right), too "
                    "hard (under {hard} right), or negative (strong learners miss it more: likely a wrong key or "
                    "unclear wording).",
    "items_flagged": "{n} questions are flagged for the course owner.",
    "privacy": "The report shows totals only. Add --names for the lists of who has passed and who must be followed "
               "up.",
    "sum_headline_passed": "Status as of {date}: {done} of {n} enrolled have passed",
    "sum_headline_completed": "Status as of {date}: {done} of {n} enrolled have completed",
    "sum_headline_no_pass_mark": "Status as of {date}: {n} enrolled; how many have passed is unknown",
    "sum_counts": "not passed (every attempt used): {failed}, in progress: {open}, not started: {not_started}, "
                  "finished with passing unknown: {finished}, status unknown: {unknown}",
    "sum_no_pass_mark": "the pass mark is unknown: give the package with --package (or --source, --passing-score)",
    "sum_hardest": "hardest question: {id} ({pct} right)",
    "sum_unknown_ids": "not in the course's quiz (counted apart): {ids}",
    "sum_other_versions": "answers from another version of the course (counted apart): {ids}",
    "sum_csv": "{done} who passed and {follow} to follow up written to {path}",
    "sum_json": "item analysis written to {path}", "sum_written": "report written to {path}",
    "error": "error",
    "not-an-export": "{path}: not a SCORM report export from the LMS: found no columns for the name, attempt number, "
                     "two dates and score. Download the SCORM activity's Interactions report: Reports → "
                     "Interactions report (Norwegian: Rapporter → Interaksjoner).",
    "attempt-not-number": "{path}: row {row}: the attempt number «{value}» is not a whole number; download the "
                          "report again as it is.",
    "no-rows": "{path}: the export has no rows under the header; download the report with «Attempts from: all "
               "users».",
    "download-gradebook": "{path}: this is the gradebook export (Grades → Export), not the SCORM report. It holds "
                          "only the grade, no status or answers. Open the SCORM activity and download Reports → "
                          "Interactions report (Norwegian: Rapporter → Interaksjoner).",
    "download-completion": "{path}: this is the course completion report, not the SCORM report. It says only "
                           "completed or not: no passing, score or answers. Open the SCORM activity and download "
                           "Reports → Interactions report (Norwegian: Rapporter → Interaksjoner).",
    "another-course": "{path}: none of its {n} question ids ({ids}) are in the quiz of «{title}» from {origin}; the "
                      "export and --package/--source do not belong together (another course?).",
    "package-no-index": "{path}: no index.html at the top of the zip; give the SCORM package kursbygger built and "
                        "that was uploaded to the LMS.",
    "package-huge": "{path}: index.html claims {size} bytes; not a kursbygger package.",
    "package-unreadable": "{path}: not a readable zip file ({reason}); give the SCORM package that was uploaded.",
    "package-no-data": "{path}: index.html holds no course data that kursbygger can read; give a package built by "
                       "kursbygger.",
    "unreadable": "cannot read the export: {detail}",
    "file-unreadable": "{path}: cannot read the file ({reason}).",
    "file-empty": "{path}: the file is empty; download the report again from the LMS.",
    "file-too-large": "{path}: {size} MB is more than the {max} MB guard against a wrong file; if the file is right, "
                      "raise it with --max-size.",
    "file-damaged": "{path}: the file is damaged or cut off (a download that did not finish?) or password-protected; "
                    "download the report again, preferably in text format.",
    "package-as-export": "{path}: this is a SCORM package, not a report; give it with --package ZIP and the LMS's "
                         "report as the export.",
    "zip-not-spreadsheet": "{path}: a zip file that is neither Excel (.xlsx) nor OpenDocument (.ods); give the LMS's "
                           "SCORM report.",
    "not-text": "{path}: neither a spreadsheet nor a UTF-8 text file; download the report in text, Excel or "
                "OpenDocument format.",
    "web-page": "{path}: a web page, not a report (was the log-in page saved?); download the report again.",
    "not-utf8": "{path}: from row {row} on the text is no longer UTF-8; give the text report as it was downloaded.",
    "password": "{path}: the workbook is password-protected; save it without a password, or download the text "
                "format.",
}

WORDS: dict[str, dict[str, str]] = {"nb": NB, "nn": NN, "en": EN}


def say(lang: str, code: str, **params) -> str:
    return WORDS[lang][code].format(**params)


class Refusal(ExportError):
    """An input the report refuses, as a stable code and its facts; worded in the report's language when shown."""

    def __init__(self, code: str, path: Path | None, lang: str = "nb", **params):
        super().__init__(code)
        self.code, self.path, self.lang, self.params = code, path, lang, params

    def __str__(self) -> str:
        return f"{say(self.lang, self.code, path=self.path, **self.params)} [{self.code}]"
