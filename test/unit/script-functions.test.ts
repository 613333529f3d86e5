import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { Linter } from '../../server/src/engine/lint';
import { lintText } from '../helpers';

describe('functions the script defines', () => {
  it('are not judged as the cmdlets they are named like', async () => {
    const text = 'function Set-CsClientPolicy { param($Foo) }\nSet-CsClientPolicy -Foo 1\n';
    const result = await lintText(text);
    assert.deepEqual(result.findings, []);
    assert.equal(result.bound.length, 0);
  });

  it('are known by name wherever they are defined, with a scope or in a filter, and only by that name', async () => {
    const text = [
      'New-CsPublicProvidr -Identity x',
      'function global:New-CsPublicProvidr { }',
      'filter Set-CsExternalAccessPolicy { }',
      'Set-CsExternalAccessPolicy -Bogus 1',
      'Grant-CsExternalAccessPolicy -Bogus 1',
    ].join('\n');
    const result = await lintText(text);
    assert.deepEqual(
      result.findings.map((f) => `${f.range.start.line + 1}:${f.ruleId}`),
      ['5:unknown-parameter'],
    );
  });

  it('are forgotten when the definition goes, as the script is edited', () => {
    const linter = new Linter();
    const defined = linter.lint('function Set-CsClientPolicy { }\nSet-CsClientPolicy -Foo 1\n');
    assert.deepEqual(defined.findings, []);
    const removed = linter.lint('\nSet-CsClientPolicy -Foo 1\n', {}, defined);
    assert.deepEqual(
      removed.findings.map((f) => f.ruleId),
      ['unknown-parameter'],
    );
  });
});
