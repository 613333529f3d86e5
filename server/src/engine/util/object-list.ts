/**
 * An empty array for objects, that holds them from the start in V8's elements kind for any value. An empty `[]`
 * starts as an array of small integers and changes kind at its first object; and once V8 has seen an array change
 * kind while still young, the `[]` of that place in the code starts in the new kind (allocation-site feedback). The
 * arrays a lint fills then start in one kind in the first lint of a process and in the other in the next ones: the
 * code optimised in the first deoptimises ("wrong map", "not a Smi" at `push`) in the second, for each such array.
 * The shared empty lists are made by it too: the code that reads lists then sees one kind, empty or not.
 */
export function objectList<T>(): T[] {
  // (`[undefined]` is of the general kind; emptying it keeps its kind.)
  const list: (T | undefined)[] = [undefined];
  list.length = 0;
  return list as T[];
}

/**
 * `items.map(toObject)`, in an array of the kind `objectList` makes: `map` makes packed arrays, but holey ones once V8
 * has optimised its caller, and the code that reads them, optimised for the one kind, deoptimises on the other.
 */
export function mappedToObjects<T, U>(items: readonly T[], toObject: (item: T) => U): U[] {
  const list = objectList<U>();
  for (const item of items) list.push(toObject(item));
  return list;
}

/**
 * An array for `size` objects, to be filled at once: of V8's elements kind for any value with holes (it is made
 * with holes, and writing objects does not change that kind), the kind `sizedList(0)` has too.
 */
export function sizedList<T>(size: number): T[] {
  const list = new Array<T | undefined>(size);
  // (An array made with holes is of the kind for small integers until a value of another kind is written: one now.
  // Setting the length is a call into the runtime: only an empty list needs it, which the write made one long.)
  list[0] = undefined;
  if (size === 0) list.length = 0;
  return list as T[];
}
