// The tracking model: what the learner has visited, answered and scored, and the course's completion rule. Its
// state is the readable object suspend.js describes; suspend.js alone turns it into suspend_data and back. It talks
// to the LMS only through an Lms (lms.js), whichever SCORM version that is, so every rule here is written once.
import { layout } from './draw.js';
import { isRight } from './questions.js';
import { decodeSuspend, encodeSuspend, freshState } from './suspend.js';

export class Tracker {
  constructor(data, lms) {
    this.d = data; this.lms = lms; this.a = lms.a; this.quiz = data.quiz; this.rule = data.tracking;
    this.started = Date.now(); this.done = false; this.changed = {}; this.timer = null;
  }

  start() {
    const lms = this.lms, a = this.a, get = lms.get.bind(lms);
    // Entry and status first: a new attempt has nothing stored to read (a 2004 LMS answers 403 for what it never
    // set). Moodle also says ab-initio when a finished 2004 attempt reopens for review; its status tells them apart.
    // In review, browse or no-credit the LMS keeps nothing, so nothing is written.
    const entry = get(a.el.entry), mode = get(a.el.mode);
    this.readonly = mode === 'review' || mode === 'browse' || get(a.el.credit) === 'no-credit';
    const status = this.recorded = a.readStatus(get), fresh = entry === 'ab-initio' && !status.started;
    this.state = fresh ? freshState(this.d) : decodeSuspend(get(a.el.suspend), this.d);
    this.location = fresh ? '' : get(a.el.location);
    if (status.passed) { this.state.passed = true; } // the LMS's word beats ours: a passed learner stays passed
    // A score comes only with a final status (see report), so only then is there one to read.
    status.score = status.passed || status.failed ? get(a.el.raw) : '';
    // The manifest gives the LMS a passing score only when the quiz decides the status.
    const lmsPassing = this.decides() ? a.passingScore(get) : null;
    this.passing = lmsPassing !== null ? lmsPassing : this.rule.passingScore;
    // Counted here, not re-read later: writes may still be queued when the next attempt is submitted.
    this.interactions = parseInt(get('cmi.interactions._count'), 10) || 0;
    this.objectives = {};
    this.objectiveCount = parseInt(get('cmi.objectives._count'), 10) || 0;
    for (let i = 0; i < this.objectiveCount; i++) { this.objectives[get('cmi.objectives.' + i + '.id')] = i; }
    if (this.readonly) { return this; }
    if (!status.started) { this.write(a.statusValues({ completion: 'incomplete', success: 'unknown' })); }
    this.write([[a.el.exit, a.exitValue(false)]]);
    lms.commit();
    return this;
  }

  decides() { return !!this.quiz && this.rule.completion !== 'lessons'; }

  write(pairs) { if (!this.readonly && !this.done) { this.lms.setAll(pairs); } }

  save() {
    clearTimeout(this.timer); this.timer = null;
    if (this.readonly || this.done) { return; }
    this.write([[this.a.el.location, this.location || ''], [this.a.el.suspend, encodeSuspend(this.state, this.d, this.a.suspendLimit)]]);
    this.lms.commit();
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
      this.writeObjective(id, { completion: 'completed' });
      if (this.rule.completion === 'lessons' && this.allVisited()) {
        this.write(this.a.statusValues({ completion: 'completed', success: this.state.passed ? 'passed' : 'unknown' }));
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

  grade(attempt) {
    const results = layout(this.quiz, attempt.seed).map((item, i) => {
      const r = attempt.answers[i];
      return { q: item.q, r, right: isRight(item.q, r) };
    });
    const right = results.filter((x) => x.right).length;
    return { score: Math.round(100 * right / results.length), results };
  }

  // Grades the current attempt and reports it: interactions, objectives, score and status, then commit.
  // Where the LMS keeps nothing (review, browse, no-credit) the attempt is practice and changes no result.
  submit() {
    const s = this.state, c = s.current, a = this.a, now = new Date(), g = this.grade(c);
    g.passed = g.score >= this.passing;
    s.current = null;
    if (this.readonly) { g.practice = true; return g; }
    this.write([].concat(...g.results.map((x, i) =>
      a.interaction(this.interactions++, x.q, x.r, x.right, now, (this.changed[i] || now) - this.attemptStarted))));
    this.lessonScores(g.results);
    s.attempts++;
    s.best = Math.max(s.best, g.score);
    s.last = { seed: c.seed, answers: c.answers, score: g.score };
    this.changed = {}; this.attemptStarted = 0;
    if (g.passed) { s.passed = true; }
    this.report();
    if (this.closed()) { this.write([[a.el.exit, a.exitValue(true)]]); }
    this.save();
    return g;
  }

  // While quiz attempts remain the LMS attempt stays open: incomplete and no score. Moodle ends an attempt on
  // completed, passed or failed and opens it again only for review, without credit; and a 1.2 LMS that compares a
  // score with the manifest's mastery score would write failed by itself. So the score and the final status are
  // written together, once the course's process is over: passed, or every attempt used.
  report() {
    const a = this.a, best = this.state.best, passed = this.state.passed;
    if (!this.decides()) { this.write(a.score(best)); return; }
    const over = passed || this.attemptsLeft() === 0;
    const st = passed ? { completion: 'completed', success: 'passed' }
      : over && this.rule.failedStatus === 'failed' ? { completion: 'completed', success: 'failed' }
        : { completion: 'incomplete', success: 'unknown' };
    if (over) { this.write(a.score(best)); }
    this.write(a.statusValues(st));
    this.writeObjective(this.quiz.id, over ? { pct: best, completion: st.completion, success: st.success } : st);
  }

  lessonScores(results) {
    const per = {};
    for (const x of results) {
      per[x.q.lesson] = per[x.q.lesson] || { right: 0, all: 0 };
      per[x.q.lesson].all++; per[x.q.lesson].right += x.right ? 1 : 0;
    }
    for (const id in per) {
      this.writeObjective(id, { pct: Math.round(100 * per[id].right / per[id].all), completion: this.visited(id) ? 'completed' : 'incomplete' });
    }
  }

  writeObjective(id, o) {
    if (this.readonly || this.done) { return; }
    if (!(id in this.objectives)) { this.objectives[id] = this.objectiveCount++; }
    this.write(this.a.objective(this.objectives[id], id, o));
  }

  // The last attempt, rebuilt for the result page (also for a returning learner who wants to review).
  lastResult() {
    const r = this.state.last;
    if (!r || !this.quiz) { return null; }
    return { score: r.score, passed: r.score >= this.passing, results: r.answers && this.grade(r).results };
  }

  // The LMS attempt is over once the course has written a final status; until then the learner comes back to it.
  closed() {
    if (!this.decides()) { return this.allVisited(); }
    return this.state.passed || (this.rule.failedStatus === 'failed' && this.state.attempts > 0 && this.attemptsLeft() === 0);
  }

  // Called once, from the exit button or pagehide: time, exit mode, last save, then Finish/Terminate.
  finish() {
    if (this.done) { return; }
    this.write([[this.a.el.time, this.a.sessionTime(Date.now() - this.started)], [this.a.el.exit, this.a.exitValue(this.closed())]]);
    this.save();
    this.done = true;
    this.lms.finish();
  }
}
