/**
 * Names in the order people read them: English collation, case and accents aside. One collator
 * for every comparison: `localeCompare` with options builds its collator on each call, which made
 * sorting a walk's two thousand repositories cost about a hundred milliseconds instead of two.
 */
export const compareNames: (a: string, b: string) => number = new Intl.Collator("en", {
  sensitivity: "base",
}).compare;
