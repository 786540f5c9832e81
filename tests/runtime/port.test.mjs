// The tracking port: the Tracker speaks to the LMS in domain verbs only, and the standards' adapters own every cmi
// element name (docs/design.md «Learner runtime»).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import test from 'node:test';
import { course } from './helpers.mjs';
import { ADAPTERS } from '../../builder/outputs/runtime/adapters.js';
import { Tracker } from '../../builder/outputs/runtime/tracking.js';

const RUNTIME = new URL('../../builder/outputs/runtime/', import.meta.url);
const modules = readdirSync(RUNTIME).filter((f) => f.endsWith('.js'));
// The adapters are the modules named after their standard; every other module is held to the port.
const isAdapter = (file) => /^scorm/.test(file);

test('no runtime module but the adapters names a cmi element', () => {
  const others = modules.filter((f) => !isAdapter(f));
  assert.ok(others.includes('tracking.js') && others.includes('player.js'), others.join());
  for (const file of others) {
    const source = readFileSync(new URL(file, RUNTIME), 'utf8');
    const line = source.split('\n').findIndex((l) => l.includes('cmi.'));
    assert.equal(line, -1, `builder/outputs/runtime/${file}:${line + 1} names a cmi element; it belongs in an adapter`);
  }
});

test('every adapter module is registered, and each has every part the port reads', () => {
  assert.equal(ADAPTERS.length, modules.filter(isAdapter).length);
  const parts = (a) => Object.keys(a).filter((k) => k !== 'localApi').sort();
  for (const a of ADAPTERS) {
    assert.deepEqual(parts(a), parts(ADAPTERS[0]), a.api);
    assert.deepEqual(Object.keys(a.el).sort(), Object.keys(ADAPTERS[0].el).sort(), a.api);
    assert.deepEqual(Object.keys(a.fn).sort(), Object.keys(ADAPTERS[0].fn).sort(), a.api);
  }
  assert.equal(ADAPTERS.filter((a) => a.localApi).length, 1); // one stand-in for the zip opened without an LMS
});

// A port of no standard at all: the verbs, recorded. Anything else the Tracker asked of it would throw.
function recordingPort(resumed) {
  const calls = [];
  const port = { room: 4096, resume: (decides) => { calls.push(['resume', decides]); return resumed; } };
  for (const verb of ['status', 'score', 'interaction', 'objective', 'exit', 'save', 'commit', 'finish']) {
    port[verb] = (...args) => { calls.push([verb, ...args]); };
  }
  const strict = new Proxy(port, { get(target, name) {
    if (!(name in target)) { throw new Error(`the Tracker asked the port for ${String(name)}`); }
    return target[name];
  } });
  return { port: strict, calls };
}

const NEW = { mode: 'normal', credit: 'credit', stored: '', location: '', passing: null,
  status: { started: false, passed: false, failed: false, completed: false, score: '' } };

test('a whole attempt in the port\'s verbs: resume, status, objectives, interactions, score, exit, save, finish', () => {
  const { port, calls } = recordingPort(NEW);
  const t = new Tracker(course({ questions: 2 }), port).start();
  ['l0', 'l1', 'l2'].forEach((id) => t.visit(id));
  t.attempt().items.forEach((item, pos) => t.answer(pos, { options: [0] }));
  const result = t.submit();
  t.finish();
  assert.deepEqual([result.score, result.passed], [100, true]);
  const verbs = calls.map((c) => c[0]);
  assert.deepEqual(verbs.slice(0, 4), ['resume', 'status', 'exit', 'commit']);
  assert.deepEqual(calls[0], ['resume', true]); // the quiz decides the status: ask for the LMS's passing score
  assert.deepEqual(calls[1], ['status', { completion: 'incomplete', success: 'unknown' }]);
  assert.deepEqual(calls.filter((c) => c[0] === 'interaction').map((c) => [c[1].id, c[3]]).sort(), [['q0', true], ['q1', true]]);
  assert.deepEqual(calls.filter((c) => c[0] === 'score'), [['score', 100]]);
  assert.deepEqual(calls.filter((c) => c[0] === 'status').pop(), ['status', { completion: 'completed', success: 'passed' }]);
  assert.deepEqual(calls.filter((c) => c[0] === 'objective' && c[1] === 'quiz'),
    [['objective', 'quiz', { pct: 100, completion: 'completed', success: 'passed' }]]);
  const exit = calls.filter((c) => c[0] === 'exit').pop();
  assert.equal(exit[1], true);
  assert.equal(typeof exit[2], 'number'); // the session's length, in milliseconds
  assert.deepEqual(verbs.slice(-2), ['save', 'finish']);
  const saved = calls.filter((c) => c[0] === 'save').pop();
  assert.equal(saved[1], 'l2');
  assert.equal(JSON.parse(saved[2]).p, 1);
});

test('review on the port: resume, then nothing but finish', () => {
  const { port, calls } = recordingPort({ ...NEW, mode: 'review' });
  const t = new Tracker(course(), port).start();
  t.visit('l0');
  t.attempt().items.forEach((item, pos) => t.answer(pos, { options: [0] }));
  assert.equal(t.submit().practice, true);
  t.finish();
  assert.deepEqual(calls.map((c) => c[0]), ['resume', 'finish']);
});
