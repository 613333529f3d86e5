import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { getCatalog } from '../../server/src/engine/catalog';
import { buildInjectionGrammar, GRAMMAR_PATH, GRAMMAR_SCOPE_NAME, injectionGrammarText, INJECTION_SELECTOR } from '../../server/src/engine/grammar';
import { REPO_ROOT } from '../helpers';

interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (patterns: string[]) => { dispose(): void };
}

/** Every regular expression of a grammar (match, begin, end), with where it is. */
function expressions(node: unknown, path = ''): { path: string; source: string }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => expressions(item, `${path}[${i}]`));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    (key === 'match' || key === 'begin' || key === 'end') && typeof value === 'string'
      ? [{ path: `${path}.${key}`, source: value }]
      : expressions(value, `${path}.${key}`),
  );
}

describe('injection grammar', () => {
  it('is what the catalogue gives (run `npm run build:grammar` after changing the catalogue)', () => {
    const committed = readFileSync(join(REPO_ROOT, GRAMMAR_PATH), 'utf8');
    assert.ok(committed === injectionGrammarText(getCatalog()), `${GRAMMAR_PATH} is out of date with the catalogue: run \`npm run build:grammar\``);
  });

  it('is contributed to VS Code as an injection into source.powershell', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      contributes?: { grammars?: { scopeName: string; path: string; injectTo?: string[] }[] };
    };
    const entry = manifest.contributes?.grammars?.find((g) => g.scopeName === GRAMMAR_SCOPE_NAME);
    assert.ok(entry, 'package.json contributes.grammars has no entry for the injection grammar');
    assert.equal(join(entry.path), join(`./${GRAMMAR_PATH}`));
    assert.deepEqual(entry.injectTo, ['source.powershell']);
    const grammar = buildInjectionGrammar(getCatalog());
    assert.equal(grammar.injectionSelector, INJECTION_SELECTOR);
    assert.equal(grammar.scopeName, GRAMMAR_SCOPE_NAME);
  });

  it('has a rule for every catalogued cmdlet, listing its parameters and enum names', () => {
    const grammar = buildInjectionGrammar(getCatalog());
    for (const cmdlet of getCatalog().cmdlets) {
      const rule = grammar.repository[`cmdlet-${cmdlet.name.toLowerCase()}`] as { begin: string; patterns: { match?: string }[] } | undefined;
      assert.ok(rule, cmdlet.name);
      assert.ok(rule.begin.includes(cmdlet.name.replace(/-/g, '\\-')), cmdlet.name);
      const text = JSON.stringify(rule.patterns);
      for (const parameter of cmdlet.parameters) {
        if (parameter.versions.length === 0) {
          assert.ok(!new RegExp(`[|:]${parameter.name}[|)]`).test(text), `${cmdlet.name} -${parameter.name} is on no on-premises server`);
          continue;
        }
        assert.ok(text.includes(parameter.name), `${cmdlet.name} -${parameter.name}`);
        for (const value of parameter.enumValues ?? []) assert.ok(text.includes(value), `${cmdlet.name} -${parameter.name} ${value}`);
      }
    }
  });

  it('compiles every expression with the Oniguruma engine VS Code uses', async () => {
    const testPackage = dirname(require.resolve('vscode-tmgrammar-test/package.json'));
    const main = require.resolve('vscode-oniguruma', { paths: [testPackage] });
    const onig = ((await import(pathToFileURL(main).href)) as { default: Oniguruma }).default;
    const wasm = readFileSync(join(dirname(main), 'onig.wasm'));
    await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const all = expressions(buildInjectionGrammar(getCatalog()));
    assert.ok(all.length > 36 * 2);
    for (const { path, source } of all) {
      assert.doesNotThrow(() => new onig.OnigScanner([source]).dispose(), `${path}: ${source.slice(0, 120)}`);
    }
  });
});
