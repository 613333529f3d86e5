// Writes syntaxes/lync-pic.injection.tmLanguage.json from the cmdlet catalogue (server/src/engine/grammar.ts).
//   node scripts/build-grammar.mjs          (npm run build:grammar)
//   node scripts/build-grammar.mjs --check  exits 1 when the committed file differs from what the catalogue gives
// The TypeScript generator is bundled in memory with esbuild (as scripts/build.mjs bundles the server) and run here.
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const bundle = await build({
  stdin: {
    contents: "export { getCatalog } from './server/src/engine/catalog'; export { injectionGrammarText, GRAMMAR_PATH } from './server/src/engine/grammar';",
    resolveDir: ROOT,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  write: false,
  logLevel: 'warning',
});
const module = { exports: {} };
new Function('module', 'exports', 'require', bundle.outputFiles[0].text)(module, module.exports, require);
const { getCatalog, injectionGrammarText, GRAMMAR_PATH } = module.exports;

const file = join(ROOT, GRAMMAR_PATH);
const text = injectionGrammarText(getCatalog());
if (process.argv.includes('--check')) {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  if (current !== text) {
    console.error(`${GRAMMAR_PATH} is out of date with the catalogue: run \`npm run build:grammar\``);
    process.exit(1);
  }
  console.log(`${GRAMMAR_PATH} is up to date`);
} else {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote ${GRAMMAR_PATH} (${text.length} characters)`);
}
