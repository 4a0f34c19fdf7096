/** A value and everything in it frozen: shared between requests, nothing may change it for the others. */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  for (const item of Object.values(value)) deepFreeze(item);
  return Object.freeze(value);
}

/**
 * `make`, made once per object it is given and kept as long as that object lives: what is made of
 * an answer shared between requests (see parsed-answers.ts) is shared with it, and goes with it.
 */
export function oncePer<K extends object, V>(make: (from: K) => V): (from: K) => V {
  const made = new WeakMap<K, V>();
  return (from) => {
    if (made.has(from)) return made.get(from)!;
    const value = make(from);
    made.set(from, value);
    return value;
  };
}

/** `oncePer` for a pair of shared objects: kept while both live. */
export function oncePerPair<A extends object, B extends object, V>(
  make: (a: A, b: B) => V,
): (a: A, b: B) => V {
  const withFirst = oncePer((a: A) => oncePer((b: B) => make(a, b)));
  return (a, b) => withFirst(a)(b);
}
