// Loads the learner runtime's model and adapters into a sandbox with just enough of a browser for them.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

function loadRuntime() {
  const dir = path.join(__dirname, '..', '..', 'builder', 'runtime');
  const html = { setAttribute() {}, removeAttribute() {} };
  const sandbox = {
    console, setTimeout, clearTimeout, Date, Math, JSON,
    document: { documentElement: html },
    localStorage: new Map(),
  };
  sandbox.window = sandbox;
  sandbox.parent = sandbox;
  vm.createContext(sandbox);
  for (const file of ['lms.js', 'tracking.js']) {
    vm.runInContext(fs.readFileSync(path.join(dir, file), 'utf8'), sandbox, { filename: file });
  }
  return sandbox;
}

// A minimal LMS API in the 1.2 or 2004 shape that keeps what it is given.
function memoryApi(version, initial = {}) {
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

function course({ lessons = 3, questions = 4, draw = questions, options = 3, version = '1.0.0', maxAttempts = 0 } = {}) {
  const ids = Array.from({ length: lessons }, (_, i) => `l${i}`);
  return {
    format: 1,
    course: { id: 'c', title: 'C', version, language: 'nb' },
    lessons: ids.map((id) => ({ id, title: id })),
    tracking: { passingScore: 80, completion: 'lessons-and-quiz', failedStatus: 'failed', maxAttempts },
    quiz: {
      id: 'quiz', title: 'Q', draw, shuffle: true,
      questions: Array.from({ length: questions }, (_, i) => ({
        id: `q${i}`, lesson: ids[i % lessons], type: 'multiple', text: `Q${i}`, explanation: '', sources: [],
        options: Array.from({ length: options }, (_, o) => ({ id: `o${o}`, text: `${o}`, correct: o === 0, feedback: '' })),
      })),
    },
    strings: {},
  };
}

module.exports = { loadRuntime, memoryApi, course };
