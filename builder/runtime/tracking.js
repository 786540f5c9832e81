// The tracking model: what the learner has visited, answered and scored, the course's completion rule, and the
// compact suspend_data that lets a learner resume. It talks to the LMS only through an Lms (lms.js), whichever
// SCORM version that is, so every rule here is written once.

// Mulberry32: a tiny seeded generator, so a resumed attempt rebuilds the same draw and option order.
function prng(seed) {
  return function () {
    seed = seed + 0x6D2B79F5 | 0;
    var t = Math.imul(seed ^ seed >>> 15, 1 | seed);
    t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}

function range(n) { var a = []; for (var i = 0; i < n; i++) { a.push(i); } return a; }

function shuffled(list, rnd) {
  var a = list.slice();
  for (var i = a.length - 1; i > 0; i--) { var j = Math.floor(rnd() * (i + 1)), t = a[i]; a[i] = a[j]; a[j] = t; }
  return a;
}

// An attempt's questions and option order, derived from its seed alone. The first perLesson questions of each
// lesson in the shuffled pool rank before all others, so every attempt tests every lesson; the rest of the draw
// comes from the remaining pool. Without perLesson this is the plain first `draw` of the shuffled pool.
function layout(quiz, seed) {
  var rnd = prng(seed), pool = shuffled(range(quiz.questions.length), rnd), seen = {};
  var rank = pool.map(function (index) {
    var lesson = quiz.questions[index].lesson;
    seen[lesson] = (seen[lesson] || 0) + 1;
    return seen[lesson] > (quiz.perLesson || 0);
  });
  var byPosition = function (a, b) { return a - b; };
  var picked = range(pool.length).sort(function (a, b) { return rank[a] - rank[b] || a - b; }).slice(0, quiz.draw)
    .sort(byPosition).map(function (position) { return pool[position]; }); // back in the shuffled order
  if (!quiz.shuffle) { picked.sort(byPosition); }
  return picked.map(function (index) {
    var q = quiz.questions[index], n = (q.options || []).length;
    return { q: q, order: quiz.shuffle ? shuffled(range(n), rnd) : range(n) };
  });
}

// Responses are kept as short strings in suspend_data: option indexes in source order as base-36 digits,
// 't'/'f', or one category digit per sort item ('-' = not placed). '' means unanswered.
function decodeResponse(q, code) {
  code = code || '';
  if (q.type === 'true-false') { return code === 't' || code === 'f' ? { value: code === 't' } : null; }
  if (q.type === 'sort') {
    if (code.length !== q.items.length || /[^0-9]/.test(code)) { return null; }
    var placed = code.split('').map(Number);
    return placed.every(function (c) { return c < q.categories.length; }) ? { placed: placed } : null;
  }
  var options = code.split('').map(function (c) { return parseInt(c, 36); });
  var valid = options.length > 0 && options.every(function (i) { return i >= 0 && i < q.options.length; });
  return valid && (q.type === 'multiple' || options.length === 1) ? { options: options.sort(function (a, b) { return a - b; }) } : null;
}

function encodeResponse(q, r) {
  if (!r) { return ''; }
  if (q.type === 'true-false') { return r.value ? 't' : 'f'; }
  if (q.type === 'sort') { return r.placed.join(''); }
  return r.options.map(function (i) { return i.toString(36); }).join('');
}

function correctResponse(q) {
  if (q.type === 'true-false') { return { value: q.answer }; }
  if (q.type === 'sort') {
    var ids = q.categories.map(function (c) { return c.id; });
    return { placed: q.items.map(function (item) { return ids.indexOf(item.category); }) };
  }
  return { options: q.options.map(function (o, i) { return o.correct ? i : -1; }).filter(function (i) { return i >= 0; }) };
}

function isRight(q, r) { return !!r && encodeResponse(q, r) === encodeResponse(q, correctResponse(q)); }

function Tracker(data, lms) {
  this.d = data; this.lms = lms; this.a = lms.a; this.quiz = data.quiz; this.rule = data.tracking;
  this.started = Date.now(); this.done = false; this.changed = {}; this.timer = null;
}

// Methods through one short name: the bundle repeats it for each of them.
var TrackerProto = Tracker.prototype;

TrackerProto.fresh = function () {
  return { v: this.d.lessons.map(function () { return '0'; }).join(''), n: 0, b: -1, p: 0, c: null, r: null };
};

// Anything unreadable, foreign or from another course version starts cleanly instead of crashing.
TrackerProto.decode = function (text) {
  var s = this.fresh(), raw;
  if (!text) { return s; } // a first visit
  try { raw = JSON.parse(text); } catch (e) { return s; }
  if (!raw || typeof raw !== 'object' || raw.f !== 1) { return s; }
  var num = function (x, low) { return typeof x === 'number' && isFinite(x) && x >= low ? Math.floor(x) : null; };
  s.n = num(raw.n, 0) || 0; s.p = raw.p === 1 ? 1 : 0;
  s.b = num(raw.b, 0) !== null && raw.b <= 100 ? Math.floor(raw.b) : -1;
  if (raw.cv !== this.d.course.version) { return s; } // lessons and questions may have changed: keep results only
  if (typeof raw.v === 'string' && raw.v.length === s.v.length && /^[01]*$/.test(raw.v)) { s.v = raw.v; }
  s.c = this.validAttempt(raw.c); s.r = this.validAttempt(raw.r);
  if (s.r && num(raw.r.sc, 0) !== null) { s.r.sc = raw.r.sc; } else { s.r = null; }
  return s;
};

TrackerProto.validAttempt = function (x) {
  if (!this.quiz || !x || typeof x !== 'object' || num32(x.s) === null || !Array.isArray(x.a)) { return null; }
  var items = layout(this.quiz, x.s);
  var answers = items.map(function (item, i) {
    return typeof x.a[i] === 'string' && decodeResponse(item.q, x.a[i]) ? x.a[i] : '';
  });
  return { s: x.s, a: answers };
};

function num32(x) { return typeof x === 'number' && isFinite(x) && Math.floor(x) === x ? x : null; }

// Longest first, least valuable detail dropped first: review answers, then mid-quiz answers.
TrackerProto.encode = function () {
  var s = this.s, limit = this.a.suspendLimit;
  var out = { f: 1, cv: this.d.course.version, v: s.v, n: s.n, b: s.b, p: s.p, c: s.c, r: s.r };
  var text = JSON.stringify(out);
  if (text.length > limit && out.r) { out.r = { s: s.r.s, a: [], sc: s.r.sc }; text = JSON.stringify(out); }
  if (text.length > limit && out.c) { out.c = { s: s.c.s, a: [] }; text = JSON.stringify(out); }
  if (text.length > limit) { out.r = null; out.c = null; text = JSON.stringify(out); }
  return text.length > limit ? JSON.stringify({ f: 1, cv: '', v: '', n: s.n, b: s.b, p: s.p }) : text;
};

TrackerProto.start = function () {
  var lms = this.lms, a = this.a, get = lms.get.bind(lms);
  // Entry and status first: a new attempt has nothing stored to read (a 2004 LMS answers 403 for what it never
  // set). Moodle also says ab-initio when a finished 2004 attempt reopens for review; its status tells them apart.
  // In review, browse or no-credit the LMS keeps nothing, so nothing is written.
  var entry = get(a.el.entry), mode = get(a.el.mode);
  this.readonly = mode === 'review' || mode === 'browse' || get(a.el.credit) === 'no-credit';
  var status = this.recorded = a.readStatus(get), fresh = entry === 'ab-initio' && !status.started;
  this.s = fresh ? this.fresh() : this.decode(get(a.el.suspend));
  this.location = fresh ? '' : get(a.el.location);
  if (status.passed) { this.s.p = 1; } // the LMS's word beats ours: a passed learner stays passed
  // A score comes only with a final status (see report), so only then is there one to read.
  status.score = status.passed || status.failed ? get(a.el.raw) : '';
  // The manifest gives the LMS a passing score only when the quiz decides the status.
  var lmsPassing = this.decides() ? a.passingScore(get) : null;
  this.passing = lmsPassing !== null ? lmsPassing : this.rule.passingScore;
  // Counted here, not re-read later: writes may still be queued when the next attempt is submitted.
  this.interactions = parseInt(get('cmi.interactions._count'), 10) || 0;
  this.objectives = {};
  this.objectiveCount = parseInt(get('cmi.objectives._count'), 10) || 0;
  for (var i = 0; i < this.objectiveCount; i++) { this.objectives[get('cmi.objectives.' + i + '.id')] = i; }
  if (this.readonly) { return this; }
  if (!status.started) { this.write(a.statusValues({ completion: 'incomplete', success: 'unknown' })); }
  this.write([[a.el.exit, a.exitValue(false)]]);
  this.lms.commit();
  return this;
};

TrackerProto.decides = function () { return !!this.quiz && this.rule.completion !== 'lessons'; };

TrackerProto.write = function (pairs) { if (!this.readonly && !this.done) { this.lms.setAll(pairs); } };

TrackerProto.save = function () {
  clearTimeout(this.timer); this.timer = null;
  if (this.readonly || this.done) { return; }
  this.write([[this.a.el.location, this.location || ''], [this.a.el.suspend, this.encode()]]);
  this.lms.commit();
};

// Answers arrive click by click; coalesce them so a slow LMS is not asked to commit on every keypress.
TrackerProto.saveSoon = function () {
  var self = this;
  clearTimeout(this.timer);
  this.timer = setTimeout(function () { self.save(); }, 400);
};

TrackerProto.lessonIndex = function (id) {
  for (var i = 0; i < this.d.lessons.length; i++) { if (this.d.lessons[i].id === id) { return i; } }
  return -1;
};
TrackerProto.visited = function (id) { return this.s.v.charAt(this.lessonIndex(id)) === '1'; };
TrackerProto.allVisited = function () { return this.s.v.indexOf('0') < 0; };
TrackerProto.missing = function () {
  var self = this;
  return this.d.lessons.filter(function (l) { return !self.visited(l.id); });
};

TrackerProto.visit = function (id) {
  var i = this.lessonIndex(id), first = i >= 0 && this.s.v.charAt(i) === '0';
  if (first) { this.s.v = this.s.v.slice(0, i) + '1' + this.s.v.slice(i + 1); }
  this.location = id;
  if (first) {
    this.writeObjective(id, { completion: 'completed' });
    if (this.rule.completion === 'lessons' && this.allVisited()) {
      this.write(this.a.statusValues({ completion: 'completed', success: this.s.p ? 'passed' : 'unknown' }));
    }
  }
  this.save();
};

TrackerProto.quizOpen = function () { return !!this.quiz && (this.rule.completion !== 'lessons-and-quiz' || this.allVisited()); };
TrackerProto.attemptsLeft = function () {
  return this.rule.maxAttempts ? Math.max(0, this.rule.maxAttempts - this.s.n) : Infinity;
};

TrackerProto.attempt = function () {
  if (!this.s.c) {
    this.s.c = { s: Math.floor(Math.random() * 2147483647), a: [] };
    this.s.c.a = layout(this.quiz, this.s.c.s).map(function () { return ''; });
    this.attemptStarted = Date.now();
    this.save();
  }
  this.attemptStarted = this.attemptStarted || Date.now();
  return { items: layout(this.quiz, this.s.c.s), answers: this.s.c.a };
};

TrackerProto.answer = function (position, response) {
  var c = this.s.c;
  if (!c) { return; }
  c.a[position] = encodeResponse(layout(this.quiz, c.s)[position].q, response);
  this.changed[position] = Date.now();
  this.saveSoon();
};

TrackerProto.grade = function (c) {
  var results = layout(this.quiz, c.s).map(function (item, i) {
    var r = decodeResponse(item.q, c.a[i]);
    return { q: item.q, r: r, right: isRight(item.q, r) };
  });
  var right = results.filter(function (x) { return x.right; }).length;
  return { score: Math.round(100 * right / results.length), results: results };
};

// Grades the current attempt and reports it: interactions, objectives, score and status, then commit.
// Where the LMS keeps nothing (review, browse, no-credit) the attempt is practice and changes no result.
TrackerProto.submit = function () {
  var self = this, c = this.s.c, a = this.a, now = new Date(), g = this.grade(c);
  g.passed = g.score >= this.passing;
  this.s.c = null;
  if (this.readonly) { g.practice = true; return g; }
  var pairs = [];
  g.results.forEach(function (x, i) {
    pairs = pairs.concat(a.interaction(self.interactions++, x.q, x.r, x.right, now, (self.changed[i] || now) - self.attemptStarted));
  });
  this.write(pairs);
  this.lessonScores(g.results);
  this.s.n++;
  this.s.b = Math.max(this.s.b, g.score);
  this.s.r = { s: c.s, a: c.a, sc: g.score };
  this.changed = {}; this.attemptStarted = 0;
  if (g.passed) { this.s.p = 1; }
  this.report();
  if (this.closed()) { this.write([[a.el.exit, a.exitValue(true)]]); }
  this.save();
  return g;
};

// While quiz attempts remain the LMS attempt stays open: incomplete and no score. Moodle ends an attempt on
// completed, passed or failed and opens it again only for review, without credit; and a 1.2 LMS that compares a
// score with the manifest's mastery score would write failed by itself. So the score and the final status are
// written together, once the course's process is over: passed, or every attempt used.
TrackerProto.report = function () {
  var a = this.a, best = this.s.b;
  if (!this.decides()) { this.write(a.score(best)); return; }
  var over = this.s.p || this.attemptsLeft() === 0;
  var st = this.s.p ? { completion: 'completed', success: 'passed' }
    : over && this.rule.failedStatus === 'failed' ? { completion: 'completed', success: 'failed' }
    : { completion: 'incomplete', success: 'unknown' };
  if (over) { this.write(a.score(best)); }
  this.write(a.statusValues(st));
  this.writeObjective(this.quiz.id, over ? { pct: best, completion: st.completion, success: st.success } : st);
};

TrackerProto.lessonScores = function (results) {
  var self = this, per = {};
  results.forEach(function (x) {
    per[x.q.lesson] = per[x.q.lesson] || { right: 0, all: 0 };
    per[x.q.lesson].all++; per[x.q.lesson].right += x.right ? 1 : 0;
  });
  Object.keys(per).forEach(function (id) {
    var pct = Math.round(100 * per[id].right / per[id].all);
    self.writeObjective(id, { pct: pct, completion: self.visited(id) ? 'completed' : 'incomplete' });
  });
};

TrackerProto.writeObjective = function (id, o) {
  if (this.readonly || this.done) { return; }
  if (!(id in this.objectives)) { this.objectives[id] = this.objectiveCount++; }
  this.write(this.a.objective(this.objectives[id], id, o));
};

// The last attempt, rebuilt for the result page (also for a returning learner who wants to review).
TrackerProto.lastResult = function () {
  var r = this.s.r;
  if (!r || !this.quiz) { return null; }
  return { score: r.sc, passed: r.sc >= this.passing, results: this.grade(r).results, detail: r.a.length > 0 };
};

// The LMS attempt is over once the course has written a final status; until then the learner comes back to it.
TrackerProto.closed = function () {
  if (!this.decides()) { return this.allVisited(); }
  return !!this.s.p || (this.rule.failedStatus === 'failed' && this.s.n > 0 && this.attemptsLeft() === 0);
};

// Called once, from the exit button or pagehide: time, exit mode, last save, then Finish/Terminate.
TrackerProto.finish = function () {
  if (this.done) { return; }
  this.write([[this.a.el.time, this.a.sessionTime(Date.now() - this.started)],
    [this.a.el.exit, this.a.exitValue(this.closed())]]);
  this.save();
  this.done = true;
  this.lms.finish();
};
