"""The player's own words in each course language. Keys are shared by templates and the runtime."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "nb": {
        "skip": "Hopp til innholdet", "contents": "Innhold", "lesson_of": "Leksjon {n} av {total}",
        "progress": "Fremdrift", "prev": "Forrige", "next": "Neste", "to_quiz": "Til testen",
        "exit": "Avslutt", "visited": "lest", "current": "du er her", "quiz": "Test",
        "objectives": "Etter denne leksjonen", "minutes": "{n} min",
        "callout_case": "Eksempel", "callout_husk": "Husk", "callout_kilde": "Kilde",
        "yes": "Ja", "no": "Nei", "new_window": "åpnes i nytt vindu",
        "selfcheck_restart": "Start på nytt", "selfcheck_step": "Spørsmål {n} av {total}",
        "noscript": "Slå på JavaScript for å ta testen og få fremdriften registrert.",
        "standalone": "Kurset er åpnet utenfor læringsplattformen. Fremdriften lagres bare i denne nettleseren.",
        "lms_error": "Læringsplattformen svarte ikke som ventet. Svarene dine er tatt vare på i denne økten.",
        "locked": "Testen åpner når du har lest alle leksjonene. Du mangler: {missing}.",
        "quiz_intro": "Testen har {count} spørsmål. Du må ha minst {pass} % riktig for å bestå.",
        "attempts_left": "Forsøk igjen: {n}.", "submit": "Lever svarene",
        "unanswered": "Svar på alle spørsmålene før du leverer. Mangler svar: {n}.",
        "question_n": "Spørsmål {n}", "choose_one": "Velg ett svar", "choose_many": "Velg ett eller flere svar",
        "true": "Sant", "false": "Usant", "sort_into": "Plasser i riktig kategori",
        "result": "Resultat", "score": "Du fikk {score} % riktig.", "passed": "Du har bestått. Kurset er fullført.",
        "failed": "Du har ikke bestått denne gangen.", "retry": "Ta testen på nytt",
        "no_attempts": "Du har brukt alle forsøkene. Vil du prøve igjen, start et nytt forsøk i "
                       "læringsplattformen, eller kontakt den som har ansvar for kurset.", "your_answer": "Ditt svar",
        "right_answer": "Riktig svar", "correct": "Riktig", "wrong": "Feil", "explanation": "Forklaring",
        "sources": "Kilder", "no_answer": "ikke besvart", "review": "Se gjennom resultatet",
        "already_passed": "Du har allerede bestått testen.", "finished": "Økten er avsluttet. Du kan lukke vinduet.",
        "review_notice": "Du ser gjennom kurset. Det du gjør nå, blir ikke registrert. Vil du ta kurset på nytt og få "
                         "det registrert, lukker du kurset og starter et nytt forsøk i læringsplattformen. Finner du ikke "
                         "det valget, kontakt den som har ansvar for kurset.",
        "recorded": "Registrert i læringsplattformen: {status}.", "recorded_score": "Poengsum: {score} %.",
        "status_passed": "bestått", "status_failed": "ikke bestått", "status_completed": "fullført",
        "status_incomplete": "ikke fullført", "practice": "Øv på testen",
        "practice_intro": "Øving: svarene blir ikke registrert.", "practice_result": "Øvingsresultat",
        "practice_score": "Du fikk {score} % riktig på øvingen. Øvingen blir ikke registrert.",
    },
    "nn": {
        "skip": "Hopp til innhaldet", "contents": "Innhald", "lesson_of": "Leksjon {n} av {total}",
        "progress": "Framdrift", "prev": "Førre", "next": "Neste", "to_quiz": "Til testen",
        "exit": "Avslutt", "visited": "lese", "current": "du er her", "quiz": "Test",
        "objectives": "Etter denne leksjonen", "minutes": "{n} min",
        "callout_case": "Døme", "callout_husk": "Hugs", "callout_kilde": "Kjelde",
        "yes": "Ja", "no": "Nei", "new_window": "blir opna i nytt vindauge",
        "selfcheck_restart": "Start på nytt", "selfcheck_step": "Spørsmål {n} av {total}",
        "noscript": "Slå på JavaScript for å ta testen og få framdrifta registrert.",
        "standalone": "Kurset er opna utanfor læringsplattforma. Framdrifta blir berre lagra i denne nettlesaren.",
        "lms_error": "Læringsplattforma svarte ikkje som venta. Svara dine er tekne vare på i denne økta.",
        "locked": "Testen opnar når du har lese alle leksjonane. Du manglar: {missing}.",
        "quiz_intro": "Testen har {count} spørsmål. Du må ha minst {pass} % rett for å bestå.",
        "attempts_left": "Forsøk att: {n}.", "submit": "Lever svara",
        "unanswered": "Svar på alle spørsmåla før du leverer. Manglar svar: {n}.",
        "question_n": "Spørsmål {n}", "choose_one": "Vel eitt svar", "choose_many": "Vel eitt eller fleire svar",
        "true": "Sant", "false": "Usant", "sort_into": "Plasser i rett kategori",
        "result": "Resultat", "score": "Du fekk {score} % rett.", "passed": "Du har bestått. Kurset er fullført.",
        "failed": "Du har ikkje bestått denne gongen.", "retry": "Ta testen på nytt",
        "no_attempts": "Du har brukt alle forsøka. Vil du prøve igjen, start eit nytt forsøk i "
                       "læringsplattforma, eller kontakt den som har ansvar for kurset.", "your_answer": "Svaret ditt",
        "right_answer": "Rett svar", "correct": "Rett", "wrong": "Feil", "explanation": "Forklaring",
        "sources": "Kjelder", "no_answer": "ikkje svart", "review": "Sjå gjennom resultatet",
        "already_passed": "Du har alt bestått testen.", "finished": "Økta er avslutta. Du kan lukke vindauget.",
        "review_notice": "Du ser gjennom kurset. Det du gjer no, blir ikkje registrert. Vil du ta kurset på nytt og få "
                         "det registrert, lukkar du kurset og startar eit nytt forsøk i læringsplattforma. Finn du ikkje "
                         "det valet, kontakt den som har ansvar for kurset.",
        "recorded": "Registrert i læringsplattforma: {status}.", "recorded_score": "Poengsum: {score} %.",
        "status_passed": "bestått", "status_failed": "ikkje bestått", "status_completed": "fullført",
        "status_incomplete": "ikkje fullført", "practice": "Øv på testen",
        "practice_intro": "Øving: svara blir ikkje registrerte.", "practice_result": "Øvingsresultat",
        "practice_score": "Du fekk {score} % rett på øvinga. Øvinga blir ikkje registrert.",
    },
    "en": {
        "skip": "Skip to content", "contents": "Contents", "lesson_of": "Lesson {n} of {total}",
        "progress": "Progress", "prev": "Previous", "next": "Next", "to_quiz": "Go to the quiz",
        "exit": "Exit", "visited": "read", "current": "you are here", "quiz": "Quiz",
        "objectives": "After this lesson", "minutes": "{n} min",
        "callout_case": "Case", "callout_husk": "Remember", "callout_kilde": "Source",
        "yes": "Yes", "no": "No", "new_window": "opens in a new window",
        "selfcheck_restart": "Start again", "selfcheck_step": "Question {n} of {total}",
        "noscript": "Turn on JavaScript to take the quiz and have your progress recorded.",
        "standalone": "The course is open outside the learning platform. Progress is kept in this browser only.",
        "lms_error": "The learning platform did not answer as expected. Your answers are kept for this session.",
        "locked": "The quiz opens when you have read every lesson. Still to read: {missing}.",
        "quiz_intro": "The quiz has {count} questions. You need at least {pass} % right to pass.",
        "attempts_left": "Attempts left: {n}.", "submit": "Submit answers",
        "unanswered": "Answer every question before you submit. Unanswered: {n}.",
        "question_n": "Question {n}", "choose_one": "Choose one answer", "choose_many": "Choose one or more answers",
        "true": "True", "false": "False", "sort_into": "Place each in the right category",
        "result": "Result", "score": "You got {score} % right.", "passed": "You passed. The course is complete.",
        "failed": "You did not pass this time.", "retry": "Take the quiz again",
        "no_attempts": "You have used every attempt. To try again, start a new attempt in the "
                       "learning platform, or contact whoever is responsible for the course.", "your_answer": "Your answer",
        "right_answer": "Right answer", "correct": "Right", "wrong": "Wrong", "explanation": "Explanation",
        "sources": "Sources", "no_answer": "not answered", "review": "Review the result",
        "already_passed": "You have already passed the quiz.", "finished": "The session has ended. You may close the window.",
        "review_notice": "You are looking through the course. Nothing you do now is recorded. To take the course again "
                         "and have it recorded, close it and start a new attempt in the learning platform. If that "
                         "choice is not there, contact whoever is responsible for the course.",
        "recorded": "Recorded in the learning platform: {status}.", "recorded_score": "Score: {score} %.",
        "status_passed": "passed", "status_failed": "not passed", "status_completed": "completed",
        "status_incomplete": "not completed", "practice": "Practise the quiz",
        "practice_intro": "Practice: your answers are not recorded.", "practice_result": "Practice result",
        "practice_score": "You got {score} % right in this practice. Practice is not recorded.",
    },
}


def words(language: str) -> dict[str, str]:
    return WORDS[language]
