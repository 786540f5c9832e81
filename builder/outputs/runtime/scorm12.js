// The SCORM 1.2 runtime adapter: the tracking port's verbs (lms.js) in 1.2's API functions, element names and
// formats, and the localStorage stand-in that answers like a 1.2 LMS when the package is opened without one.
// Only this file and scorm2004.js name cmi elements (tests/runtime/port.test.mjs holds the rest of the runtime to it).
import { pad, timespan } from './lms.js';
import { typeOf } from './questions.js';

// 1.2 CMITimespan: HHHH:MM:SS.SS
export const timespan12 = (ms) => {
  const t = timespan(ms);
  return pad(t.h, 4) + ':' + pad(t.m) + ':' + pad(t.s) + '.' + pad(t.cs);
};

// 1.2 has one status; `st` is {completion, success} as the tracking model decided them.
const oneStatus = (st) => (st.success === 'passed' || st.success === 'failed' ? st.success : st.completion);

export const SCORM12 = {
  api: 'API',
  localApi,
  suspendLimit: 4096,
  fn: { init: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', finish: 'LMSFinish',
    error: 'LMSGetLastError' },
  el: { entry: 'cmi.core.entry', location: 'cmi.core.lesson_location', suspend: 'cmi.suspend_data',
    exit: 'cmi.core.exit', time: 'cmi.core.session_time', raw: 'cmi.core.score.raw', mode: 'cmi.core.lesson_mode',
    credit: 'cmi.core.credit', interactions: 'cmi.interactions._count', objectives: 'cmi.objectives._count' },
  objectiveId: (n) => 'cmi.objectives.' + n + '.id',
  exitValue: (finished) => (finished ? '' : 'suspend'),
  sessionTime: timespan12,
  readStatus(get) {
    const s = get('cmi.core.lesson_status');
    return { started: s !== 'not attempted' && s !== '', passed: s === 'passed', failed: s === 'failed',
      completed: s === 'completed' || s === 'passed' };
  },
  passingScore(get) { const m = parseFloat(get('cmi.student_data.mastery_score')); return isNaN(m) ? null : m; },
  statusValues: (st) => [['cmi.core.lesson_status', oneStatus(st)]],
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
    out.push([p + 'status', oneStatus(o)]);
    return out;
  }
};

// Standalone: the same 1.2 calls answered from localStorage under `key`, so the tracking model needs no second code
// path.
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
