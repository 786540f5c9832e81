"""The documentation stays true to the code: the field tables in docs/ are what the model says, every field says
what it is for, and every relative link in README.md and docs/*.md leads to a file (and heading) that exists."""

from __future__ import annotations

import re
import shutil
import unicodedata

import pytest

from builder.docs import DOCS, REGENERATE, all_schemas, marker, render, stale
from tests.conftest import REPO

PAGES = [REPO / "README.md", *sorted(DOCS.glob("*.md"))]
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
FENCE = re.compile(r"^(`{3,}).*?^\1\s*$", re.S | re.M)
CODE = re.compile(r"`[^`\n]*`")


def test_the_committed_field_tables_are_what_the_model_says():
    late = [str(path.relative_to(REPO)) for path in stale()]
    assert not late, f"{', '.join(late)}: the field tables differ from the model; run `{REGENERATE}` and commit"


def test_a_table_edited_by_hand_is_found(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(DOCS, docs)
    page = docs / "authoring.md"
    text = page.read_text(encoding="utf-8")
    assert "| `tracking.max_attempts` | whole number 0–100 |" in text
    page.write_text(text.replace("| `tracking.max_attempts` | whole number 0–100 |",
                                 "| `tracking.max_attempts` | whole number ≥ 0 |"), encoding="utf-8")
    assert stale(docs) == [page]


def test_every_source_file_has_its_table_in_the_docs():
    text = "".join(path.read_text(encoding="utf-8") for path in DOCS.glob("*.md"))
    missing = [name for name in all_schemas() if marker(name) not in text]
    assert not missing, f"no `{marker('NAME')}` block in docs/ for {missing}; add one and run `{REGENERATE}`"


@pytest.mark.parametrize("name", sorted(all_schemas()))
def test_every_field_says_what_it_is_for(name):
    rows = [line for line in render(all_schemas()[name]).splitlines() if line.startswith("| `")]
    assert rows
    bare = [row.split(" | ")[0] for row in rows if row.endswith("|  |")]
    assert not bare, f"{name}: give these fields a Field(description=…) in the model: {bare}"


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    text = CODE.sub(lambda m: m.group(0)[1:-1], heading.strip().lower())
    kept = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LN")
    return kept.replace(" ", "-")


def anchors(path) -> set[str]:
    text = FENCE.sub("", path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for heading in re.findall(r"^#{1,6}\s+(.+?)\s*#*$", text, re.M):
        base, n = slug(heading), 0
        while (name := base if n == 0 else f"{base}-{n}") in found:
            n += 1
        found.add(name)
    return found


def links(path) -> list[str]:
    text = CODE.sub("", FENCE.sub("", path.read_text(encoding="utf-8")))
    return [target for target in LINK.findall(text) if not re.match(r"[a-z]+:", target)]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_relative_link_leads_somewhere(page):
    broken = []
    for target in links(page):
        file_part, _, anchor = target.partition("#")
        dest = (page.parent / file_part).resolve() if file_part else page
        if not dest.exists() or REPO not in (dest, *dest.parents):
            broken.append(f"{target}: no such file in the repository")
        elif anchor and dest.suffix == ".md" and anchor not in anchors(dest):
            broken.append(f"{target}: no heading with the anchor #{anchor} in {dest.relative_to(REPO)}")
    assert not broken, f"{page.relative_to(REPO)}: " + "; ".join(broken)


def test_the_link_check_sees_a_broken_link(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# Top\n\n[fine](#top) [gone](missing.md) `[code](not-a-link.md)`\n", encoding="utf-8")
    assert links(page) == ["#top", "missing.md"]
    assert anchors(page) == {"top"}


def test_the_readme_links_every_page_of_the_docs():
    linked = {(REPO / target.partition("#")[0]).resolve() for target in links(REPO / "README.md")}
    unlinked = [path.name for path in DOCS.glob("*.md") if path.resolve() not in linked]
    assert not unlinked, f"README.md's Documentation table does not link {unlinked}"
