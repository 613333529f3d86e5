import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { applyFixes, fixAll } from '../../server/src/engine/fix/apply';
import { RULES } from '../../server/src/engine/rules';
import { docsPath } from '../../server/src/engine/rules/rule';
import { docsPagePath } from '../../server/src/lsp/initialization';
import { getLinter, lineRules, lintText, REPO_ROOT } from '../helpers';

const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'rules');
const MARKER = /#\s*expect:\s*([\w-]+(?:\s*,\s*[\w-]+)*)\s*$/;

/** The "line:rule" pairs that `# expect: rule` markers in a fixture announce. */
function expectedFindings(text: string, ruleId: string): string[] {
  return text
    .split(/\r?\n/)
    .flatMap((line, i) =>
      (
        MARKER.exec(line)?.[1]
          .split(',')
          .map((id) => id.trim()) ?? []
      )
        .filter((id) => id === ruleId)
        .map((id) => `${i + 1}:${id}`),
    )
    .sort();
}

describe('every rule, on its fixtures', () => {
  for (const rule of RULES) {
    const id = rule.meta.id;
    describe(id, () => {
      it('has a failing and a passing fixture and a docs page', () => {
        assert.ok(existsSync(join(FIXTURES, id, 'bad.ps1')), `test/fixtures/rules/${id}/bad.ps1 is missing`);
        assert.ok(existsSync(join(FIXTURES, id, 'good.ps1')), `test/fixtures/rules/${id}/good.ps1 is missing`);
        assert.ok(existsSync(join(REPO_ROOT, docsPath(id))), `${docsPath(id)} is missing`);
        assert.equal(docsPagePath(id), docsPath(id), 'the extension links another page than the server');
      });

      it('reports exactly the marked lines of bad.ps1', async () => {
        const text = readFileSync(join(FIXTURES, id, 'bad.ps1'), 'utf8');
        const expected = expectedFindings(text, id);
        assert.ok(expected.length > 0, 'bad.ps1 marks no expected finding');
        assert.deepEqual(lineRules(await lintText(text), id), expected);
      });

      it('repairs bad.ps1 into fixed.ps1 with the first fix of each finding', async () => {
        const text = readFileSync(join(FIXTURES, id, 'bad.ps1'), 'utf8');
        const fixes = (await lintText(text)).findings.filter((f) => f.ruleId === id).flatMap((f) => f.fixes.slice(0, 1));
        const fixedPath = join(FIXTURES, id, 'fixed.ps1');
        if (fixes.length === 0) {
          assert.ok(!existsSync(fixedPath), 'the rule offers no fix on bad.ps1, so fixed.ps1 should not exist');
          return;
        }
        assert.equal(applyFixes(text, fixes).text, readFileSync(fixedPath, 'utf8'));
      });

      it('fix-all on bad.ps1 is idempotent', async () => {
        const linter = await getLinter();
        const lint = (t: string) => linter.lint(t).findings;
        const once = fixAll(readFileSync(join(FIXTURES, id, 'bad.ps1'), 'utf8'), lint).text;
        assert.equal(fixAll(once, lint).applied, 0);
      });

      it('reports nothing on good.ps1', async () => {
        const text = readFileSync(join(FIXTURES, id, 'good.ps1'), 'utf8');
        assert.deepEqual(lineRules(await lintText(text), id), []);
      });
    });
  }

  it('has no fixture folder without a rule', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    assert.deepEqual(
      readdirSync(FIXTURES).filter((name) => !ids.has(name)),
      [],
    );
  });
});
