import { strict as assert } from 'node:assert';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ENCODED_CATALOG } from '../../server/src/engine/catalog/data.generated';
import { docsMirrorMissing, REPO_ROOT, runExtractor } from '../helpers';

/** The first line where two texts differ, both versions shown (a whole 500 KB diff says nothing). */
function firstDifference(fresh: string, committed: string): string | undefined {
  if (fresh === committed) return undefined;
  const a = fresh.split('\n');
  const b = committed.split('\n');
  const at = a.findIndex((line, i) => line !== b[i]);
  const line = at < 0 ? a.length : at;
  return `line ${line + 1}:\n  extractor: ${(a[line] ?? '(end)').slice(0, 300)}\n  committed: ${(b[line] ?? '(end)').slice(0, 300)}`;
}

describe('the generated catalogue', () => {
  it('is what scripts/extract-catalog.mjs writes from the mirror at the pinned commit (data and docs/catalog.md)', (t) => {
    const missing = docsMirrorMissing(ENCODED_CATALOG.commit);
    if (missing) {
      t.skip(missing);
      return;
    }
    const fresh = runExtractor(ENCODED_CATALOG.commit);
    const written = { data: readFileSync(fresh.data, 'utf8'), docs: readFileSync(fresh.docs, 'utf8') };
    rmSync(fresh.folder, { recursive: true, force: true });
    for (const [text, committed] of [
      [written.data, 'server/src/engine/catalog/data.generated.ts'],
      [written.docs, 'docs/catalog.md'],
    ]) {
      const difference = firstDifference(text, readFileSync(join(REPO_ROOT, committed), 'utf8'));
      assert.equal(difference, undefined, `${committed} drifted from the extractor (run node scripts/extract-catalog.mjs); ${difference}`);
    }
  });
});
