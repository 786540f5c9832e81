// Which questions an attempt asks, and in what order, derived from a seed alone: suspend_data keeps only the seed,
// and a resumed attempt rebuilds the same draw and option order from it. builder/quality/draw.py is an exact Python
// copy (the guesser plays it; tests/runtime/draw_port.test.mjs holds the two equal): change both together.

// Mulberry32: a tiny seeded generator.
function prng(seed) {
  return () => {
    seed = seed + 0x6D2B79F5 | 0;
    let t = Math.imul(seed ^ seed >>> 15, 1 | seed);
    t = t + Math.imul(t ^ t >>> 7, 61 | t) ^ t;
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  };
}

const range = (n) => Array.from({ length: n }, (_, i) => i);

function shuffled(list, rnd) {
  const a = list.slice();
  for (let i = a.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)), t = a[i]; a[i] = a[j]; a[j] = t; }
  return a;
}

// Questions an attempt must ask come first: for each required topic not yet covered, the first question of that
// topic in the shuffled pool; then, per lesson, the first questions in the pool until the lesson holds perLesson.
// The rest of the draw comes from the remaining pool. Without required topics and perLesson this is the plain first
// `draw` of the shuffled pool, and without required topics it is the draw of every earlier version for each seed.
// Returns [{q, order: option indexes in display order}].
export function layout(quiz, seed) {
  const rnd = prng(seed), qs = quiz.questions, pool = shuffled(range(qs.length), rnd), must = pool.map(() => false);
  const count = {}, covered = {};
  const take = (position) => {
    const q = qs[pool[position]];
    must[position] = true; count[q.lesson] = (count[q.lesson] || 0) + 1;
    if (q.topic) { covered[q.topic] = true; }
  };
  for (const topic of quiz.requiredTopics || []) {
    const position = covered[topic] ? -1 : pool.findIndex((index) => qs[index].topic === topic);
    if (position >= 0) { take(position); }
  }
  pool.forEach((index, position) => {
    if (!must[position] && (count[qs[index].lesson] || 0) < (quiz.perLesson || 0)) { take(position); }
  });
  const byPosition = (a, b) => a - b;
  const picked = range(pool.length).sort((a, b) => must[b] - must[a] || a - b).slice(0, quiz.draw)
    .sort(byPosition).map((position) => pool[position]); // back in the shuffled order
  if (!quiz.shuffle) { picked.sort(byPosition); }
  return picked.map((index) => {
    const q = qs[index], n = (q.options || []).length;
    return { q, order: quiz.shuffle ? shuffled(range(n), rnd) : range(n) };
  });
}
