// The player: one lesson at a time, the quiz and its result page. It renders with DOM calls and textContent only
// (no innerHTML), and leaves every tracking decision to the Tracker.
import { $, $$, fill, h } from './dom.js';
import { passMark } from './grading.js';
import { typeOf } from './questions.js';

export class Player {
  constructor(data, tracker) {
    this.d = data; this.t = tracker; this.w = data.strings;
    this.views = data.lessons.map((l) => l.id);
    if (data.quiz) { this.views.push('quiz'); }
  }

  start() {
    const w = this.w, lms = this.t.lms;
    document.documentElement.className = 'js'; // and no longer 'hold' (render.HOLD): her lesson is shown below
    for (const n of $$('[data-noscript]')) { n.hidden = true; }
    $('[data-pager]').hidden = false;
    if (lms.standalone) { this.notice(w.standalone); }
    lms.onFailure = () => this.notice(w.lms_error);
    if (lms.failures) { this.notice(w.lms_error); } // e.g. Initialize was refused before we got here
    if (this.t.readonly) {
      // Shown first, then filled, so screen readers announce the status message.
      const review = $('[data-review-notice]');
      review.hidden = false;
      setTimeout(() => review.append(h('strong', { text: w.review_notice }), ' ' + w.review_how + ' ' + this.recorded()), 50);
    }
    document.addEventListener('click', (e) => {
      const target = e.target.closest('[data-action], [data-nav]');
      if (!target) { return; }
      const nav = target.getAttribute('data-nav'), action = target.getAttribute('data-action');
      if (nav) { e.preventDefault(); this.show(nav, true); }
      else if (action === 'next') { this.step(1); } else if (action === 'prev') { this.step(-1); }
      else if (action === 'exit') { this.exit(); } else if (action === 'retry' || action === 'practice') { this.retry(); }
    });
    this.show(this.views.includes(this.t.location) ? this.t.location : this.views[0], false);
    // Beside the lesson on a wide screen the contents are open; on a phone a closed «Innhold». The same query as
    // kurs.css's phone layout, so the two agree also when the reader's font size makes a rem larger than 16 px.
    $('details').open = !matchMedia('(max-width: 40rem)').matches;
  }

  notice(text) {
    const n = $('[data-notice]');
    n.textContent = text; n.hidden = false;
  }

  step(delta) {
    const i = this.views.indexOf(this.current) + delta;
    if (i >= 0 && i < this.views.length) { this.show(this.views[i], true); }
  }

  show(view, moveFocus) {
    const w = this.w, t = this.t, index = this.views.indexOf(view);
    if (index < 0) { return; }
    this.current = view;
    for (const s of $$('[data-lesson]')) { s.hidden = s.getAttribute('data-lesson') !== view; }
    const quiz = $('[data-quiz]');
    if (quiz) { quiz.hidden = view !== 'quiz'; }
    if (view === 'quiz') { t.location = 'quiz'; t.save(); this.renderQuiz(); } else { t.visit(view); }
    // What render.HOLD reads at the next launch on this device: beyond the first lesson, hold the lessons back.
    try { localStorage['kurs:' + location.pathname] = index; } catch (e) { /* no storage here */ }
    const next = $('[data-action=next]');
    $('[data-action=prev]').disabled = index === 0;
    next.disabled = index === this.views.length - 1;
    next.textContent = this.views[index + 1] === 'quiz' ? w.to_quiz : w.next;
    for (const a of $$('[data-nav]')) {
      const id = a.getAttribute('data-nav'), here = id === view;
      if (here) { a.setAttribute('aria-current', 'step'); } else { a.removeAttribute('aria-current'); }
      a.classList.toggle('visited', t.visited(id));
      a.setAttribute('title', here ? w.current : t.visited(id) ? w.visited : '');
    }
    $('[data-progress]').value = t.visitedCount();
    $('[data-progress-text]').textContent = view === 'quiz' ? this.d.quiz.title
      : fill(w.lesson_of, { n: index + 1, total: this.d.lessons.length });
    if (moveFocus) {
      const heading = $('#h-' + view);
      // Back to the top, unless that leaves the lesson below the fold (on a phone the contents list comes first).
      window.scrollTo(0, 0);
      if (heading.getBoundingClientRect().top > window.innerHeight / 3) { heading.scrollIntoView(); }
      heading.focus({ preventScroll: true });
    }
  }

  renderQuiz() {
    const body = $('[data-quiz-body]'), quiz = $('[data-quiz]'), w = this.w, t = this.t, s = t.state;
    body.textContent = '';
    quiz.removeAttribute('data-locked');
    if (!t.quizOpen()) {
      quiz.setAttribute('data-locked', '');
      const names = t.missing().map((l) => l.title).join(', ');
      body.append(h('p', { class: 'locked', text: fill(w.locked, { missing: names }) }));
      return;
    }
    // Between attempts the last result stays on show (with its retry button), also for a returning learner.
    if (!s.current && t.lastResult()) { this.renderResult(t.lastResult()); return; }
    if (!s.current && (t.readonly || s.passed || t.attemptsLeft() === 0)) {
      body.append(h('p', { text: t.readonly ? this.recorded() : s.passed ? w.already_passed : w.no_attempts }));
      if (t.readonly) { body.append(this.practiceButton()); }
      return;
    }
    this.renderAttempt(body, t.attempt());
  }

