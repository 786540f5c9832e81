"""Every message of the quality checks, by its stable code: the one place to reword (or translate) them. Each is a
format string filled with the figures behind the finding."""

from __future__ import annotations

from ..course.located import Where
from ..course.problems import Problem

MESSAGES = {
    # quiz cues (builder/quality/cues.py)
    "quiz-key-longer": "{name}: the right option is the longest, {key} characters against at most {other} for the "
                       "others ({ratio:.1f}×); a guesser picks it without reading the lesson — make the wrong "
                       "options as full as the right one",
    "quiz-key-longest-share": "the right option is the longest in {longest} of {questions} single-choice questions "
                              "({share:.0%}; by chance about {chance:.0%}); a guesser who picks the longest option "
                              "gains from it",
    "quiz-tf-lean": "{majority} of {statements} true/false statements are {side} ({share:.0%}); a guesser who always "
                    "answers {side} gains from it — balance true and false statements",
    "quiz-tf-wording": "true/false answers follow the wording in {agree} of {statements} statements: those with a "
                       "restricting word ({words}) are false in {restrictive_false} of {restrictive}, the others true "
                       "in {granting_true} of {granting}; a guesser who answers «restricting is false» gains from "
                       "it — write true restrictions and false permissions too",
    "quiz-absolute-wrong": "{name}: absolute words ({words}) stand only in wrong options ({options}); test-wise "
                           "learners rule such options out — use them in a right option too, or in none",
    "quiz-all-but-one": "{name}: {right} of {options} options are right{shortest}; a guesser who ticks all but one "
                        "gains from it — make more options wrong",
    "wrong-one-shortest": ", and the wrong one is the shortest",
    "quiz-sort-one-each": "{name}: each of the {categories} categories holds exactly one item, so the last item "
                          "follows from the others — put two or more items into some category",
    # the simulated guesser (builder/quality/guesser.py)
    "quiz-guessable": "a test-wise guesser who reads no lesson passes {chance} (a random guesser: {random_chance}), "
                      "above the course's guess ceiling of {ceiling} % (course.yaml quality.guess_ceiling); remove "
                      "the cues the other warnings name",
    "guess-within": "with {within} chance within {attempts} attempt(s)",
    "guess-unlimited": "with {one} chance per attempt, and attempts are unlimited (0), so in the end: after "
                       "about {average} attempts on average",
}


def warning(code: str, where: Where | None, **figures) -> Problem:
    return Problem(where, MESSAGES[code].format(**figures), "warning", code)


def error(code: str, where: Where | None, **figures) -> Problem:
    return Problem(where, MESSAGES[code].format(**figures), "error", code)
