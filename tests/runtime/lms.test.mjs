// The LMS connection: where the course finds the SCORM API among the windows an LMS opens it in, the standalone
// stand-in when there is none, how a refusing LMS is reported, and what the adapters read and write.
import assert from 'node:assert/strict';
import test from 'node:test';
import { course, memoryApi } from './helpers.mjs';
import { connectLms } from '../../builder/outputs/runtime/adapters.js';
import { Lms } from '../../builder/outputs/runtime/lms.js';
import { SCORM12 } from '../../builder/outputs/runtime/scorm12.js';
import { SCORM2004 } from '../../builder/outputs/runtime/scorm2004.js';
import { Tracker } from '../../builder/outputs/runtime/tracking.js';

// A browser's localStorage, for the standalone course.
function memoryStorage() {
  const kept = new Map();
  return { getItem: (k) => (kept.has(k) ? kept.get(k) : null), setItem: (k, v) => { kept.set(k, String(v)); } };
}

// The course's own window is globalThis (helpers.mjs); these are the windows around it. A top window is its own parent.
const topWindow = (props = {}) => { const w = { ...props }; w.parent = w; return w; };
const frameIn = (parent, props = {}) => ({ ...props, parent });

function launchedIn({ parent = window, top = window, opener = null } = {}) {
  Object.assign(globalThis, { parent, top, opener, localStorage: memoryStorage() });
  try { return connectLms('kurs-test'); } finally {
    for (const k of ['parent', 'top', 'opener', 'localStorage']) { delete globalThis[k]; }
  }
}

test('the usual LMS frame: the API in the parent window is found, 2004 before 1.2', () => {
  const api2004 = memoryApi('2004'), api12 = memoryApi('1.2');
  const lmsWindow = topWindow({ API_1484_11: api2004, API: api12 });
  const lms = launchedIn({ parent: lmsWindow, top: lmsWindow });
  assert.equal(lms.api, api2004);
  assert.equal(lms.a, SCORM2004);
  assert.ok(!lms.standalone);
});

test('an API some frames up is found, and a 1.2 API when there is no 2004 one', () => {
  const api12 = memoryApi('1.2');
  const lmsWindow = topWindow({ API: api12 });
  const wrapper = frameIn(frameIn(lmsWindow));
  const lms = launchedIn({ parent: wrapper, top: lmsWindow });
  assert.equal(lms.api, api12);
  assert.equal(lms.a, SCORM12);
});

test('the search goes up ten frames from the course, no further', () => {
  const chain = (framesUp) => {
    const api = memoryApi('1.2');
    let win = topWindow({ API: api });
    for (let i = 1; i < framesUp; i++) { win = frameIn(win); }
    return { api, parent: win };
  };
  const ten = chain(10);
  assert.equal(launchedIn({ parent: ten.parent }).api, ten.api);
  assert.ok(launchedIn({ parent: chain(11).parent }).standalone);
});

test('frames that are each other\'s parent end the search after ten steps instead of looping', () => {
  // Counted, and cut off with a throw, so that a search without its limit fails here instead of hanging.
  let steps = 0;
  const a = {}, b = {};
  for (const [w, other] of [[a, b], [b, a]]) {
    Object.defineProperty(w, 'parent', { get() { if (++steps > 1000) { throw new Error('looping'); } return other; } });
  }
  assert.ok(launchedIn({ parent: a }).standalone);
  assert.ok(steps <= 2 * 10 * 2, `${steps} steps`); // ten frames for each of the two API names, two reads of parent each
});

test('a course in a popup finds the API in the window that opened it', () => {
  const api = memoryApi('2004');
  const lmsWindow = topWindow({ API_1484_11: api });
  assert.equal(launchedIn({ parent: window, top: window, opener: lmsWindow }).api, api); // the popup is a top window
});

test('a course in a frame of a popup finds the API through the popup\'s opener', () => {
  const api = memoryApi('1.2');
  const lmsWindow = topWindow({ API: api });
  const popup = topWindow({ opener: lmsWindow });
  assert.equal(launchedIn({ parent: popup, top: popup }).api, api);
});

test('a window of another origin (access throws) is passed over, and without an API the course runs standalone', () => {
  const foreign = new Proxy({}, { get() { throw new Error('SecurityError: cross-origin'); } });
  const lms = launchedIn({ parent: foreign, top: foreign, opener: foreign });
  assert.ok(lms.standalone);
  const api = memoryApi('1.2');
  assert.equal(launchedIn({ parent: frameIn(foreign), top: foreign, opener: topWindow({ API: api }) }).api, api);
});

test('standalone: progress and status are kept in localStorage and resumed, like a 1.2 LMS', () => {
  globalThis.localStorage = memoryStorage(); // read at launch, written at each commit
  const open = () => connectLms('kurs-c');
  const first = open();
  assert.ok(first.standalone);
  assert.equal(first.get('cmi.core.entry'), 'ab-initio');
  assert.equal(first.get('cmi.core.lesson_status'), 'not attempted');
  assert.equal(first.get('cmi.core.lesson_location'), '');
  assert.equal(first.get('cmi.core.lesson_mode'), '');
  const data = course();
  const t = new Tracker(data, first).start();
  t.visit('l0'); t.visit('l1');
  t.finish();

  const second = open();
  assert.equal(second.get('cmi.core.entry'), 'resume');
  const again = new Tracker(data, second).start();
  assert.deepEqual(again.state.visited, [true, true, false]);
  assert.equal(again.location, 'l1');
  assert.deepEqual([again.recorded.started, again.recorded.completed], [true, false]);
  again.visit('l2');
  const attempt = again.attempt();
  attempt.items.forEach((item, pos) => again.answer(pos, { options: [0] }));
  again.submit();
  again.finish();

  const third = new Tracker(data, open()).start();
  assert.deepEqual([third.recorded.passed, third.recorded.completed, third.recorded.score], [true, true, '100']);  delete globalThis.localStorage;
});

