"""Item analysis against a direct computation on generated quiz attempts, and group merging over many generated
group sizes: no group of five or more is ever merged, and every small group is named inside «Andre»."""

from __future__ import annotations

import csv
import random
import statistics
from collections import defaultdict
from pathlib import Path

import pytest

from builder.report.figures import SMALL_GROUP, GroupRow, figures, merge_small
from builder.report.items import EASY, HARD, MIN_ANSWERS
from builder.report.tally import Rule, read_exports

POOL = [f"q{n:02}" for n in range(20)]
SPECIAL = {"q00": lambda a: 0.97, "q01": lambda a: 0.1, "q02": lambda a: 1 - a}  # easy, hard, reversed key


def quiz_attempts(seed: int, learners: int, per_attempt: int):
    """Per learner one LMS attempt holding one to three quiz attempts of per_attempt drawn questions; the chance of
    a right answer follows the learner's ability, except for the three special questions."""
    rng = random.Random(seed)
    for person in range(learners):
        ability = rng.random()
        attempts = []
        for _ in range(rng.randint(1, 3)):
            drawn = rng.sample(POOL, per_attempt)
            attempts.append([(q, rng.random() < SPECIAL.get(q, lambda a: a)(ability)) for q in drawn])
        yield f"Person {person}", attempts


def write_export(path: Path, data) -> Path:
    data = list(data)
    widest = max(sum(len(a) for a in attempts) for _, attempts in data)
    header = ["Name", "Email address", "Attempt", "Started on", "Last accessed on", "Score", "Kurs"]
    for n in range(widest):
        header += [f"Question {n}", f"Response {n}", f"Right answer {n}", f"Result {n}"]
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(header)
        for name, attempts in data:
            row = [name, f"{name.replace(' ', '')}@example.com", "1", "3 December 2026, 4:26 PM",
                   "3 December 2026, 4:26 PM", "50", "50"]
            for attempt in attempts:
                for q, right in attempt:
                    row += [q, "a" if right else "b", "a", "correct" if right else "wrong"]
            writer.writerow(row + [""] * (len(header) - len(row)))
    return path


def direct(data, per_attempt: int) -> dict[str, tuple[float, float | None, int]]:
    """Difficulty and corrected point-biserial, the textbook way: lists and statistics.correlation."""
    xs, ys = defaultdict(list), defaultdict(list)
    for _, attempts in data:
        for attempt in attempts:
            total = sum(right for _, right in attempt)
            for q, right in attempt:
                xs[q].append(int(right))
                ys[q].append((total - right) / (per_attempt - 1))
    found = {}
    for q in xs:
        try:
            r = statistics.correlation(xs[q], ys[q])
        except statistics.StatisticsError:  # one side does not vary
            r = None
        found[q] = (statistics.fmean(xs[q]), r, len(xs[q]))
    return found


@pytest.mark.parametrize("seed, learners, per_attempt", [(1, 300, 8), (2, 40, 5), (3, 120, 12)])
def test_item_statistics_equal_a_direct_computation(tmp_path, seed, learners, per_attempt):
    data = list(quiz_attempts(seed, learners, per_attempt))
    path = write_export(tmp_path / "x.txt", data)
    with read_exports([path], Rule(80, None, per_attempt)) as tally:
        fig = figures([path], tally, None, 80)
    expected = direct(data, per_attempt)
    assert {q.id for q in fig.questions} == set(expected)
    for q in fig.questions:
        p, r, n = expected[q.id]
        assert q.item.attempts == n == q.answered
        assert q.item.difficulty == pytest.approx(p, abs=1e-12)
        assert (q.item.discrimination is None) == (r is None)
        if r is not None:
            assert q.item.discrimination == pytest.approx(r, abs=1e-9)
        flags = [] if n < MIN_ANSWERS else (["easy"] * (p > EASY) + ["hard"] * (p < HARD)
                                            + ["negative"] * (r is not None and r < 0))
        assert q.item.flags == flags


def test_a_reversed_key_is_flagged(tmp_path):
    data = list(quiz_attempts(4, 400, 10))
    path = write_export(tmp_path / "x.txt", data)
    with read_exports([path], Rule(80, None, 10)) as tally:
        fig = figures([path], tally, None, 80)
    flags = {q.id: q.item.flags for q in fig.questions}
    assert "easy" in flags["q00"] and "hard" in flags["q01"] and "negative" in flags["q02"]
    assert all("negative" not in f for q, f in flags.items() if q not in SPECIAL)


def test_without_the_draw_each_lms_attempt_is_one_unit(tmp_path):
    data = [(name, [sum(attempts, [])]) for name, attempts in quiz_attempts(5, 60, 6)]
    path = write_export(tmp_path / "x.txt", data)
    with read_exports([path], Rule(80, None, None)) as tally:
        fig = figures([path], tally, None, 80)
    for q in fig.questions:  # the direct computation over whole rows, with their own lengths
        xs, ys = [], []
        for _, (attempt,) in data:
            total = sum(r for _, r in attempt)
            xs += [int(r) for qq, r in attempt if qq == q.id]
            ys += [(total - r) / (len(attempt) - 1) for qq, r in attempt if qq == q.id]
        assert q.item.discrimination == pytest.approx(statistics.correlation(xs, ys), abs=1e-9)


