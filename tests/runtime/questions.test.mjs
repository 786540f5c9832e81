// The question type table: each type's suspend code, right answer and SCORM interaction formats.
import assert from 'node:assert/strict';
import test from 'node:test';
import { fixture, mixedCourse } from './helpers.mjs';
import { h } from '../../builder/outputs/runtime/dom.js';
import { isRight } from '../../builder/outputs/runtime/grading.js';
import { typeOf } from '../../builder/outputs/runtime/questions.js';
import { SCORM12 } from '../../builder/outputs/runtime/scorm12.js';
import { SCORM2004 } from '../../builder/outputs/runtime/scorm2004.js';

const data = mixedCourse();
const question = (id) => data.quiz.questions.find((q) => q.id === id);
const TYPES = ['single', 'multiple', 'true-false', 'sort'];

test('every type has an entry with every part', () => {
  const parts = ['code', 'correct', 'decode', 'describe', 'feedback', 'hint', 'inputs', 'kind', 'read', 'scorm12', 'scorm2004'];
  for (const type of TYPES) { assert.deepEqual(Object.keys(typeOf({ type })).sort(), parts, type); }
});

// The HR report reads these (docs/design.md): not a byte may change.
test('interactions are written as before the split, in both SCORM versions', () => {
  const when = new Date(Date.UTC(2026, 10, 25, 12, 34, 56, 780));
  const clockless = (pairs) => pairs.filter(([el]) => !/\.(time|timestamp)$/.test(el));
  const { cases } = fixture('interactions-before-split.json');
  assert.equal(new Set(cases.map((c) => question(c.question).type)).size, TYPES.length);
  for (const c of cases) {
    const q = question(c.question), n = data.quiz.questions.indexOf(q);
    assert.equal(typeOf(q).code(q, c.response), c.code);
    assert.equal(isRight(q, c.response), c.right);
    assert.deepEqual(JSON.parse(JSON.stringify(clockless(SCORM12.interaction(n, q, c.response, c.right, when, 61230)))), c.scorm12);
    assert.deepEqual(JSON.parse(JSON.stringify(clockless(SCORM2004.interaction(n, q, c.response, c.right, when, 61230)))), c.scorm2004);
  }
});

test('each type decodes its own codes, and refuses codes that are not its answers', () => {
  const refused = { s0: ['', 'z', '3', '01'], m0: ['', 'z', 'c'], t0: ['', 'x', 'true', 'tf'], x0: ['', '01', '013', '0a1', '-01', '0 1'] };
  for (const [id, codes] of Object.entries(refused)) {
    const q = question(id), type = typeOf(q);
    assert.deepEqual(type.decode(q, type.code(q, type.correct(q))), type.correct(q), id);
    assert.equal(isRight(q, type.decode(q, type.code(q, type.correct(q)))), true, id);
    for (const code of codes) { assert.equal(type.decode(q, code), null, `${id} ${JSON.stringify(code)}`); }
  }
  const multiple = question('m0');
  assert.deepEqual(typeOf(multiple).decode(multiple, '93'), { options: [3, 9] });
  assert.equal(isRight(multiple, null), false);
});

// On review and on resume the saved answers are shown as chosen, and what is shown reads back as the same answer.
test('every type shows a saved answer as chosen, and reads it back unchanged; nothing saved shows nothing chosen', () => {
  const words = { true: 'Sant', false: 'Usant' };
  const responses = {
    s0: [[0], [1], [2]].map((options) => ({ options })),
    m0: [[0], [3, 9], [0, 1, 2, 11]].map((options) => ({ options })),
    t0: [{ value: true }, { value: false }],
    x0: [[0, 2, 1], [1, 1, 1], [2, 0, 0]].map((placed) => ({ placed })),
  };
  for (const [id, saved] of Object.entries(responses)) {
    const q = question(id), type = typeOf(q);
    const order = (q.options || []).map((o, i) => i).reverse(); // shown shuffled
    const shown = (r) => {
      const fs = h('fieldset', {}, type.inputs(q, 'q-' + id, r, words, order));
      return { fs, checked: fs.querySelectorAll('input:checked').length };
    };
    for (const r of saved) {
      const { fs, checked } = shown(r);
      assert.deepEqual(type.read(fs, q), r, `${id} ${JSON.stringify(r)}`);
      assert.equal(checked, (r.options || r.placed || [r.value]).length, `${id} ${JSON.stringify(r)}`);
    }
    const { fs, checked } = shown(null);
    assert.deepEqual([type.read(fs, q), checked], [null, 0], id);
  }
});
