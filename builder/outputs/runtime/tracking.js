// The tracking model: what the learner has visited, answered and scored, and the course's completion rule. Its
// state is the readable object suspend.js describes; suspend.js alone turns it into stored text and back. It talks
// to the LMS only in the tracking port's verbs (lms.js), whichever standard's adapter is behind them, so every rule
// here is written once; grading.js judges the answers.
import { layout } from './draw.js';
import { grade, passes, percent } from './grading.js';
import { decodeSuspend, encodeSuspend } from './suspend.js';

export class Tracker {
  constructor(data, lms) {
    this.d = data; this.lms = lms; this.quiz = data.quiz; this.rule = data.tracking;
    this.started = Date.now(); this.done = false; this.changed = {}; this.timer = null;
  }

  start() {
    const lms = this.lms, r = lms.resume(this.decides());
    // In review, browse or no-credit the LMS keeps nothing, so nothing is written.
    this.readonly = r.mode === 'review' || r.mode === 'browse' || r.credit === 'no-credit';
    this.recorded = r.status;
    this.state = decodeSuspend(r.stored, this.d); // a new attempt's '' is a fresh state
    this.location = r.location;
    if (r.status.passed) { this.state.passed = true; } // the LMS's word beats ours: a passed learner stays passed
    this.passing = r.passing !== null ? r.passing : this.rule.passingScore;
    if (this.readonly) { return this; }
    if (!r.status.started) { lms.status({ completion: 'incomplete', success: 'unknown' }); }
    lms.exit(false);
    lms.commit();
    return this;
  }

  decides() { return !!this.quiz && this.rule.completion !== 'lessons'; }

  // Whether this session records anything: not in review, browse or no-credit, and not once it has ended.
  writes() { return !this.readonly && !this.done; }

  // One of the port's verbs, where the session records.
  tell(verb, ...args) { if (this.writes()) { this.lms[verb](...args); } }

  save() {
    clearTimeout(this.timer); this.timer = null;
    if (this.writes()) { this.lms.save(this.location || '', encodeSuspend(this.state, this.d, this.lms.room)); }
  }

  // Answers arrive click by click; coalesce them so a slow LMS is not asked to commit on every keypress.
  saveSoon() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.save(), 400);
  }

  visited(id) { return !!this.state.visited[this.d.lessons.findIndex((l) => l.id === id)]; }
  visitedCount() { return this.state.visited.filter(Boolean).length; }
  allVisited() { return this.visitedCount() === this.d.lessons.length; }
  missing() { return this.d.lessons.filter((l) => !this.visited(l.id)); }

  visit(id) {
    const i = this.d.lessons.findIndex((l) => l.id === id), first = i >= 0 && !this.state.visited[i];
    this.location = id;
    if (first) {
      this.state.visited[i] = true;
      this.tell('objective', id, { completion: 'completed' });
      if (this.rule.completion === 'lessons' && this.allVisited()) {
        this.tell('status', { completion: 'completed', success: this.state.passed ? 'passed' : 'unknown' });
      }
    }
    this.save();
  }

  quizOpen() { return !!this.quiz && (this.rule.completion !== 'lessons-and-quiz' || this.allVisited()); }
  attemptsLeft() { return this.rule.maxAttempts ? Math.max(0, this.rule.maxAttempts - this.state.attempts) : Infinity; }

  // The attempt in progress (a new one if there is none): its drawn questions and the answers so far.
  attempt() {
    let c = this.state.current;
    if (!c) {
      const seed = Math.floor(Math.random() * 2147483647);
      c = this.state.current = { seed, answers: layout(this.quiz, seed).map(() => null) };
      this.attemptStarted = Date.now();
      this.save();
    }
    this.attemptStarted = this.attemptStarted || Date.now();
    return { items: layout(this.quiz, c.seed), answers: c.answers };
  }

  // `response` is null while the learner's answer is incomplete.
  answer(position, response) {
    const c = this.state.current;
    if (!c) { return; }
    c.answers[position] = response;
    this.changed[position] = Date.now();
    this.saveSoon();
  }

  // An attempt (current or last) graded against the questions its seed draws.
  graded(attempt) { return grade(layout(this.quiz, attempt.seed), attempt.answers); }

  // Grades the current attempt and reports it: interactions, objectives, score and status, then commit.
  // Where the LMS keeps nothing (review, browse, no-credit) the attempt is practice and changes no result.
  submit() {
    const s = this.state, c = s.current, now = new Date(), g = this.graded(c);
    g.passed = passes(g.score, this.passing);
    s.current = null;
    if (this.readonly) { g.practice = true; return g; }
    g.results.forEach((x, i) => this.tell('interaction', x.q, x.r, x.right, now, (this.changed[i] || now) - this.attemptStarted));
    this.lessonScores(g.results);
    s.attempts++;
    s.best = Math.max(s.best, g.score);
    s.last = { seed: c.seed, answers: c.answers, score: g.score };
    this.changed = {}; this.attemptStarted = 0;
    if (g.passed) { s.passed = true; }
    this.report();
    if (this.closed()) { this.tell('exit', true); }
    this.save();
    return g;
  }

  // While quiz attempts remain the LMS attempt stays open: incomplete and no score. Moodle ends an attempt on
  // completed, passed or failed and opens it again only for review, without credit; and a 1.2 LMS that compares a
  // score with the manifest's mastery score would write failed by itself. So the score and the final status are
  // written together, once the course's process is over: passed, or every attempt used.
  report() {
    const best = this.state.best, passed = this.state.passed;
    if (!this.decides()) { this.tell('score', best); return; }
    const over = passed || this.attemptsLeft() === 0;
    const st = passed ? { completion: 'completed', success: 'passed' }
      : over && this.rule.failedStatus === 'failed' ? { completion: 'completed', success: 'failed' }
        : { completion: 'incomplete', success: 'unknown' };
    if (over) { this.tell('score', best); }
    this.tell('status', st);
    this.tell('objective', this.quiz.id, over ? { pct: best, completion: st.completion, success: st.success } : st);
  }

  lessonScores(results) {
    const per = {};
    for (const x of results) {
      per[x.q.lesson] = per[x.q.lesson] || { right: 0, all: 0 };
      per[x.q.lesson].all++; per[x.q.lesson].right += x.right ? 1 : 0;
    }
    for (const id in per) {
      this.tell('objective', id, { pct: percent(per[id].right, per[id].all), completion: this.visited(id) ? 'completed' : 'incomplete' });
    }
  }

  // The last attempt, rebuilt for the result page (also for a returning learner who wants to review).
  lastResult() {
    const r = this.state.last;
    if (!r || !this.quiz) { return null; }
    return { score: r.score, passed: passes(r.score, this.passing), results: r.answers && this.graded(r).results };
  }

  // The LMS attempt is over once the course has written a final status; until then the learner comes back to it.
  closed() {
    if (!this.decides()) { return this.allVisited(); }
    return this.state.passed || (this.rule.failedStatus === 'failed' && this.attemptsLeft() === 0);
  }

  // Called once, from the exit button or pagehide: time, exit mode, last save, then Finish/Terminate.
  finish() {
    if (this.done) { return; }
    this.tell('exit', this.closed(), Date.now() - this.started);
    this.save();
    this.done = true;
    this.lms.finish();
  }
}
