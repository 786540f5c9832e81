// LMS connection: finds the SCORM API, and the two thin adapters that map the tracking model's
// few operations onto SCORM 1.2 and SCORM 2004 element names and formats. No course logic here.

function findApi(name) {
  function climb(win) {
    // ADL's sample stops after a handful of frames; a deep chain is a sign of a loop.
    for (var depth = 0; win && depth < 10; depth++) {
      try {
        if (win[name]) { return win[name]; }
        if (win.parent === win) { return null; }
        win = win.parent;
      } catch (e) { return null; } // another origin: not our LMS
    }
    return null;
  }
  var api = window.parent !== window ? climb(window.parent) : null;
  try { api = api || (window.opener && climb(window.opener)); } catch (e) { /* closed or foreign opener */ }
  try { api = api || (window.top.opener && climb(window.top.opener)); } catch (e) { /* idem */ }
  return api || null;
}

function pad(n, width) { n = String(n); while (n.length < width) { n = '0' + n; } return n; }

function hundredths(ms) { return Math.max(0, Math.round(ms / 10)); }

// 1.2 CMITimespan: HHHH:MM:SS.SS
function timespan12(ms) {
  var cs = hundredths(ms), s = Math.floor(cs / 100);
  return pad(Math.floor(s / 3600), 4) + ':' + pad(Math.floor(s / 60) % 60, 2) + ':' + pad(s % 60, 2) +
    '.' + pad(cs % 100, 2);
}

// 2004 ISO 8601 duration, e.g. PT1H5M30.25S; PT0S for nothing.
function duration2004(ms) {
  var cs = hundredths(ms), s = Math.floor(cs / 100), h = Math.floor(s / 3600), m = Math.floor(s / 60) % 60;
  var sec = (s % 60) + (cs % 100 ? '.' + pad(cs % 100, 2) : '');
  return 'PT' + (h ? h + 'H' : '') + (m ? m + 'M' : '') + sec + 'S';
}

var letters = 'abcdefghijklmnopqrstuvwxyz';

// What differs between the versions, as data and tiny functions over the tracking model's answers.
// A response is {type, options:[indexes]} | {type:'true-false', value:bool} | {type:'sort', placed:[category index per item]}
var SCORM12 = {
  suspendLimit: 4096,
  fn: { init: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', finish: 'LMSFinish',
    error: 'LMSGetLastError' },
  el: { entry: 'cmi.core.entry', location: 'cmi.core.lesson_location', suspend: 'cmi.suspend_data',
    exit: 'cmi.core.exit', time: 'cmi.core.session_time', raw: 'cmi.core.score.raw', mode: 'cmi.core.lesson_mode',
    credit: 'cmi.core.credit' },
  exitValue: function (finished) { return finished ? '' : 'suspend'; },
  sessionTime: timespan12,
  readStatus: function (get) {
    var s = get('cmi.core.lesson_status');
    return { started: s !== 'not attempted' && s !== '', passed: s === 'passed', failed: s === 'failed',
      completed: s === 'completed' || s === 'passed' };
  },
  passingScore: function (get) { var m = parseFloat(get('cmi.student_data.mastery_score')); return isNaN(m) ? null : m; },
  statusValues: function (st) {
    // 1.2 has one status; `st` is {completion, success} as the tracking model decided them.
    var v = st.success === 'passed' ? 'passed' : st.success === 'failed' ? 'failed' : st.completion;
    return [['cmi.core.lesson_status', v]];
  },
  score: function (pct) { return [['cmi.core.score.raw', pct], ['cmi.core.score.min', 0], ['cmi.core.score.max', 100]]; },
  interaction: function (n, q, r, right, when, latencyMs) {
    var p = 'cmi.interactions.' + n + '.';
    return [[p + 'id', q.id], [p + 'type', kindOf(q)], [p + 'objectives.0.id', q.lesson],
      [p + 'time', pad(when.getHours(), 2) + ':' + pad(when.getMinutes(), 2) + ':' + pad(when.getSeconds(), 2)],
      [p + 'correct_responses.0.pattern', format12(q, correctResponse(q))], [p + 'student_response', format12(q, r)],
      [p + 'result', right ? 'correct' : 'wrong'], [p + 'weighting', 1], [p + 'latency', timespan12(latencyMs)]];
  },
  objective: function (n, id, o) {
    var p = 'cmi.objectives.' + n + '.', out = [[p + 'id', id]];
    if (o.pct !== undefined) { out.push([p + 'score.raw', o.pct], [p + 'score.min', 0], [p + 'score.max', 100]); }
    out.push([p + 'status', o.success === 'passed' || o.success === 'failed' ? o.success : o.completion]);
    return out;
  }
};

