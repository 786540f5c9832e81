"""Moodle's own words that the HR report recognises, one case per word (English, and bokmål where its language pack
could be checked: docs/lms.md «Kilder»), so that dropping a word from the lists goes red: the headers and values of
the wrong downloads and the identity fields whose columns the page names in its own words (exports/moodle.py)."""

from __future__ import annotations

import pytest

from builder.report.exports import identity_field
from builder.report.exports.moodle import wrong_download

NAME = ["Name", "Email address", "Department"]


@pytest.mark.parametrize("display_type", ["Real", "Percentage", "Letter",  # grades|real, percentage, letter
                                          "Virkelig", "Prosentandel", "Bokstav"])
def test_a_gradebook_column_by_its_display_type(display_type):
    header = ["First name", "Last name", "Email address", f"SCORM package: Sosiale medier ({display_type})"]
    assert wrong_download(header, [["Åse", "Ødegård", "a@x.no", "87,5"]]) == "gradebook"


def test_the_gradebook_by_its_last_column():  # gradeexport_txt|timeexported
    assert wrong_download(NAME + ["Last downloaded from this course"], []) == "gradebook"


def test_a_grade_type_is_read_only_at_the_end_of_a_header():
    assert wrong_download(NAME + ["Real estate (Oslo)", "Letter (sent)"], [["A", "a@x.no", "IT", "1", "2"]]) is None


def test_the_course_completion_report_by_its_last_column():  # completion|coursecomplete
    assert wrong_download(NAME + ["Course complete"], []) == "completion"


@pytest.mark.parametrize("values", [
    ["Not completed", "Completed"],  # completion|completion-n, completion-y
    ["Completed (achieved pass grade)", "Completed (did not achieve pass grade)"],  # completion-pass, -fail
    ["Ikke fullført", "Fullført"],  # bokmål, as completion-alt-auto-n and -y word them
])
def test_a_completion_column_by_its_values(values):
    rows = [["A", "a@x.no", "IT", v] for v in values]
    assert wrong_download(NAME + ["Sosiale medier"], rows, by_values=True) == "completion"
    assert wrong_download(NAME + ["Sosiale medier"], rows) is None  # values decide only when asked


@pytest.mark.parametrize("header, field", [
    ("Department", "department"), ("Avdeling", "department"),  # moodle|department
    ("Institution", "institution"), ("Institusjon", "institution"),  # moodle|institution
    ("City/town", "city"), ("Sted", "city"), ("Stad", "city"),  # moodle|city (nynorsk «Stad»)
    ("Country", "country"), ("Land", "country"),  # moodle|country
    (" department ", "department"),
])
def test_moodles_identity_fields_by_their_header_in_any_language(header, field):
    assert identity_field(header) == field


@pytest.mark.parametrize("header", ["Enhet", "Arbeidssted", "Email address", ""])
def test_a_site_s_own_profile_field_keeps_its_name(header):
    assert identity_field(header) is None


# Norwegian menu labels docs/lms.md «Kilder» could not confirm against Moodle's language packs: the report's advice
# names Moodle's English label instead, so HR finds the menu in an English Moodle and is not sent after a Norwegian
# word her Moodle may not show.
UNCONFIRMED = ["Rapporter →", "Rapportar →", "Interaksjoner", "Interaksjonar", "Karakterer →", "Karakterar →",
               "Forsøk fra:", "Forsøk frå:", "Grunnleggende rapport", "Grunnleggjande rapport",
               "Nettstedsadministrasjon", "Nettstadsadministrasjon", "Vis brukeridentitet", "Vis brukaridentitet"]


def test_the_report_s_advice_names_no_unconfirmed_norwegian_moodle_label():
    from builder.report.words import WORDS

    for language, table in WORDS.items():
        assert [(k, label) for k, text in table.items() for label in UNCONFIRMED if label in text] == [], language
        advice = [table[k] for k in ("not-an-export", "download-gradebook", "download-completion", "note_basic",
                                     "note_no_answers")]
        assert all("Reports → Interactions report" in text for text in advice), language
        assert "Site administration → Users → Permissions → User policies" in table["groups_how"]
        assert "Attempts from: all users" in table["no-rows"]


# A reader may give a row shorter than its header (a text export, or a sheet, that leaves out trailing empty
# cells): the cells it lacks are empty, never a traceback.

def test_a_row_without_its_trailing_cells_reads_as_empty_there():
    rows = [["A", "a@x.no", "IT", "Completed"], ["B", "b@x.no"]]
    assert wrong_download(NAME + ["Sosiale medier"], rows, by_values=True) == "completion"


def test_the_layout_is_found_when_a_row_lacks_its_last_result():
    from builder.report.exports.moodle import find_layout

    header = ["Name", "Email address", "Attempt", "Started on", "Last accessed on", "Score",
              "Question 0", "Response 0", "Right answer 0", "Result 0"]
    dates = ["3 December 2026, 4:26 PM"] * 2
    # B drew the question and left it unanswered: no response, and the empty result at the end left out
    sample = [["A", "a@x.no", "1", *dates, "50", "q1", "a", "a", "correct"],
              ["B", "b@x.no", "1", *dates, "0", "q1", "", "a"]]
    layout = find_layout(header, sample)
    assert (layout.email, layout.attempt, layout.score, layout.questions) == (1, 2, 5, [(6, 7, 8, 9)])
