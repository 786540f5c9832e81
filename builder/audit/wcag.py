"""The 50 success criteria of WCAG 2.1 at levels A and AA, with their Norwegian names, and how the audit's
evidence (axe-core rules, the keyboard walk, the package's content) maps onto them."""

from __future__ import annotations

import re

CRITERIA: list[tuple[str, str, str]] = [
    ("1.1.1", "A", "Ikke-tekstlig innhold"),
    ("1.2.1", "A", "Bare lyd og bare video (forhåndsinnspilt)"),
    ("1.2.2", "A", "Teksting (forhåndsinnspilt)"),
    ("1.2.3", "A", "Synstolking eller mediealternativ (forhåndsinnspilt)"),
    ("1.2.4", "AA", "Teksting (direkte)"),
    ("1.2.5", "AA", "Synstolking (forhåndsinnspilt)"),
    ("1.3.1", "A", "Informasjon og relasjoner"),
    ("1.3.2", "A", "Meningsbærende rekkefølge"),
    ("1.3.3", "A", "Sensoriske egenskaper"),
    ("1.3.4", "AA", "Visningsretning"),
    ("1.3.5", "AA", "Identifiser formål med inndata"),
    ("1.4.1", "A", "Bruk av farge"),
    ("1.4.2", "A", "Styring av lyd"),
    ("1.4.3", "AA", "Kontrast (minimum)"),
    ("1.4.4", "AA", "Endring av tekststørrelse"),
    ("1.4.5", "AA", "Bilder av tekst"),
    ("1.4.10", "AA", "Dynamisk tilpasning (reflow)"),
    ("1.4.11", "AA", "Kontrast for ikke-tekstlig innhold"),
    ("1.4.12", "AA", "Tekstavstand"),
    ("1.4.13", "AA", "Innhold ved pekerfølsomhet eller fokus"),
    ("2.1.1", "A", "Tastatur"),
    ("2.1.2", "A", "Ingen tastaturfelle"),
    ("2.1.4", "A", "Hurtigtaster som består av ett tegn"),
    ("2.2.1", "A", "Justerbar hastighet"),
    ("2.2.2", "A", "Pause, stopp, skjul"),
    ("2.3.1", "A", "Terskelverdi på maksimalt tre glimt"),
    ("2.4.1", "A", "Hoppe over blokker"),
    ("2.4.2", "A", "Sidetitler"),
    ("2.4.3", "A", "Fokusrekkefølge"),
    ("2.4.4", "A", "Formål med lenke (i kontekst)"),
    ("2.4.5", "AA", "Flere måter"),
    ("2.4.6", "AA", "Overskrifter og ledetekster"),
    ("2.4.7", "AA", "Synlig fokus"),
    ("2.5.1", "A", "Pekerbevegelser"),
    ("2.5.2", "A", "Pekeravbrytelse"),
    ("2.5.3", "A", "Ledetekst i navn"),
    ("2.5.4", "A", "Bevegelsesaktivering"),
    ("3.1.1", "A", "Språk på siden"),
    ("3.1.2", "AA", "Språk på deler av innholdet"),
    ("3.2.1", "A", "Fokus"),
    ("3.2.2", "A", "Inndata"),
    ("3.2.3", "AA", "Konsekvent navigering"),
    ("3.2.4", "AA", "Konsekvent identifikasjon"),
    ("3.3.1", "A", "Identifikasjon av feil"),
    ("3.3.2", "A", "Ledetekster eller instruksjoner"),
    ("3.3.3", "AA", "Forslag ved feil"),
    ("3.3.4", "AA", "Forhindring av feil (juridiske feil, økonomiske feil, datafeil)"),
    ("4.1.1", "A", "Parsing (oppdeling)"),
    ("4.1.2", "A", "Navn, rolle, verdi"),
    ("4.1.3", "AA", "Statusbeskjeder"),
]

# Criteria that only concern sound, video or animation: not relevant when the package has none of them.
TIME_BASED_MEDIA = {"1.2.1", "1.2.2", "1.2.3", "1.2.4", "1.2.5", "1.4.2"}
MEDIA_ELEMENTS = re.compile(r"<(video|audio|object|embed|iframe)\b", re.I)
CRITERION_TAG = re.compile(r"^wcag(\d)(\d)(\d+)$")

TESTED, PERSON, NOT_RELEVANT = "testet automatisk", "må vurderes av et menneske", "ikke relevant"


def criteria_of(tags: list[str]) -> list[str]:
    """axe-core tags its rules with the criteria they test: 'wcag143' → '1.4.3'."""
    return [".".join(m.groups()) for m in map(CRITERION_TAG.match, tags) if m]
