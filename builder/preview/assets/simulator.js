// The preview's LMS simulator: scorm-again's real runtime as the LMS, played by Moodle 4.3's rules (moodle.js, the
// test LMS's rules too), the course in a frame, and a panel that shows what the LMS holds. Between sessions it keeps
// each LMS attempt as Moodle does, in localStorage, so a rebuild relaunches the course where the author was.
(function () {
  'use strict';

  // Each standard's LMS side (lms-standards.js) and Moodle's rules (moodle.js): the assets the test LMS plays too.
  var Standards = window.LmsStandards, Moodle = window.MoodleLms;
  // Who the LMS says the learner is.
  var LEARNER = { learnerId: 'preview', learnerName: 'Preview, Author' };
  var LOG_SHOWN = 300;
  // The panel's words in the CLI's language, put into the page by the server (builder/words/, preview.panel).
  var WORDS = JSON.parse(document.getElementById('preview-words').textContent);
  function t(key, params) {
    return WORDS[key].replace(/\{(\w+)\}/g, function (all, name) { return String(params[name]); });
  }

  var $ = function (id) { return document.getElementById(id); };
  var params = new URLSearchParams(window.location.search);
  var app = {
    // The server marks the default target as the chosen option.
    version: Standards.STANDARDS[params.get('scorm')] ? params.get('scorm') : $('version').value,
    narrow: params.get('width') === 'phone',
    build: null, server: null, course: null, launch: {}, session: null, renderQueued: false
  };

  // --- what the LMS keeps for this learner, per course and SCORM version -------------------------------------

  function recordKey() { return 'kursbygger-preview:' + app.course.id + ':' + app.version; }

  // { attempts: [ element → value, … ] }, oldest first, as moodle.js keeps them.
  function loadRecord() {
    var stored = null;
    try { stored = JSON.parse(window.localStorage.getItem(recordKey())); } catch (e) { /* none or unreadable */ }
    return stored && Array.isArray(stored.attempts) ? stored : { attempts: [] };
  }

  function saveRecord(record) {
    try { window.localStorage.setItem(recordKey(), JSON.stringify(record)); } catch (e) { /* storage full */ }
  }

  function plain(cmi) { return JSON.parse(JSON.stringify(cmi)); }

  // --- one LMS session: a fresh scorm-again API and the course in a new frame ----------------------------------

  // options: newAttempt (ask Moodle for a new attempt), mode ('review' from the panel's button).
  function launch(options) {
    endSession();
    var v = Standards.STANDARDS[app.version], record = loadRecord();
    var opened = Moodle.open(app.version, record.attempts, options || {});
    saveRecord(record);
    var cmi = Object.assign(opened.cmi, app.launch[app.version] || {});
    Object.keys(LEARNER).forEach(function (key) { cmi[v.elements[key]] = LEARNER[key]; });
    var api = v.make({ logLevel: 5, autocommit: false });
    api.loadFromFlattenedJSON(cmi);
    var review = opened.mode !== 'normal';
    var session = { api: api, version: app.version, review: review, calls: [], started: Date.now(),
      attempt: opened.index + 1 };
    var wrapped = {};
    Standards.functions(app.version).forEach(function (name) {
      wrapped[name] = function () {
        var args = Array.prototype.slice.call(arguments), result = api[name].apply(api, args);
        var code = Standards.asksForError(app.version, name) ? null : String(api[v.fn.lastError]());
        session.calls.push({ ms: Date.now() - session.started, fn: name, args: args, result: String(result),
          error: code });
        if (!review && code === '0' && Moodle.stores(app.version, name)) {
          record.attempts[opened.index] = Moodle.kept(api.cmi);
          saveRecord(record);
        }
        queueRender();
        return result;
      };
    });
    Standards.install(app.version, wrapped);
    app.session = session;
    var frame = document.createElement('iframe');
    frame.id = 'sco';
    frame.title = app.course.title;
    frame.src = '/sco/' + app.version + '/index.html';
    $('frame-slot').replaceChildren(frame);
    queueRender();
  }

  // Removing the frame fires the course's pagehide, so it finishes its session as when an LMS page unloads.
  function endSession() {
    var frame = $('sco');
    if (frame) { frame.remove(); }
    app.session = null;
  }

  function newAttempt() {
    endSession(); // the course finishes into the old attempt first
    var before = loadRecord().attempts.length;
    launch({ newAttempt: true });
    say(app.session.attempt > before ? t('new_attempt_started', { n: app.session.attempt }) : t('attempt_goes_on'));
  }

  function resetLearner() {
    endSession();
    Standards.versions().forEach(function (version) {
      try { window.localStorage.removeItem('kursbygger-preview:' + app.course.id + ':' + version); } catch (e) { /* */ }
    });
    launch();
    say(t('reset_done'));
  }

  // --- news from the server: a new build, or problems in the sources -------------------------------------------

  function onNews(news) {
    showProblems(news.error);
    if (!news.build) { return; }
    if (news.build === app.build && news.server === app.server) { return; }
    var first = app.build === null;
    app.build = news.build; app.server = news.server; app.course = news.course; app.launch = news.launch;
    $('course-title').textContent = '– ' + news.course.title;
    document.title = news.course.title + ' – ' + t('title');
    launch(app.session && app.session.review ? { mode: 'review' } : {});
    if (!first) { say(t('rebuilt', { ms: news.ms })); }
  }

  function showProblems(text) {
    $('problems').hidden = !text;
    $('problem-text').textContent = text || '';
    if (text && $('waiting')) { $('waiting').textContent = t('no_build'); }
  }

  function say(text) { $('news').textContent = text; }

  // --- the inspector --------------------------------------------------------------------------------------------

  function queueRender() {
    if (app.renderQueued) { return; }
    app.renderQueued = true;
    window.setTimeout(function () { app.renderQueued = false; render(); }, 50);
  }

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }

  function rows(id, list) {
    $(id).tBodies[0].replaceChildren.apply($(id).tBodies[0], list.map(function (cells) {
      var tr = el('tr');
      cells.forEach(function (cell) { tr.appendChild(el('td', cell)); });
      return tr;
    }));
  }

  function indexed(node) {
    return Object.keys(node || {}).sort(function (a, b) { return a - b; }).map(function (k) { return node[k]; });
  }

  function render() {
    var session = app.session;
    if (!session) { return; }
    var v = Standards.STANDARDS[session.version], cmi = plain(session.api.cmi);
    function get(key) { return Standards.read(cmi, v.elements[key]); }
    function joined(node, paths) { return paths.map(function (p) { return Standards.read(node, p); }).join(' / '); }
    var score = get('score');
    // [data-lms name, label, value]; the name stays English so tests and scripts do not depend on the wording.
    var summary = [
      ['scorm', 'SCORM', session.version], ['lms-attempt', t('attempt'), String(session.attempt)],
      ['mode', t('mode'), get('mode') + ' (' + get('credit') + ')' + (session.review ? ' – ' + t('not_kept') : '')],
      ['entry', t('entry'), get('entry') || '""'], ['status', t('status'), joined(cmi, v.shownStatus)],
      ['score', t('score'), score.raw === '' ? '–' : score.raw + ' (' + score.min + '–' + score.max + ')' +
        (score.scaled !== undefined && score.scaled !== '' ? ', ' + t('scaled', { value: score.scaled }) : '')],
      ['location', t('location'), get('location') || '–'], ['exit', t('exit'), get('exit') || '""']
    ];
    $('summary').replaceChildren.apply($('summary'), summary.reduce(function (out, row) {
      var dt = el('dt', row[1]), dd = el('dd', row[2]);
      dd.setAttribute('data-lms', row[0]);
      return out.concat([dt, dd]);
    }, []));
    var suspend = cmi.suspend_data;
    try { suspend = suspend ? JSON.stringify(JSON.parse(suspend), null, 1) : t('empty'); } catch (e) { /* raw */ }
    $('suspend').textContent = suspend;
    rows('interactions', indexed(cmi.interactions).map(function (x, i) {
      var right = indexed(x.correct_responses).map(function (c) { return c.pattern; }).join(' | ');
      return [String(i), x.id, x.type, x[v.response], right, x.result];
    }));
    rows('objectives', indexed(cmi.objectives).map(function (o) {
      var status = joined(o, v.objectiveStatus);
      return [o.id, status, o.score && o.score.raw !== '' ? String(o.score.raw) : '–'];
    }));
    var shown = session.calls.slice(-LOG_SHOWN);
    $('log-count').textContent = '(' + (shown.length < session.calls.length ?
      t('last_shown', { n: session.calls.length, shown: LOG_SHOWN }) : session.calls.length) + ')';
    $('log').replaceChildren.apply($('log'), shown.map(function (c) {
      var args = c.args.map(function (a) { return JSON.stringify(String(a).slice(0, 200)); }).join(', ');
      var failed = c.error !== null && c.error !== '0';
      return el('li', c.ms + ' ms  ' + c.fn + '(' + args + ') → ' + JSON.stringify(c.result) +
        (failed ? '  ' + t('call_error', { code: c.error }) : ''), failed ? 'failed' : '');
    }));
  }

  // --- wiring --------------------------------------------------------------------------------------------------

  function setNarrow(narrow) {
    app.narrow = narrow;
    $('frame-slot').classList.toggle('narrow', narrow);
    $('narrow').setAttribute('aria-pressed', String(narrow));
  }

  function whenBuilt(action) {
    return function () { if (app.course) { action(); } };
  }

  $('version').value = app.version;
  $('version').addEventListener('change', whenBuilt(function () {
    endSession();
    app.version = $('version').value;
    params.set('scorm', app.version);
    window.history.replaceState(null, '', '?' + params.toString());
    launch();
    say(t('switched', { version: app.version }));
  }));
  $('relaunch').addEventListener('click', whenBuilt(function () { launch(); say(t('relaunched')); }));
  $('review').addEventListener('click', whenBuilt(function () {
    launch({ mode: 'review' });
    say(t('review_started'));
  }));
  $('new-attempt').addEventListener('click', whenBuilt(newAttempt));
  $('reset').addEventListener('click', whenBuilt(resetLearner));
  $('narrow').addEventListener('click', function () { setNarrow(!app.narrow); });
  $('hide-problems').addEventListener('click', function () { $('problems').hidden = true; });
  setNarrow(app.narrow);

  var events = new window.EventSource('/_preview/events');
  events.onmessage = function (message) { onNews(JSON.parse(message.data)); };
  events.onerror = function () { say(t('server_gone')); };
})();
