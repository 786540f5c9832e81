// The tracking model over both adapters, against a memory LMS: what it writes, when, and what it resumes from.
import assert from 'node:assert/strict';
import test from 'node:test';
import { course, memoryApi } from './helpers.mjs';
import { layout } from '../../builder/outputs/runtime/draw.js';
import { Lms } from '../../builder/outputs/runtime/lms.js';
import { SCORM12, timespan12 } from '../../builder/outputs/runtime/scorm12.js';
import { duration2004, SCORM2004 } from '../../builder/outputs/runtime/scorm2004.js';
import { Tracker } from '../../builder/outputs/runtime/tracking.js';

function tracker(version, data, initial) {
  const api = memoryApi(version, initial);
  const adapter = version === '1.2' ? SCORM12 : SCORM2004;
  const lms = new Lms(api, adapter).start();
  return { t: new Tracker(data, lms).start(), api };
}

// Writes reach the LMS in later tasks; this is what it holds once they have all gone through.
function stored(t, api) {
  t.lms.drain();
  return api.data;
}

function answerAll(t, right) {
  const attempt = t.attempt();
  attempt.items.forEach((item, pos) => {
    const options = right ? [0] : [1];
    t.answer(pos, { options });
  });
}

test('an attempt is rebuilt from its seed alone', () => {
  const data = course({ questions: 20, draw: 5 });
  const a = layout(data.quiz, 42), b = layout(data.quiz, 42);
  assert.deepEqual(a.map((x) => x.q.id), b.map((x) => x.q.id));
  assert.deepEqual(a.map((x) => x.order), b.map((x) => x.order));
  assert.equal(a.length, 5);
  assert.equal(new Set(a.map((x) => x.q.id)).size, 5);
  assert.notDeepEqual(layout(data.quiz, 43).map((x) => x.q.id), a.map((x) => x.q.id));
});

