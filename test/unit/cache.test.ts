import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { KeyedCache, Memo } from '../../server/src/engine/util/cache';

describe('KeyedCache', () => {
  it('computes a value once per owner and key, and again beyond its limit of keys', () => {
    const computed: string[] = [];
    const cache = new KeyedCache((owner: { name: string }, key: string) => {
      computed.push(`${owner.name}/${key}`);
      return `${owner.name}:${key}`;
    }, 2);
    const a = { name: 'a' };
    const b = { name: 'b' };
    assert.equal(cache.get(a, 'x'), 'a:x');
    assert.equal(cache.get(a, 'x'), 'a:x');
    assert.equal(cache.get(b, 'x'), 'b:x');
    cache.get(a, 'y');
    cache.get(a, 'z');
    cache.get(a, 'z');
    assert.deepEqual(computed, ['a/x', 'b/x', 'a/y', 'a/z', 'a/z']);
  });
});

describe('Memo', () => {
  it('computes a value once per key, null included, and again beyond its limit of keys', () => {
    const computed: string[] = [];
    const memo = new Memo((key: string) => {
      computed.push(key);
      return key === 'none' ? null : key.toUpperCase();
    }, 2);
    assert.equal(memo.get('a'), 'A');
    assert.equal(memo.get('none'), null);
    assert.equal(memo.get('a'), 'A');
    assert.equal(memo.get('none'), null);
    assert.equal(memo.get('b'), 'B');
    assert.equal(memo.get('b'), 'B');
    assert.deepEqual(computed, ['a', 'none', 'b', 'b']);
  });
});
