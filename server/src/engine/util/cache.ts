/**
 * Values computed once per owner object and key (a weak map of maps: an owner dropped takes its values with it).
 * `limit`: the most keys kept per owner; beyond it, values are computed every time (a script of random names
 * cannot grow the cache without bound).
 */
export class KeyedCache<Owner extends object, Key, Value> {
  private readonly byOwner = new WeakMap<Owner, Map<Key, Value>>();

  constructor(
    private readonly compute: (owner: Owner, key: Key) => Value,
    private readonly limit = Number.POSITIVE_INFINITY,
  ) {}

  get(owner: Owner, key: Key): Value {
    let values = this.byOwner.get(owner);
    if (!values) this.byOwner.set(owner, (values = new Map<Key, Value>()));
    let value = values.get(key);
    if (value === undefined) {
      value = this.compute(owner, key);
      if (values.size < this.limit) values.set(key, value);
    }
    return value;
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
