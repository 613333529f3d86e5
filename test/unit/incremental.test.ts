import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, it } from 'node:test';
import { Linter, type LintOptions, type LintResult } from '../../server/src/engine/lint';
import type { ScriptCommand } from '../../server/src/engine/parse/commands';
import { parseScript } from '../../server/src/engine/parse/script-parser';
import { RULES } from '../../server/src/engine/rules';
import { fixturesAndExamples, plain, REPO_ROOT } from '../helpers';
import { prng } from '../random';
import { randomEdit } from '../random-edits';

/**
 * Linting a new version of a script with the lint of the previous one (`Linter.lint(text, options, previous)`) reads
 * only the statements around the edit again: here, after every edit of a chain of random ones, it must give exactly
 * what a lint from scratch gives, down to the statement starts it keeps for the next edit.
 */

/** What a lint tells, with its positions, in a form `deepEqual` compares. */
function told(result: LintResult): unknown {
  return plain({
    commands: result.commands,
    comments: result.comments,
    syntaxErrors: result.syntaxErrors,
    findings: result.findings,
    target: result.target,
    starts: result.reading.starts,
    errorCounts: result.reading.errorCounts,
  });
}

function assertChainMatches(name: string, text: string, seed: number, edits: number, options: LintOptions = {}): number {
  const incremental = new Linter();
  const random = prng(seed);
  let previous = incremental.lint(text, options);
  let reused = 0;
  for (let i = 0; i < edits; i++) {
    const next = randomEdit(text, random);
    const result = incremental.lint(next, options, previous);
    const fromScratch = new Linter().lint(next, options);
    assert.deepStrictEqual(told(result), told(fromScratch), `${name}, seed ${seed}, edit ${i + 1}: ${JSON.stringify(next.slice(0, 200))}…`);
    if (result.commands.some((command) => previous.commands.includes(command))) reused++;
    previous = result;
    text = next;
  }
  return reused;
}

