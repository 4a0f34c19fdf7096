import { badInput } from "./arguments.js";
import type { Position, Window } from "../services/page.js";

/**
 * Connection cursors: the only place they are made. A cursor is a position a service answered,
 * an offset (`o`) or a continuation token and a skip (`t`, `k`), opaque to clients; a bad one
 * is bad input.
 */

export function encodeCursor(position: Position): string {
  const value =
    "offset" in position
      ? { o: position.offset }
      : { ...(position.token ? { t: position.token } : {}), k: position.skip };
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeCursor(raw: string): Position {
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Record<string, unknown>;
    const offset = value.o;
    if (typeof offset === "number" && Number.isInteger(offset) && offset >= 0 && offset < 1e7)
      return { offset };
    const skip = value.k;
    if (
      typeof skip === "number" &&
      Number.isInteger(skip) &&
      skip >= 0 &&
      skip < 1e6 &&
      (value.t === undefined || (typeof value.t === "string" && value.t.length < 2048))
    )
      return value.t === undefined ? { skip } : { token: value.t, skip };
  } catch {
    // fall through
  }
  throw badInput(`"${raw.slice(0, 40)}" is not a cursor of this connection.`);
}

/** `first` (1 to 100, 20 when not given) checked. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? 20;
  if (!Number.isInteger(size) || size < 1 || size > 100) throw badInput("`first` must be between 1 and 100.");
  return size;
}

/** `first` and `after` checked and turned into an offset window. */
export function offsetWindow(first: number | null | undefined, after: string | null | undefined): Window {
  const size = pageSize(first);
  if (!after) return { offset: 0, first: size };
  const position = decodeCursor(after);
  if (!("offset" in position)) throw badInput("This cursor belongs to another connection.");
  return { offset: position.offset + 1, first: size };
}
