// The SCORM 2004 runtime adapter: the tracking port's verbs (lms.js) in 2004's API functions, element names and
// formats. Only this file and scorm12.js name cmi elements (tests/runtime/port.test.mjs holds the rest of the runtime
// to it).
import { pad, timespan } from './lms.js';
import { typeOf } from './questions.js';

// ISO 8601 duration, e.g. PT1H5M30.25S; PT0S for nothing.
export const duration2004 = (ms) => {
  const t = timespan(ms);
  return 'PT' + (t.h ? t.h + 'H' : '') + (t.m ? t.m + 'M' : '') + t.s + (t.cs ? '.' + pad(t.cs) : '') + 'S';
};

export const SCORM2004 = {
  api: 'API_1484_11',
  suspendLimit: 64000,
  fn: { init: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit', finish: 'Terminate',
    error: 'GetLastError' },
  el: { entry: 'cmi.entry', location: 'cmi.location', suspend: 'cmi.suspend_data', exit: 'cmi.exit',
    time: 'cmi.session_time', raw: 'cmi.score.raw', mode: 'cmi.mode', credit: 'cmi.credit',
    interactions: 'cmi.interactions._count', objectives: 'cmi.objectives._count' },
  objectiveId: (n) => 'cmi.objectives.' + n + '.id',
  exitValue: (finished) => (finished ? 'normal' : 'suspend'),
  sessionTime: duration2004,
  readStatus(get) {
    const c = get('cmi.completion_status'), s = get('cmi.success_status');
    return { started: c !== 'not attempted' && c !== 'unknown' && c !== '', passed: s === 'passed', failed: s === 'failed',
      completed: c === 'completed' };
  },
  // A percent, as the course's own passing score is, rounded to a millionth of one: 0.55 * 100 is 55.00000000000001 in
  // floating point, which a score of 55 would not reach.
  passingScore(get) { const m = parseFloat(get('cmi.scaled_passing_score')); return isNaN(m) ? null : Math.round(m * 1e8) / 1e6; },
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
