"""Declarative field specs for every YAML object in a course.

One spec serves two purposes: validating raw YAML with precise positions and
generating the JSON Schemas that editors use (`kursbygger schema`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

SLUG = re.compile(r"^[a-z0-9-]{1,64}$")


@dataclass(frozen=True)
class Field:
    kind: str  # "slug" | "str" | "int" | "bool" | "date" | "list" | "object" | "map" | "slug-list" | "str-list"
    required: bool = False
    default: Any = None
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    item: "Spec | None" = None  # for kind "list" of objects / kind "object" / kind "map" (id → object)
    help: str = ""


@dataclass(frozen=True)
class Spec:
    name: str  # how the object is called in messages ("course", "question" …)
    fields: dict[str, Field] = field(default_factory=dict)


TF_FIELD = Field("str", help="translations only: the first 12 hex digits of the SHA-256 of the bokmål file this "
                              "text was translated from")

SOURCE = Spec("source", {
    "id": Field("slug", True, help="id cited from lessons and questions"),
    "title": Field("str", True, help="law and section, or the guidance's title and year"),
    "url": Field("str", help="public address of the source (https://…)"),
})

TRACKING = Spec("tracking", {
    "passing_score": Field("int", default=80, minimum=0, maximum=100, help="percent of questions fully right needed to pass"),
    "completion": Field("str", default="lessons-and-quiz", choices=("lessons", "quiz", "lessons-and-quiz"),
                        help="what completes the course"),
    "failed_status": Field("str", default="failed", choices=("failed", "incomplete"),
                           help="status recorded when the last quiz attempt fails; before that the LMS attempt "
                                "stays incomplete so the learner can retry later"),
    "max_attempts": Field("int", default=0, minimum=0, maximum=100, help="quiz attempts; 0 = unlimited"),
})

COURSE = Spec("course", {
    "id": Field("slug", True, help="course id, used in the zip name and SCORM identifiers"),
    "title": Field("str", True),
    "description": Field("str", default=""),
    "language": Field("str", True, choices=("nb", "nn", "en"), help="language of the course and the player"),
    "version": Field("str", True, help="course version, e.g. 1.0.0"),
    "organisation": Field("str", default=""),
    "reviewed": Field("date", help="when the content was last checked against its sources, YYYY-MM-DD;"
                      " shown to learners as «Faglig kontrollert»"),
    "quiz": Field("slug", help="id of quizzes/<id>.yaml"),
    "lessons": Field("slug-list", help="explicit lesson order by id; default: file-name order"),
    "tracking": Field("object", item=TRACKING),
    "sources": Field("list", item=SOURCE, help="the source catalogue"),
})

LESSON = Spec("lesson front matter", {
    "id": Field("slug", True),
    "title": Field("str", True),
    "minutes": Field("int", True, minimum=1, maximum=120, help="estimated reading time"),
    "objectives": Field("str-list", True, minimum=1, help="what the learner can do after the lesson"),
    "sources": Field("slug-list", help="ids from the course's source catalogue"),
    "translated_from": TF_FIELD,
})

OPTION = Spec("option", {
    "id": Field("slug", help="default a, b, c … in source order"),
    "text": Field("str", True),
    "correct": Field("bool", default=False),
    "feedback": Field("str", help="what choosing this option tells the learner"),
})

CATEGORY = Spec("category", {
    "id": Field("slug", True),
    "text": Field("str", True),
})

SORT_ITEM = Spec("item", {
    "id": Field("slug", True),
    "text": Field("str", True),
    "category": Field("slug", True, help="id of the category the item belongs to"),
})

QUESTION = Spec("question", {
    "id": Field("slug", True),
    "lesson": Field("slug", True, help="id of the lesson the question tests"),
    "type": Field("str", True, choices=("single", "multiple", "true-false", "sort")),
    "text": Field("str", True),
    "options": Field("list", item=OPTION, help="single and multiple"),
    "answer": Field("bool", help="true-false: the right answer"),
    "feedback_true": Field("str", help="true-false: feedback for answering true"),
    "feedback_false": Field("str", help="true-false: feedback for answering false"),
    "categories": Field("list", item=CATEGORY, help="sort: the categories"),
    "items": Field("list", item=SORT_ITEM, help="sort: the items to place"),
    "explanation": Field("str", True, help="shown with the result"),
    "sources": Field("slug-list", help="ids from the course's source catalogue"),
})

QUIZ = Spec("quiz", {
    "id": Field("slug", True),
    "title": Field("str", True),
    "draw": Field("int", minimum=1, help="questions drawn per attempt; default all, or per_lesson × lessons"),
    "per_lesson": Field("int", minimum=1, help="questions drawn from every lesson in each attempt, so every "
                        "attempt tests every lesson; draw, when larger, is filled from the rest of the pool"),
    "shuffle": Field("bool", default=True, help="shuffle questions and options per attempt"),
    "passing_score": Field("int", minimum=0, maximum=100, help="overrides tracking.passing_score"),
    "questions": Field("list", True, item=QUESTION),
    "translated_from": TF_FIELD,
})

# course/discussion.yaml: the material of the facilitator guide (`kursbygger publish`).
RUNSHEET_STEP = Spec("run-sheet step", {
    "minutes": Field("int", True, minimum=1, maximum=120),
    "activity": Field("str", True, help="what the group does in these minutes"),
})

DISCUSSION_CASE = Spec("case", {
    "title": Field("str", True),
    "text": Field("str", True, help="the situation to discuss, in a few sentences"),
})

LESSON_DISCUSSION = Spec("lesson discussion", {
    "lesson": Field("slug", True, help="id of the lesson the material belongs to"),
    "questions": Field("str-list", True, minimum=1, help="2–3 open questions for the group"),
    "case": Field("object", True, item=DISCUSSION_CASE),
    "notes": Field("str-list", True, minimum=1, help="for the facilitator: what the law says about the case"),
})

DISCUSSION = Spec("discussion", {
    "minutes": Field("int", True, minimum=10, maximum=240, help="length of the meeting"),
    "aims": Field("str-list", True, minimum=1, help="what the group should take away"),
    "runsheet": Field("list", True, item=RUNSHEET_STEP, help="the meeting step by step; minutes add up to 'minutes'"),
    "selfcheck": Field("str-list", True, minimum=1, help="how to go through the self-check together"),
    "lessons": Field("list", True, item=LESSON_DISCUSSION),
    "translated_from": TF_FIELD,
})

# translations/<language>/course/course.yaml: the translated parts of course.yaml only.
SOURCE_TITLE = Spec("source title", {
    "id": Field("slug", True, help="id of a source in course/course.yaml"),
    "title": Field("str", True, help="the source's title in this language"),
})

COURSE_TRANSLATION = Spec("course translation", {
    "translated_from": TF_FIELD,
    "title": Field("str", True),
    "description": Field("str", default=""),
    "sources": Field("list", item=SOURCE_TITLE, help="source titles that have a form in this language"),
})

# editions/<id>/edition.yaml: one organisation's own package of the shared course.
COLOURS = Spec("colours", {
    "brand": Field("str", True, help="brand colour as #rrggbb: header, buttons and links"),
    "brand_text": Field("str", default="#ffffff", help="text colour on the brand colour, as #rrggbb"),
})

CONTACT = Spec("contact", {
    "name": Field("str", help="person or office"),
    "email": Field("str"),
    "phone": Field("str"),
    "url": Field("str", help="web page (https://…)"),
})

CONTACT_ROLES = ("personvernombud", "varsling", "it-sikkerhet", "kommunikasjon")
CONTACTS = Spec("contacts", {role: Field("object", item=CONTACT) for role in CONTACT_ROLES})

LINK = Spec("link", {
    "title": Field("str", True, help="the link text"),
    "url": Field("str", True, help="https://…"),
})

EDITION_LESSON = Spec("edition lesson", {
    "file": Field("str", True, help="Markdown lesson file in the edition's folder"),
    "after": Field("slug", help="id of the lesson it follows; default: after the last lesson"),
})

EDITION_TRACKING = Spec("edition tracking", {
    "passing_score": Field("int", minimum=0, maximum=100, help="overrides the course's pass mark"),
    "max_attempts": Field("int", minimum=0, maximum=100, help="quiz attempts; 0 = unlimited"),
})

EDITION = Spec("edition", {
    "id": Field("slug", True, help="the edition's id: the name of its folder under editions/"),
    "organisation": Field("str", True, help="the organisation's name, shown in the package and as the logo's text"),
    "language": Field("str", default="nb", choices=("nb", "nn"), help="nn reads the texts from translations/nn/"),
    "title": Field("str", help="the package's title; default: the course title – organisation"),
    "logo": Field("str", help="SVG or PNG file in the edition's folder, at most 200 KB"),
    "colours": Field("object", item=COLOURS),
    "contacts": Field("object", item=CONTACTS, help="filled into {{ kontakt.<role> }}"),
    "links": Field("map", item=LINK, help="id → title and url; filled into {{ lenke.<id> }}"),
    "lessons": Field("list", item=EDITION_LESSON, help="extra lessons, e.g. «Slik gjør vi det hos oss»"),
    "tracking": Field("object", item=EDITION_TRACKING),
})
