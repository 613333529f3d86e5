import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../server/src/engine/rules';
import { projectConfigSchema, rulePageFacts, rulesIndexMarkdown, rulesSchema } from '../../server/src/tools/metadata';
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
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      contributes: { configuration: { properties: Record<string, unknown> } };
    };
    assert.deepEqual(manifest.contributes.configuration.properties['lyncPic.rules'], { ...rulesSchema(), default: {} }, `package.json is ${STALE}`);
  });

  it("each rule page states the rule's default severity and since version", () => {
    for (const rule of RULES) {
      const page = readFileSync(join(REPO_ROOT, 'docs', 'rules', `${rule.meta.id}.md`), 'utf8');
      assert.ok(page.includes(`\n${rulePageFacts(rule.meta)}\n`), `docs/rules/${rule.meta.id}.md is ${STALE}`);
    }
  });
});
