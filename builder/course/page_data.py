"""The page data: the JSON every page carries for the learner runtime (`render.course_data` writes it into
`kurs-data`; builder/outputs/runtime/ reads it, and the HR report reads its quiz back). Declared here as types, with each
question type's part declared by its class (`page_data` in builder/questions.py), so the JSON Schema comes from
them instead of a second copy by hand. tests/test_page_data.py holds a built course's data and the runtime tests'
hand-built data (tests/runtime/helpers.mjs) to it, so neither can drift from the other.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, TypeAdapter, with_config
from typing_extensions import NotRequired, TypedDict

from .located import Slug
from .model import Language, Tracking
from .questions import PAGE_DATA, QUESTION_TYPES

# The tracking choices exactly as course.yaml's model takes them.
Completion = Tracking.__pydantic_fields__["completion"].annotation
FailedStatus = Tracking.__pydantic_fields__["failed_status"].annotation
Percent = Annotated[int, Field(ge=0, le=100)]
Count = Annotated[int, Field(ge=0)]


@with_config(PAGE_DATA)
class EditionData(TypedDict):
    id: Slug
    organisation: str


@with_config(PAGE_DATA)
class CourseData(TypedDict):
    id: Slug
    title: str
    version: str  # saved progress from another version keeps only its results (builder/outputs/runtime/suspend.js)
    language: Language
    edition: NotRequired[EditionData]


@with_config(PAGE_DATA)
class LessonData(TypedDict):
    id: Slug
    title: str


@with_config(PAGE_DATA)
class TrackingData(TypedDict):
    passingScore: Percent
    completion: Completion
    failedStatus: FailedStatus
    maxAttempts: Count  # 0: unlimited


@with_config(PAGE_DATA)
class QuizData(TypedDict):
    id: Slug
    title: str
    draw: Annotated[int, Field(ge=1)]
    perLesson: Count
    shuffle: bool
    questions: list[Union[tuple(dict.fromkeys(cls.page_data for cls in QUESTION_TYPES))]]  # each type's shape, once
    requiredTopics: NotRequired[list[Slug]]


@with_config(PAGE_DATA)
class PageData(TypedDict):
    format: Literal[1]
    course: CourseData
    lessons: list[LessonData]
    tracking: TrackingData
    quiz: QuizData | None
    strings: dict[str, str]  # builder/words' «player» area


def schema() -> dict:
    """The page data's JSON Schema. A question's `type` is narrowed to the types whose classes give that shape, so a
    choice question that carries a sort question's fields is refused, and a new type is in the schema with its class."""
    result = TypeAdapter(PageData).json_schema()
    for shape in {cls.page_data for cls in QUESTION_TYPES}:
        kinds = [cls.kind() for cls in QUESTION_TYPES if cls.page_data is shape]
        result["$defs"][shape.__name__]["properties"]["type"] = {"enum": kinds}
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **result}
