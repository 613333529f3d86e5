import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { changeBetween, LineIndex } from '../../server/src/engine/text';
import { prng } from '../random';

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
