// LMS connection: finds the SCORM API, and the two thin adapters that map the tracking model's few operations onto
// SCORM 1.2 and SCORM 2004 element names and formats. No course logic here.
import { typeOf } from './questions.js';

function findApi(name) {
  function climb(win) {
    // ADL's sample stops after a handful of frames; a deep chain is a sign of a loop.
    for (let depth = 0; win && depth < 10; depth++) {
      try {
        if (win[name]) { return win[name]; }
        if (win.parent === win) { return null; }
        win = win.parent;
      } catch (e) { return null; } // another origin: not our LMS
    }
    return null;
  }
  let api = window.parent !== window ? climb(window.parent) : null;
  try { api = api || (window.opener && climb(window.opener)); } catch (e) { /* closed or foreign opener */ }
  try { api = api || (window.top.opener && climb(window.top.opener)); } catch (e) { /* idem */ }
  return api || null;
}

const pad = (n, width = 2) => String(n).padStart(width, '0');

const hundredths = (ms) => Math.max(0, Math.round(ms / 10));

// 1.2 CMITimespan: HHHH:MM:SS.SS
export function timespan12(ms) {
  const cs = hundredths(ms), s = Math.floor(cs / 100);
  return pad(Math.floor(s / 3600), 4) + ':' + pad(Math.floor(s / 60) % 60) + ':' + pad(s % 60) + '.' + pad(cs % 100);
}

// 2004 ISO 8601 duration, e.g. PT1H5M30.25S; PT0S for nothing.
export function duration2004(ms) {
  const cs = hundredths(ms), s = Math.floor(cs / 100), h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
  const sec = (s % 60) + (cs % 100 ? '.' + pad(cs % 100) : '');
  return 'PT' + (h ? h + 'H' : '') + (m ? m + 'M' : '') + sec + 'S';
}

// What differs between the versions, as data and tiny functions over the tracking model's answers (responses as
// questions.js describes them).
export const SCORM12 = {
  suspendLimit: 4096,
  fn: { init: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', finish: 'LMSFinish',
    error: 'LMSGetLastError' },
  el: { entry: 'cmi.core.entry', location: 'cmi.core.lesson_location', suspend: 'cmi.suspend_data',
    exit: 'cmi.core.exit', time: 'cmi.core.session_time', raw: 'cmi.core.score.raw', mode: 'cmi.core.lesson_mode',
    credit: 'cmi.core.credit' },
  exitValue: (finished) => (finished ? '' : 'suspend'),
  sessionTime: timespan12,
  readStatus(get) {
    const s = get('cmi.core.lesson_status');
    return { started: s !== 'not attempted' && s !== '', passed: s === 'passed', failed: s === 'failed',
      completed: s === 'completed' || s === 'passed' };
  },
  passingScore(get) { const m = parseFloat(get('cmi.student_data.mastery_score')); return isNaN(m) ? null : m; },
  // 1.2 has one status; `st` is {completion, success} as the tracking model decided them.
  statusValues: (st) => [['cmi.core.lesson_status', st.success === 'passed' || st.success === 'failed' ? st.success : st.completion]],
  score: (pct) => [['cmi.core.score.raw', pct], ['cmi.core.score.min', 0], ['cmi.core.score.max', 100]],
  interaction(n, q, r, right, when, latencyMs) {
    const p = 'cmi.interactions.' + n + '.', type = typeOf(q);
    return [[p + 'id', q.id], [p + 'type', type.kind], [p + 'objectives.0.id', q.lesson],
      [p + 'time', pad(when.getHours()) + ':' + pad(when.getMinutes()) + ':' + pad(when.getSeconds())],
      [p + 'correct_responses.0.pattern', type.scorm12(q, type.correct(q))], [p + 'student_response', type.scorm12(q, r)],
      [p + 'result', right ? 'correct' : 'wrong'], [p + 'weighting', 1], [p + 'latency', timespan12(latencyMs)]];
  },
  objective(n, id, o) {
    const p = 'cmi.objectives.' + n + '.', out = [[p + 'id', id]];
    if (o.pct !== undefined) { out.push([p + 'score.raw', o.pct], [p + 'score.min', 0], [p + 'score.max', 100]); }
    out.push([p + 'status', o.success === 'passed' || o.success === 'failed' ? o.success : o.completion]);
    return out;
  }
};

