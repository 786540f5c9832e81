"""The question types: one class per type, holding everything the builder knows about it.

A class declares the type's fields and limits (validated at load, written into quiz.schema.json), its rules
across fields (`problems`, run by check), the data the player gets (`data`, of the shape `page_data`: see
builder/page_data.py), and how the HR report reads a recorded response back (`right_codes`, `describe`,
`right_answer`, `from_data`). A new type is one class here,
added to QUESTION_TYPES, plus its player code and tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any, ClassVar, Literal, Protocol, Union, get_args

from pydantic import ConfigDict, Field, model_validator, with_config
from typing_extensions import NotRequired, TypedDict

from .located import CONFIG, Flag, Located, RequiredWords, Slug, Where, Words, entries, model
from .problems import did_you_mean, said


class Citing(Protocol):
    """What a question's player data needs of the course (model.Course, which imports this module): its citations."""

    def source(self, source_id: str) -> Any: ...


LETTERS = "abcdefghijklmnopqrstuvwxyz"
MAX_OPTIONS = 26
MAX_CATEGORIES = 9
MAX_ITEMS = 26


# What each type gives the player in the page data, as types (builder/page_data.py makes them its JSON Schema).
# The limits are the runtime's: one base-36 character per option and one digit per category in suspend_data.
PAGE_DATA = ConfigDict(extra="forbid")


@with_config(PAGE_DATA)
class SourceData(TypedDict):
    title: str
    url: str | None


@with_config(PAGE_DATA)
class QuestionData(TypedDict):
    id: Slug
    lesson: Slug
    type: str  # one of the types with this shape (builder/page_data.py narrows it)
    text: str
    explanation: str
    sources: list[SourceData]
    topic: NotRequired[Slug]


@with_config(PAGE_DATA)
class OptionData(TypedDict):
    id: Slug
    text: str
    correct: bool
    feedback: str


class ChoiceData(QuestionData):
    options: Annotated[list[OptionData], Field(min_length=2, max_length=MAX_OPTIONS)]


class TrueFalseData(QuestionData):
    answer: bool
    feedbackTrue: str
    feedbackFalse: str


@with_config(PAGE_DATA)
class CategoryData(TypedDict):
    id: Slug
    text: str


@with_config(PAGE_DATA)
class SortItemData(TypedDict):
    id: Slug
    text: str
    category: Slug


class SortData(QuestionData):
    categories: Annotated[list[CategoryData], Field(min_length=2, max_length=MAX_CATEGORIES)]
    items: Annotated[list[SortItemData], Field(min_length=1, max_length=MAX_ITEMS)]


@model(config=CONFIG, kw_only=True)
class Option(Located):
    noun: ClassVar[str] = "option"
    id: Slug | None = Field(None, description="default a, b, c … in source order")
    text: RequiredWords = Field(description="the option as the learner reads it")
    correct: Flag = Field(False, description="true for a right option")
    feedback: Words | None = Field(None, description="what choosing this option tells the learner")


@model(config=CONFIG, kw_only=True)
class Category(Located):
    noun: ClassVar[str] = "category"
    id: Slug = Field(description="cited by the items' `category`")
    text: RequiredWords = Field(description="the category as the learner reads it")


@model(config=CONFIG, kw_only=True)
class SortItem(Located):
    noun: ClassVar[str] = "item"
    id: Slug = Field(description="unique within the question")
    text: RequiredWords = Field(description="the item as the learner reads it")
    category: Slug = Field(description="id of the category the item belongs to")




