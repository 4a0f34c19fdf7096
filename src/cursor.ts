import { GraphQLError } from "graphql";

/**
 * Connection cursors: an offset (`o`) for upstreams paged by offset, or a continuation token
 * and a skip (`t`, `k`) for Azure DevOps refs. Opaque to clients; bad ones are bad input.
 */
export type Cursor = { o: number } | { t?: string; k: number };

export const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");

export function decodeCursor(raw: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Record<string, unknown>;
    const offset = value.o;
    if (typeof offset === "number" && Number.isInteger(offset) && offset >= 0 && offset < 1e7)
      return { o: offset };
    const skip = value.k;
    if (
      typeof skip === "number" &&
      Number.isInteger(skip) &&
      skip >= 0 &&
      skip < 1e6 &&
      (value.t === undefined || (typeof value.t === "string" && value.t.length < 2048))
    )
      return value.t === undefined ? { k: skip } : { t: value.t, k: skip };
  } catch {
    // fall through
  }
  throw new GraphQLError(`"${raw.slice(0, 40)}" is not a cursor of this connection.`, {
    extensions: { code: "BAD_USER_INPUT" },
  });
}

/** `first` and `after` checked and turned into an offset window. */
export function offsetWindow(
  first: number | null | undefined,
  after: string | null | undefined,
): { offset: number; first: number } {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > 100)
    throw new GraphQLError("`first` must be between 1 and 100.", { extensions: { code: "BAD_USER_INPUT" } });
  if (!after) return { offset: 0, first: size };
  const cursor = decodeCursor(after);
  if (!("o" in cursor))
    throw new GraphQLError("This cursor belongs to another connection.", {
      extensions: { code: "BAD_USER_INPUT" },
    });
  return { offset: cursor.o + 1, first: size };
}
