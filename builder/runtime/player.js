// The player: one lesson at a time, the quiz and its result page. It renders with DOM calls and textContent
// only (no innerHTML), and leaves every tracking decision to the Tracker.

function $(sel, root) { return (root || document).querySelector(sel); }
function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

function h(tag, attrs, children) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) {
    if (k === 'text') { node.textContent = attrs[k]; } else if (attrs[k] !== null && attrs[k] !== false) { node.setAttribute(k, attrs[k]); }
  });
  (children || []).forEach(function (c) { if (c) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); } });
  return node;
}

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, function (m, k) { return k in values ? String(values[k]) : m; });
}

function Player(data, tracker) {
  this.d = data; this.t = tracker; this.w = data.strings;
  this.views = data.lessons.map(function (l) { return l.id; });
  if (data.quiz) { this.views.push('quiz'); }
}

// Methods through one short name: the bundle repeats it for each of them.
var PlayerProto = Player.prototype;

PlayerProto.start = function () {
  var self = this, w = this.w;
  document.documentElement.className = 'js'; // and no longer 'hold' (render.HOLD): her lesson is shown below
  $$('[data-noscript]').forEach(function (n) { n.hidden = true; });
  $('[data-pager]').hidden = false;
  $('[data-progress-area]').hidden = false;
  $('[data-action=exit]').hidden = false;
  if (this.t.lms.standalone) { this.notice(w.standalone); }
  this.t.lms.onFailure = function () { self.notice(w.lms_error); };
  if (this.t.lms.failures) { this.notice(w.lms_error); } // e.g. Initialize was refused before we got here
  if (this.t.readonly) {
    // Shown first, then filled, so screen readers announce the status message.
    var review = $('[data-review-notice]');
    review.hidden = false;
    setTimeout(function () {
      review.appendChild(h('strong', { text: w.review_notice }));
      review.appendChild(document.createTextNode(' ' + w.review_how + ' ' + self.recorded()));
    }, 50);
  }
  document.addEventListener('click', function (e) {
    var target = e.target.closest('[data-action], [data-nav]');
    if (!target) { return; }
    var nav = target.getAttribute('data-nav');
    if (nav) { e.preventDefault(); self.show(nav, true); return; }
    var action = target.getAttribute('data-action');
    if (action === 'next') { self.step(1); } else if (action === 'prev') { self.step(-1); }
    else if (action === 'exit') { self.exit(); } else if (action === 'retry' || action === 'practice') { self.retry(); }
  });
  var initial = this.views.indexOf(this.t.location) >= 0 ? this.t.location : this.views[0];
  this.show(initial, false);
  // Beside the lesson on a wide screen the contents are open; on a phone (kurs.css: 40rem) a closed «Innhold».
  $('details').open = innerWidth > 640;
};

PlayerProto.notice = function (text) {
  var n = $('[data-notice]');
  n.textContent = text; n.hidden = false;
};

PlayerProto.step = function (delta) {
  var i = this.views.indexOf(this.current) + delta;
  if (i >= 0 && i < this.views.length) { this.show(this.views[i], true); }
};

