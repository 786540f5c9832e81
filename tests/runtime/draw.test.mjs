// The balanced draw (quiz field per_lesson): over many seeds, every attempt tests every lesson.
import assert from 'node:assert/strict';
import test from 'node:test';
import { layout } from '../../builder/runtime/draw.js';

const SEEDS = 10000;

// Seven lessons with uneven pools (2 to 9 questions), interleaved as a course owner might write them.
const POOL_SIZES = [5, 9, 2, 7, 6, 3, 8];

function quiz(perLesson, draw) {
  const questions = [];
  POOL_SIZES.forEach((size, lesson) => {
    for (let i = 0; i < size; i++) {
      questions.push({ id: `l${lesson}-q${i}`, lesson: `l${lesson}`, type: 'true-false', answer: true });
    }
  });
  questions.sort((a, b) => a.id.localeCompare(b.id)); // not grouped by lesson in the pool
  return { id: 'quiz', draw, perLesson, shuffle: true, questions };
}

function perLessonCounts(items) {
  const counts = {};
  items.forEach((item) => { counts[item.q.lesson] = (counts[item.q.lesson] || 0) + 1; });
  return counts;
}

function eachSeed(check) {
  for (let seed = 0; seed < SEEDS; seed++) { check(seed * 2654435761 | 0); }
}

test(`per_lesson 2, draw 14: every lesson exactly twice in ${SEEDS} seeded draws, no question twice`, () => {
  const q = quiz(2, 14);
  eachSeed((seed) => {
    const items = layout(q, seed);
    assert.equal(items.length, 14);
    assert.equal(new Set(items.map((item) => item.q.id)).size, 14, `seed ${seed} drew a question twice`);
    const counts = perLessonCounts(items);
    POOL_SIZES.forEach((_, lesson) => assert.equal(counts[`l${lesson}`], 2, `seed ${seed}, lesson l${lesson}`));
  });
});

test(`per_lesson 2, draw 15: quotas first, one more from the rest, in ${SEEDS} seeded draws`, () => {
  const q = quiz(2, 15);
  const extraFrom = new Set();
  eachSeed((seed) => {
    const items = layout(q, seed);
    assert.equal(new Set(items.map((item) => item.q.id)).size, 15);
    const counts = perLessonCounts(items);
    POOL_SIZES.forEach((_, lesson) => assert.ok(counts[`l${lesson}`] >= 2, `seed ${seed}, lesson l${lesson}`));
    const extra = Object.keys(counts).filter((lesson) => counts[lesson] === 3);
    assert.equal(extra.length, 1);
    extraFrom.add(extra[0]);
  });
  // l2 has only its two quota questions, so the extra one comes from the six other lessons, each of them in turn
  assert.deepEqual([...extraFrom].sort(), ['l0', 'l1', 'l3', 'l4', 'l5', 'l6']);
});

test('the draw is rebuilt from its seed alone, in a shuffled order', () => {
  const q = quiz(2, 14);
  const ids = (seed) => layout(q, seed).map((item) => item.q.id);
  assert.deepEqual(ids(7), ids(7));
  assert.notDeepEqual(ids(7), ids(8));
  const lessons = ids(7).map((id) => id.split('-')[0]);
  assert.notDeepEqual(lessons, [...lessons].sort(), 'questions are not grouped by lesson');
});

test('without per_lesson, a plain draw of the same size leaves lessons out (what per_lesson prevents)', () => {
  const q = quiz(0, 14);
  let missing = 0;
  eachSeed((seed) => {
    const counts = perLessonCounts(layout(q, seed));
    if (Object.keys(counts).length < POOL_SIZES.length) { missing++; }
  });
  assert.ok(missing > SEEDS / 10, `only ${missing} of ${SEEDS} plain draws missed a lesson`);
});
