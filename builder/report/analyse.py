"""Figures for HR: who completed and passed, and which questions — and which wrong answers — are common."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model import Course, Question
from .exports import Attempt


@dataclass
class QuestionFigures:
    question: Question | None
    id: str
    answered: int = 0
    right: int = 0
    wrong_answers: Counter = field(default_factory=Counter)  # response code → count

    @property
    def rate(self) -> float:
        return self.right / self.answered if self.answered else 0.0


@dataclass
class Person:
    name: str
    email: str
    attempts: int
    best: float | None
    completed: bool
    passed: bool
    attempts_to_pass: int | None


@dataclass
class Figures:
    passing_score: float
    attempts: list[Attempt]
    people: list[Person]
    questions: list[QuestionFigures]
    unknown_ids: list[str]
    score_bins: list[tuple[str, int]]

    @property
    def learners(self) -> int:
        return len(self.people)

    def share(self, predicate) -> float:
        return sum(1 for p in self.people if predicate(p)) / self.learners if self.people else 0.0

    @property
    def completion_known(self) -> bool:
        return all(a.status_known for a in self.attempts)

    @property
    def completion_rate(self) -> float:
        return self.share(lambda p: p.completed)

    @property
    def pass_rate(self) -> float:
        return self.share(lambda p: p.passed)

    @property
    def attempts_needed(self) -> list[tuple[int, int]]:
        return sorted(Counter(p.attempts_to_pass for p in self.people if p.attempts_to_pass).items())

    def lessons(self, course: Course) -> list[tuple[str, int, int]]:
        """Per lesson: title, right answers and all answers to its questions."""
        per = defaultdict(lambda: [0, 0])
        for q in self.questions:
            if q.question is not None:
                per[q.question.lesson][0] += q.right
                per[q.question.lesson][1] += q.answered
        return [(lesson.title, *per[lesson.id]) for lesson in course.lessons if per[lesson.id][1]]


def analyse(course: Course, attempts: list[Attempt]) -> Figures:
    by_id = {q.id: q for q in course.quiz.questions} if course.quiz else {}
    passing = course.passing_score
    people = []
    for person, mine in group(attempts).items():
        graded = [a for a in mine if a.graded]
        first_pass = next((i for i, a in enumerate(sorted(mine, key=lambda a: a.number), 1)
                           if a.graded and a.score >= passing), None)
        people.append(Person(mine[0].name, mine[0].email, len(mine),
                             max((a.score for a in graded), default=None), bool(graded), first_pass is not None,
                             first_pass))
    figures: dict[str, QuestionFigures] = {}
    for attempt in attempts:
        for answer in attempt.answers:
            f = figures.setdefault(answer.question, QuestionFigures(by_id.get(answer.question), answer.question))
            f.answered += 1
            if answer.result == "correct":
                f.right += 1
            else:
                f.wrong_answers[answer.response] += 1
    questions = sorted(figures.values(), key=lambda f: (f.rate, f.id))
    unknown = sorted(f.id for f in questions if f.question is None)
    bins = Counter(min(int(a.score // 10), 9) for a in attempts if a.graded)
    score_bins = [(f"{b * 10}–{b * 10 + 9 if b < 9 else 100}", bins.get(b, 0)) for b in range(10)]
    return Figures(passing, attempts, people, questions, unknown, score_bins)


def group(attempts: list[Attempt]) -> dict[tuple[str, str], list[Attempt]]:
    grouped: dict[tuple[str, str], list[Attempt]] = defaultdict(list)
    for attempt in attempts:
        grouped[attempt.person].append(attempt)
    return dict(grouped)


def describe_response(question: Question | None, code: str, words: dict) -> tuple[str, str]:
    """The learner's response in words, and the feedback (the misconception it reveals) when the course has one."""
    if question is None or not code:
        return code or "—", ""
    if question.type == "true-false":
        value = code.lower() in ("t", "true", "1")
        return (words["true"] if value else words["false"]), (question.feedback_true if value else question.feedback_false) or ""
    if question.type == "sort":
        return describe_sort(question, code) or code, ""
    tokens = code.split("[,]") if "[,]" in code else code.split(",")
    chosen = []
    for token in (t.strip() for t in tokens):
        option = next((o for o in question.options if o.id == token), None)
        if option is None and len(token) == 1 and token.isalpha() and ord(token) - 97 < len(question.options):
            option = question.options[ord(token) - 97]  # SCORM 1.2: letters by position in source order
        chosen.append(option)
    if any(o is None for o in chosen):
        return code, ""
    return "; ".join(o.text for o in chosen), " ".join(o.feedback for o in chosen if o.feedback and not o.correct)


def describe_sort(question: Question, code: str) -> str | None:
    """'item → category; …' from a matching response: 2004 writes `item[.]category[,]…` with ids, 1.2 writes
    `a.1,b.2` (item letter and category number, both by position). None when the code does not fit the question."""
    pairs = []
    if "[.]" in code:
        items = {i.id: i for i in question.items}
        categories = {c.id: c for c in question.categories}
        for pair in code.split("[,]"):
            item, _, category = pair.partition("[.]")
            pairs.append((items.get(item.strip()), categories.get(category.strip())))
    else:
        for pair in code.split(","):
            letter, _, number = pair.strip().partition(".")
            index = ord(letter) - 97 if len(letter) == 1 and letter.isalpha() else -1
            position = int(number) - 1 if number.isdigit() else -1
            pairs.append((question.items[index] if 0 <= index < len(question.items) else None,
                          question.categories[position] if 0 <= position < len(question.categories) else None))
    if not pairs or any(item is None or category is None for item, category in pairs):
        return None
    return sort_text(pairs)


def sort_text(pairs) -> str:
    return "; ".join(f"{item.text} → {category.text}" for item, category in pairs)


def right_answer(question: Question, words: dict) -> str:
    if question.type == "true-false":
        return words["true"] if question.answer else words["false"]
    if question.type == "sort":
        categories = {c.id: c for c in question.categories}
        return sort_text((item, categories[item.category]) for item in question.items)
    return "; ".join(o.text for o in question.options if o.correct)
