// The test LMS: scorm-again's real API, wrapped so every call is recorded (with its error code) and so tests can
// inject the faults real LMSs show: a refused Initialize, failing SetValue for some elements, failing Commit,
// and slow calls. launch() opens the SCO the way Moodle does (iframe) or in a popup window.
(function () {
  var FNS = {
    '1.2': ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError',
      'LMSGetErrorString', 'LMSGetDiagnostic'],
    '2004': ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString',
      'GetDiagnostic']
  };
  var ERROR_FN = { '1.2': 'LMSGetLastError', '2004': 'GetLastError' };

  function busyWait(ms) { var end = Date.now() + ms; while (Date.now() < end) { /* a synchronous LMS is slow */ } }

  window.lmsCalls = [];

  window.launch = function (cfg) {
    var version = cfg.version;
    var settings = { logLevel: 4, autocommit: false };
    var api = version === '1.2' ? new window.Scorm12API(settings) : new window.Scorm2004API(settings);
    if (cfg.cmi) { api.loadFromFlattenedJSON(cfg.cmi); }
    window.lmsApi = api;
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
    frame.style.height = '700px';
    document.getElementById('frame-slot').appendChild(frame);
  };

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
