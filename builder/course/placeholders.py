"""{{ name }} placeholders in lessons and quiz texts, filled from the edition (or with neutral wording in the core course).

Double braces mean nothing in Markdown, so a placeholder can never be mistaken for course text; every `{{` in a
lesson must start a placeholder that has a value, which `check` verifies at the exact line and column.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from .model import CONTACT_ROLES, Contact, Edition, Where
from .problems import display_path, said

PLACEHOLDER = re.compile(r"\{\{[ \t]*([^{}\n]*?)[ \t]*\}\}")
OPEN = "{{"

# The neutral wording of the core course, and the words an edition's contact is introduced with.
NEUTRAL: dict[str, dict[str, str]] = {
    "nb": {
        "organisasjon": "kommunen din",
        "kontakt.personvernombud": "personvernombudet i kommunen din",
        "kontakt.varsling": "varslingskanalen i kommunen din",
        "kontakt.it-sikkerhet": "IT-avdelingen i kommunen din",
        "kontakt.kommunikasjon": "kommunikasjonsavdelingen i kommunen din",
        "lenke.retningslinjer": "retningslinjene for sosiale medier i kommunen din",
        "lenke.varslingsrutine": "varslingsrutinen i kommunen din",
    },
    "nn": {
        "organisasjon": "kommunen din",
        "kontakt.personvernombud": "personvernombodet i kommunen din",
        "kontakt.varsling": "varslingskanalen i kommunen din",
        "kontakt.it-sikkerhet": "IT-avdelinga i kommunen din",
        "kontakt.kommunikasjon": "kommunikasjonsavdelinga i kommunen din",
        "lenke.retningslinjer": "retningslinjene for sosiale medium i kommunen din",
        "lenke.varslingsrutine": "varslingsrutinen i kommunen din",
    },
    "en": {
        "organisasjon": "your organisation",
        "kontakt.personvernombud": "your organisation's data protection officer",
        "kontakt.varsling": "your organisation's whistleblowing channel",
        "kontakt.it-sikkerhet": "your organisation's IT department",
        "kontakt.kommunikasjon": "your organisation's communications department",
        "lenke.retningslinjer": "your organisation's social media guidelines",
        "lenke.varslingsrutine": "your organisation's whistleblowing routine",
    },
}
ROLE_NOUN = {"nb": {"personvernombud": "personvernombudet", "varsling": "varslingskanalen",
                    "it-sikkerhet": "IT-sikkerhetsansvarlig", "kommunikasjon": "kommunikasjonsavdelingen"},
             "nn": {"personvernombud": "personvernombodet", "varsling": "varslingskanalen",
                    "it-sikkerhet": "IT-tryggleiksansvarleg", "kommunikasjon": "kommunikasjonsavdelinga"}}
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]()<>#!|{}~&])")


def known(name: str) -> bool:
    kind, _, key = name.partition(".")
    return name == "organisasjon" or (kind == "kontakt" and key in CONTACT_ROLES) or (kind == "lenke" and bool(key))


def values(edition: Edition | None, language: str, plain: bool = False) -> dict[str, str]:
    """Every placeholder that has a value: as Markdown for lessons, or as `plain` text for quiz texts, which the
    player shows as text."""
    text = (lambda value: value) if plain else escape
    if edition is None:
        return {name: text(wording) for name, wording in NEUTRAL[language].items()}
    out = {"organisasjon": text(edition.organisation)}
    nouns = ROLE_NOUN.get(language, ROLE_NOUN["nb"])
    for role, contact in edition.contacts.items():
        out[f"kontakt.{role}"] = contact_text(nouns[role], contact, plain)
    for link_id, link in edition.links.items():
        out[f"lenke.{link_id}"] = f"{link.title} ({link.url})" if plain else f"[{escape(link.title)}](<{link.url}>)"
    return out


def contact_text(noun: str, contact: Contact, plain: bool = False) -> str:
    """The contact's name (else the role) and then how to reach them, so it reads well inside a sentence."""
    text = (lambda value: value) if plain else escape
    details = [text(part) for part in (contact.email, contact.phone) if part]
    if contact.url:
        details.append(contact.url if plain else f"<{contact.url}>")
    return text(contact.name or noun) + (f" ({', '.join(details)})" if details else "")


def escape(text: str) -> str:
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def occurrences(text: str) -> Iterator[tuple[int, str | None]]:
    """(offset, name) for every placeholder, and (offset, None) for a `{{` that does not start one."""
    at = text.find(OPEN)
    while at != -1:
        match = PLACEHOLDER.match(text, at)
        yield at, match.group(1) if match else None
        at = text.find(OPEN, match.end() if match else at + len(OPEN))


def fill(text: str, start: Where, words: dict[str, str], edition: Edition | None,
         error: Callable[[Where, str], None]) -> str:
    """`text` with every placeholder replaced; `start` is where `text` begins in its file."""
    if OPEN not in text:
        return text
    for offset, name in occurrences(text):
        line = start.line + text.count("\n", 0, offset)
        col = offset - (text.rfind("\n", 0, offset) + 1) + (start.col if line == start.line else 1)
        where = Where(start.path, line, col)
        if name is None:
            error(where, said("source.placeholder.not-closed", open="{{", close="}}"))
        elif not known(name):
            error(where, said("source.placeholder.unknown", placeholder=f"{{{{ {name} }}}}",
                              roles="|".join(CONTACT_ROLES)))
        elif name not in words and not left_out(name, edition):
            error(where, missing(name, edition))
    return PLACEHOLDER.sub(lambda m: words.get(m.group(1), m.group(0)), text)


def left_out(name: str, edition: Edition | None) -> bool:
    """The placeholder's value was left out of edition.yaml for an error reported there: not a second fault."""
    if edition is None:
        return False
    kind, _, key = name.partition(".")
    field = {"kontakt": "contacts", "lenke": "links"}.get(kind)
    contacts = edition.contact_roles
    return bool({(field, None), (field, key)} & edition.left_out) or (
        kind == "kontakt" and contacts is not None and (key, None) in contacts.left_out)


def missing(name: str, edition: Edition | None) -> str:
    if edition is None:
        return said("source.placeholder.no-neutral-wording", placeholder=f"{{{{ {name} }}}}",
                    known=", ".join(NEUTRAL["nb"]))
    kind, _, key = name.partition(".")
    field = f"contacts: {key}:" if kind == "kontakt" else f"links: {key}: {{title, url}}"
    return said("source.placeholder.no-value", placeholder=f"{{{{ {name} }}}}", edition=edition.id, field=field,
                file=display_path(edition.where.path) if edition.where else f"editions/{edition.id}/edition.yaml")
