// Lists the mutants of one learner-runtime module for tools/mutation-check: each comparison's boundary moved
// (< ↔ <=, > ↔ >=), each equality turned round (=== ↔ !==, == ↔ !=) and each && ↔ ||. Parsed with acorn, so
// operators inside strings, comments and regular expressions are never touched.
//
//   node tools/runtime-mutants.mjs builder/outputs/runtime/draw.js   → one JSON object per line: {line, what, start, end, text}
import { readFileSync } from 'node:fs';
import { parse } from 'acorn';

const SWAP = { '<': '<=', '<=': '<', '>': '>=', '>=': '>', '===': '!==', '!==': '===', '==': '!=', '!=': '==',
  '&&': '||', '||': '&&' };

function* nodes(node) {
  if (!node || typeof node.type !== 'string') { return; }
  yield node;
  for (const value of Object.values(node)) {
    for (const child of Array.isArray(value) ? value : [value]) {
      if (child && typeof child === 'object') { yield* nodes(child); }
    }
  }
}

const path = process.argv[2];
const source = readFileSync(path, 'utf8');
const tree = parse(source, { ecmaVersion: 'latest', sourceType: 'module', locations: true });
for (const node of nodes(tree)) {
  if ((node.type !== 'BinaryExpression' && node.type !== 'LogicalExpression') || !(node.operator in SWAP)) { continue; }
  // The operator stands between its operands (past any closing parentheses of the left one).
  const start = source.indexOf(node.operator, node.left.end);
  const line = source.slice(0, start).split('\n').length;
  process.stdout.write(JSON.stringify({ line, what: `${node.operator} → ${SWAP[node.operator]}`, start,
    end: start + node.operator.length, text: SWAP[node.operator] }) + '\n');
}
