import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TargetVersion } from '../../server/src/engine/catalog';
import { lineRules, lintText, REPO_ROOT } from '../helpers';

interface Snippet {
  readonly prefix: string[];
  readonly body: string[];
}

const snippets = JSON.parse(readFileSync(join(REPO_ROOT, 'snippets', 'powershell.json'), 'utf8')) as Record<string, Snippet>;

/** What VS Code inserts when every placeholder keeps its default: `${1:Global}` → Global, `\$` → $. */
function expand(body: readonly string[]): string {
  return body
    .join('\n')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\\$/g, '$');
}

function targetOf(name: string): TargetVersion {
  return name.includes('Lync Server 2013') ? 'lync2013' : name.includes('Skype for Business') ? 'sfb2019' : 'any';
}

describe('snippets', () => {
  it('contributes the documented commands', () => {
    assert.ok(Object.keys(snippets).length >= 6);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    it(`"${name}" lints clean once inserted (target ${targetOf(name)})`, async () => {
      const text = expand(snippet.body);
      assert.doesNotMatch(text, /\$\{|\\\$/, 'every placeholder expanded');
      // A provider command on its own cannot know whether the provider exists; the re-runnable one must be fully clean.
      const tolerated = name.includes('re-runnable') ? [] : [':unguarded-new-provider'];
      const rules = lineRules(await lintText(text, { target: targetOf(name) })).filter((r) => !tolerated.some((t) => r.endsWith(t)));
      assert.deepEqual(rules, []);
    });
  }
});
