import { GraphQLError } from "graphql";
import { encodeCursor } from "../cursor.js";
import type { Page } from "../loaders/hosted-history.js";
import type { ConnectionModel } from "../models.js";

export const notConfigured = (upstream: string) =>
  new GraphQLError(`${upstream} is not configured on this gateway.`, {
    extensions: { code: "UPSTREAM_NOT_CONFIGURED", upstream },
  });

/** The loaders of an upstream, or an error saying it is not configured. */
export function need<T>(loaders: T | undefined, upstream: string): T {
  if (!loaders) throw notConfigured(upstream);
  return loaders;
}

export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });
}

export function connection<T>(page: Page<T>): ConnectionModel<T> {
  return {
    edges: page.items,
    nodes: page.items.map((e) => e.node),
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.items[0]?.cursor ?? null,
      endCursor: page.items.at(-1)?.cursor ?? null,
    },
    totalCount: page.total,
  };
}

/** A connection over a window of an offset-paged listing. */
export function offsetConnection<T>(items: T[], offset: number, total: number): ConnectionModel<T> {
  const edges = items.map((node, i) => ({ node, cursor: encodeCursor({ o: offset + i }) }));
  return {
    edges,
    nodes: items,
    pageInfo: {
      hasNextPage: offset + items.length < total,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount: total,
  };
}

export const isoDate = (epochMs: number | null | undefined) =>
  epochMs == null ? null : new Date(epochMs).toISOString();

/** A path inside a repository: bounded, without NUL bytes or `..` segments, checked before any call. */
export const checkedPath = (path: string) => {
  if (path.length > 1024 || path.includes("\u0000") || path.split("/").includes(".."))
    throw badInput("The path is not valid.");
  return path;
};
