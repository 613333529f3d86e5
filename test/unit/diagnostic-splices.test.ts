import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { SplicedDiagnostics, splicesBetween, type DiagnosticSplices } from '../../server/src/lsp/diagnostic-splices';
import { prng } from '../random';

/** An item of a list in document order: where it starts, and a number that tells it apart. */
interface Item {
  readonly n: number;
  readonly range: { readonly start: { readonly line: number; readonly character: number } };
}

const itemAt = (n: number, line: number): Item => ({ n, range: { start: { line, character: 0 } } });

/**
 * A random next version of `before`: items kept in order, some dropped, new ones inserted where they start (between
 * their neighbours); with `move`, one kept item moved to the front, out of order (the linter keeps its findings in
 * order, but the splices must still be right if one moved).
 */
function nextVersion(before: readonly Item[], random: () => number, fresh: (line: number) => Item, move: boolean): Item[] {
  const after: Item[] = [];
  let line = 0;
  for (const item of before) {
    const roll = random();
    if (roll < 0.2) after.push(fresh((line + item.range.start.line) / 2));
    line = item.range.start.line;
    if (roll >= 0.1) after.push(item);
  }
  if (random() < 0.3) after.push(fresh(line + 1));
  if (move && after.length > 2) after.unshift(...after.splice(Math.floor(random() * after.length), 1));
  return after;
}

describe('diagnostic splices', () => {
  it('rebuild each next version from the one before, sending only what is new', () => {
    const random = prng(7);
    let counter = 0;
    const fresh = (line: number): Item => itemAt(counter++, line);
    const client = new SplicedDiagnostics<Item>();
    let held: readonly Item[] = [];
    // Out of document order since an item moved, until the list is emptied.
    let disordered = false;
    for (let version = 0; version < 1000; version++) {
      const move = random() < 0.05;
      const after = random() < 0.05 ? [] : nextVersion(held, random, fresh, move);
      disordered = after.length > 0 && (disordered || move);
      const update: DiagnosticSplices<Item> = { uri: 'a', version, held: held.length, splices: splicesBetween(held, after) };
      const sent = new Set(update.splices.flatMap((splice) => splice.diagnostics));
      const result = client.apply(update, (item) => item);
      assert.ok(result, `version ${version}`);
      assert.deepEqual(result, after);
      // Identity, not only equality: what was held stays the same object; only what was not held is sent.
      result.forEach((item, i) => assert.equal(item, after[i]));
      for (const item of after) if (!held.includes(item)) assert.ok(sent.has(item), `version ${version}: a new item not sent`);
      if (!disordered)
        assert.ok(
          [...sent].every((item) => !held.includes(item)),
          `version ${version}: items held sent again`,
        );
      held = after;
    }
  });

  it('say when they do not fit what the client holds, and start afresh from a whole list', () => {
    const client = new SplicedDiagnostics<string>();
    const none: DiagnosticSplices<string>['splices'] = [];
    const whole = (items: readonly string[]): DiagnosticSplices<string> => ({ uri: 'a', held: 0, splices: [{ start: 0, deleteCount: 0, diagnostics: items }] });
    assert.deepEqual(
      client.apply(whole(['x', 'y']), (d) => d),
      ['x', 'y'],
    );
    assert.equal(
      client.apply({ uri: 'a', held: 3, splices: none }, (d) => d),
      undefined,
    );
    // Forgotten after the mismatch: only a whole list is taken now.
    assert.equal(
      client.apply({ uri: 'a', held: 2, splices: none }, (d) => d),
      undefined,
    );
    assert.deepEqual(
      client.apply(whole(['z']), (d) => d),
      ['z'],
    );
    assert.equal(
      client.apply({ uri: 'a', held: 1, splices: [{ start: 1, deleteCount: 1, diagnostics: [] }] }, (d) => d),
      undefined,
    );
    assert.deepEqual(
      client.apply(whole([] as string[]), (d) => d),
      [],
    );
  });

  it('convert only the diagnostics sent', () => {
    const client = new SplicedDiagnostics<{ text: string }>();
    const converted: string[] = [];
    const convert = (text: string): { text: string } => (converted.push(text), { text });
    client.apply({ uri: 'a', held: 0, splices: [{ start: 0, deleteCount: 0, diagnostics: ['a', 'b', 'c'] }] }, convert);
    const list = client.apply({ uri: 'a', held: 3, splices: [{ start: 1, deleteCount: 1, diagnostics: ['B'] }] }, convert);
    assert.deepEqual(list, [{ text: 'a' }, { text: 'B' }, { text: 'c' }]);
    assert.deepEqual(converted, ['a', 'b', 'c', 'B']);
  });
});