function refusing(version, element) {
  const api = memoryApi(version), names = version === '1.2' ? ['LMSSetValue', 'LMSGetLastError'] : ['SetValue', 'GetLastError'];
  const set = api[names[0]];
  api[names[0]] = (el, v) => (el === element ? 'false' : set(el, v));
  api[names[1]] = () => '405';
  return api;
}

test('a refused write is reported once, with its element and the LMS error code; reads and accepted writes are not', () => {
  const warned = [], warn = console.warn;
  console.warn = (m) => warned.push(m);
  try {
    const lms = new Lms(refusing('1.2', 'cmi.core.lesson_location'), SCORM12).start();
    let noticed = 0;
    lms.onFailure = () => { noticed++; };
    assert.equal(lms.get('cmi.core.lesson_status'), ''); // never set: an empty answer is not a failure
    lms.setAll([['cmi.core.exit', 'suspend'], ['cmi.core.lesson_location', 'l1']]);
    lms.commit();
    lms.drain();
    assert.deepEqual([lms.failures, noticed], [1, 1]);
    assert.equal(warned.length, 1);
    assert.match(warned[0], /LMSSetValue\(cmi\.core\.lesson_location\).*405/);
  } finally { console.warn = warn; }
});

test('an LMS that answers a read with null or undefined reads as empty', () => {
  for (const answer of [null, undefined]) {
    const api = memoryApi('2004');
    api.GetValue = () => answer;
    assert.equal(new Lms(api, SCORM2004).start().get('cmi.location'), '');
  }
});

// What the review notice says the LMS has recorded.
test('the recorded status as each version reads it', () => {
  const read12 = (s) => SCORM12.readStatus(() => s);
  assert.deepEqual(read12('passed'), { started: true, passed: true, failed: false, completed: true });
  assert.deepEqual(read12('completed'), { started: true, passed: false, failed: false, completed: true });
  assert.deepEqual(read12('failed'), { started: true, passed: false, failed: true, completed: false });
  assert.deepEqual(read12('incomplete'), { started: true, passed: false, failed: false, completed: false });
  assert.deepEqual(read12('not attempted'), { started: false, passed: false, failed: false, completed: false });
  const read2004 = (c, s) => SCORM2004.readStatus((el) => (el === 'cmi.completion_status' ? c : s));
  assert.deepEqual(read2004('completed', 'passed'), { started: true, passed: true, failed: false, completed: true });
  assert.deepEqual(read2004('incomplete', 'unknown'), { started: true, passed: false, failed: false, completed: false });
  assert.deepEqual(read2004('unknown', 'unknown'), { started: false, passed: false, failed: false, completed: false });
});

for (const version of ['1.2', '2004']) {
  const adapter = version === '1.2' ? SCORM12 : SCORM2004;
  test(`${version}: lesson objectives carry a score only once the quiz gave one; the quiz objective its result`, () => {
    const api = memoryApi(version);
    const t = new Tracker(course({ maxAttempts: 2 }), new Lms(api, adapter).start()).start();
    const objective = (id) => {
      t.lms.drain();
      const n = Object.keys(api.data).find((k) => /^cmi\.objectives\.\d+\.id$/.test(k) && api.data[k] === id).split('.')[2];
      const p = `cmi.objectives.${n}.`;
      return version === '1.2'
        ? { status: api.data[p + 'status'], raw: api.data[p + 'score.raw'] }
        : { status: api.data[p + 'completion_status'] + '/' + api.data[p + 'success_status'], raw: api.data[p + 'score.raw'] };
    };
    t.visit('l0');
    assert.deepEqual(objective('l0'), { status: version === '1.2' ? 'completed' : 'completed/undefined', raw: undefined });
    t.visit('l1'); t.visit('l2');
    let attempt = t.attempt();
    attempt.items.forEach((item, pos) => t.answer(pos, { options: [1] }));
    t.submit();
    attempt = t.attempt();
    attempt.items.forEach((item, pos) => t.answer(pos, { options: [1] }));
    t.submit();
    assert.deepEqual(objective('l0'), { status: version === '1.2' ? 'completed' : 'completed/undefined', raw: '0' });
    assert.deepEqual(objective('quiz'), { status: version === '1.2' ? 'failed' : 'completed/failed', raw: '0' });

    const again = memoryApi(version);
    const u = new Tracker(course(), new Lms(again, adapter).start()).start();
    ['l0', 'l1', 'l2'].forEach((id) => u.visit(id));
    u.attempt().items.forEach((item, pos) => u.answer(pos, { options: [0] }));
    u.submit();
    u.lms.drain();
    const quiz = Object.keys(again.data).find((k) => again.data[k] === 'quiz' && k.startsWith('cmi.objectives.')).split('.')[2];
    assert.equal(again.data[`cmi.objectives.${quiz}.${version === '1.2' ? 'status' : 'success_status'}`], 'passed');
    assert.equal(again.data[`cmi.objectives.${quiz}.score.raw`], '100');
  });
}
