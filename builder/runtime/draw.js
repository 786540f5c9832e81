// Which questions an attempt asks, and in what order, derived from a seed alone: suspend_data keeps only the seed,
// and a resumed attempt rebuilds the same draw and option order from it.

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

// The first perLesson questions of each lesson in the shuffled pool rank before all others, so every attempt tests
// every lesson; the rest of the draw comes from the remaining pool. Without perLesson this is the plain first
// `draw` of the shuffled pool. Returns [{q, order: option indexes in display order}].
export function layout(quiz, seed) {
  const rnd = prng(seed), pool = shuffled(range(quiz.questions.length), rnd), seen = {};
  const rank = pool.map((index) => {
    const lesson = quiz.questions[index].lesson;
    seen[lesson] = (seen[lesson] || 0) + 1;
    return seen[lesson] > (quiz.perLesson || 0);
  });
  const byPosition = (a, b) => a - b;
  const picked = range(pool.length).sort((a, b) => rank[a] - rank[b] || a - b).slice(0, quiz.draw)
    .sort(byPosition).map((position) => pool[position]); // back in the shuffled order
  if (!quiz.shuffle) { picked.sort(byPosition); }
  return picked.map((index) => {
    const q = quiz.questions[index], n = (q.options || []).length;
    return { q, order: quiz.shuffle ? shuffled(range(n), rnd) : range(n) };
  });
}
