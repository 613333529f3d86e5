import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { measured, Timings } from '../../server/src/engine/util/timing';
import { Linter } from '../../server/src/engine/lint';
import { RULES } from '../../server/src/engine/rules';

/** A clock that moves only when told: phases take exactly the time they say, whatever the host's load. */
function manualClock(): { now: () => number; spin: (ms: number) => void } {
  let time = 0;
  return { now: () => time, spin: (ms) => void (time += ms) };
}

describe('Timings', () => {
  it('sums phases in the order they first ran, and rules slowest first', () => {
    const { now, spin } = manualClock();
    const timings = new Timings(now);
    assert.equal(
      timings.phase('parse', () => (spin(2), 'tree')),
      'tree',
    );
    timings.phase('walk', () => spin(1));
    timings.phase('parse', () => spin(2));
    timings.add('load', 5);
    timings.rule('fast', () => spin(1));
    timings.rule('slow', () => spin(4));
    assert.deepEqual(
      timings.phases.map(([name]) => name),
      ['parse', 'walk', 'load'],
    );
    assert.equal(timings.phases[0][1], 4, 'both parse runs counted');
    assert.equal(timings.phases[2][1], 5);
    assert.deepEqual(
      timings.rules.map(([id]) => id),
      ['slow', 'fast'],
    );
  });

  it('counts a phase that throws, and measured() runs work without timings', () => {
    const timings = new Timings();
    assert.throws(
      () =>
        timings.phase('broken', () => {
          throw new Error('x');
        }),
      /x/,
    );
    assert.equal(timings.phases[0][0], 'broken');
    assert.equal(
      measured(undefined, 'any', () => 42),
      42,
    );
  });

  it('a lint with timings records its phases and every rule that ran', () => {
    const linter = new Linter();
    const timings = new Timings();
    const result = linter.lint('New-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.co\n', {
      timings,
      rules: { 'unknown-cmdlet': 'off' },
    });
    assert.ok(result.findings.some((f) => f.ruleId === 'skype-proxy-fqdn'));
    assert.deepEqual(
      timings.phases.map(([name]) => name),
      ['parse', 'bind', 'rules'],
    );
    // Every rule in force ran, but those that do not apply to New-CsPublicProvider (Rule.appliesTo).
    const cmdlet = linter.catalog.cmdlet('New-CsPublicProvider');
    assert.ok(cmdlet);
    const ran = RULES.filter((r) => r.meta.id !== 'unknown-cmdlet' && (r.appliesTo?.(cmdlet) ?? true)).map((r) => r.meta.id);
    assert.ok(ran.length < RULES.length - 1, 'some rules apply to other cmdlets only');
    assert.deepEqual(timings.rules.map(([id]) => id).sort(), ran.sort());
  });
});