var SCORM2004 = {
  suspendLimit: 64000,
  fn: { init: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit', finish: 'Terminate',
    error: 'GetLastError' },
  el: { entry: 'cmi.entry', location: 'cmi.location', suspend: 'cmi.suspend_data', exit: 'cmi.exit',
    time: 'cmi.session_time', raw: 'cmi.score.raw', mode: 'cmi.mode', credit: 'cmi.credit' },
  exitValue: function (finished) { return finished ? 'normal' : 'suspend'; },
  sessionTime: duration2004,
  readStatus: function (get) {
    var c = get('cmi.completion_status'), s = get('cmi.success_status');
    return { started: c !== 'not attempted' && c !== 'unknown' && c !== '', passed: s === 'passed', failed: s === 'failed',
      completed: c === 'completed' };
  },
  passingScore: function (get) { var m = parseFloat(get('cmi.scaled_passing_score')); return isNaN(m) ? null : m * 100; },
  statusValues: function (st) {
    return [['cmi.completion_status', st.completion], ['cmi.success_status', st.success || 'unknown']];
  },
  score: function (pct) {
    return [['cmi.score.scaled', pct / 100], ['cmi.score.raw', pct], ['cmi.score.min', 0], ['cmi.score.max', 100]];
  },
  interaction: function (n, q, r, right, when, latencyMs) {
    var p = 'cmi.interactions.' + n + '.';
    return [[p + 'id', q.id], [p + 'type', kindOf(q)], [p + 'objectives.0.id', q.lesson],
      // 2004 allows a time zone only after a fraction of a second.
      [p + 'timestamp', when.toISOString().slice(0, 22) + 'Z'], [p + 'weighting', 1],
      [p + 'correct_responses.0.pattern', format2004(q, correctResponse(q))], [p + 'learner_response', format2004(q, r)],
      [p + 'result', right ? 'correct' : 'incorrect'], [p + 'latency', duration2004(latencyMs)],
      [p + 'description', q.text.slice(0, 250)]];
  },
  objective: function (n, id, o) {
    var p = 'cmi.objectives.' + n + '.', out = [[p + 'id', id]];
    if (o.pct !== undefined) {
      out.push([p + 'score.scaled', o.pct / 100], [p + 'score.raw', o.pct], [p + 'score.min', 0], [p + 'score.max', 100]);
    }
    out.push([p + 'completion_status', o.completion]);
    if (o.success) { out.push([p + 'success_status', o.success]); }
    return out;
  }
};

function kindOf(q) { return q.type === 'sort' ? 'matching' : q.type === 'true-false' ? 'true-false' : 'choice'; }

function format12(q, r) {
  if (q.type === 'true-false') { return r.value ? 't' : 'f'; }
  if (q.type === 'sort') { return r.placed.map(function (c, i) { return letters[i] + '.' + (c + 1); }).join(','); }
  return r.options.map(function (i) { return letters[i]; }).join(',');
}

function format2004(q, r) {
  if (q.type === 'true-false') { return r.value ? 'true' : 'false'; }
  if (q.type === 'sort') {
    return r.placed.map(function (c, i) { return q.items[i].id + '[.]' + q.categories[c].id; }).join('[,]');
  }
  return r.options.map(function (i) { return q.options[i].id; }).join('[,]');
}

// One connection object over either adapter: every call is guarded, and a failure is logged with its error
// code, never thrown, so the page and the learner's in-memory progress survive a misbehaving LMS.
function Lms(api, adapter) {
  this.api = api; this.a = adapter; this.failures = 0; this.open = false; this.queue = [];
  this.onFailure = function () {};
}
// Methods through one short name: the bundle repeats it for each of them.
var LmsProto = Lms.prototype;