PlayerProto.show = function (view, moveFocus) {
  var self = this, w = this.w;
  if (this.views.indexOf(view) < 0) { return; }
  this.current = view;
  $$('[data-lesson]').forEach(function (s) { s.hidden = s.getAttribute('data-lesson') !== view; });
  var quiz = $('[data-quiz]');
  if (quiz) { quiz.hidden = view !== 'quiz'; }
  if (view === 'quiz') { this.t.location = 'quiz'; this.t.save(); this.renderQuiz(); } else { this.t.visit(view); }
  var index = this.views.indexOf(view), lessons = this.d.lessons.length;
  // What render.HOLD reads at the next launch on this device: beyond the first lesson, hold the lessons back.
  try { localStorage['kurs:' + location.pathname] = index; } catch (e) { /* no storage here */ }
  var prev = $('[data-action=prev]'), next = $('[data-action=next]');
  prev.disabled = index === 0;
  next.disabled = index === this.views.length - 1;
  next.textContent = this.views[index + 1] === 'quiz' ? w.to_quiz : w.next;
  $$('[data-nav]').forEach(function (a) {
    var id = a.getAttribute('data-nav'), here = id === view;
    if (here) { a.setAttribute('aria-current', 'step'); } else { a.removeAttribute('aria-current'); }
    a.classList.toggle('visited', id !== 'quiz' && self.t.visited(id));
    a.setAttribute('title', here ? w.current : id !== 'quiz' && self.t.visited(id) ? w.visited : '');
  });
  var done = this.t.s.v.split('').filter(function (c) { return c === '1'; }).length;
  $('[data-progress]').value = done;
  $('[data-progress-text]').textContent = view === 'quiz' ? this.d.quiz.title
    : fill(w.lesson_of, { n: index + 1, total: lessons });
  if (moveFocus) {
    var heading = view === 'quiz' ? $('#h-quiz') : $('#h-' + view);
    // Back to the top, unless that leaves the lesson below the fold (on a phone the contents list comes first).
    window.scrollTo(0, 0);
    if (heading.getBoundingClientRect().top > window.innerHeight / 3) { heading.scrollIntoView(); }
    heading.focus({ preventScroll: true });
  }
};

PlayerProto.renderQuiz = function () {
  var body = $('[data-quiz-body]'), w = this.w, t = this.t;
  body.textContent = '';
  $('[data-quiz]').removeAttribute('data-locked');
  if (!t.quizOpen()) {
    $('[data-quiz]').setAttribute('data-locked', '');
    var names = t.missing().map(function (l) { return l.title; }).join(', ');
    body.appendChild(h('p', { 'class': 'locked', text: fill(w.locked, { missing: names }) }));
    return;
  }
  // Between attempts the last result stays on show (with its retry button), also for a returning learner.
  if (!t.s.c && t.lastResult()) { this.renderResult(t.lastResult()); return; }
  if (!t.s.c && (t.readonly || t.s.p || t.attemptsLeft() === 0)) {
    body.appendChild(h('p', { text: t.readonly ? this.recorded() : t.s.p ? w.already_passed : w.no_attempts }));
    if (t.readonly) { body.appendChild(this.practiceButton()); }
    return;
  }
  this.renderAttempt(body, t.attempt());
};

PlayerProto.renderAttempt = function (body, attempt) {
  var self = this, w = this.w, t = this.t;
  var intro = fill(w.quiz_intro, { count: attempt.items.length, pass: Math.round(t.passing) });
  if (t.readonly) { intro = w.practice_intro + ' ' + intro; }
  else if (t.attemptsLeft() !== Infinity) { intro += ' ' + fill(w.attempts_left, { n: t.attemptsLeft() }); }
  body.appendChild(h('p', { text: intro }));
  var form = h('form', { 'data-quiz-form': '', novalidate: '' });
  attempt.items.forEach(function (item, pos) {
    form.appendChild(self.question(item, pos, decodeResponse(item.q, attempt.answers[pos])));
  });
  var message = h('p', { 'class': 'form-message', role: 'alert', 'data-form-message': '' });
  form.appendChild(message);
  form.appendChild(h('button', { type: 'submit', 'class': 'primary', 'data-action': 'submit', text: w.submit }));
  form.addEventListener('change', function (e) {
    var fs = e.target.closest('[data-question]');
    if (fs) { t.answer(Number(fs.getAttribute('data-pos')), self.readAnswer(fs, attempt.items[Number(fs.getAttribute('data-pos'))])); }
  });
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    var missing = attempt.items.filter(function (item, pos) {
      return !self.readAnswer($('[data-pos="' + pos + '"]', form), item);
    }).length;
    if (missing) { message.textContent = fill(w.unanswered, { n: missing }); return; }
    self.renderResult(t.submit());
  });
  body.appendChild(form);
};

