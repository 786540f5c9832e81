// suspend_data: the readable tracker state in and out of the stored format, which must not change by a byte,
// so that saved attempts of packages built before the runtime became modules resume.
import assert from 'node:assert/strict';
import test from 'node:test';
import { fixture, mixedCourse } from './helpers.mjs';
import { layout } from '../../builder/outputs/runtime/draw.js';
import { decodeSuspend, encodeSuspend, freshState } from '../../builder/outputs/runtime/suspend.js';

const { cases } = fixture('suspend-before-split.json');
const named = (name) => cases.find((c) => c.name === name);

// One change on purpose: the runtime before the split read a last attempt whose answers had been given up (stored
// as an empty list) as all unanswered and wrote that back; now they stay unknown, so the result page can say so.
function keptUnknown(stored, expected) {
  let before; try { before = JSON.parse(stored); } catch (e) { return expected; }
  const after = JSON.parse(expected);
  if (!before || !before.r || !Array.isArray(before.r.a) || before.r.a.length || !after || !after.r) { return expected; }
  after.r.a = [];
  return JSON.stringify(after);
}

for (const c of cases) {
  test(`as before the split: ${c.name} (limit ${c.limit})`, () => {
    const data = mixedCourse(c.course);
    const text = encodeSuspend(decodeSuspend(c.stored, data), data, c.limit);
    assert.equal(text, keptUnknown(c.stored, c.expected));
    assert.ok(text.length <= c.limit);
  });
}

test('the fixtures cover every step of giving up detail under the limit', () => {
  const shapes = new Set(cases.map((c) => {
    const saved = JSON.parse(c.expected);
    if (!('c' in saved)) { return 'progress and results only'; }
    if (saved.c === null && saved.r === null) { return 'no attempts'; }
    if (saved.c && saved.c.a.length === 0) { return 'no answers'; }
    if (saved.r && saved.r.a.length === 0) { return 'no answers of the last attempt'; }
    return 'everything';
  }));
  assert.deepEqual([...shapes].sort(),
    ['everything', 'no answers', 'no answers of the last attempt', 'no attempts', 'progress and results only']);
});

const SHAPE = { single: 'options', multiple: 'options', 'true-false': 'value', sort: 'placed' };

test('the state is readable: lessons as booleans, answers as responses of their type, null for unanswered', () => {
  const data = mixedCourse();
  const state = decodeSuspend(named('attempt half answered, every type').stored, data);
  assert.deepEqual(state.visited, [true, true, true, true]);
  assert.deepEqual([state.attempts, state.best, state.passed, state.last], [0, -1, false, null]);
  const items = layout(data.quiz, state.current.seed);
  assert.deepEqual(state.current.answers.map((r, i) => r && Object.keys(r)[0]),
    items.map((item, i) => (i === 2 ? null : SHAPE[item.q.type])));
  const passed = decodeSuspend(named('passed').stored, data);
  assert.deepEqual([passed.attempts, passed.best, passed.passed, passed.current], [2, 100, true, null]);
  assert.equal(passed.last.score, 100);
});

test('the fixtures hold answers of every question type', () => {
  const data = mixedCourse(), types = new Set();
  for (const c of cases.filter((x) => Object.keys(x.course).length === 0)) {
    const state = decodeSuspend(c.stored, data);
    for (const attempt of [state.current, state.last].filter((x) => x && x.answers)) {
      layout(data.quiz, attempt.seed).forEach((item, i) => { if (attempt.answers[i]) { types.add(item.q.type); } });
    }
  }
  assert.deepEqual([...types].sort(), Object.keys(SHAPE).sort());
});

test('another course version keeps the results and discards lessons and attempts', () => {
  const stored = named('another course version keeps results only').stored;
  assert.equal(JSON.parse(stored).cv, '1.9.0');
  const state = decodeSuspend(stored, mixedCourse());
  assert.deepEqual(state, { ...freshState(mixedCourse()), attempts: 1, best: JSON.parse(stored).b });
  const same = decodeSuspend(stored, mixedCourse({ version: '1.9.0' }));
  assert.deepEqual(same.visited, [true, true, true, true]);
  assert.ok(same.current && same.last);
});

test('a state survives its own round trip', () => {
  const data = mixedCourse();
  const state = decodeSuspend(named('second attempt answered, last result kept').stored, data);
  assert.deepEqual(decodeSuspend(encodeSuspend(state, data, 64000), data), state);
});

test('a last attempt whose answers were given up keeps its score, and its answers are unknown, not unanswered', () => {
  const data = mixedCourse();
  const stored = named('detail dropped earlier').stored;
  const state = decodeSuspend(stored, data);
  assert.equal(state.last.score, JSON.parse(stored).r.sc);
  assert.equal(state.last.answers, null);
  assert.equal(JSON.parse(encodeSuspend(state, data, 4096)).r.a.length, 0);
  const full = decodeSuspend(named('second attempt answered, last result kept').stored, data);
  assert.ok(Array.isArray(full.last.answers) && full.last.answers.some(Boolean));
});

test('a state that fits the limit exactly keeps every detail; one character less gives up the last answers first', () => {
  const data = mixedCourse();
  const state = decodeSuspend(named('second attempt answered, last result kept').stored, data);
  const whole = encodeSuspend(state, data, 64000);
  assert.equal(encodeSuspend(state, data, whole.length), whole);
  const tighter = decodeSuspend(encodeSuspend(state, data, whole.length - 1), data);
  assert.equal(tighter.last.answers, null);
  assert.deepEqual(tighter.current, state.current);
});
