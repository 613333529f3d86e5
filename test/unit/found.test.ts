import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { FoundInOrder } from '../../server/src/engine/parse/found';

interface Item {
  readonly name: string;
  readonly start: number;
}

const startOf = (item: Item): number => item.start;

/** A list with these items found one after the other, each read at once. */
function found(...items: Item[]): FoundInOrder<Item> {
  const list = new FoundInOrder<Item>();
  for (const item of items) list.fill(list.reserve(item.start), item);
  return list;
}

const names = (items: readonly Item[]): string[] => items.map((item) => item.name);

describe('what the parser found, in document order', () => {
  it('lists each item once, in document order, and leaves out places never filled', () => {
    const list = found({ name: 'a', start: 0 }, { name: 'b', start: 5 });
    list.reserve(7);
    list.fill(list.reserve(9), { name: 'c', start: 9 });
    // A `$( … )` read twice (a string run together with a word): the second reading is the same item.
    list.fill(list.reserve(9), { name: 'c again', start: 9 });
    assert.deepEqual(names(list.inDocumentOrder(startOf)), ['a', 'b', 'c']);
  });

  it('sorts when an item was found after one that starts later (a backtrack)', () => {
    const list = found({ name: 'b', start: 5 }, { name: 'a', start: 0 }, { name: 'c', start: 9 });
    assert.deepEqual(names(list.inDocumentOrder(startOf)), ['a', 'b', 'c']);
  });

  it('hands over what starts before a statement, once, and keeps what a look-ahead found after it', () => {
    const list = found({ name: 'a', start: 0 }, { name: 'b', start: 4 }, { name: 'look-ahead', start: 10 });
    assert.deepEqual(names(list.takeBefore(10, startOf)), ['a', 'b']);
    assert.deepEqual(names(list.takeBefore(10, startOf)), [], 'handed over once');
    list.fill(list.reserve(12), { name: 'd', start: 12 });
    assert.deepEqual(names(list.takeBefore(20, startOf)), ['look-ahead', 'd']);
    assert.deepEqual(names(list.inDocumentOrder(startOf)), [], 'nothing left once all was handed over');
  });

  it('keeps the places taken while something is left, and starts again from the first once all was handed over', () => {
    const list = found({ name: 'a', start: 0 }, { name: 'look-ahead', start: 10 });
    list.takeBefore(10, startOf);
    assert.equal(list.length, 2, 'a mark taken as a length before the hand-over still counts the places');
    list.takeBefore(20, startOf);
    assert.equal(list.length, 0, 'all handed over: the lists do not grow over a whole script');
    list.fill(list.reserve(25), { name: 'e', start: 25 });
    list.reserve(27);
    list.truncate(1);
    assert.deepEqual(names(list.takeBefore(30, startOf)), ['e']);
  });

  it('hands over what starts before a statement when it was found after what starts after it', () => {
    const list = found({ name: 'a', start: 0 }, { name: 'after', start: 15 }, { name: 'b', start: 4 }, { name: 'later', start: 20 });
    assert.deepEqual(names(list.takeBefore(10, startOf)), ['a', 'b']);
    assert.deepEqual(names(list.takeBefore(30, startOf)), ['after', 'later']);
  });

  it('forgets, after a mark, what starts at or after an offset, and everything after a mark on a backtrack', () => {
    const list = found({ name: 'a', start: 0 });
    const mark = list.length;
    list.fill(list.reserve(3), { name: 'b', start: 3 });
    list.fill(list.reserve(8), { name: 'c', start: 8 });
    list.forgetFrom(mark, 5);
    assert.deepEqual(names(list.inDocumentOrder(startOf)), ['a', 'b']);
    list.truncate(mark);
    assert.deepEqual(names(list.inDocumentOrder(startOf)), ['a']);
  });
});