@pytest.mark.parametrize("seed", range(300))
def test_merging_never_hides_a_group_of_five_or_more(seed):
    rng = random.Random(seed)
    sizes = {f"Enhet {n}": rng.choice([1, 2, 3, 4, 5, 6, 9, 20, rng.randint(1, 60)])
             for n in range(rng.randint(1, 12))}
    if rng.random() < 0.3:
        sizes[""] = rng.randint(1, 8)  # people with no value in the field
    rows = [GroupRow(label, n, rng.randint(0, n), rng.randint(0, n)) for label, n in sizes.items()]
    merged = merge_small(rows)
    named = [r for r in merged if r.label is not None]
    other = [r for r in merged if r.label is None]
    assert sorted((r.label, r.learners) for r in named) == sorted((l, n) for l, n in sizes.items() if n >= SMALL_GROUP)
    assert all(r.learners >= SMALL_GROUP for r in named)  # a named row is never small
    small = sorted(label for label, n in sizes.items() if n < SMALL_GROUP)
    assert sorted(sum((r.members for r in other), [])) == small and len(other) == (1 if small else 0)
    assert sum(r.learners for r in merged) == sum(sizes.values())
    assert sum(r.done for r in merged) == sum(r.done for r in rows)
    assert all(r.hidden == (r.learners < SMALL_GROUP) for r in other)


def test_flags_start_at_ten_answers_and_at_their_thresholds():
    """A question is flagged from MIN_ANSWERS on; «easy» above 90 % right, «hard» under 30 %: exactly 90 % or 30 %
    is neither. Sums as items.sums keeps them: [n, Σx, Σy, Σy², Σxy], y the share right on the other questions."""
    from builder.report.items import EASY, HARD, MIN_ANSWERS, item_figures

    def figures(right: int, n: int):
        # y follows x (a well-discriminating question), so the correlation is positive and «negative» stays off
        ys = [0.8 if i < right else 0.2 for i in range(n)]
        xs = [1 if i < right else 0 for i in range(n)]
        return item_figures([n, sum(xs), sum(ys), sum(y * y for y in ys), sum(x * y for x, y in zip(xs, ys))])

    assert (EASY, HARD, MIN_ANSWERS) == (0.9, 0.3, 10)
    assert figures(10, 10).flags == ["easy"] and figures(9, 9).flags == []  # 9 answers: too few to say
    assert figures(9, 10).flags == [] and figures(19, 20).flags == ["easy"]  # 90 % is not above 90 %, 95 % is
    assert figures(3, 10).flags == [] and figures(5, 20).flags == ["hard"]  # 30 % is not under 30 %, 25 % is
    assert item_figures([0, 0, 0.0, 0.0, 0.0]).attempts == 0 and item_figures(None).difficulty is None


# --- the figures' boundaries, on small hand-made exports ---------------------------------------------------------

def two_question_export(path: Path, ids: list[str], learners: int = 20) -> Path:
    """Each learner one quiz attempt of two questions: the first id always right, the others right every other time."""
    return write_export(path, [(f"Person {p}", [[(q, i == 0 or p % 2 == 0) for i, q in enumerate(ids)]])
                               for p in range(learners)])


def test_a_quiz_of_two_questions_is_analysed_and_only_a_question_someone_missed_is_among_the_hardest(tmp_path):
    path = two_question_export(tmp_path / "x.txt", ["q00", "q01"])
    with read_exports([path], Rule(80, None, 2)) as tally:
        fig = figures([path], tally, None, 80)
    assert [q.item.attempts for q in fig.questions] == [20, 20]  # two questions: each has one other to compare with
    assert [q.id for q in fig.hardest()] == ["q01"]  # q00: no one got it wrong


def course_of(ids: list[str]):
    from builder.report.course_info import CourseInfo

    return CourseInfo("Kurs", "nb", "1.0.0", 80, {}, dict.fromkeys(ids), "kurs.zip")


@pytest.mark.parametrize(("n", "shown"), [(5, "x0, x1, x2, x3, x4"), (6, "x0, x1, x2, x3, x4, …")])
def test_an_export_of_another_course_names_five_of_its_ids_and_marks_more(tmp_path, n, shown):
    from builder.report import Refusal
    from builder.report.figures import check_course

    path = write_export(tmp_path / "x.txt", [("Person 0", [[(f"x{i}", True) for i in range(n)]])])
    with read_exports([path], Rule(80, None, None)) as tally, pytest.raises(Refusal) as refused:
        check_course([path], tally, course_of(["q00"]))
    assert refused.value.code == "another-course" and refused.value.params["ids"] == shown


@pytest.mark.parametrize(("known", "another"), [(2, None), (1, (3, 4))])
def test_another_version_is_said_when_most_ids_are_missing_and_half_is_not_most(tmp_path, known, another):
    from builder.report.figures import check_course

    path = write_export(tmp_path / "x.txt", [("Person 0", [[(f"q{i:02}", True) for i in range(4)]])])
    with read_exports([path], Rule(80, None, None)) as tally:
        assert check_course([path], tally, course_of([f"q{i:02}" for i in range(known)])) == another
