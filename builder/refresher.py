"""`build --refresher`: a short yearly refresher made from the course's own sources (docs/refresher.md).

A transform of the loaded Course model into another Course model, which then goes through the same render →
manifest → zip pipeline as the course, so it is tracked by the same runtime and the same rules (pass mark,
completion, attempts). Each lesson becomes one short page: its objectives, its «husk» boxes and its ```selfcheck
walk («tell til tre»), rendered as in the course. The quiz is the course's pool with the course's required topics,
drawn smaller so that the whole takes about TARGET_MINUTES. With the HR report's item analysis (`kursbygger report
… --json`) the pool keeps only the questions the organisation's staff missed most: the one rule is in `leaning_pool`.
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
from dataclasses import dataclass
from pathlib import Path

from markdown_it.token import Token

from .course import markdown
from .course.check import check_course
from .course.model import Course, Lesson, Quiz, Where
from .course.problems import Problem, SourceError
from .report.items import MIN_ANSWERS
from .words import counted, say

TARGET_MINUTES = 10
SECONDS_PER_QUESTION = 45  # read a short case and three options, answer, read the feedback
LEAN = 2  # with results: the pool is the LEAN × draw questions missed most (and each required topic's most missed)
KEPT_BOXES = ("husk",)  # the ::: boxes that are a lesson's key points
SUFFIX = "refresher"  # the refresher's course id is "<course id>-refresher": its own manifest ids and stored progress


@dataclass(frozen=True)
class Results:
    """The item analysis of `report --json`: per question id, answers and how many of them were wrong."""

    path: Path
    version: str | None
    answers: dict[str, tuple[int, int]]  # question id → (answers, wrong answers)

    def share_wrong(self, question_id: str) -> float | None:
        answered, wrong = self.answers.get(question_id, (0, 0))
        return wrong / answered if answered else None


@dataclass
class Refresher:
    course: Course
    seconds: float  # the estimated time: pages read at each lesson's own pace, and the questions drawn
    pool: int  # questions the attempts are drawn from
    warnings: list[Problem]


def read_results(path: Path) -> Results:
    """The report's JSON, or SourceError with one problem (its code in the message) and nothing built."""
    def refuse(code: str, line: int = 0, col: int = 0, **params) -> SourceError:
        return SourceError([Problem(Where(path, line, col), say(code, **params), code=code.split(".")[1])])

    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (FileNotFoundError, IsADirectoryError):
        raise refuse("refresher.report-missing") from None
    except UnicodeDecodeError:
        raise refuse("refresher.not-a-report", where="UTF-8") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise refuse("refresher.not-json", exc.lineno, exc.colno) from None
    questions = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(questions, list):
        raise refuse("refresher.not-a-report", where="questions")
    answers: dict[str, tuple[int, int]] = {}
    for index, entry in enumerate(questions):
        entry = entry if isinstance(entry, dict) else {}
        question_id, answered, right = entry.get("id"), entry.get("answered"), entry.get("right")
        for name, value, fits in (("id", question_id, isinstance(question_id, str)),
                                  ("answered", answered, whole(answered) and answered >= 0),
                                  ("right", right, whole(right) and whole(answered) and 0 <= right <= answered)):
            if not fits:
                raise refuse("refresher.not-a-report", where=f"questions[{index}].{name}")
        # one entry per recorded right answer of a question: a question changed during the year has several
        before = answers.get(question_id, (0, 0))
        answers[question_id] = (before[0] + answered, before[1] + answered - right)
    version = data.get("version")
    return Results(path, version if isinstance(version, str) else None, answers)


def whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def refresher(course: Course, results: Results | None = None) -> Refresher:
    """The refresher of a loaded and checked course (an edition too), in the course's language."""
    pages = [key_points(lesson) for lesson in course.lessons]
    seconds = sum(page_seconds(lesson, page) for lesson, page in zip(course.lessons, pages))
    opening = intro(course, int(course.quiz is not None), 0, results is not None)  # its figures are not yet known
    seconds += words_of(markdown.parse_body(opening)) / course_pace(course)

    warnings: list[Problem] = []
    quiz, draw, leaned = None, 0, False
    if course.quiz is not None:
        draw = questions_that_fit(course.quiz, seconds)
        quiz = copy.copy(course.quiz)
        quiz.draw, quiz.per_lesson = draw, None  # every lesson's quota no longer fits in ten minutes
        if results is not None:
            quiz.questions, warnings = leaning_pool(course, results, draw)
            leaned = len(quiz.questions) < len(course.quiz.questions)
        seconds += draw * SECONDS_PER_QUESTION

    lessons = [page_lesson(lesson, page) for lesson, page in zip(course.lessons, pages)]
    if lessons:
        lessons[0].document = markdown.parse_body(intro(course, draw, round(seconds / 60), leaned)) \
            + lessons[0].document
    made = copy.copy(course)
    made.id = f"{course.id}-{SUFFIX}"
    made.title = say("refresher.title", course.language, title=course.title)
    made.lessons, made.quiz = lessons, quiz
    if leaned:
        # Another pool draws other questions for the same seed: a learner's attempt saved in a refresher from
        # another report must start over (the runtime keeps saved answers only within one version).
        pool = hashlib.sha256(" ".join(q.id for q in quiz.questions).encode()).hexdigest()[:6]
        made.version = f"{course.version}+{pool}"
    errors = [p for p in check_course(made) if p.severity == "error"]
    if errors:  # the sources passed their checks: an error here is this module's fault, never a broken package
        raise SourceError(errors)
    return Refresher(made, seconds, len(quiz.questions) if quiz else 0, warnings)