for (const version of ['1.2', '2004']) {
  test(`${version}: passing writes score then passed status, interactions and objectives`, () => {
    const { t, api } = tracker(version, course());
    ['l0', 'l1', 'l2'].forEach((id) => t.visit(id));
    answerAll(t, true);
    const r = t.submit();
    assert.equal(r.score, 100);
    const d = stored(t, api);
    if (version === '1.2') {
      assert.equal(d['cmi.core.lesson_status'], 'passed');
      assert.equal(d['cmi.core.score.raw'], '100');
      assert.equal(d['cmi.interactions.0.result'], 'correct');
      assert.equal(d['cmi.interactions.0.student_response'], 'a');
      assert.equal(d['cmi.core.exit'], '');
    } else {
      assert.equal(d['cmi.completion_status'], 'completed');
      assert.equal(d['cmi.success_status'], 'passed');
      assert.equal(d['cmi.score.scaled'], '1');
      assert.equal(d['cmi.interactions.0.learner_response'], 'o0');
      assert.equal(d['cmi.exit'], 'normal');
    }
  });

  test(`${version}: a worse attempt never overwrites passed, and the best score stays`, () => {
    const { t, api } = tracker(version, course(), {});
    ['l0', 'l1', 'l2'].forEach((id) => t.visit(id));
    answerAll(t, true); t.submit();
    answerAll(t, false); const r = t.submit();
    assert.equal(r.score, 0);
    const d = stored(t, api);
    assert.equal(version === '1.2' ? d['cmi.core.lesson_status'] : d['cmi.success_status'], 'passed');
    assert.equal(d[version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw'], '100');
  });

  test(`${version}: a learner the LMS already has as passed stays passed`, () => {
    const initial = version === '1.2' ? { 'cmi.core.lesson_status': 'passed' } : { 'cmi.success_status': 'passed', 'cmi.completion_status': 'completed' };
    const { t, api } = tracker(version, course(), initial);
    assert.equal(t.state.passed, true);
    // Read after the queue is drained: before that the LMS still holds only its initial data.
    const d = stored(t, api);
    assert.equal(version === '1.2' ? d['cmi.core.lesson_status'] : d['cmi.success_status'], 'passed');
    if (version === '2004') { assert.equal(d['cmi.completion_status'], 'completed'); }
  });

  test(`${version}: finish runs once and sets exit and session time`, () => {
    const { t, api } = tracker(version, course());
    t.visit('l0');
    t.finish(); const calls = api.calls; t.finish();
    assert.equal(api.calls, calls);
    const time = version === '1.2' ? api.data['cmi.core.session_time'] : api.data['cmi.session_time'];
    assert.match(time, version === '1.2' ? /^\d{4}:\d{2}:\d{2}\.\d{2}$/ : /^PT(\d+H)?(\d+M)?\d+(\.\d{2})?S$/);
    assert.equal(api.data[version === '1.2' ? 'cmi.core.exit' : 'cmi.exit'], 'suspend');
  });
}

test('start-up only reads; its writes follow in one batch with a single commit', async () => {
  const api = memoryApi('1.2');
  let commits = 0;
  api.LMSCommit = () => { commits++; return 'true'; };
  const lms = new Lms(api, SCORM12).start();
  const t = new Tracker(course(), lms).start();
  t.visit('l0');
  assert.equal(api.calls, 1); // LMSInitialize only: the page is drawn before the LMS is written to
  await new Promise((done) => setTimeout(done, 20));
  assert.equal(api.data['cmi.core.lesson_status'], 'incomplete');
  assert.equal(api.data['cmi.core.lesson_location'], 'l0');
  assert.equal(commits, 1);
});

test('time formats', () => {
  assert.equal(timespan12(0), '0000:00:00.00');
  assert.equal(timespan12(3723450), '0001:02:03.45');
  assert.equal(duration2004(0), 'PT0S');
  assert.equal(duration2004(3723450), 'PT1H2M3.45S');
});

test('suspend data from another version, or garbage, starts cleanly', () => {
  const data = course();
  for (const text of ['', '{{', '[1,2]', 'null', JSON.stringify({ f: 1, cv: '0.1', v: '111', n: 2, b: 90, p: 0, c: { s: 1, a: ['0'] } })]) {
    const { t } = tracker('1.2', data, { 'cmi.suspend_data': text });
    assert.deepEqual(t.state.visited, [false, false, false]);
    assert.equal(t.state.current, null);
  }
  const { t } = tracker('1.2', data, { 'cmi.suspend_data': JSON.stringify({ f: 1, cv: '0.1', v: '111', n: 2, b: 90, p: 1 }) });
  assert.deepEqual([t.state.attempts, t.state.best, t.state.passed], [2, 90, true]); // results survive a course update
});

test('1.2 worst case: 100 lessons and a 50-question draw stay under 4096 characters', () => {
  const data = course({ lessons: 100, questions: 200, draw: 50, options: 26 });
  const { t, api } = tracker('1.2', data);
  data.lessons.forEach((l) => t.visit(l.id));
  const all = Array.from({ length: 26 }, (_, i) => i);
  t.attempt().items.forEach((item, pos) => t.answer(pos, { options: all }));
  t.submit();
  t.attempt().items.forEach((item, pos) => t.answer(pos, { options: all })); // a second attempt in progress
  t.save();
  const text = stored(t, api)['cmi.suspend_data'];
  assert.ok(text.length < 4096, `suspend_data is ${text.length} characters`);
  assert.equal(JSON.parse(text).c.a.length, 50); // nothing had to be dropped
});

test('1.2 overflow degrades detail but keeps progress and status, never exceeding 4096', () => {
  const data = course({ lessons: 1000, questions: 100, draw: 50, options: 26, version: 'v'.repeat(400) });
  const { t, api } = tracker('1.2', data);
  data.lessons.slice(0, 10).forEach((l) => t.visit(l.id));
  const all = Array.from({ length: 26 }, (_, i) => i);
  t.attempt().items.forEach((item, pos) => t.answer(pos, { options: all }));
  t.submit();
  t.attempt().items.forEach((item, pos) => t.answer(pos, { options: all }));
  t.save();
  const text = stored(t, api)['cmi.suspend_data'];
  assert.ok(text.length <= 4096, `suspend_data is ${text.length} characters`);
  const saved = JSON.parse(text);
  assert.equal(saved.n, 1);
  assert.equal(saved.v.slice(0, 10), '1111111111');
  assert.ok(saved.r === null || saved.r.a.length === 0 || saved.c.a.length === 0);
});

test('after overflow the last result keeps its score but no per-question list: its answers are unknown', () => {
  const data = course({ lessons: 1000, questions: 100, draw: 50, options: 26, version: 'v'.repeat(400) });
  const first = tracker('1.2', data);
  const all = Array.from({ length: 26 }, (_, i) => i);
  first.t.attempt().items.forEach((item, pos) => first.t.answer(pos, { options: all }));
  const score = first.t.submit().score;
  first.t.attempt().items.forEach((item, pos) => first.t.answer(pos, { options: all }));
  first.t.save();
  const text = stored(first.t, first.api)['cmi.suspend_data'];
  assert.equal(JSON.parse(text).r.a.length, 0); // the last attempt's answers were the first detail given up
  const { t } = tracker('1.2', data, { 'cmi.suspend_data': text, 'cmi.core.entry': 'resume' });
  assert.equal(t.lastResult().score, score);
  assert.equal(t.lastResult().results, null); // not a list of «not answered» and «wrong»
});

// The attempt policy: the LMS attempt stays open while quiz attempts remain; score and final status go together.
const STATUS = { '1.2': (d) => d['cmi.core.lesson_status'], '2004': (d) => `${d['cmi.completion_status']}/${d['cmi.success_status']}` };
const SCORE = { '1.2': 'cmi.core.score.raw', '2004': 'cmi.score.raw' };
const EXIT = { '1.2': 'cmi.core.exit', '2004': 'cmi.exit' };
const OPEN = { '1.2': 'incomplete', '2004': 'incomplete/unknown' };

function readAllAndFail(t) {
  t.d.lessons.forEach((l) => t.visit(l.id));
  answerAll(t, false);
  return t.submit();
}

for (const version of ['1.2', '2004']) {
  test(`${version}: a failed attempt with attempts left keeps the LMS attempt open, with no score`, () => {
    const { t, api } = tracker(version, course({ maxAttempts: 2 }));
    readAllAndFail(t);
    t.finish();
    const d = api.data;
    assert.equal(STATUS[version](d), OPEN[version]);
    assert.equal(d[SCORE[version]], undefined);
    assert.equal(d[EXIT[version]], 'suspend');
  });

  test(`${version}: the last failed attempt writes failed with the best score, and exit normal`, () => {
    const { t, api } = tracker(version, course({ maxAttempts: 2 }));
    t.d.lessons.forEach((l) => t.visit(l.id));
    const attempt = t.attempt();
    attempt.items.forEach((item, pos) => t.answer(pos, { options: pos === 0 ? [0] : [1] }));
    t.submit(); // 25 %
    answerAll(t, false); t.submit();
    t.finish();
    const d = api.data;
    assert.equal(STATUS[version](d), version === '1.2' ? 'failed' : 'completed/failed');
    assert.equal(d[SCORE[version]], '25');
    assert.equal(d[EXIT[version]], version === '1.2' ? '' : 'normal');
  });

  test(`${version}: failed_status incomplete keeps the attempt open after the last attempt too`, () => {
    const data = course({ maxAttempts: 1 });
    data.tracking.failedStatus = 'incomplete';
    const { t, api } = tracker(version, data);
    readAllAndFail(t);
    t.finish();
    assert.equal(STATUS[version](api.data), OPEN[version]);
    assert.equal(api.data[SCORE[version]], '0');
    assert.equal(api.data[EXIT[version]], 'suspend'); // the LMS resumes it, so the course can say why
  });

  test(`${version}: review mode writes nothing, and a submitted attempt is practice that changes no result`, () => {
    const mode = version === '1.2' ? 'cmi.core.lesson_mode' : 'cmi.mode';
    const first = tracker(version, course({ maxAttempts: 1 }));
    readAllAndFail(first.t);
    first.t.finish();
    const stored = { ...first.api.data, [mode]: 'review' };
    const api = memoryApi(version, stored);
    let writes = 0;
    for (const name of version === '1.2' ? ['LMSSetValue', 'LMSCommit'] : ['SetValue', 'Commit']) {
      const real = api[name];
      api[name] = (...args) => { writes++; return real(...args); };
    }
    const lms = new Lms(api, version === '1.2' ? SCORM12 : SCORM2004).start();
    const t = new Tracker(course({ maxAttempts: 1 }), lms).start();
    assert.equal(t.readonly, true);
    assert.equal(t.recorded.failed, true);
    answerAll(t, true);
    const r = t.submit();
    assert.equal(r.practice, true);
    assert.deepEqual([t.state.attempts, t.state.passed, t.state.best], [1, false, 0]);
    t.finish();
    t.lms.drain();
    assert.equal(writes, 0);
  });
}

test('2004: a first launch reads entry first and never reads what the LMS has not stored', () => {
  const api = memoryApi('2004', { 'cmi.entry': 'ab-initio', 'cmi.completion_status': 'unknown', 'cmi.success_status': 'unknown' });
  const read = [];
  const get = api.GetValue;
  api.GetValue = (el) => { read.push(el); return get(el); };
  const lms = new Lms(api, SCORM2004).start();
  new Tracker(course(), lms).start();
  assert.equal(read[0], 'cmi.entry');
  assert.ok(!read.includes('cmi.suspend_data') && !read.includes('cmi.location') && !read.includes('cmi.score.raw'), read.join());
});

test('2004: a finished attempt reopened ab-initio for review still shows its stored progress', () => {
  const saved = JSON.stringify({ f: 1, cv: '1.0.0', v: '111', n: 1, b: 100, p: 1, c: null, r: null });
  const { t } = tracker('2004', course(), {
    'cmi.entry': 'ab-initio', 'cmi.mode': 'review', 'cmi.completion_status': 'completed',
    'cmi.success_status': 'passed', 'cmi.suspend_data': saved, 'cmi.score.raw': '100',
  });
  assert.deepEqual(t.state.visited, [true, true, true]);
  assert.equal(t.recorded.score, '100');
});

// Counts what reaches the LMS as a write (set or commit).
function countingWrites(api, version) {
  const counter = { writes: 0 };
  for (const name of version === '1.2' ? ['LMSSetValue', 'LMSCommit'] : ['SetValue', 'Commit']) {
    const real = api[name];
    api[name] = (...args) => { counter.writes++; return real(...args); };
  }
  return counter;
}

for (const version of ['1.2', '2004']) {
  const adapter = version === '1.2' ? SCORM12 : SCORM2004;
  const MODE = version === '1.2' ? 'cmi.core.lesson_mode' : 'cmi.mode';
  const CREDIT = version === '1.2' ? 'cmi.core.credit' : 'cmi.credit';
  for (const [what, initial] of [['browse mode', { [MODE]: 'browse' }], ['no-credit', { [MODE]: 'normal', [CREDIT]: 'no-credit' }]]) {
    test(`${version}: ${what} writes nothing, and the quiz is practice`, () => {
      const api = memoryApi(version, initial), counter = countingWrites(api, version);
      const t = new Tracker(course(), new Lms(api, adapter).start()).start();
      assert.equal(t.readonly, true);
      ['l0', 'l1', 'l2'].forEach((id) => t.visit(id));
      answerAll(t, true);
      assert.equal(t.submit().practice, true);
      t.finish();
      assert.equal(counter.writes, 0);
    });
  }

  test(`${version}: on resume the objectives the LMS holds are updated in place and new ones added after them`, () => {
    const saved = JSON.stringify({ f: 1, cv: '1.0.0', v: '100', n: 0, b: -1, p: 0, c: null, r: null });
    const initial = version === '1.2'
      ? { 'cmi.core.entry': 'resume', 'cmi.core.lesson_status': 'incomplete' }
      : { 'cmi.entry': 'resume', 'cmi.completion_status': 'incomplete', 'cmi.success_status': 'unknown' };
    Object.assign(initial, { 'cmi.suspend_data': saved, 'cmi.objectives._count': '1', 'cmi.objectives.0.id': 'l0' });
    const api = memoryApi(version, initial), read = [], get = api[adapter.fn.get];
    api[adapter.fn.get] = (el) => { read.push(el); return get(el); };
    const t = new Tracker(course(), new Lms(api, adapter).start()).start();
    // An index the LMS has not stored is an error to read (2004 answers 301 and logs it).
    assert.ok(!read.includes('cmi.objectives.1.id'), read.join());
    t.visit('l1');
    answerAll(t, false);
    t.submit();
    const d = stored(t, api);
    const ids = Object.keys(d).filter((k) => /^cmi\.objectives\.\d+\.id$/.test(k)).sort().map((k) => d[k]);
    assert.deepEqual(ids, ['l0', 'l1', 'l2', 'quiz']);
  });
}

for (const version of ['1.2', '2004']) {
  test(`${version}: completion by lessons: completed with the last lesson; the quiz then scores but neither passes nor fails`, () => {
    const data = course({ maxAttempts: 1 });
    data.tracking.completion = 'lessons';
    // A mastery score the manifest never gave (the quiz does not decide): the course's own passing score counts.
    const { t, api } = tracker(version, data, version === '1.2' ? { 'cmi.student_data.mastery_score': '0' } : { 'cmi.scaled_passing_score': '0' });
    t.visit('l0'); t.visit('l1');
    assert.equal(STATUS[version](stored(t, api)), OPEN[version]);
    t.visit('l2');
    const done = version === '1.2' ? 'completed' : 'completed/unknown';
    assert.equal(STATUS[version](stored(t, api)), done);
    answerAll(t, false);
    assert.equal(t.submit().passed, false);
    const d = stored(t, api);
    assert.equal(STATUS[version](d), done);
    assert.equal(d[SCORE[version]], '0');
  });

  test(`${version}: lessons-and-quiz: reading every lesson opens the quiz but completes nothing by itself`, () => {
    const { t, api } = tracker(version, course());
    t.visit('l1');
    assert.deepEqual([t.visited('l0'), t.visited('l1'), t.visited('l2')], [false, true, false]);
    assert.deepEqual(t.missing().map((l) => l.id), ['l0', 'l2']);
    assert.equal(t.quizOpen(), false);
    t.visit('l0'); t.visit('l2');
    assert.equal(t.quizOpen(), true);
    assert.equal(STATUS[version](stored(t, api)), OPEN[version]);
  });

  test(`${version}: a location that is no lesson (an old bookmark) counts as nothing read and makes no objective`, () => {
    const { t, api } = tracker(version, course());
    t.visit('gone');
    assert.equal(t.visitedCount(), 0);
    const d = stored(t, api);
    assert.ok(!Object.entries(d).some(([k, v]) => k.startsWith('cmi.objectives.') && v === 'gone'));
  });
}

for (const version of ['1.2', '2004']) {
  test(`${version}: a score equal to the passing score passes, in the attempt and on the result page afterwards`, () => {
    const data = course({ questions: 4 });
    data.tracking.passingScore = 75;
    const { t, api } = tracker(version, data);
    ['l0', 'l1', 'l2'].forEach((id) => t.visit(id));
    t.attempt().items.forEach((item, pos) => t.answer(pos, { options: pos === 0 ? [1] : [0] }));
    const r = t.submit();
    assert.deepEqual([r.score, r.passed], [75, true]);
    assert.equal(STATUS[version](stored(t, api)), version === '1.2' ? 'passed' : 'completed/passed');
    assert.equal(t.lastResult().passed, true);
  });
}

test('a course without a quiz: no quiz to open, no result, completed by its lessons', () => {
  const data = course();
  data.quiz = null;
  data.tracking.completion = 'lessons';
  const { t, api } = tracker('1.2', data);
  ['l0', 'l1', 'l2'].forEach((id) => t.visit(id));
  assert.equal(t.quizOpen(), false);
  assert.equal(t.lastResult(), null);
  assert.equal(stored(t, api)['cmi.core.lesson_status'], 'completed');
});

test('before the first attempt there is no last result to show', () => {
  const { t } = tracker('2004', course());
  assert.equal(t.lastResult(), null);
});

// Latency: from the attempt's start (or its resumption) to the learner's last change of that answer.
test('a resumed attempt gets latencies of seconds, not of the epoch or NaN, also for answers given before', () => {
  const data = course();
  const first = tracker('1.2', data);
  ['l0', 'l1', 'l2'].forEach((id) => first.t.visit(id));
  first.t.attempt().items.forEach((item, pos) => first.t.answer(pos, { options: [1] }));
  first.t.save();
  const saved = stored(first.t, first.api);
  const { t, api } = tracker('1.2', data, { ...saved, 'cmi.core.entry': 'resume' });
  assert.ok(t.state.current && t.state.current.answers.every(Boolean), 'the attempt in progress is resumed');
  t.attempt();
  t.answer(0, { options: [0] }); // changed in this session; the others were given in the first
  t.submit();
  const d = stored(t, api);
  const latencies = Object.keys(d).filter((k) => /^cmi\.interactions\.\d+\.latency$/.test(k)).map((k) => d[k]);
  assert.equal(latencies.length, 4);
  for (const latency of latencies) { assert.match(latency, /^0000:00:\d\d\.\d\d$/); }
});
