// The test LMS: scorm-again's real API, played the way Moodle 4.3 plays a SCORM activity (the rules in
// builder/preview/assets/moodle.js, which the preview plays too), and wrapped so every call is recorded (with its
// error code) and so tests can inject the faults real LMSs show: a refused Initialize, failing SetValue for some
// elements, failing Commit, and slow calls. launch() opens the SCO the way Moodle does (iframe) or in a popup window.
//
// What it keeps, like Moodle: each learner's data per LMS attempt, across launches (in this host's localStorage,
// so one browser context is one learner). What each standard's API looks like is builder/preview/assets/
// lms-standards.js, shared with the preview. The passing score is the harness's cfg.launch, which the targets registry
// reads from the package's manifest as the preview's does; scorm-again applies 1.2's mastery score override when the
// SCO finishes (Moodle's default).
(function () {
  var Standards = window.LmsStandards, Moodle = window.MoodleLms;

  function busyWait(ms) { var end = Date.now() + ms; while (Date.now() < end) { /* a synchronous LMS is slow */ } }

  function database(sco) {
    try { return JSON.parse(localStorage.getItem('lms:' + sco)) || { attempts: [] }; } catch (e) { return { attempts: [] }; }
  }

  window.lmsCalls = [];

  // cfg: version, sco; optional launch (what the LMS hands the SCO from the manifest: Site.launch_data), cmi
  // (replaces what the LMS holds for the current attempt, and is handed over as given, e.g. an explicit entry),
  // newAttempt (the learner ticks "Start a new attempt"), lmsAttempts (the activity's attempt limit, 0 = unlimited),
  // mode ('browse' for Moodle's preview), faults, popup, width, height.
  window.launch = function (cfg) {
    var version = cfg.version, db = database(cfg.sco);
    if (cfg.cmi) { db.attempts[Math.max(db.attempts.length - 1, 0)] = cfg.cmi; }
    var opened = Moodle.open(version, db.attempts, cfg), index = opened.index;
    var cmi = Object.assign(opened.cmi, cfg.launch || {}, cfg.cmi || {});
    localStorage.setItem('lms:' + cfg.sco, JSON.stringify(db));

    var settings = { logLevel: 4, autocommit: false };
    var standard = Standards.STANDARDS[version], fn = standard.fn, api = standard.make(settings);
    api.loadFromFlattenedJSON(cmi);
    window.lmsApi = api;
    // What the LMS stores when the SCO commits or finishes: the attempt's data, as Moodle keeps its tracks.
    function store() {
      db.attempts[index] = Moodle.kept(api.cmi);
      localStorage.setItem('lms:' + cfg.sco, JSON.stringify(db));
    }
    var faults = cfg.faults || {};
    var failSet = faults.failSet ? new RegExp(faults.failSet) : null;
    var wrapped = {}, injectedError = null;
    Standards.functions(version).forEach(function (name) {
      wrapped[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        if (faults.delayMs && name !== fn.lastError) { busyWait(faults.delayMs); }
        var result, injected = false;
        if (name === fn.initialize && faults.initFalse) {
          api[name].apply(api, args); result = 'false'; injected = true;
        } else if (name === fn.setValue && failSet && failSet.test(args[0])) {
          result = 'false'; injected = true;
        } else if (name === fn.commit && faults.commitFalse) {
          result = 'false'; injected = true;
        } else {
          result = api[name].apply(api, args);
        }
        if (name === fn.lastError) { return injectedError || result; }
        if (!Standards.asksForError(version, name)) {
          injectedError = injected ? '101' : null;
          window.lmsCalls.push({ fn: name, args: args, result: result, injected: injected,
            error: injected ? '101' : String(api[fn.lastError]()) });
        }
        if (Moodle.stores(version, name) && String(result) === 'true') { store(); }
        return result;
      };
    });
    Standards.install(version, faults.noApi ? null : wrapped); // noApi: standalone, no API at all
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

  // Every attempt the LMS holds for this package, oldest first, as element → value.
  window.lmsAttempts = function (sco) { return database(sco).attempts; };
  // What the LMS would store: scorm-again's data model, as plain JSON.
  window.lmsData = function () { return JSON.parse(JSON.stringify(window.lmsApi.cmi)); };
  // Read through the stored JSON, so write-only elements (exit, session_time, 1.2 interactions) can be checked.
  window.lmsGet = function (element) { return String(Standards.read(window.lmsData(), element)); };
  // Interactions are write-only for a 1.2 SCO, but the LMS keeps them: read its stored objects directly.
  window.lmsList = function (name) {
    return window.lmsApi.cmi[name].childArray.map(function (x) { return JSON.parse(JSON.stringify(x)); });
  };
  window.removeSco = function () {
    var frame = document.getElementById('sco');
    if (frame) { frame.parentNode.removeChild(frame); }
  };
})();