  renderAttempt(body, attempt) {
    const w = this.w, t = this.t, items = attempt.items;
    let intro = fill(w.quiz_intro, { count: items.length, pass: passMark(t.passing) });
    if (t.readonly) { intro = w.practice_intro + ' ' + intro; }
    else if (t.attemptsLeft() !== Infinity) { intro += ' ' + fill(w.attempts_left, { n: t.attemptsLeft() }); }
    body.append(h('p', { text: intro }));
    const form = h('form', { 'data-quiz-form': '', novalidate: '' }, items.map((item, pos) => this.question(item, pos, attempt.answers[pos])));
    const message = h('p', { class: 'form-message', role: 'alert', 'data-form-message': '' });
    form.append(message, h('button', { type: 'submit', class: 'primary', 'data-action': 'submit', text: w.submit }));
    const read = (pos) => typeOf(items[pos].q).read($('[data-pos="' + pos + '"]', form), items[pos].q);
    form.addEventListener('change', (e) => {
      const fs = e.target.closest('[data-question]');
      if (fs) { t.answer(Number(fs.getAttribute('data-pos')), read(fs.getAttribute('data-pos'))); }
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const missing = items.filter((item, pos) => !read(pos)).length;
      if (missing) { message.textContent = fill(w.unanswered, { n: missing }); return; }
      this.renderResult(t.submit());
    });
    body.append(form);
  }

  question(item, pos, saved) {
    const q = item.q, w = this.w, name = 'q-' + q.id, type = typeOf(q);
    return h('fieldset', { class: 'question', 'data-question': q.id, 'data-pos': pos, 'aria-describedby': name + '-hint' }, [
      h('legend', { id: name + '-legend' }, [h('span', { class: 'qnum', text: fill(w.question_n, { n: pos + 1 }) }), ' ', q.text]),
      h('p', { class: 'hint', id: name + '-hint', text: w[type.hint] })].concat(type.inputs(q, name, saved, w, item.order)));
  }

  renderResult(result) {
    const w = this.w, t = this.t, body = $('[data-quiz-body]'), practice = !!result.practice;
    const passedNow = t.state.passed || result.passed;
    body.textContent = '';
    // A practice result is nobody's record: it carries no passed flag and never says passed or completed.
    const section = h('section', { class: 'result', 'data-result': '', 'data-score': result.score,
      'data-passed': practice ? null : String(result.passed), 'data-practice': practice ? '' : null,
      'aria-labelledby': 'h-result' });
    const summary = practice ? fill(w.practice_score, { score: result.score })
      : fill(w.score, { score: result.score }) + ' ' + (t.readonly ? this.recorded()
        : result.passed ? w.passed : t.state.passed ? w.already_passed : w.failed);
    section.append(h('h3', { id: 'h-result', tabindex: '-1', text: practice ? w.practice_result : w.result }),
      h('p', { class: practice ? 'verdict' : result.passed ? 'verdict passed' : 'verdict failed', role: 'status', text: summary }));
    if (t.readonly) {
      section.append(this.practiceButton());
    } else if (!passedNow && t.attemptsLeft() > 0) {
      section.append(h('button', { type: 'button', class: 'primary', 'data-action': 'retry', text: w.retry }));
    } else if (!passedNow) {
      section.append(h('p', { text: w.no_attempts }));
    }
    const line = (label, text) => h('p', {}, [h('strong', { text: label + ': ' }), text]);
    // The response in words; `r` is null for an unanswered question.
    const describe = (q, r) => (r ? typeOf(q).describe(q, r, w) : w.no_answer);
    // Answers given up to fit the LMS's storage limit are unknown: say so rather than mark every question wrong.
    section.append(result.results ? h('ol', { class: 'review' }, result.results.map((x) => {
      const q = x.q;
      return h('li', { class: x.right ? 'right' : 'wrong' }, [
        h('p', { class: 'review-q' }, [h('span', { class: 'mark', text: (x.right ? w.correct : w.wrong) + ': ' }), q.text]),
        line(w.your_answer, describe(q, x.r)),
        !x.right && line(w.right_answer, describe(q, typeOf(q).correct(q)))]
        .concat((x.r ? typeOf(q).feedback(q, x.r).filter(Boolean) : []).map((f) => h('p', { class: 'feedback', text: f })),
          line(w.explanation, q.explanation),
          q.sources.length && h('p', { class: 'sources' }, [h('strong', { text: w.sources + ': ' }), q.sources.map((s) => s.title).join('; ')])));
    })) : h('p', { 'data-answers-not-kept': '', text: w.answers_not_kept }));
    body.append(section);
    $('#h-result').focus();
  }

  // What the LMS holds from earlier visits, in its own words: shown where this visit records nothing.
  recorded() {
    const r = this.t.recorded, w = this.w;
    const status = r.passed ? w.status_passed : r.failed ? w.status_failed : r.completed ? w.status_completed : w.status_incomplete;
    return fill(w.recorded, { status }) + (r.score ? ' ' + fill(w.recorded_score, { score: r.score }) : '');
  }

  practiceButton() {
    return h('button', { type: 'button', class: 'primary', 'data-action': 'practice', text: this.w.practice });
  }

  retry() {
    const body = $('[data-quiz-body]');
    body.textContent = '';
    this.renderAttempt(body, this.t.attempt());
    $('#h-quiz').focus();
  }

  exit() {
    this.t.finish();
    for (const b of $$('[data-action]')) { b.disabled = true; }
    this.notice(this.w.finished);
  }
}