PlayerProto.question = function (item, pos, saved) {
  var q = item.q, w = this.w, name = 'q-' + q.id;
  var legendId = name + '-legend';
  var fs = h('fieldset', { 'class': 'question', 'data-question': q.id, 'data-pos': pos, 'aria-describedby': name + '-hint' }, [
    h('legend', { id: legendId }, [h('span', { 'class': 'qnum', text: fill(w.question_n, { n: pos + 1 }) }), ' ', q.text])]);
  var hint = q.type === 'multiple' ? w.choose_many : q.type === 'sort' ? w.sort_into : w.choose_one;
  fs.appendChild(h('p', { 'class': 'hint', id: name + '-hint', text: hint }));
  function choice(type, groupName, value, label, checked, id) {
    var input = h('input', { type: type, name: groupName, value: value, id: id, checked: checked ? '' : null });
    return h('div', { 'class': 'option' }, [input, h('label', { 'for': id, text: label })]);
  }
  if (q.type === 'true-false') {
    [true, false].forEach(function (v) {
      fs.appendChild(choice('radio', name, String(v), v ? w['true'] : w['false'], saved && saved.value === v, name + '-' + v));
    });
  } else if (q.type === 'sort') {
    q.items.forEach(function (it, i) {
      var group = h('fieldset', { 'class': 'sort-item', 'data-item': it.id }, [h('legend', { text: it.text })]);
      q.categories.forEach(function (c, ci) {
        group.appendChild(choice('radio', name + '-' + it.id, c.id, c.text, saved && saved.placed[i] === ci, name + '-' + it.id + '-' + c.id));
      });
      fs.appendChild(group);
    });
  } else {
    item.order.forEach(function (oi) {
      var o = q.options[oi];
      fs.appendChild(choice(q.type === 'single' ? 'radio' : 'checkbox', name, o.id, o.text,
        saved && saved.options.indexOf(oi) >= 0, name + '-' + o.id));
    });
  }
  return fs;
};

// The learner's answer in the tracking model's terms, or null while it is incomplete.
PlayerProto.readAnswer = function (fs, item) {
  var q = item.q, checked = $$('input:checked', fs);
  if (q.type === 'true-false') { return checked.length ? { value: checked[0].value === 'true' } : null; }
  if (q.type === 'sort') {
    var ids = q.categories.map(function (c) { return c.id; });
    var placed = q.items.map(function (it) {
      var input = $$('[data-item="' + it.id + '"] input', fs).filter(function (x) { return x.checked; })[0];
      return input ? ids.indexOf(input.value) : -1;
    });
    return placed.indexOf(-1) >= 0 ? null : { placed: placed };
  }
  var ids2 = q.options.map(function (o) { return o.id; });
  var options = checked.map(function (x) { return ids2.indexOf(x.value); }).sort(function (a, b) { return a - b; });
  return options.length ? { options: options } : null;
};

function describe(q, r, w) {
  if (!r) { return w.no_answer; }
  if (q.type === 'true-false') { return r.value ? w['true'] : w['false']; }
  if (q.type === 'sort') {
    return r.placed.map(function (c, i) { return q.items[i].text + ': ' + q.categories[c].text; }).join('; ');
  }
  return r.options.map(function (i) { return q.options[i].text; }).join('; ');
}

function feedbackFor(q, r) {
  if (!r) { return []; }
  if (q.type === 'true-false') { return [r.value ? q.feedbackTrue : q.feedbackFalse].filter(Boolean); }
  if (q.type === 'sort') { return []; }
  return r.options.map(function (i) { return q.options[i].feedback; }).filter(Boolean);
}

