// What the LMS side of each output standard looks like, in one place for both LMSs kursbygger plays (the preview's
// simulator and tools/testlms): the object on the LMS's window, scorm-again's API for it, the API's functions, and
// where the data model keeps what the LMSs read or show. Keyed by the target ids of builder/outputs/targets.py, whose
// `api` each entry repeats (tests/test_simulators.py holds them together); what the LMS hands the SCO from the
// manifest at launch comes from that registry too, through the Python side.
(function () {
  'use strict';

  var STANDARDS = {
    '1.2': {
      api: 'API',
      make: function (settings) { return new window.Scorm12API(settings); },
      fn: { initialize: 'LMSInitialize', terminate: 'LMSFinish', getValue: 'LMSGetValue', setValue: 'LMSSetValue',
        commit: 'LMSCommit', lastError: 'LMSGetLastError', errorString: 'LMSGetErrorString',
        diagnostic: 'LMSGetDiagnostic' },
      elements: { status: 'cmi.core.lesson_status', exit: 'cmi.core.exit', entry: 'cmi.core.entry',
        mode: 'cmi.core.lesson_mode', credit: 'cmi.core.credit', location: 'cmi.core.lesson_location',
        score: 'cmi.core.score', learnerId: 'cmi.core.student_id', learnerName: 'cmi.core.student_name' },
      // What a person reads as the status: the whole attempt's, and an objective's (relative to the objective).
      shownStatus: ['cmi.core.lesson_status'],
      objectiveStatus: ['status'],
      response: 'student_response'
    },
    '2004': {
      api: 'API_1484_11',
      make: function (settings) { return new window.Scorm2004API(settings); },
      fn: { initialize: 'Initialize', terminate: 'Terminate', getValue: 'GetValue', setValue: 'SetValue',
        commit: 'Commit', lastError: 'GetLastError', errorString: 'GetErrorString', diagnostic: 'GetDiagnostic' },
      elements: { status: 'cmi.completion_status', exit: 'cmi.exit', entry: 'cmi.entry', mode: 'cmi.mode',
        credit: 'cmi.credit', location: 'cmi.location', score: 'cmi.score', learnerId: 'cmi.learner_id',
        learnerName: 'cmi.learner_name' },
      shownStatus: ['cmi.completion_status', 'cmi.success_status'],
      objectiveStatus: ['completion_status', 'success_status'],
      response: 'learner_response'
    }
  };

  // The API's functions by name, in the order the standard lists them.
  function functions(version) {
    var fn = STANDARDS[version].fn;
    return Object.keys(fn).map(function (key) { return fn[key]; });
  }

  // The error functions report on the call before them; they have no error code of their own.
  function asksForError(version, name) {
    var fn = STANDARDS[version].fn;
    return name === fn.lastError || name === fn.errorString || name === fn.diagnostic;
  }

  // A value in scorm-again's data model as plain JSON: an element ('cmi.a.b' → cmi.a.b) or, given the objective or
  // interaction itself, a path inside it ('status' → o.status); '' when it holds none.
  function read(node, path) {
    path.replace(/^cmi\./, '').split('.').forEach(function (part) {
      node = node === undefined || node === null ? node : node[part];
    });
    return node === undefined || node === null ? '' : node;
  }

  // Puts `wrapped` on the window as the LMS's API for `version`, and no other standard's API beside it (null: none).
  function install(version, wrapped) {
    Object.keys(STANDARDS).forEach(function (other) { delete window[STANDARDS[other].api]; });
    if (wrapped) { window[STANDARDS[version].api] = wrapped; }
  }

  window.LmsStandards = { STANDARDS: STANDARDS, versions: function () { return Object.keys(STANDARDS); },
    functions: functions, asksForError: asksForError, read: read, install: install };
})();