LmsProto.call = function (fn, args) {
  var name = this.a.fn[fn], result;
  try { result = this.api[name].apply(this.api, args); } catch (e) { result = 'false'; }
  if (fn !== 'get' && String(result) !== 'true') { this.fail(name, args[0]); }
  return result;
};
LmsProto.fail = function (name, what) {
  var code = '?';
  try { code = this.api[this.a.fn.error](); } catch (e) { /* the error call failed too */ }
  this.failures++;
  if (window.console) { console.warn('[kurs] ' + name + '(' + (what || '') + ') failed, LMS error ' + code); }
  this.onFailure();
};
LmsProto.start = function () {
  // A refused Initialize is logged but not fatal: some LMSs refuse a second call yet keep the session usable,
  // and every later write is guarded anyway.
  this.call('init', ['']);
  this.open = true;
  return this;
};
LmsProto.get = function (el) {
  if (!this.open) { return ''; }
  var v = this.call('get', [el]);
  return v === null || v === undefined ? '' : String(v);
};
// Writes go through a queue that is worked off in later tasks, a few milliseconds at a time: the page is drawn and
// answers clicks before the LMS is asked anything, and against a slow LMS (every call blocks) it stays responsive
// between calls. Finish drains the queue at once.
LmsProto.setAll = function (pairs) {
  if (!this.open) { return; }
  for (var i = 0; i < pairs.length; i++) { this.queue.push([pairs[i][0], String(pairs[i][1])]); }
  this.schedule();
};
// A commit stores everything set before it, so one queued commit, moved to the end, serves every request.
LmsProto.commit = function () {
  if (!this.open) { return; }
  this.queue = this.queue.filter(function (job) { return job[0] !== null; });
  this.queue.push([null]);
  this.schedule();
};
LmsProto.schedule = function () {
  var self = this;
  document.documentElement.setAttribute('data-saving', '');
  if (!this.timer) { this.timer = setTimeout(function () { self.timer = null; self.pump(); }, 0); }
};
LmsProto.pump = function () {
  var began = Date.now();
  while (this.queue.length && (this.draining || Date.now() - began < 8)) {
    var job = this.queue.shift();
    if (job[0] === null) { this.call('commit', ['']); } else { this.call('set', job); }
  }
  if (this.queue.length) { this.schedule(); } else { document.documentElement.removeAttribute('data-saving'); }
};
LmsProto.drain = function () { this.draining = true; this.pump(); this.draining = false; };
LmsProto.finish = function () {
  if (!this.open) { return; }
  this.drain();
  this.open = false;
  this.call('finish', ['']);
};

// Standalone: the same 1.2 calls answered from localStorage, so the tracking model needs no second code path.
function LocalApi(key) {
  var data = {};
  try { data = JSON.parse(window.localStorage.getItem(key) || '{}') || {}; } catch (e) { data = {}; }
  function save() { try { window.localStorage.setItem(key, JSON.stringify(data)); } catch (e) { /* private mode */ } }
  var kept = /^cmi\.(core\.(lesson_status|lesson_location|score\.raw)|suspend_data)$/;
  this.LMSInitialize = function () { return 'true'; };
  this.LMSGetValue = function (el) {
    if (el === 'cmi.core.entry') { return data['cmi.suspend_data'] ? 'resume' : 'ab-initio'; }
    if (el === 'cmi.core.lesson_status') { return data[el] || 'not attempted'; }
    return data[el] || '';
  };
  this.LMSSetValue = function (el, v) { if (kept.test(el)) { data[el] = v; } return 'true'; };
  this.LMSCommit = function () { save(); return 'true'; };
  this.LMSFinish = function () { save(); return 'true'; };
  this.LMSGetLastError = function () { return '0'; };
}

function connectLms(storageKey) {
  var api2004 = findApi('API_1484_11');
  if (api2004) { return new Lms(api2004, SCORM2004).start(); }
  var api12 = findApi('API');
  if (api12) { return new Lms(api12, SCORM12).start(); }
  var local = new Lms(new LocalApi(storageKey), SCORM12).start();
  local.standalone = true;
  return local;
}
