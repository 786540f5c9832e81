// The grading rule, once for the runtime: whether a response is right, an attempt's score and whether it passes.
// The tracker grades with it and the player shows the pass mark with it; nothing else in the runtime judges.
// (The Python side, read by the manifest and the HR report, must agree: a score is a whole percent of the questions
// fully right, and it passes at or above the passing score.)
import { typeOf } from './questions.js';

// Right means all of it: every option, the true-false value or every item's category. An unanswered question is
// wrong.
export const isRight = (q, r) => !!r && typeOf(q).code(q, r) === typeOf(q).code(q, typeOf(q).correct(q));

// A whole percent, rounded half up: the score the result page shows and the LMS stores.
export const percent = (right, all) => Math.round(100 * right / all);

export const passes = (score, passing) => score >= passing;

// The lowest score that passes, for the quiz's introduction: scores are whole, a passing score from the LMS may not be.
export const passMark = (passing) => Math.ceil(passing);

// items: the drawn questions ({q}, as draw.layout gives them); answers: a response or null for each.
export function grade(items, answers) {
  const results = items.map((item, i) => ({ q: item.q, r: answers[i], right: isRight(item.q, answers[i]) }));
  return { score: percent(results.filter((x) => x.right).length, results.length), results };
}
