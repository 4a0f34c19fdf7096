import type { Page } from "../services/page.js";
import { encodeCursor } from "./cursor.js";

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** A Relay connection (codegen's mappers point every connection type here). */
export interface ConnectionModel<T> {
  edges: Array<Edge<T>>;
  nodes: T[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number | null | (() => Promise<number | null>);
}

/**
 * A service's page as a connection: each position becomes a cursor. Edges (and so their cursors)
 * are made only when a query asks for them: most read `nodes`, and an overview of a few thousand
 * repositories would otherwise encode a cursor for each of their branches.
 */
export function connection<T>(page: Page<T>): ConnectionModel<T> {
  const cursorAt = (i: number) => encodeCursor(page.positions[i]!);
  const last = page.items.length - 1;
  let edges: Array<Edge<T>> | undefined;
  return {
    get edges() {
      return (edges ??= page.items.map((node, i) => ({ node, cursor: cursorAt(i) })));
    },
    nodes: page.items,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: last < 0 ? null : cursorAt(0),
      endCursor: last < 0 ? null : cursorAt(last),
    },
    totalCount: page.total,
  };
}

/** The same, for a page that may be missing (its upstream had no such record). */
export const connectionOrNull = <T>(page: Page<T> | null) => (page ? connection(page) : null);
