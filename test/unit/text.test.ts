import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { changeBetween, LineIndex } from '../../server/src/engine/text';
import { prng } from '../random';
import { countingIndex } from '../helpers';

/** Where each line starts, as the index tells it. */
function lineStarts(index: LineIndex): number[] {
  return Array.from({ length: index.lineCount }, (_, line) => index.offsetAt({ line, character: 0 }));
}

/** A short random text of few distinct characters, line breaks of every kind among them. */
function randomText(random: () => number, length: number): string {
  const pieces = ['a', 'b', ' ', '\n', '\r', '\r\n'];
  let text = '';
  while (text.length < length) text += pieces[Math.floor(random() * pieces.length)];
  return text;
}

describe('LineIndex of an edited text', () => {
  it('tells the same line starts as an index made from scratch, after each of 5,000 random edits', () => {
    const random = prng(16);
    let text = randomText(random, 40);
    let index = new LineIndex(text);
    for (let i = 0; i < 5_000; i++) {
      // Replace a random span (possibly empty) by a random text (possibly empty): a carriage return and a line feed
      // can meet at either end of it, or be parted.
      const start = Math.floor(random() * (text.length + 1));
      const end = Math.min(text.length, start + Math.floor(random() * 4));
      const next = text.slice(0, start) + randomText(random, Math.floor(random() * 4)) + text.slice(end);
      const edited = LineIndex.edited(index, next);
      assert.deepEqual(lineStarts(edited), lineStarts(new LineIndex(next)), `edit ${i}: ${JSON.stringify(text)} -> ${JSON.stringify(next)}`);
      text = next.length > 200 ? next.slice(0, 40) : next;
      index = text === next ? edited : new LineIndex(text);
    }
  });

  it('finds where two texts differ', () => {
    assert.deepEqual(changeBetween('abcdef', 'abXYef'), { start: 2, end: 4 });
    assert.deepEqual(changeBetween('abc', 'abc'), { start: 3, end: 3 });
    assert.deepEqual(changeBetween('aaa', 'aaaa'), { start: 3, end: 4 });
    assert.deepEqual(changeBetween('x'.repeat(10_000) + 'y', 'x'.repeat(10_000) + 'zy'), { start: 10_000, end: 10_001 });
  });
});

describe('lazy ranges', () => {
  it('tell the positions of an eager range, read in any order, and serialise as one', () => {
    const random = prng(17);
    const text = randomText(random, 300);
    const index = new LineIndex(text);
    const spans = Array.from({ length: 500 }, () => {
      const start = Math.floor(random() * (text.length + 3)) - 1; // (offsets before and past the text are clamped)
      return [start, start + Math.floor(random() * 40)] as const;
    });
    const lazy = spans.map(([start, end]) => index.lazyRangeOf(start, end));
    // Read from the last to the first, ends before starts: the index's reading order is no help.
    for (let i = spans.length - 1; i >= 0; i--) {
      const [start, end] = spans[i];
      const eager = new LineIndex(text).rangeOf(start, end);
      assert.deepStrictEqual(lazy[i].end, eager.end, `end of ${start}-${end}`);
      assert.deepStrictEqual(lazy[i].start, eager.start, `start of ${start}-${end}`);
      assert.deepStrictEqual(JSON.parse(JSON.stringify(lazy[i])), eager, `${start}-${end} serialised`);
    }
  });

  it('work out each position once, when first read', () => {
    const text = 'a\nbb\nccc\n';
    const { index, asked } = countingIndex(text);
    const range = index.lazyRangeOf(2, 7);
    assert.deepEqual(asked, [], 'nothing worked out when made');
    for (let i = 0; i < 3; i++)
      assert.deepEqual(
        [range.start, range.end],
        [
          { line: 1, character: 0 },
          { line: 2, character: 2 },
        ],
      );
    assert.deepEqual(asked, [2, 7]);
  });
});