PlayerProto.renderResult = function (result) {
  var w = this.w, t = this.t, body = $('[data-quiz-body]');
  body.textContent = '';
  var passedNow = t.s.p === 1 || result.passed, practice = !!result.practice;
  // A practice result is nobody's record: it carries no passed flag and never says passed or completed.
  var section = h('section', { 'class': 'result', 'data-result': '', 'data-score': result.score,
    'data-passed': practice ? null : String(result.passed), 'data-practice': practice ? '' : null,
    'aria-labelledby': 'h-result' });
  section.appendChild(h('h3', { id: 'h-result', tabindex: '-1', text: practice ? w.practice_result : w.result }));
  var summary = practice ? fill(w.practice_score, { score: result.score })
    : fill(w.score, { score: result.score }) + ' ' + (t.readonly ? this.recorded()
      : result.passed ? w.passed : t.s.p ? w.already_passed : w.failed);
  section.appendChild(h('p', { 'class': practice ? 'verdict' : result.passed ? 'verdict passed' : 'verdict failed',
    role: 'status', text: summary }));
  if (t.readonly) {
    section.appendChild(this.practiceButton());
  } else if (!passedNow && t.attemptsLeft() > 0) {
    section.appendChild(h('button', { type: 'button', 'class': 'primary', 'data-action': 'retry', text: w.retry }));
  } else if (!passedNow) {
    section.appendChild(h('p', { text: w.no_attempts }));
  }
  if (result.detail !== false) {
    var list = h('ol', { 'class': 'review' });
    result.results.forEach(function (x) {
      var q = x.q;
      var li = h('li', { 'class': x.right ? 'right' : 'wrong' }, [
        h('p', { 'class': 'review-q' }, [h('span', { 'class': 'mark', text: (x.right ? w.correct : w.wrong) + ': ' }), q.text]),
        h('p', {}, [h('strong', { text: w.your_answer + ': ' }), describe(q, x.r, w)])]);
      if (!x.right) { li.appendChild(h('p', {}, [h('strong', { text: w.right_answer + ': ' }), describe(q, correctResponse(q), w)])); }
      feedbackFor(q, x.r).forEach(function (f) { li.appendChild(h('p', { 'class': 'feedback', text: f })); });
      li.appendChild(h('p', {}, [h('strong', { text: w.explanation + ': ' }), q.explanation]));
      if (q.sources.length) {
        li.appendChild(h('p', { 'class': 'sources' }, [h('strong', { text: w.sources + ': ' }),
          q.sources.map(function (s) { return s.title; }).join('; ')]));
      }
      list.appendChild(li);
    });
    section.appendChild(list);
  }
  body.appendChild(section);
  $('#h-result').focus();
};

// What the LMS holds from earlier visits, in its own words: shown where this visit records nothing.
PlayerProto.recorded = function () {
  var r = this.t.recorded, w = this.w;
  var status = r.passed ? w.status_passed : r.failed ? w.status_failed : r.completed ? w.status_completed : w.status_incomplete;
  return fill(w.recorded, { status: status }) + (r.score ? ' ' + fill(w.recorded_score, { score: r.score }) : '');
};

PlayerProto.practiceButton = function () {
  return h('button', { type: 'button', 'class': 'primary', 'data-action': 'practice', text: this.w.practice });
};

PlayerProto.retry = function () {
  var body = $('[data-quiz-body]');
  body.textContent = '';
  this.renderAttempt(body, this.t.attempt());
  $('#h-quiz').focus();
};

PlayerProto.exit = function () {
  this.t.finish();
  $$('[data-action]').forEach(function (b) { b.disabled = true; });
  this.notice(this.w.finished);
};

function boot() {
  var data = JSON.parse(document.getElementById('kurs-data').textContent);
  var lms = connectLms('kursbygger:' + data.course.id + ':' + data.course.version);
  var tracker = new Tracker(data, lms).start();
  new Player(data, tracker).start();
  enhanceSelfChecks(data.strings);
  // pagehide, not unload: Chrome forbids unload in Moodle's frame, and iOS never fires beforeunload.
  window.addEventListener('pagehide', function () { tracker.finish(); });
  // A hidden page may be frozen or killed (phones) without pagehide, and its timers wait: send everything now.
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') { tracker.save(); lms.drain(); }
  });
}

if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', boot); } else { boot(); }
