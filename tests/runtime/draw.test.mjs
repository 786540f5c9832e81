// The balanced draw (quiz field per_lesson): over many seeds, every attempt tests every lesson.
import assert from 'node:assert/strict';
import test from 'node:test';
import { layout } from '../../builder/outputs/runtime/draw.js';
import { layout as layoutBefore } from './fixtures/draw-before-topics.js';

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

// Required topics: four topics spread thinly over the lessons (a topic may have one question, or sit in a lesson
// whose quota is taken up by others), beside per_lesson's quotas.
function topicQuiz(perLesson, draw, requiredTopics) {
  const q = quiz(perLesson, draw);
  const topics = { 'l0-q3': 'taushet', 'l1-q8': 'varsling', 'l3-q0': 'varsling', 'l6-q7': 'avvik', 'l6-q2': 'phishing',
    'l4-q5': 'phishing', 'l1-q1': 'phishing' };
  q.questions.forEach((question) => { question.topic = topics[question.id]; });
  q.requiredTopics = requiredTopics;
  return q;
}
const REQUIRED = ['taushet', 'varsling', 'avvik', 'phishing'];

test(`required topics with per_lesson 2, draw 16: every topic and every lesson's quota in ${SEEDS} seeded draws`, () => {
  const q = topicQuiz(2, 16, REQUIRED);
  eachSeed((seed) => {
    const items = layout(q, seed);
    assert.equal(new Set(items.map((item) => item.q.id)).size, 16, `seed ${seed} drew a question twice`);
    const topics = new Set(items.map((item) => item.q.topic));
    REQUIRED.forEach((topic) => assert.ok(topics.has(topic), `seed ${seed} left out topic ${topic}`));
    const counts = perLessonCounts(items);
    POOL_SIZES.forEach((_, lesson) => assert.ok(counts[`l${lesson}`] >= 2, `seed ${seed}, lesson l${lesson}`));
  });
});

test(`required topics without per_lesson, draw 4: exactly the four topics' questions in ${SEEDS} seeded draws`, () => {
  const q = topicQuiz(0, 4, REQUIRED);
  eachSeed((seed) => {
    assert.deepEqual(layout(q, seed).map((item) => item.q.topic).sort(), [...REQUIRED].sort(), `seed ${seed}`);
  });
});

test(`without required topics the draw and option order of the version before topics, in ${SEEDS} seeds`, () => {
  for (const [perLesson, draw, shuffle] of [[2, 14, true], [2, 15, true], [0, 14, true], [0, 40, true], [1, 9, false]]) {
    const q = topicQuiz(perLesson, draw, []);
    q.shuffle = shuffle;
    q.questions.forEach((question, i) => { question.options = i % 3 ? ['a', 'b', 'c', 'd'].slice(i % 4) : undefined; });
    eachSeed((seed) => assert.deepEqual(layout(q, seed), layoutBefore(q, seed), `seed ${seed}`));
  }
});

test('a plain draw of the same size often misses a topic (what required_topics prevents)', () => {
  const q = topicQuiz(2, 16, []);
  let missing = 0;
  eachSeed((seed) => {
    const topics = new Set(layout(q, seed).map((item) => item.q.topic));
    if (!REQUIRED.every((topic) => topics.has(topic))) { missing++; }
  });
  assert.ok(missing > SEEDS / 10, `only ${missing} of ${SEEDS} plain draws missed a topic`);
});