@model(config=CONFIG, kw_only=True)
class QuestionBase(Located):
    noun: ClassVar[str] = "question"
    # (field, error) → (code of the message, where it points: the field's key or value, or the question): messages
    # that say more than the generic ones of builder/course/reading.py, given the question's id and type, the field's
    # key and the error's context. A field of another type is named as such.
    messages: ClassVar[dict[tuple[str, str], tuple[str, str]]] = {
        ("options", "unknown"): ("source.question.options-not-allowed", "value"),
        **{(name, "unknown"): ("source.question.true-false-field", "object")
           for name in ("answer", "feedback_true", "feedback_false")},
        **{(name, "unknown"): ("source.question.sort-field", "object") for name in ("categories", "items")},
    }
    id: Slug = Field(description="unique within the quiz; the interaction id in the LMS's reports")
    lesson: Slug = Field(description="id of the lesson the question tests")
    type: str  # each type declares its own name, as a Literal; declared here so it comes third, as in the files
    text: RequiredWords = Field(description="the question, plain text")
    explanation: RequiredWords = Field(description="shown with the result")
    sources: list[Slug] = Field(default_factory=list, description="ids from the course's source catalogue")
    topic: Slug | None = Field(None, description="what the question tests, for the quiz's required_topics")

    @classmethod
    def kind(cls) -> str:
        return get_args(cls.__pydantic_fields__["type"].annotation)[0]

    @property
    def name(self) -> str:
        return f"question '{self.id}'"

    def problems(self) -> Iterable[tuple[str, Where | None]]:
        """The type's rules across fields, for check (the single-field limits are checked at load)."""
        return ()

    def data(self, course: Citing) -> dict:
        """The question as the player reads it from kurs-data (docs/design.md «What the package holds»)."""
        data = {"id": self.id, "lesson": self.lesson, "type": self.kind(), "text": self.text,
                "explanation": self.explanation,
                "sources": [{"title": s.title, "url": s.url} for s in map(course.source, self.sources) if s]}
        if self.topic:  # only the draw reads it (required topics); a quiz without topics keeps its bytes
            data["topic"] = self.topic
        return data

    def structure(self) -> dict[str, Any]:
        """Everything but the words: what a translation must keep."""
        return {"lesson": self.lesson, "type": self.kind(), "sources": self.sources, "topic": self.topic}

    # --- what the HR report reads back from the LMS (docs/runtime.md «Interaction formats») ------------------

    def right_codes(self) -> set[str]:
        """The right answer as the package records it, in SCORM 1.2 and 2004."""
        raise NotImplementedError

    def describe(self, code: str, words: dict) -> tuple[str, str]:
        """A recorded response in the course's words, and the feedback it earned (the misconception it shows)."""
        raise NotImplementedError

    def right_answer(self, words: dict) -> str:
        raise NotImplementedError

    @classmethod
    def base_from_data(cls, q: dict) -> dict:
        return {"id": str(q["id"]), "lesson": str(q["lesson"]), "type": q["type"], "text": str(q["text"]),
                "explanation": str(q.get("explanation", ""))}


@model(config=CONFIG, kw_only=True)
class Choice(QuestionBase):
    messages: ClassVar = {
        **QuestionBase.messages,
        ("options", "missing"): ("source.question.too-few-options", "value"),
        ("options", "too_short"): ("source.question.too-few-options", "value"),
        ("options", "too_long"): ("source.question.too-many-options", "value"),
        ("answer", "unknown"): ("source.question.choice-answer", "key"),
    }
    options: list[Option] = Field(
        **entries(least=2, most=MAX_OPTIONS,
                  why="SCORM 1.2 records a choice as the letters a–z, one per option in source order"),
        description="the answers to choose from: single has exactly one right, multiple at least one")

    @model_validator(mode="after")
    def _default_ids(self) -> Choice:
        for i, option in enumerate(self.options):
            if option.id is None:
                option.id = LETTERS[i] if i < len(LETTERS) else f"o{i}"
        return self

    def problems(self) -> Iterable[tuple[str, Where | None]]:
        for dup_id, where in repeated((o.id, o.where) for o in self.options):
            yield said("source.question.duplicate-option-id", id=dup_id, question=self.id), where

    page_data: ClassVar[type] = ChoiceData

    def data(self, course: Citing) -> dict:
        return {**super().data(course), "options": [
            {"id": o.id, "text": o.text, "correct": o.correct, "feedback": o.feedback or ""} for o in self.options]}

    def structure(self) -> dict[str, Any]:
        return {**super().structure(), "options": [(o.id, o.correct) for o in self.options]}

    def right_codes(self) -> set[str]:
        right = [(n, o) for n, o in enumerate(self.options) if o.correct]
        return {",".join(LETTERS[n] for n, _ in right), "[,]".join(o.id for _, o in right)}

    def describe(self, code: str, words: dict) -> tuple[str, str]:
        tokens = code.split("[,]") if "[,]" in code else code.split(",")
        chosen = []
        for token in (t.strip() for t in tokens):
            option = next((o for o in self.options if o.id == token), None)
            if option is None and len(token) == 1 and token.isalpha() and ord(token) - 97 < len(self.options):
                option = self.options[ord(token) - 97]  # SCORM 1.2: letters by position in source order
            chosen.append(option)
        if any(o is None for o in chosen):
            return code, ""
        return "; ".join(o.text for o in chosen), " ".join(o.feedback for o in chosen if o.feedback and not o.correct)

    def right_answer(self, words: dict) -> str:
        return "; ".join(o.text for o in self.options if o.correct)

    def answered_instead(self) -> bool:
        """The right answer was given as 'answer' (reported as such when loading) rather than marked on an option."""
        return ("answer", None) in self.left_out

    @classmethod
    def from_data(cls, q: dict) -> Choice:
        return cls(**cls.base_from_data(q), options=[
            Option(id=str(o["id"]), text=str(o["text"]), correct=bool(o["correct"]), feedback=str(o["feedback"]) or None)
            for o in q["options"]])


