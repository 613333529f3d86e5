import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { projectConfigSchema, rulesIndexMarkdown, rulesSchema } from '../../server/src/tools/metadata';
import { REPO_ROOT } from '../helpers';

const STALE = 'out of date: run `npx tsc -p . && node scripts/generate-metadata.mjs`';

describe('files generated from the rule metadata', () => {
  it('docs/rules/README.md lists every rule', () => {
    assert.equal(readFileSync(join(REPO_ROOT, 'docs', 'rules', 'README.md'), 'utf8'), rulesIndexMarkdown(), `docs/rules/README.md is ${STALE}`);
  });

  it('schemas/lync-pic.schema.json matches the rules', () => {
    const committed: unknown = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'lync-pic.schema.json'), 'utf8'));
    assert.deepEqual(committed, projectConfigSchema(), `the schema is ${STALE}`);
  });

  it('the lyncPic.rules setting in package.json matches the rules', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, unknown> } } };
    assert.deepEqual(manifest.contributes.configuration.properties['lyncPic.rules'], { ...rulesSchema(), default: {} }, `package.json is ${STALE}`);
  });
});
