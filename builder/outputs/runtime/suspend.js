// The one place that knows suspend_data's format. The tracker keeps a readable state:
//   {visited: [bool per lesson], attempts: quiz attempts submitted, best: best score or -1, passed: bool,
//    current: {seed, answers: [response or null per drawn question]} | null   (the attempt in progress)
//    last: {seed, answers (null: not kept), score} | null}                    (the last submitted attempt)
// and this module turns it into compact JSON and back. The stored format is fixed (saved attempts of every
// earlier package must resume):
//   {"f":1,"cv":course version,"v":"0110" (visited bits),"n":attempts,"b":best,"p":0|1,
//    "c":{"s":seed,"a":[answer codes]}|null,"r":{"s":seed,"a":[answer codes],"sc":score}|null}
// Answer codes come from the question types (questions.js); '' is unanswered.
import { layout } from './draw.js';
import { typeOf } from './questions.js';

export const freshState = (data) => ({
  visited: data.lessons.map(() => false), attempts: 0, best: -1, passed: false, current: null, last: null
});

const count = (x) => (typeof x === 'number' && isFinite(x) && x >= 0 ? Math.floor(x) : null);

// Anything unreadable, foreign or from another course version starts cleanly instead of crashing.
export function decodeSuspend(text, data) {
  const state = freshState(data);
  let raw;
  try { raw = JSON.parse(text); } catch (e) { return state; } // also a first visit's ''
  if (!raw || typeof raw !== 'object' || raw.f !== 1) { return state; }
  state.attempts = count(raw.n) || 0;
  state.passed = raw.p === 1;
  state.best = count(raw.b) !== null && raw.b <= 100 ? Math.floor(raw.b) : -1;
  if (raw.cv !== data.course.version) { return state; } // lessons and questions may have changed: keep results only
  if (typeof raw.v === 'string' && raw.v.length === state.visited.length && /^[01]*$/.test(raw.v)) {
    state.visited = raw.v.split('').map((bit) => bit === '1');
  }
  state.current = decodeAttempt(raw.c, data.quiz);
  const last = decodeAttempt(raw.r, data.quiz);
  if (last && count(raw.r.sc) !== null) {
    // No codes at all: the answers were given up to fit the LMS's limit. The score stands; the answers are unknown,
    // not unanswered, so the result page must not mark each question wrong.
    if (!raw.r.a.length) { last.answers = null; }
    last.score = raw.r.sc; state.last = last;
  }
  return state;
}

// An attempt's answers are checked against the questions its seed draws; an invalid answer becomes unanswered.
function decodeAttempt(x, quiz) {
  if (!quiz || !x || typeof x !== 'object' || !Number.isInteger(x.s) || !Array.isArray(x.a)) { return null; }
  return {
    seed: x.s,
    answers: layout(quiz, x.s).map((item, i) => (typeof x.a[i] === 'string' ? typeOf(item.q).decode(item.q, x.a[i]) : null))
  };
}

const codes = (attempt, quiz) => layout(quiz, attempt.seed).map((item, i) => {
  const r = attempt.answers[i];
  return r ? typeOf(item.q).code(item.q, r) : '';
});

// Within `limit` characters (1.2 allows 4096), giving up the least valuable detail first: the last attempt's
// answers, then the current attempt's, then both attempts, and at the very last the lessons read.
export function encodeSuspend(state, data, limit) {
  const c = state.current, r = state.last, quiz = data.quiz;
  const out = { f: 1, cv: data.course.version, v: state.visited.map((seen) => (seen ? 1 : 0)).join(''), n: state.attempts,
    b: state.best, p: state.passed ? 1 : 0, c: c && { s: c.seed, a: codes(c, quiz) }, r: r && { s: r.seed, a: r.answers ? codes(r, quiz) : [], sc: r.score } };
  let text = JSON.stringify(out);
  const giveUp = [
    () => { out.r = r && { s: r.seed, a: [], sc: r.score }; },
    () => { out.c = c && { s: c.seed, a: [] }; },
    () => { out.r = out.c = null; },
    () => { out.cv = out.v = ''; delete out.c; delete out.r; }
  ];
  for (let i = 0; text.length > limit && i < giveUp.length; i++) { giveUp[i](); text = JSON.stringify(out); }
  return text;
}
