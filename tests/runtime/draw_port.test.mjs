// builder/quality/draw.py (the guesser's copy of the draw) gives the same questions and option orders as
// builder/outputs/runtime/draw.js for every seed tried, with and without per_lesson, required topics and shuffle.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { layout } from '../../builder/outputs/runtime/draw.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SEEDS = 3000;
// Seeds as the player makes them (0 … 2^31-2) and the negative ones a 32-bit multiply gives.
const seeds = Array.from({ length: SEEDS }, (_, i) => (i % 2 ? Math.floor(i * 715827.882) : i * 2654435761 | 0));

function quiz(perLesson, draw, requiredTopics, shuffle) {
  const questions = [];
  [4, 7, 2, 5, 3].forEach((size, lesson) => {
    for (let i = 0; i < size; i++) {
      const topic = (lesson + i) % 3 === 0 ? `t${(lesson * 7 + i) % 4}` : undefined;
      questions.push({ id: `l${lesson}-q${i}`, lesson: `l${lesson}`, topic, options: i % 2 ? [] : Array(2 + i % 5).fill(0) });
    }
  });
  return { draw, perLesson, requiredTopics, shuffle, questions };
}

const QUIZZES = [quiz(0, 21, [], true), quiz(0, 8, [], true), quiz(1, 5, [], true), quiz(2, 12, [], true),
  quiz(1, 9, ['t0', 't2', 't3'], true), quiz(0, 4, ['t1', 't3'], true), quiz(0, 6, ['t2'], false)];

const PYTHON = `
import json, sys
from builder.quality.draw import DrawRule, layout
cases = json.load(sys.stdin)
out = []
for q, seeds in cases:
    rule = DrawRule(tuple(x["lesson"] for x in q["questions"]), tuple(x.get("topic") for x in q["questions"]),
                    tuple(len(x.get("options", [])) for x in q["questions"]), q["draw"], q["perLesson"],
                    tuple(q["requiredTopics"]), q["shuffle"])
    out.append([layout(rule, seed) for seed in seeds])
json.dump(out, sys.stdout)
`;

test(`the Python draw equals draw.js for ${QUIZZES.length} quizzes × ${SEEDS} seeds`, () => {
  const input = JSON.stringify(QUIZZES.map((q) => [q, seeds]));
  const python = process.env.PYTHON || 'python3';
  const out = JSON.parse(execFileSync(python, ['-c', PYTHON], {
    input, cwd: REPO, env: { ...process.env, PYTHONPATH: REPO }, maxBuffer: 1 << 28
  }).toString());
  QUIZZES.forEach((q, n) => seeds.forEach((seed, i) => {
    const js = layout(q, seed).map((item) => [q.questions.indexOf(item.q), item.order]);
    assert.deepEqual(out[n][i], js, `quiz ${n}, seed ${seed}`);
  }));
});
