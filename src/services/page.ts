/** Pages as services answer them: items and where each stands, never a cursor (graphql/ makes those). */

/** Where an item stands in its listing: an offset, or (Azure DevOps refs) a continuation token and a skip. */
export type Position = { offset: number } | { token?: string; skip: number };

export interface Window {
  offset: number;
  first: number;
}

export interface Page<T> {
  items: T[];
  positions: Position[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Null where the upstream gives none; a function where counting costs a call of its own. */
  total: number | null | (() => Promise<number | null>);
}

/** A page of an offset-paged listing, from its window's items and the listing's total. */
export function offsetPage<T>(items: T[], window: Window, total: number): Page<T> {
  return {
    items,
    positions: items.map((_, i) => ({ offset: window.offset + i })),
    hasNextPage: window.offset + items.length < total,
    hasPreviousPage: window.offset > 0,
    total,
  };
}

/** The window of a listing held whole. */
export const windowOf = <T>(all: readonly T[], window: Window): Page<T> =>
  offsetPage(all.slice(window.offset, window.offset + window.first), window, all.length);
