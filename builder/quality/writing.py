"""The text checks as `check` runs them: readability and nynorsk, once for each text.

`course_problems` takes what one load brings (the core course, or an edition's own lessons and words), so that
`check`, `build` and the preview of an edition each report them; `translation_problems` takes translations/<language>/,
which `check` reads once beside the parity check rather than once per edition that uses it.
"""

from __future__ import annotations

from pathlib import Path

from ..course.model import Course
from ..course.problems import Problem
from . import nynorsk, readability
from .texts import own_lessons, translations


def course_problems(course: Course) -> list[Problem]:
    return readability.problems(course, own_lessons(course)) + nynorsk.problems(course)


def translation_problems(root: Path) -> list[Problem]:
    found = []
    for translation in translations(root):
        found += readability.problems(translation.course, translation.course.lessons)
        found += nynorsk.translation_problems(translation)
    return found
