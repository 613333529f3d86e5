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
