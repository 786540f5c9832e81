"""Synthetic courses of any size, in the real source format, for the benchmarks."""

from __future__ import annotations

from pathlib import Path

LESSON = """---
id: l{n}
title: Leksjon {n}
minutes: 4
objectives:
  - Du kan forklare tema {n}.
  - Du kan gi et eksempel på tema {n}.
sources: [s{s}]
---
Dette er leksjon {n}. Den har **uthevet tekst**, en [lenke](https://example.org/{n}) og en liste:

- første punkt om tema {n}
- andre punkt om tema {n}

::: case Et eksempel fra jobben
En ansatt i kommunen møter situasjon {n} og må vurdere hva som er riktig å gjøre.
:::

| Spørsmål | Svar |
|---|---|
| Hva? | Tema {n} |

```selfcheck
title: Sjekk deg selv
steps:
  - question: Har du lest leksjon {n}?
    if_yes: Bra.
    if_no: Les den først.
end: Ferdig.
```

::: husk
Husk poenget i leksjon {n}.
:::
"""


def question(i: int, lessons: int, options: int = 4) -> str:
    lesson = f"l{i % lessons}"
    kind = ("single", "multiple", "true-false", "sort")[i % 4]
    head = (f"  - id: q{i}\n    lesson: {lesson}\n    type: {kind}\n    text: Spørsmål nummer {i} om {lesson}?\n"
            f"    explanation: Forklaring til spørsmål {i}.\n    sources: [s{i % 10}]\n")
    if kind in ("single", "multiple"):
        body = "    options:\n" + "".join(
            f"      - text: Svar {o}\n        correct: {'true' if o == 0 or (kind == 'multiple' and o == 1) else 'false'}\n"
            f"        feedback: Tilbakemelding {o}.\n" for o in range(options))
    elif kind == "true-false":
        body = "    answer: true\n    feedback_false: Det stemmer ikke.\n"
    else:
        body = ("    categories:\n      - {id: ja, text: Ja}\n      - {id: nei, text: Nei}\n    items:\n"
                "      - {id: en, text: Første, category: ja}\n      - {id: to, text: Andre, category: nei}\n")
    return head + body


def write_course(root: Path, lessons: int, questions: int, draw: int = 12, options: int = 4) -> Path:
    (root / "course" / "lessons").mkdir(parents=True)
    (root / "quizzes").mkdir()
    sources = "".join(f"  - id: s{i}\n    title: Kilde {i}\n" for i in range(10))
    (root / "course" / "course.yaml").write_text(
        f"id: syntetisk\ntitle: Syntetisk kurs\nlanguage: nb\nversion: \"1\"\nquiz: quiz\n"
        f"tracking:\n  completion: quiz\nsources:\n{sources}", encoding="utf-8")
    for n in range(lessons):
        (root / "course" / "lessons" / f"{n:04d}.md").write_text(LESSON.format(n=n, s=n % 10), encoding="utf-8")
    body = "".join(question(i, lessons, options) for i in range(questions))
    (root / "quizzes" / "quiz.yaml").write_text(
        f"id: quiz\ntitle: Test\ndraw: {min(draw, questions)}\nquestions:\n{body}", encoding="utf-8")
    return root
