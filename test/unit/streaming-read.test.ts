import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, it } from 'node:test';
import { readParts, readText } from '../../server/src/engine/parse/commands';
import { parseScript } from '../../server/src/engine/parse/script-parser';
import { LineIndex } from '../../server/src/engine/text';
import { fixturesAndExamples, plain, REPO_ROOT } from '../helpers';
import { prng } from '../random';
import { randomEdit } from '../random-edits';

/**
 * A lint from scratch reads each top-level statement as soon as it is parsed, and the parser keeps no tree
 * (`readText`); completion, hover and the incremental lint read a whole tree (`readParts` of `parseScript`). Both must
 * read the same commands, comments, assignments, variables, functions and errors, with the same statement starts.
 */
function assertSameReading(name: string, text: string): void {
  const streamed = readText(text, new LineIndex(text), { all: true });
  const tree = parseScript(text);
  assert.deepStrictEqual(plain(streamed.parts), plain(readParts(tree, new LineIndex(text), { all: true })), `${name}: ${JSON.stringify(text.slice(0, 200))}…`);
  assert.deepStrictEqual(streamed.topLevel, tree.topLevel, `${name}: the top-level statements`);
}

describe('reading a script as it is parsed', () => {
  it('reads what the syntax tree holds, for every fixture and example and after random edits of each', () => {
    const scripts = fixturesAndExamples();
    assert.ok(scripts.length > 50, `${scripts.length} scripts`);
    scripts.forEach((path, i) => {
      const name = relative(REPO_ROOT, path);
      let text = readFileSync(path, 'utf8');
      assertSameReading(name, text);
      const random = prng(5000 + i);
      for (let edit = 1; edit <= 10; edit++) {
        text = randomEdit(text, random);
        assertSameReading(`${name}, edit ${edit}`, text);
      }
    });
  });

  it('hands over what a look-ahead at the next statement found with that statement', () => {
    // The parser looks at the token after a statement before it ends it: here a string whose sub-expression holds a
    // command, and a here-string run on from a line that a command ends.
    const text = [
      'Get-CsUser -Identity a',
      '"$(Get-CsPublicProvider -Identity Skype)"',
      '$x = 1',
      '@"',
      '$(Set-CsUser -Identity b)',
      '"@ | Out-Null',
      'Get-CsAllowedDomain "$(Get-CsBlockedDomain)"',
    ].join('\n');
    assertSameReading('look-ahead', text);
    const names = readText(text, new LineIndex(text)).parts.commands.map((command) => command.name);
    assert.deepEqual(names, ['Get-CsUser', 'Get-CsPublicProvider', 'Set-CsUser', 'Get-CsAllowedDomain', 'Get-CsBlockedDomain']);
  });
});
