"""One edition per language in the real player: its name, logo, colours and contacts, and the player's own words
in the edition's language; axe-core finds nothing."""

from __future__ import annotations

import pytest

from tools.testlms.harness import REPO, build_zip
from .test_player import assert_clean, axe_violations

EDITIONS = {
    "eksempel-kommune": {"organisation": "Eksempel kommune", "brand": "rgb(122, 46, 14)",
                         "skip": "Hopp til innholdet", "locked": "Testen åpner når du har lest alle leksjonene",
                         "contact": "personvernombud@example.no", "edition": "Utgave: Eksempel kommune"},
    "eksempel-nynorsk": {"organisation": "Døme kommune", "brand": "rgb(31, 86, 80)",
                         "skip": "Hopp til innhaldet", "locked": "Testen opnar når du har lese alle leksjonane",
                         "contact": "personvernombod@example.no", "edition": "Utgåve: Døme kommune"},
}


@pytest.fixture(scope="module")
def edition_scos(site, tmp_path_factory):
    out = tmp_path_factory.mktemp("editions")
    return {edition: site.add_zip(edition, build_zip(REPO, out / edition, "1.2", edition)) for edition in EDITIONS}


@pytest.mark.parametrize("edition", EDITIONS)
def test_edition_in_the_player(lms, edition_scos, edition):
    want = EDITIONS[edition]
    frame = lms.launch("1.2", edition_scos[edition])
    assert frame.get_attribute(".course-header img", "alt") == want["organisation"]
    assert frame.evaluate("() => document.querySelector('.course-header img').naturalWidth") > 0  # the logo loads
    assert frame.evaluate("() => getComputedStyle(document.querySelector('.course-header')).backgroundColor") \
        == want["brand"]
    assert frame.inner_text(".skip-link") == want["skip"]
    assert want["edition"] in frame.inner_text("[data-edition]")
    assert lms.course_data()["course"]["edition"]["id"] == edition
    assert axe_violations(frame) == [], "first lesson"
    frame.click("[data-nav=quiz]")
    assert want["locked"] in frame.inner_text("[data-quiz]")  # written by the runtime in the edition's language
    local = lms.course_data()["lessons"][-1]["id"]
    frame.click(f"[data-nav={local}]")
    assert want["contact"] in frame.inner_text(f"#lesson-{local}")
    assert axe_violations(frame) == [], "the edition's own lesson"
    assert_clean(lms)
