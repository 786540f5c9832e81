"""Quiz cues: surface patterns that give the right answer away to a learner who has not read the lesson. Each rule
is one function in RULES returning coded warnings (their words: «quality.<code>» in builder/words/); `check` runs them
all."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..course.model import Quiz
from ..course.problems import Problem
from ..course.questions import Multiple, Single, Sort, TrueFalse
from ..words import number, percent, say
from . import surface

LEAST_SINGLE = 5  # quiz-wide shares need this many questions of the kind before they say anything
LEAST_STATEMENTS = 4
LEAN = 0.75  # share of true/false statements on one side that is a lean
WORDING = 0.8  # share of statements whose answer the wording predicts


def cue(code: str, where, message: str) -> Problem:
    return Problem(where, message, "warning", code)


def question(q) -> str:
    return say("quality.question", id=q.id)


def key_longer(quiz: Quiz, language: str) -> Iterable[Problem]:
    for q in quiz.questions:
        if isinstance(q, Single):
            texts = [o.text for o in q.options]
            key = next(i for i, o in enumerate(q.options) if o.correct)
            if surface.stands_out(texts, key):
                other = max(len(t) for i, t in enumerate(texts) if i != key)
                yield cue("quiz-key-longer", q.options[key].where or q.where, say(
                    "quality.quiz-key-longer", name=question(q), key=len(texts[key]), other=other,
                    ratio=number(len(texts[key]) / other, 1)))


def key_longest_share(quiz: Quiz, language: str) -> Iterable[Problem]:
    share = key_length_share(quiz)
    if share and share["questions"] >= LEAST_SINGLE and share["share"] > 1.5 * share["chance"]:
        yield cue("quiz-key-longest-share", quiz.where_of("questions"), say(
            "quality.quiz-key-longest-share", longest=share["longest"], questions=share["questions"],
            share=percent(share["share"]), chance=percent(share["chance"])))


def key_length_share(quiz: Quiz) -> dict | None:
    """In how many single-choice questions the right option is the one longest option; and the share by chance."""
    singles = [q for q in quiz.questions if isinstance(q, Single)]
    if not singles:
        return None
    longest = sum(surface.longest([o.text for o in q.options]) == [i for i, o in enumerate(q.options) if o.correct]
                  for q in singles)
    chance = sum(1 / len(q.options) for q in singles) / len(singles)
    return {"longest": longest, "questions": len(singles), "share": longest / len(singles), "chance": chance}


def tf_lean(quiz: Quiz, language: str) -> Iterable[Problem]:
    balance = true_false_balance(quiz, language)
    if balance and balance["statements"] >= LEAST_STATEMENTS:
        true, n = balance["true"], balance["statements"]
        majority = max(true, n - true)
        if majority / n >= LEAN:
            yield cue("quiz-tf-lean", quiz.where_of("questions"), say(
                "quality.quiz-tf-lean-true" if true >= n - true else "quality.quiz-tf-lean-false",
                majority=majority, statements=n, share=percent(majority / n)))


def tf_wording(quiz: Quiz, language: str) -> Iterable[Problem]:
    b = true_false_balance(quiz, language)
    if (b and b["statements"] >= LEAST_STATEMENTS and b["restrictive"] and b["granting"]
            and b["agree"] / b["statements"] >= WORDING):
        yield cue("quiz-tf-wording", quiz.where_of("questions"), say(
            "quality.quiz-tf-wording", agree=b["agree"], statements=b["statements"],
            words=", ".join(sorted(surface.RESTRICTING[language])), restrictive_false=b["restrictive_false"],
            restrictive=b["restrictive"], granting_true=b["granting_true"], granting=b["granting"]))


def true_false_balance(quiz: Quiz, language: str) -> dict | None:
    """How many statements are true, and how often «a restricting statement is false» gives the answer."""
    statements = [q for q in quiz.questions if isinstance(q, TrueFalse)]
    if not statements:
        return None
    restrictive = [q for q in statements if not surface.wording_says_true(q.text, language)]
    granting = [q for q in statements if surface.wording_says_true(q.text, language)]
    restrictive_false = sum(not q.answer for q in restrictive)
    granting_true = sum(q.answer for q in granting)
    return {"statements": len(statements), "true": sum(q.answer for q in statements),
            "restrictive": len(restrictive), "restrictive_false": restrictive_false, "granting": len(granting),
            "granting_true": granting_true, "agree": restrictive_false + granting_true}


def absolute_wrong(quiz: Quiz, language: str) -> Iterable[Problem]:
    for q in quiz.questions:
        if isinstance(q, (Single, Multiple)):
            found = {o.id: surface.absolute_words(o.text, language) for o in q.options}
            wrong = [o for o in q.options if not o.correct and found[o.id]]
            if wrong and not any(found[o.id] for o in q.options if o.correct):
                words = sorted(set().union(*(found[o.id] for o in wrong)))
                yield cue("quiz-absolute-wrong", q.where, say("quality.quiz-absolute-wrong", name=question(q),
                                                               words=", ".join(words),
                                                               options=", ".join(f"'{o.id}'" for o in wrong)))


def all_but_one(quiz: Quiz, language: str) -> Iterable[Problem]:
    for q in quiz.questions:
        if isinstance(q, Multiple) and len(q.options) >= 3:
            wrong = [i for i, o in enumerate(q.options) if not o.correct]
            if len(wrong) == 1:
                is_shortest = surface.shortest([o.text for o in q.options]) == wrong
                yield cue("quiz-all-but-one", q.where, say(
                    "quality.quiz-all-but-one", name=question(q), right=len(q.options) - 1, options=len(q.options),
                    shortest=say("quality.wrong-one-shortest") if is_shortest else ""))


def sort_one_each(quiz: Quiz, language: str) -> Iterable[Problem]:
    for q in quiz.questions:
        if isinstance(q, Sort) and sorted(i.category for i in q.items) == sorted(c.id for c in q.categories):
            yield cue("quiz-sort-one-each", q.where, say("quality.quiz-sort-one-each", name=question(q),
                                                          categories=len(q.categories)))


RULES: list[Callable[[Quiz, str], Iterable[Problem]]] = [
    key_longer, key_longest_share, tf_lean, tf_wording, absolute_wrong, all_but_one, sort_one_each]


def cue_problems(quiz: Quiz, language: str) -> list[Problem]:
    return [problem for rule in RULES for problem in rule(quiz, language)]