@model(config=CONFIG, kw_only=True)
class Single(Choice):
    type: Literal["single"]

    def problems(self) -> Iterable[tuple[str, Where | None]]:
        correct = sum(option.correct for option in self.options)
        if correct != 1 and not (correct == 0 and self.answered_instead()):
            yield said("source.question.single-correct-count", question=self.id, correct=correct), \
                self.where_of("options")
        yield from super().problems()


@model(config=CONFIG, kw_only=True)
class Multiple(Choice):
    type: Literal["multiple"]

    def problems(self) -> Iterable[tuple[str, Where | None]]:
        if not any(option.correct for option in self.options) and not self.answered_instead():
            yield said("source.question.multiple-none-correct", question=self.id), self.where_of("options")
        yield from super().problems()


@model(config=CONFIG, kw_only=True)
class TrueFalse(QuestionBase):
    messages: ClassVar = {
        **QuestionBase.messages,
        ("answer", "missing"): ("source.question.answer-missing", "object"),
    }
    type: Literal["true-false"]
    answer: Flag = Field(description="the right answer")
    feedback_true: Words | None = Field(None, description="feedback for answering true")
    feedback_false: Words | None = Field(None, description="feedback for answering false")

    page_data: ClassVar[type] = TrueFalseData

    def data(self, course: Citing) -> dict:
        return {**super().data(course), "answer": self.answer, "feedbackTrue": self.feedback_true or "",
                "feedbackFalse": self.feedback_false or ""}

    def structure(self) -> dict[str, Any]:
        return {**super().structure(), "answer": self.answer}

    def right_codes(self) -> set[str]:
        return {"t" if self.answer else "f", "true" if self.answer else "false"}

    def describe(self, code: str, words: dict) -> tuple[str, str]:
        value = code.lower() in ("t", "true", "1")
        feedback = self.feedback_true if value else self.feedback_false
        return (words["true"] if value else words["false"]), feedback or ""

    def right_answer(self, words: dict) -> str:
        return words["true"] if self.answer else words["false"]

    @classmethod
    def from_data(cls, q: dict) -> TrueFalse:
        return cls(**cls.base_from_data(q), answer=bool(q["answer"]),
                   feedback_true=str(q.get("feedbackTrue", "")) or None,
                   feedback_false=str(q.get("feedbackFalse", "")) or None)