export const SCORM2004 = {
  suspendLimit: 64000,
  fn: { init: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit', finish: 'Terminate',
    error: 'GetLastError' },
  el: { entry: 'cmi.entry', location: 'cmi.location', suspend: 'cmi.suspend_data', exit: 'cmi.exit',
    time: 'cmi.session_time', raw: 'cmi.score.raw', mode: 'cmi.mode', credit: 'cmi.credit' },
  exitValue: (finished) => (finished ? 'normal' : 'suspend'),
  sessionTime: duration2004,
  readStatus(get) {
    const c = get('cmi.completion_status'), s = get('cmi.success_status');
    return { started: c !== 'not attempted' && c !== 'unknown' && c !== '', passed: s === 'passed', failed: s === 'failed',
      completed: c === 'completed' };
  },
  passingScore(get) { const m = parseFloat(get('cmi.scaled_passing_score')); return isNaN(m) ? null : m * 100; },
  statusValues: (st) => [['cmi.completion_status', st.completion], ['cmi.success_status', st.success || 'unknown']],
  score: (pct) => [['cmi.score.scaled', pct / 100], ['cmi.score.raw', pct], ['cmi.score.min', 0], ['cmi.score.max', 100]],
  interaction(n, q, r, right, when, latencyMs) {
    const p = 'cmi.interactions.' + n + '.', type = typeOf(q);
    return [[p + 'id', q.id], [p + 'type', type.kind], [p + 'objectives.0.id', q.lesson],
      // 2004 allows a time zone only after a fraction of a second.
      [p + 'timestamp', when.toISOString().slice(0, 22) + 'Z'], [p + 'weighting', 1],
      [p + 'correct_responses.0.pattern', type.scorm2004(q, type.correct(q))], [p + 'learner_response', type.scorm2004(q, r)],
      [p + 'result', right ? 'correct' : 'incorrect'], [p + 'latency', duration2004(latencyMs)],
      [p + 'description', q.text.slice(0, 250)]];
  },
  objective(n, id, o) {
    const p = 'cmi.objectives.' + n + '.', out = [[p + 'id', id]];
    if (o.pct !== undefined) {
      out.push([p + 'score.scaled', o.pct / 100], [p + 'score.raw', o.pct], [p + 'score.min', 0], [p + 'score.max', 100]);
    }
    out.push([p + 'completion_status', o.completion]);
    if (o.success) { out.push([p + 'success_status', o.success]); }
    return out;
  }
};

// One connection object over either adapter: every call is guarded, and a failure is logged with its error code,
// never thrown, so the page and the learner's in-memory progress survive a misbehaving LMS.
export class Lms {
  constructor(api, adapter) {
    this.api = api; this.a = adapter; this.failures = 0; this.open = false; this.queue = [];
    this.onFailure = () => {};
  }

  call(fn, args) {
    const name = this.a.fn[fn];
    let result;
    try { result = this.api[name](...args); } catch (e) { result = 'false'; }
    if (fn !== 'get' && String(result) !== 'true') { this.fail(name, args[0]); }
    return result;
  }

  fail(name, what) {
    let code = '?';
    try { code = this.api[this.a.fn.error](); } catch (e) { /* the error call failed too */ }
    this.failures++;
    if (window.console) { console.warn('[kurs] ' + name + '(' + (what || '') + ') failed, LMS error ' + code); }
    this.onFailure();
  }

  // A refused Initialize is logged but not fatal: some LMSs refuse a second call yet keep the session usable, and
  // every later write is guarded anyway.
  start() {
    this.call('init', ['']);
    this.open = true;
    return this;
  }

  get(el) {
    if (!this.open) { return ''; }
    const v = this.call('get', [el]);
    return v === null || v === undefined ? '' : String(v);
  }

  // Writes go through a queue that is worked off in later tasks, a few milliseconds at a time: the page is drawn and
  // answers clicks before the LMS is asked anything, and against a slow LMS (every call blocks) it stays responsive
  // between calls. Finish drains the queue at once.
  setAll(pairs) {
    if (!this.open) { return; }
    for (const [el, v] of pairs) { this.queue.push([el, String(v)]); }
    this.schedule();
  }

  // A commit stores everything set before it, so one queued commit, moved to the end, serves every request.
  commit() {
    if (!this.open) { return; }
    this.queue = this.queue.filter((job) => job[0] !== null);
    this.queue.push([null]);
    this.schedule();
  }

  schedule() {
    document.documentElement.setAttribute('data-saving', '');
    if (!this.timer) { this.timer = setTimeout(() => { this.timer = null; this.pump(); }, 0); }
  }

  pump() {
    const began = Date.now();
    while (this.queue.length && (this.draining || Date.now() - began < 8)) {
      const job = this.queue.shift();
      if (job[0] === null) { this.call('commit', ['']); } else { this.call('set', job); }
    }
    if (this.queue.length) { this.schedule(); } else { document.documentElement.removeAttribute('data-saving'); }
  }

  drain() { this.draining = true; this.pump(); this.draining = false; }

  finish() {
    if (!this.open) { return; }
    this.drain();
    this.open = false;
    this.call('finish', ['']);
  }
}

// Standalone: the same 1.2 calls answered from localStorage, so the tracking model needs no second code path.
function localApi(key) {
  let data = {};
  try { data = JSON.parse(window.localStorage.getItem(key) || '{}') || {}; } catch (e) { data = {}; }
  const save = () => { try { window.localStorage.setItem(key, JSON.stringify(data)); } catch (e) { /* private mode */ } return 'true'; };
  const kept = /^cmi\.(core\.(lesson_status|lesson_location|score\.raw)|suspend_data)$/;
  return {
    LMSInitialize: () => 'true',
    LMSGetValue(el) {
      if (el === 'cmi.core.entry') { return data['cmi.suspend_data'] ? 'resume' : 'ab-initio'; }
      if (el === 'cmi.core.lesson_status') { return data[el] || 'not attempted'; }
      return data[el] || '';
    },
    LMSSetValue(el, v) { if (kept.test(el)) { data[el] = v; } return 'true'; },
    LMSCommit: save,
    LMSFinish: save,
    LMSGetLastError: () => '0'
  };
}

export function connectLms(storageKey) {
  const api2004 = findApi('API_1484_11');
  if (api2004) { return new Lms(api2004, SCORM2004).start(); }
  const api12 = findApi('API');
  if (api12) { return new Lms(api12, SCORM12).start(); }
  const local = new Lms(localApi(storageKey), SCORM12).start();
  local.standalone = true;
  return local;
}
