// The test LMS: scorm-again's real API, played the way Moodle 4.3 plays a SCORM activity (the rules in
// builder/preview/assets/moodle.js, which the preview plays too), and wrapped so every call is recorded (with its
// error code) and so tests can inject the faults real LMSs show: a refused Initialize, failing SetValue for some
// elements, failing Commit, and slow calls. launch() opens the SCO the way Moodle does (iframe) or in a popup window.
//
// What it keeps, like Moodle: each learner's data per LMS attempt, across launches (in this host's localStorage,
// so one browser context is one learner). The passing score comes from the package's manifest, and scorm-again
// applies 1.2's mastery score override when the SCO finishes (Moodle's default).
(function () {
  var FNS = window.MoodleLms.FUNCTIONS;
  var ERROR_FN = { '1.2': 'LMSGetLastError', '2004': 'GetLastError' };

  function busyWait(ms) { var end = Date.now() + ms; while (Date.now() < end) { /* a synchronous LMS is slow */ } }

  function database(sco) {
    try { return JSON.parse(localStorage.getItem('lms:' + sco)) || { attempts: [] }; } catch (e) { return { attempts: [] }; }
  }

  // The passing score the package declares, which Moodle hands the SCO. Read synchronously, as Moodle has it in
  // the page already, so launch() stays one synchronous step for the tests and the benchmarks.
  function passingScore(version, sco) {
    var request = new XMLHttpRequest();
    request.open('GET', sco.replace(/[^/]*$/, 'imsmanifest.xml'), false);
    request.send();
    var xml = request.status === 200 && request.responseXML;
    if (!xml) { return {}; }
    if (version === '1.2') {
      var mastery = xml.getElementsByTagNameNS('*', 'masteryscore')[0];
      return mastery ? { 'cmi.student_data.mastery_score': mastery.textContent.trim() } : {};
    }
    var primary = xml.getElementsByTagNameNS('*', 'primaryObjective')[0];
    var measure = primary && primary.getAttribute('satisfiedByMeasure') === 'true' &&
      primary.getElementsByTagNameNS('*', 'minNormalizedMeasure')[0];
    return measure ? { 'cmi.scaled_passing_score': measure.textContent.trim() } : {};
  }

  window.lmsCalls = [];

  // cfg: version, sco; optional cmi (replaces what the LMS holds for the current attempt, and is handed over as
  // given, e.g. an explicit entry), newAttempt (the learner ticks "Start a new attempt"), lmsAttempts (the
  // activity's attempt limit, 0 = unlimited), mode ('browse' for Moodle's preview), faults, popup, width, height.
  window.launch = function (cfg) {
    var version = cfg.version, db = database(cfg.sco);
    if (cfg.cmi) { db.attempts[Math.max(db.attempts.length - 1, 0)] = cfg.cmi; }
    var opened = window.MoodleLms.open(version, db.attempts, cfg), index = opened.index;
    var cmi = Object.assign(opened.cmi, passingScore(version, cfg.sco), cfg.cmi || {});
    localStorage.setItem('lms:' + cfg.sco, JSON.stringify(db));

    var settings = { logLevel: 4, autocommit: false };
    var api = version === '1.2' ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
    api.loadFromFlattenedJSON(cmi);
    window.lmsApi = api;
    // What the LMS stores when the SCO commits or finishes: the attempt's data, as Moodle keeps its tracks.
    function store() {
      db.attempts[index] = window.MoodleLms.kept(api.cmi);
      localStorage.setItem('lms:' + cfg.sco, JSON.stringify(db));
    }
    var faults = cfg.faults || {};
    var failSet = faults.failSet ? new RegExp(faults.failSet) : null;
    var wrapped = {}, injectedError = null;
    FNS[version].forEach(function (name) {
      wrapped[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        if (faults.delayMs && name !== ERROR_FN[version]) { busyWait(faults.delayMs); }
        var result, injected = false;
        if ((name === 'LMSInitialize' || name === 'Initialize') && faults.initFalse) {
          api[name].apply(api, args); result = 'false'; injected = true;
        } else if ((name === 'LMSSetValue' || name === 'SetValue') && failSet && failSet.test(args[0])) {
          result = 'false'; injected = true;
        } else if ((name === 'LMSCommit' || name === 'Commit') && faults.commitFalse) {
          result = 'false'; injected = true;
        } else {
          result = api[name].apply(api, args);
        }
        if (name === ERROR_FN[version]) { return injectedError || result; }
        if (name.indexOf('Error') < 0 && name.indexOf('Diagnostic') < 0) {
          injectedError = injected ? '101' : null;
          window.lmsCalls.push({ fn: name, args: args, result: result, injected: injected,
            error: injected ? '101' : String(api[ERROR_FN[version]]()) });
        }
        if (window.MoodleLms.stores(name) && String(result) === 'true') { store(); }
        return result;
      };
    });
    if (faults.noApi) { /* standalone: no API at all */ }
    else if (version === '1.2') { window.API = wrapped; } else { window.API_1484_11 = wrapped; }
    if (cfg.popup) {
      window.scoWindow = window.open(cfg.sco, 'sco', 'width=900,height=700');
      return;
    }
    var frame = document.createElement('iframe');
    frame.id = 'sco';
    frame.title = 'Course';
    frame.src = cfg.sco;
    frame.style.width = (cfg.width || 1024) + 'px';
    frame.style.height = (cfg.height || 700) + 'px';
    document.getElementById('frame-slot').appendChild(frame);
  };

  // Every attempt the LMS holds for this package, oldest first, as 'cmi.…' → value.
  window.lmsAttempts = function (sco) { return database(sco).attempts; };
  // What the LMS would store: scorm-again's data model, as plain JSON.
  window.lmsData = function () { return JSON.parse(JSON.stringify(window.lmsApi.cmi)); };
  // Read through the stored JSON, so write-only elements (exit, session_time, 1.2 interactions) can be checked.
  window.lmsGet = function (element) {
    var node = window.lmsData();
    element.split('.').slice(1).forEach(function (part) {
      node = node === undefined || node === null ? node : node[part];
    });
    return node === undefined || node === null ? '' : String(node);
  };
  // Interactions are write-only for a 1.2 SCO, but the LMS keeps them: read its stored objects directly.
  window.lmsList = function (name) {
    return window.lmsApi.cmi[name].childArray.map(function (x) { return JSON.parse(JSON.stringify(x)); });
  };
  window.removeSco = function () {
    var frame = document.getElementById('sco');
    if (frame) { frame.parentNode.removeChild(frame); }
  };
})();
