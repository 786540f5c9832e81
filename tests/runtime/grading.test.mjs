// The grading rule (grading.js): right, score, passed; and that no other runtime module holds a copy of it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import test from 'node:test';
import { course, memoryApi, mixedCourse } from './helpers.mjs';
import { grade, isRight, passes, passMark, percent } from '../../builder/outputs/runtime/grading.js';
import { Lms } from '../../builder/outputs/runtime/lms.js';
import { SCORM2004 } from '../../builder/outputs/runtime/scorm2004.js';
import { Tracker } from '../../builder/outputs/runtime/tracking.js';

test('a score is the whole percent of questions fully right, rounded half up', () => {
  assert.deepEqual([percent(0, 3), percent(1, 3), percent(2, 3), percent(3, 3)], [0, 33, 67, 100]);
  assert.equal(percent(1, 8), 13); // 12.5
  assert.equal(percent(7, 8), 88); // 87.5
});

test('a score passes at the passing score and above, not below', () => {
  assert.deepEqual([passes(79, 80), passes(80, 80), passes(81, 80)], [false, true, true]);
  assert.deepEqual([passes(80, 80.5), passes(81, 80.5)], [false, true]);
});

test('the pass mark shown is the lowest whole score that passes', () => {
  assert.deepEqual([passMark(80), passMark(80.4), passMark(80.5), passMark(0)], [80, 81, 81, 0]);
  for (const passing of [55, 80.4, 80.5]) { assert.ok(passes(passMark(passing), passing) && !passes(passMark(passing) - 1, passing)); }
});

test('right means all of it, and unanswered is wrong', () => {
  const q = (id) => mixedCourse().quiz.questions.find((x) => x.id === id);
  assert.equal(isRight(q('m0'), { options: [0, 3, 6, 9] }), true);
  assert.equal(isRight(q('m0'), { options: [0, 3, 6] }), false); // one right option missing
  assert.equal(isRight(q('m0'), { options: [0, 1, 3, 6, 9] }), false); // one wrong option more
  assert.equal(isRight(q('x0'), { placed: [0, 2, 1] }), true);
  assert.equal(isRight(q('x0'), { placed: [0, 1, 1] }), false);
  assert.equal(isRight(q('t0'), { value: true }), true);
  assert.equal(isRight(q('t0'), null), false);
});

test('an attempt is graded question by question into its score', () => {
  const qs = mixedCourse().quiz.questions.slice(0, 3).map((q) => ({ q })); // s0, m0, t0
  const g = grade(qs, [{ options: [1] }, null, { value: false }]);
  assert.deepEqual(g.results.map((x) => x.right), [true, false, false]);
  assert.deepEqual(g.results.map((x) => x.q.id), ['s0', 'm0', 't0']);
  assert.equal(g.score, 33);
});

// 0.55 * 100 is 55.00000000000001 in floating point: read as is, a 2004 LMS's passing score failed a learner at 55 %.
test('2004: a score equal to the LMS\'s scaled passing score passes', () => {
  for (const [passing, right, of] of [['0.55', 11, 20], ['0.56', 14, 25], ['0.07', 7, 100]]) {
    const api = memoryApi('2004', { 'cmi.scaled_passing_score': passing });
    const t = new Tracker(course({ lessons: 1, questions: of }), new Lms(api, SCORM2004).start()).start();
    t.visit('l0');
    t.attempt().items.forEach((item, pos) => t.answer(pos, { options: [pos < right ? 0 : 1] }));
    const r = t.submit();
    assert.deepEqual([r.score, r.passed], [Math.round(100 * right / of), true], passing);
  }
});

// One home: a percent of right answers or a comparison with the passing score anywhere else is a second rule.
test('no runtime module but grading.js computes a score or compares one with the passing score', () => {
  const folder = new URL('../../builder/outputs/runtime/', import.meta.url);
  const copies = [/100 \* /, /[<>]=?\s*(this\.|t\.)?passing\b/, /\bpassing\w*\s*[<>]/, /isRight\s*=|function isRight/];
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.js') && f !== 'grading.js')) {
    const source = readFileSync(new URL(file, folder), 'utf8');
    for (const copy of copies) { assert.doesNotMatch(source, copy, `builder/outputs/runtime/${file}`); }
  }
});
