// The LMS connection and the tracking port. The Tracker (tracking.js) speaks to the LMS only in the port's verbs:
//   resume(decides)   what the LMS holds for this attempt, read at launch (see below)
//   status({completion, success}), score(percent)
//   interaction(q, response, right, when, latencyMs), objective(id, {pct?, completion, success?})
//   exit(finished, sessionMs?)   whether the LMS attempt ends when the learner leaves (or resumes), and how long
//                                this session lasted
//   save(location, stored)       where she is and the stored state (suspend.js's text, within `room` characters),
//                                then commit
//   commit(), finish()           send what is queued; end the session
// An adapter (scorm12.js, scorm2004.js) holds its standard's API functions, element names and formats; the verbs
// here are written once over either. No course logic here.

// The SCORM API `name` in the frames above the course, or through the window that opened it; null if none.
export function findApi(name) {
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

// What both adapters' time formats start from: a duration in whole hours, minutes, seconds and hundredths.
export const pad = (n, width = 2) => String(n).padStart(width, '0');

export function timespan(ms) {
  const all = Math.max(0, Math.round(ms / 10)), s = Math.floor(all / 100);
  return { h: Math.floor(s / 3600), m: Math.floor(s / 60) % 60, s: s % 60, cs: all % 100 };
}

// One connection object over either adapter: every call is guarded, and a failure is logged with its error code,
// never thrown, so the page and the learner's in-memory progress survive a misbehaving LMS.
export class Lms {
  constructor(api, adapter) {
    this.api = api; this.a = adapter; this.failures = 0; this.open = false; this.queue = [];
    this.room = adapter.suspendLimit; // characters the stored state may take
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

  // --- the tracking port's verbs ---

  // At launch: {mode, credit (as the LMS says them), status: {started, passed, failed, completed, score}, stored,
  // location, passing (a percent, or null)}. Entry and status first: a new attempt has nothing stored to read (a 2004
  // LMS answers 403 for what it never set), so its stored state and location are ''. Moodle also says ab-initio
  // when a finished 2004 attempt reopens for review; its status tells them apart. A score comes only with a final
  // status (docs/runtime.md), so only then is there one to read; and the manifest gives a passing score only when
  // the quiz `decides` the status.
  resume(decides) {
    const a = this.a, get = this.get.bind(this), entry = get(a.el.entry), mode = get(a.el.mode);
    const credit = get(a.el.credit), status = a.readStatus(get), fresh = entry === 'ab-initio' && !status.started;
    const stored = fresh ? '' : get(a.el.suspend), location = fresh ? '' : get(a.el.location);
    status.score = status.passed || status.failed ? get(a.el.raw) : '';
    const passing = decides ? a.passingScore(get) : null;
    // Counted here, not re-read later: writes may still be queued when the next attempt is submitted. An objective
    // keeps the index the LMS holds it under.
    this.interactions = parseInt(get(a.el.interactions), 10) || 0;
    this.objectives = {};
    this.objectiveCount = parseInt(get(a.el.objectives), 10) || 0;
    for (let i = 0; i < this.objectiveCount; i++) { this.objectives[get(a.objectiveId(i))] = i; }
    return { mode, credit, status, stored, location, passing };
  }

  status(st) { this.setAll(this.a.statusValues(st)); }

  score(pct) { this.setAll(this.a.score(pct)); }

  interaction(q, r, right, when, latencyMs) { this.setAll(this.a.interaction(this.interactions++, q, r, right, when, latencyMs)); }

  objective(id, o) {
    if (!(id in this.objectives)) { this.objectives[id] = this.objectiveCount++; }
    this.setAll(this.a.objective(this.objectives[id], id, o));
  }

  exit(finished, sessionMs) {
    const a = this.a;
    this.setAll((sessionMs === undefined ? [] : [[a.el.time, a.sessionTime(sessionMs)]]).concat([[a.el.exit, a.exitValue(finished)]]));
  }

  save(location, stored) {
    this.setAll([[this.a.el.location, location], [this.a.el.suspend, stored]]);
    this.commit();
  }
}