@model(config=CONFIG, kw_only=True)
class Sort(QuestionBase):
    messages: ClassVar = {
        **QuestionBase.messages,
        **{("categories", error): ("source.question.category-count", "value")
           for error in ("missing", "too_short", "too_long")},
        **{("items", error): ("source.question.item-count", "value") for error in ("missing", "too_short", "too_long")},
    }
    type: Literal["sort"]
    categories: list[Category] = Field(**entries(
        least=2, most=MAX_CATEGORIES, why="SCORM 1.2 matching records each category as one digit, 1–9"),
        description="the groups the learner sorts into")
    items: list[SortItem] = Field(**entries(
        least=1, most=MAX_ITEMS, why="SCORM 1.2 matching records each item as one letter, a–z"),
        description="the things the learner sorts, each with its right category")

    def problems(self) -> Iterable[tuple[str, Where | None]]:
        category_ids = [c.id for c in self.categories]
        for dup_id, where in repeated((c.id, c.where) for c in self.categories):
            yield said("source.question.duplicate-category-id", id=dup_id, question=self.id), where
        for dup_id, where in repeated((i.id, i.where) for i in self.items):
            yield said("source.question.duplicate-item-id", id=dup_id, question=self.id), where
        for item in self.items:
            if item.category not in category_ids:
                yield said("source.question.item-unknown-category", item=item.id, category=item.category,
                           question=self.id, hint=did_you_mean(item.category, category_ids)), item.where

    page_data: ClassVar[type] = SortData

    def data(self, course: Citing) -> dict:
        return {**super().data(course), "categories": [{"id": c.id, "text": c.text} for c in self.categories],
                "items": [{"id": i.id, "text": i.text, "category": i.category} for i in self.items]}

    def structure(self) -> dict[str, Any]:
        return {**super().structure(), "categories": [c.id for c in self.categories],
                "items": [(i.id, i.category) for i in self.items]}

    def right_codes(self) -> set[str]:
        positions = {c.id: n for n, c in enumerate(self.categories, 1)}
        return {",".join(f"{LETTERS[n]}.{positions[item.category]}" for n, item in enumerate(self.items)),
                "[,]".join(f"{item.id}[.]{item.category}" for item in self.items)}

    def describe(self, code: str, words: dict) -> tuple[str, str]:
        """'item → category; …' from a matching response: 2004 writes `item[.]category[,]…` with ids, 1.2 writes
        `a.1,b.2` (item letter and category number, both by position)."""
        pairs = []
        if "[.]" in code:
            items = {i.id: i for i in self.items}
            categories = {c.id: c for c in self.categories}
            for pair in code.split("[,]"):
                item, _, category = pair.partition("[.]")
                pairs.append((items.get(item.strip()), categories.get(category.strip())))
        else:
            for pair in code.split(","):
                letter, _, number = pair.strip().partition(".")
                index = ord(letter) - 97 if len(letter) == 1 and letter.isalpha() else -1
                position = int(number) - 1 if number.isdigit() else -1
                pairs.append((self.items[index] if 0 <= index < len(self.items) else None,
                              self.categories[position] if 0 <= position < len(self.categories) else None))
        if not pairs or any(item is None or category is None for item, category in pairs):
            return code, ""
        return sort_text(pairs), ""

    def right_answer(self, words: dict) -> str:
        categories = {c.id: c for c in self.categories}
        return sort_text((item, categories[item.category]) for item in self.items)

    @classmethod
    def from_data(cls, q: dict) -> Sort:
        return cls(**cls.base_from_data(q),
                   categories=[Category(id=str(c["id"]), text=str(c["text"])) for c in q["categories"]],
                   items=[SortItem(id=str(i["id"]), text=str(i["text"]), category=str(i["category"]))
                          for i in q["items"]])


QUESTION_TYPES = (Single, Multiple, TrueFalse, Sort)
BY_KIND = {cls.kind(): cls for cls in QUESTION_TYPES}
Question = Annotated[Union[QUESTION_TYPES], Field(discriminator="type")]


def sort_text(pairs) -> str:
    return "; ".join(f"{item.text} → {category.text}" for item, category in pairs)


def repeated(pairs: Iterable[tuple[str, Where | None]]) -> Iterable[tuple[str, Where | None]]:
    seen: set[str] = set()
    for key, where in pairs:
        if key in seen:
            yield key, where
        seen.add(key)
