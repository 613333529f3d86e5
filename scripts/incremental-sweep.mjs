// Checks the incremental lint against lints from scratch over many chains of random edits of the test fixtures and
// examples, and prints the mismatches: `npm run compile-tests && node scripts/incremental-sweep.mjs [seeds] [edits]`.
// It asserts nothing (test/unit/incremental.test.ts is the test; this goes further, for finding what it misses).
// The edits are those of the test (test/random-edits.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));
const { Linter } = require(join(ROOT, 'out/server/src/engine/lint.js'));
const { prng } = require(join(ROOT, 'out/test/random.js'));
const { fixturesAndExamples } = require(join(ROOT, 'out/test/helpers.js'));
const { randomEdit } = require(join(ROOT, 'out/test/random-edits.js'));

const seeds = Number(process.argv[2] ?? 3);
const chain = Number(process.argv[3] ?? 40);
const told = (r) => JSON.stringify([r.commands, r.comments, r.syntaxErrors, r.findings, r.reading.starts, r.reading.errorCounts]);
const files = fixturesAndExamples();
let edits = 0;
const mismatches = [];
for (let seed = 0; seed < seeds; seed++) {
  files.forEach((path, i) => {
    let text = readFileSync(path, 'utf8');
    const random = prng(5000 + seed * 1000 + i);
    const linter = new Linter();
    let previous = linter.lint(text);
    for (let k = 0; k < chain; k++) {
      const next = randomEdit(text, random);
      const result = linter.lint(next, {}, previous);
      edits++;
      if (told(result) !== told(new Linter().lint(next))) {
        mismatches.push({ file: relative(ROOT, path), seed, edit: k + 1, before: text, after: next });
        break;
      }
      previous = result;
      text = next;
    }
  });
}
console.log(`${edits.toLocaleString('en')} edits in ${files.length * seeds} chains; ${mismatches.length} mismatches`);
for (const m of mismatches.slice(0, 10))
  console.log(`- ${m.file}, seed ${m.seed}, edit ${m.edit}:\n  before ${JSON.stringify(m.before)}\n  after  ${JSON.stringify(m.after)}`);
