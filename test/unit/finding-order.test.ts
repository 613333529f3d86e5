import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, it } from 'node:test';
import type { Finding } from '../../server/src/engine/rules';
import { RULES } from '../../server/src/engine/rules';
import { fixturesAndExamples, lintText, REPO_ROOT } from '../helpers';

/** The order a lint promises: by position, then in the order of the rules. */
function byPositionThenRule(a: Finding, b: Finding): number {
  const rule = (f: Finding): number => RULES.findIndex((r) => r.meta.id === f.ruleId);
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || rule(a) - rule(b);
}

function assertInOrder(name: string, findings: readonly Finding[]): void {
  for (let i = 1; i < findings.length; i++) {
    const [a, b] = [findings[i - 1], findings[i]];
    assert.ok(byPositionThenRule(a, b) <= 0, `${name}: ${a.ruleId} at ${JSON.stringify(a.range.start)} before ${b.ruleId} at ${JSON.stringify(b.range.start)}`);
  }
}

const WRONG_PROVIDER = 'New-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.co -Enabled $true';

describe('the order of the findings', () => {
  it('is by position, then by rule, for every fixture and example', async () => {
    for (const path of fixturesAndExamples()) assertInOrder(relative(REPO_ROOT, path), (await lintText(readFileSync(path, 'utf8'))).findings);
  });

  it('is by position, then by rule, for many findings on one line and for a few far down a long script', async () => {
    const oneLine = await lintText(Array<string>(40).fill(WRONG_PROVIDER).join('; '));
    assert.ok(oneLine.findings.length > 100, `${oneLine.findings.length} findings`);
    assertInOrder('40 commands on one line', oneLine.findings);
    const farDown = await lintText(`${'\n'.repeat(20_000)}${WRONG_PROVIDER}\n${WRONG_PROVIDER}`);
    assert.ok(farDown.findings.length >= 4, `${farDown.findings.length} findings`);
    assertInOrder('two lines after 20,000 blank ones', farDown.findings);
    const manyLines = await lintText(Array.from({ length: 300 }, (_, i) => `${WRONG_PROVIDER.replace('Skype', `Skype${i}`)}`).join('\n'));
    assertInOrder('300 lines', manyLines.findings);
  });
});
