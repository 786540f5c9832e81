// What the runtime's unit tests share: course data (the kurs-data JSON as render.course_data writes it; every
// export that builds it must fit builder/page_data.py's schema, tests/test_page_data.py), a memory LMS API, and the
// little of a browser that the modules touch (the write queue marks <html> while busy).
import { readFileSync } from 'node:fs';

globalThis.window = globalThis;
globalThis.document = { documentElement: { setAttribute() {}, removeAttribute() {} }, createElement: (tag) => new FakeElement(tag) };

// Just enough of an element for questions.js to build its inputs with dom.h() and read them back: attributes,
// children, and querySelectorAll for the two selectors it uses ('input:checked', '[data-item="x"] input:checked').
class FakeElement {
  constructor(tag) { this.tagName = tag.toUpperCase(); this.attributes = {}; this.children = []; this.textContent = ''; }
  setAttribute(k, v) { this.attributes[k] = String(v); }
  getAttribute(k) { return k in this.attributes ? this.attributes[k] : null; }
  get value() { return this.getAttribute('value'); }
  append(...nodes) { this.children.push(...nodes); }
  descendants() { return this.children.flatMap((c) => (c instanceof FakeElement ? [c, ...c.descendants()] : [])); }
  querySelectorAll(selector) {
    const m = /^(?:\[data-item="([^"]*)"\] )?input:checked$/.exec(selector);
    if (!m) { throw new Error('the fake DOM does not know ' + selector); }
    const roots = m[1] === undefined ? [this] : this.descendants().filter((e) => e.getAttribute('data-item') === m[1]);
    return roots.flatMap((r) => r.descendants()).filter((e) => e.tagName === 'INPUT' && e.getAttribute('checked') !== null);
  }
}

export const fixture = (name) => JSON.parse(readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8'));

export function course({ lessons = 3, questions = 4, draw = questions, options = 3, version = '1.0.0', maxAttempts = 0 } = {}) {
  const ids = Array.from({ length: lessons }, (_, i) => `l${i}`);
  return {
    format: 1,
    course: { id: 'c', title: 'C', version, language: 'nb' },
    lessons: ids.map((id) => ({ id, title: id })),
    tracking: { passingScore: 80, completion: 'lessons-and-quiz', failedStatus: 'failed', maxAttempts },
    quiz: {
      id: 'quiz', title: 'Q', draw, perLesson: 0, shuffle: true,
      questions: Array.from({ length: questions }, (_, i) => ({
        id: `q${i}`, lesson: ids[i % lessons], type: 'multiple', text: `Q${i}`, explanation: '', sources: [],
        options: Array.from({ length: options }, (_, o) => ({ id: `o${o}`, text: `${o}`, correct: o === 0, feedback: '' })),
      })),
    },
    strings: {},
  };
}

// Every question type in each of the first four lessons: single (3 options), multiple (12), true-false, sort.
export function mixedCourse({ lessons = 4, version = '2.0.0', perLesson = 1, draw = 6 } = {}) {
  const ids = Array.from({ length: lessons }, (_, i) => `l${i}`);
  const questions = [];
  ids.slice(0, 4).forEach((lesson, li) => {
    const base = { lesson, text: `Q${li}`, explanation: '', sources: [] };
    questions.push({ ...base, id: `s${li}`, type: 'single',
      options: ['a', 'b', 'c'].map((id, o) => ({ id, text: id, correct: o === 1, feedback: `f-${id}` })) });
    questions.push({ ...base, id: `m${li}`, type: 'multiple',
      options: Array.from({ length: 12 }, (_, o) => ({ id: `o${o}`, text: `${o}`, correct: o % 3 === 0, feedback: '' })) });
    questions.push({ ...base, id: `t${li}`, type: 'true-false', answer: li % 2 === 0, feedbackTrue: 'ft', feedbackFalse: '' });
    questions.push({ ...base, id: `x${li}`, type: 'sort',
      categories: [{ id: 'p', text: 'P' }, { id: 'q', text: 'Q' }, { id: 'r', text: 'R' }],
      items: [{ id: 'i1', text: '1', category: 'p' }, { id: 'i2', text: '2', category: 'r' }, { id: 'i3', text: '3', category: 'q' }] });
  });
  return {
    format: 1, course: { id: 'c', title: 'C', version, language: 'nb' },
    lessons: ids.map((id) => ({ id, title: id })),
    tracking: { passingScore: 80, completion: 'lessons-and-quiz', failedStatus: 'failed', maxAttempts: 3 },
    quiz: { id: 'quiz', title: 'Q', draw, perLesson, shuffle: true, questions },
    strings: {},
  };
}

// A minimal LMS API in the 1.2 or 2004 shape that keeps what it is given.
export function memoryApi(version, initial = {}) {
  const data = { ...initial };
  const api = { data, calls: 0 };
  const ok = () => { api.calls++; return 'true'; };
  const names = version === '1.2'
    ? ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish', 'LMSGetLastError']
    : ['Initialize', 'GetValue', 'SetValue', 'Commit', 'Terminate', 'GetLastError'];
  api[names[0]] = ok;
  api[names[1]] = (el) => (el in data ? data[el] : '');
  api[names[2]] = (el, v) => { data[el] = v; return ok(); };
  api[names[3]] = ok;
  api[names[4]] = ok;
  api[names[5]] = () => '0';
  return api;
}