class Derive:
    """The `derive=` step of `build --refresher` and `preview --refresher`: each checked course (an edition too)
    becomes its refresher. `made` keeps what was made, for the build's summary; the preview takes each one out."""

    def __init__(self, results: Results | None = None) -> None:
        self.results, self.made = results, []

    def __call__(self, course: Course) -> Course:
        self.made.append(refresher(course, self.results))
        return self.made[-1].course


def intro(course: Course, questions: int, minutes: int, leaned: bool) -> str:
    """The first page's opening lines; whether the quiz was made from the organisation's results, never whose."""
    text = say("refresher.intro" if questions else "refresher.intro_no_quiz", course.language, questions=questions,
               minutes=minutes)
    return text + "\n\n" + say("refresher.from_results", course.language) if leaned else text


def key_points(lesson: Lesson) -> list[Token]:
    """The lesson's «husk» boxes and selfcheck walks, in the lesson's order."""
    tokens, kept, index = lesson.document, [], 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "container_block_open" and markdown.container_name(token) in KEPT_BOXES:
            end = next(j for j in range(index + 1, len(tokens))
                       if tokens[j].type == "container_block_close" and tokens[j].level == token.level)
            kept += tokens[index:end + 1]
            index = end + 1
            continue
        if token.type == "fence" and token.info.strip() == "selfcheck":
            kept.append(token)
        index += 1
    return kept


def page_lesson(lesson: Lesson, page: list[Token]) -> Lesson:
    made = copy.copy(lesson)
    made.document, made.media = page, markdown.media_refs(page)
    made.minutes = max(1, math.ceil(page_seconds(lesson, page) / 60))
    return made


def words_of(tokens: list[Token]) -> float:
    """Words the learner reads in a body: its text, and in a selfcheck walk each question and one of its two
    answers (the player shows only the one for her choice: their mean length)."""
    count = 0.0
    for token in tokens:
        if token.type == "inline":
            count += len(token.content.split())
        elif token.type == "fence" and token.info.strip() == "selfcheck" and token.meta["selfcheck"][0]:
            walk = token.meta["selfcheck"][0]
            count += len(walk.title.split()) + len(walk.end.split()) + sum(
                len(s.question.split()) + (len(s.if_yes.split()) + len(s.if_no.split())) / 2 for s in walk.steps)
    return count


def lesson_words(lesson: Lesson) -> int:
    return words_of(lesson.document) + sum(len(t.split()) for t in [lesson.title, *lesson.objectives])


def lesson_pace(lesson: Lesson) -> float:
    """Words per second, from the author's own estimate for the whole lesson (`minutes`)."""
    return max(lesson_words(lesson), 1) / (lesson.minutes * 60)


def course_pace(course: Course) -> float:
    return (sum(lesson_words(lesson) for lesson in course.lessons) or 1) / (
        sum(lesson.minutes for lesson in course.lessons) * 60 or 1)


def page_seconds(lesson: Lesson, page: list[Token]) -> float:
    return (words_of(page) + sum(len(t.split()) for t in [lesson.title, *lesson.objectives])) / lesson_pace(lesson)


def questions_that_fit(quiz: Quiz, page_seconds_total: float) -> int:
    """As many questions as the time left fits, but never fewer than the required topics, nor more than the pool."""
    fit = math.floor((TARGET_MINUTES * 60 - page_seconds_total) / SECONDS_PER_QUESTION)
    return min(max(fit, len(quiz.required_topics), 1), len(quiz.questions))


def leaning_pool(course: Course, results: Results, draw: int) -> tuple[list, list[Problem]]:
    """The rule of --from: the questions ranked by the staff's share of wrong answers, those with at least
    MIN_ANSWERS answers first (fewer say little), then those with fewer, then those nobody was asked; ties in an
    order fixed by the question id's hash, so no lesson is favoured by its place in the file. The pool is the first
    LEAN × draw of them, and for each required topic none of them tests, its first question in the ranking; the
    runtime's draw then takes each required topic once and the rest evenly from this pool."""
    questions = course.quiz.questions

    def rank(question) -> tuple:
        answered, _ = results.answers.get(question.id, (0, 0))
        share = results.share_wrong(question.id)
        tier = 0 if answered >= MIN_ANSWERS else 1 if answered else 2
        return tier, -(share or 0.0), hashlib.sha256(question.id.encode()).hexdigest()

    warnings = []
    known = {q.id for q in questions}
    unknown = sorted(set(results.answers) - known)
    if unknown:
        warnings.append(warning(results, "refresher.unknown-ids", count=len(unknown), ids=", ".join(unknown[:5])
                                + (" …" if len(unknown) > 5 else "")))
    if results.version is not None and results.version.split("+")[0] != course.version:
        warnings.append(warning(results, "refresher.other-version", theirs=results.version, ours=course.version))
    if not any(results.answers.get(q, (0, 0))[0] for q in known):  # nothing to lean on: the whole pool
        return list(questions), warnings + [warning(results, "refresher.no-results")]

    ranked = sorted(questions, key=rank)
    keep = {q.id for q in ranked[:LEAN * draw]}
    for topic in course.quiz.required_topics:
        if not any(q.topic == topic and q.id in keep for q in questions):
            keep.add(next(q.id for q in ranked if q.topic == topic))
    return [q for q in questions if q.id in keep], warnings


def warning(results: Results, code: str, count: int | None = None, **params) -> Problem:
    """`count`: the message is about that many things, worded in the right number (words.counted)."""
    text = say(code, **params) if count is None else counted(code, count, **params)
    return Problem(Where(results.path), text, "warning", code.split(".")[1])
