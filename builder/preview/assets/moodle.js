// Moodle 4.3's rules for a SCORM activity (../shared/scorm-notes.md), in one place for both LMSs kursbygger plays:
// the preview's simulator and the test LMS of the browser tests and benchmarks. An author thus previews the Moodle
// the tests check. The rules: which attempt a launch opens, in which mode, what the LMS hands the SCO (entry, mode,
// credit), and what it keeps of a session (scorm-again's data model less what it works out anew at each launch).
(function () {
  'use strict';

  // Where each standard keeps status, exit, entry, mode and credit (lms-standards.js, loaded before this file).
  function elements(version) { return window.LmsStandards.STANDARDS[version].elements; }
  // What the LMS works out and hands the SCO on each launch, rather than keeping it from the last one.
  var GIVEN = /(\.(entry|lesson_mode|mode|credit|mastery_score|scaled_passing_score|total_time|session_time|_children|_count|_version)|^cmi\.(core\.)?(student|learner)_(id|name))$/;

  // An attempt is finished once its status is completed, passed or failed (2004: completion_status completed).
  function finished(version, record) {
    var status = record[elements(version).status] || '';
    return version === '1.2' ? /^(completed|passed|failed)$/.test(status) : status === 'completed';
  }

  // 1.2 starts ab-initio while the attempt has no status; 2004 whenever the last exit was not a suspend (so a
  // finished 2004 attempt reopens for review ab-initio, with its data).
  function entry(version, record) {
    var exit = record[elements(version).exit] || '';
    if (version === '1.2') { return !record[elements(version).status] ? 'ab-initio' : exit === 'suspend' ? 'resume' : ''; }
    return exit === '' || exit === 'normal' || exit === 'time-out' ? 'ab-initio'
      : exit === 'suspend' || exit === 'logout' ? 'resume' : '';
  }

  // scorm-again's data model as 'cmi.a.b' → value: what the LMS keeps, only what holds a value.
  function kept(node, prefix, out) {
    Object.keys(node).forEach(function (key) {
      var value = node[key], name = prefix + '.' + key;
      if (value !== null && typeof value === 'object') { kept(value, name, out); }
      else if (value !== '' && value !== undefined && !GIVEN.test(name)) { out[name] = String(value); }
    });
    return out;
  }

  // One launch. attempts: the learner's attempts, oldest first ('cmi.…' → value); a new one is appended when the
  // learner asks for it (options.newAttempt) after a finished attempt while the activity's limit
  // (options.lmsAttempts, 0 = none) allows, or when there is none yet. options.mode forces a mode ('browse' for
  // Moodle's preview). Returns the attempt's index, its mode, and the data to load into the API.
  function open(version, attempts, options) {
    var record = attempts[attempts.length - 1];
    var limitLeft = !options.lmsAttempts || attempts.length < options.lmsAttempts;
    if (!record || (finished(version, record) && options.newAttempt && limitLeft)) {
      record = {};
      attempts.push(record);
    }
    var el = elements(version), mode = options.mode || (finished(version, record) ? 'review' : 'normal');
    var cmi = {};
    Object.keys(record).forEach(function (key) { if (!GIVEN.test(key)) { cmi[key] = record[key]; } });
    cmi[el.entry] = entry(version, record);
    cmi[el.mode] = mode;
    cmi[el.credit] = mode === 'normal' ? 'credit' : 'no-credit';
    return { index: attempts.length - 1, mode: mode, cmi: cmi };
  }

  // The calls after which the LMS stores the session's data, when they succeed.
  function stores(version, name) {
    var fn = window.LmsStandards.STANDARDS[version].fn;
    return name === fn.commit || name === fn.terminate;
  }

  window.MoodleLms = { finished: finished, entry: entry, open: open,
    kept: function (cmi) { return kept(JSON.parse(JSON.stringify(cmi)), 'cmi', {}); }, stores: stores };
})();