describe('linting an edited script with the lint of its previous version', () => {
  const scripts = fixturesAndExamples();

  it('gives what a lint from scratch gives, after each of 25 random edits of every fixture and example', () => {
    assert.ok(scripts.length > 50, `${scripts.length} scripts`);
    scripts.forEach((path, i) => assertChainMatches(relative(REPO_ROOT, path), readFileSync(path, 'utf8'), 1000 + i, 25));
  });

  it('gives what a lint from scratch gives on a long script of all fixtures four times over, with other options', () => {
    const all = scripts.map((path) => readFileSync(path, 'utf8')).join('\n');
    const long = [all, all, all, all].join('\n');
    assert.ok(long.split('\n').length > 1_500);
    const reused = assertChainMatches('all fixtures', long, 7, 120, { target: 'sfb2019', rules: { 'unknown-cmdlet': 'error', 'skype-icon-url': 'off' } });
    // Most edits leave most commands as they were: they are the same objects, not read again.
    assert.ok(reused > 60, `commands reused after ${reused} of 120 edits`);
  });

  it('reuses the commands before and after a one-character edit, and the findings of unchanged commands', () => {
    const block = 'New-CsPublicProvider -Identity Skype -ProxyFqdn sip.contoso.com -Enabled $true\nSet-CsAccessEdgeConfiguration -AllowFederatedUsers $true\n';
    const text = block.repeat(100);
    const linter = new Linter();
    const first = linter.lint(text);
    const middle = text.indexOf('sip.contoso.com', text.length / 2) + 3;
    const second = linter.lint(text.slice(0, middle) + 'x' + text.slice(middle), {}, first);
    assert.equal(second.commands.length, 200);
    const changed = second.commands.filter((command, i) => command !== first.commands[i]);
    // The edited command is read again, and the two before it (where a statement ends depends on the next token).
    assert.ok(changed.length >= 1 && changed.length <= 4, `${changed.length} commands read again`);
    // The findings of the rules that judge one command at a time are kept with the commands kept.
    const byCommandRules = second.findings.filter((finding) => {
      const rule = RULES.find((r) => r.meta.id === finding.ruleId);
      return rule?.checkBound !== undefined || rule?.checkCommand !== undefined;
    });
    const kept = byCommandRules.filter((finding) => first.findings.includes(finding));
    assert.ok(byCommandRules.length >= 200 && kept.length >= byCommandRules.length - 4 * 3, `${kept.length} of ${byCommandRules.length} findings kept`);
    // An edit that adds a line moves the commands after it: new objects, one line further down.
    const third = linter.lint('\n' + text.slice(0, middle) + '\n' + text.slice(middle), {}, second);
    assert.equal(third.commands[199].range.start.line, second.commands[199].range.start.line + 2);
  });

  it('keeps the findings a script rule keeps by command (RuleContext.perCommand) as the same objects', () => {
    const text =
      Array.from({ length: 10 }, (_, i) => `New-CsPublicProvider -Identity P${i} -ProxyFqdn sip.contoso.com -Enabled $true\n`).join('') + 'Get-CsUser\n';
    const linter = new Linter();
    const first = linter.lint(text);
    const unguarded = (result: LintResult): unknown[] => result.findings.filter((f) => f.ruleId === 'unguarded-new-provider');
    assert.equal(unguarded(first).length, 10);
    const edited = text.lastIndexOf('Get-CsUser') + 3;
    const second = linter.lint(text.slice(0, edited) + 'x' + text.slice(edited), {}, first);
    assert.deepEqual(
      unguarded(second).map((finding, i) => finding === unguarded(first)[i]),
      [...Array<boolean>(9).fill(true), false],
      'all but the last, whose statement the edit reads again (the next token decides where a statement ends)',
    );
  });

  it('keeps a command with a splat, resolved, while its splat resolves to the same entries', () => {
    // (One assignment to each variable: a splat resolves only then.)
    const splatted = (i: number): string => `$p${i} = @{ Identity = "Skype${i}"; ProxyFqdn = "sip.contoso.com" }\nNew-CsPublicProvider @p${i} -Enabled $true\n`;
    const text = Array.from({ length: 20 }, (_, i) => `${splatted(i)}Get-CsPublicProvider\n`).join('') + 'Get-CsUser\n'.repeat(3);
    const linter = new Linter();
    const first = linter.lint(text);
    const holders = (result: LintResult): ScriptCommand[] => result.commands.filter((command) => command.elements.some((e) => e.type === 'splat'));
    const kept = (after: LintResult, before: LintResult): boolean[] => holders(after).map((command, i) => command === holders(before)[i]);
    assert.equal(holders(first).length, 20);
    assert.ok(holders(first).every((command) => command.elements.some((e) => e.type === 'splat' && e.entries !== undefined)));
    const edited = text.lastIndexOf('Get-CsUser') + 3;
    const second = linter.lint(text.slice(0, edited) + 'x' + text.slice(edited), {}, first);
    assert.deepEqual(kept(second, first), Array<boolean>(20).fill(true), 'an edit elsewhere keeps them all');
    // An edit of the hashtable the tenth one splats gives that one new entries; the others keep theirs.
    let hashtable = -1;
    for (let i = 0; i <= 10; i++) hashtable = second.text.indexOf('sip.contoso.com', hashtable + 1);
    hashtable += 3;
    const third = linter.lint(second.text.slice(0, hashtable) + 'x' + second.text.slice(hashtable), {}, second);
    const changed = kept(third, second).flatMap((same, i) => (same ? [] : [i]));
    assert.ok(changed.length <= 2 && changed.includes(10), `changed: ${changed.join(', ')}`);
  });
});

describe('where each top-level statement stops deciding the reading', () => {
  it('is past the line of the farthest token looked at, with LF, CR LF or CR line ends alike', () => {
    const lines = ['Get-CsUser -Identity a', '$x = 1', 'Set-CsUser -Identity b `', '  -Enabled $true', 'Get-CsSite'];
    const reaches = (newline: string): number[] => {
      const text = lines.join(newline) + newline;
      const lineEnds = lines.map((line) => text.indexOf(line) + line.length);
      // (As the line whose end it is: the same lines whatever the line ends; past the last, the end of the text.)
      return parseScript(text).topLevel.reaches.map((reach) => {
        const line = lineEnds.findIndex((end) => reach <= end + 2);
        return line === -1 ? lines.length : line;
      });
    };
    assert.deepEqual(reaches('\n'), [1, 2, 4, 5]);
    assert.deepEqual(reaches('\r\n'), reaches('\n'));
    assert.deepEqual(reaches('\r'), reaches('\n'));
  });
});
