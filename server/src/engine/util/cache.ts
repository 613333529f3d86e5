/**
 * Values computed once per key, for keys a script writes thousands of times (names as written). `limit`: the most
 * keys kept; beyond it, values are computed every time (a script of random names cannot grow it without bound).
 */
export class Memo<Key, Value> {
  private readonly values = new Map<Key, Value>();

  constructor(
    private readonly compute: (key: Key) => Value,
    private readonly limit = Number.POSITIVE_INFINITY,
  ) {}

  get(key: Key): Value {
    let value = this.values.get(key);
    if (value === undefined) {
      value = this.compute(key);
      if (this.values.size < this.limit) this.values.set(key, value);
    }
    return value;
  }
}

/**
 * Values computed once per owner object and key (a weak map of memos: an owner dropped takes its values with it), up
 * to `limit` keys per owner.
 */
export class KeyedCache<Owner extends object, Key, Value> {
  private readonly byOwner = new WeakMap<Owner, Memo<Key, Value>>();

  constructor(
    private readonly compute: (owner: Owner, key: Key) => Value,
    private readonly limit = Number.POSITIVE_INFINITY,
  ) {}

  get(owner: Owner, key: Key): Value {
    let values = this.byOwner.get(owner);
    if (!values) this.byOwner.set(owner, (values = new Memo((of: Key) => this.compute(owner, of), this.limit)));
    return values.get(key);
  }
}

/** What a lint keeps of each command for the next lint of an edited version: a weak map, or nothing at all. */
export interface Kept<K extends object, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** Keeps nothing: for a one-shot lint, which no next lint reuses (`LinterOptions.reuse`). */
const FORGETFUL: Kept<object, never> = { get: () => undefined, set: () => undefined };

/** A store of what is kept per command: a weak map when `reuse`, else one that keeps nothing. */
export function keptPerObject<K extends object, V>(reuse: boolean): Kept<K, V> {
  return reuse ? new WeakMap<K, V>() : FORGETFUL;
}
