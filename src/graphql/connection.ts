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

/** A service's page as a connection: each position becomes a cursor. */
export function connection<T>(page: Page<T>): ConnectionModel<T> {
  const edges = page.items.map((node, i) => ({ node, cursor: encodeCursor(page.positions[i]!) }));
  return {
    edges,
    nodes: page.items,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: page.total,
  };
}

/** The same, for a page that may be missing (its upstream had no such record). */
export const connectionOrNull = <T>(page: Page<T> | null) => (page ? connection(page) : null);
