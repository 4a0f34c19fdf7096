import type { UpstreamName } from "../http/types.js";
import { UpstreamError } from "../http/upstream-error.js";

/**
 * The one way a value becomes part of an upstream URL's path. Each segment is percent-encoded;
 * empty, `.` and `..` segments are refused, since URL parsers remove dot segments and an empty
 * one names the collection instead of the record: either would reach another resource.
 */
export function buildPath(upstream: UpstreamName, segments: readonly string[]): string {
  return segments
    .map((segment) => {
      if (segment === "" || segment === "." || segment === "..")
        throw new UpstreamError(upstream, "INVALID_ARGUMENT", undefined, "an empty, . or .. path segment");
      return `/${encodeURIComponent(segment)}`;
    })
    .join("");
}

export type QueryValues = Record<string, string | number | boolean | undefined>;

/** Query parameters in the order given; undefined and empty values are left out. */
export function buildQuery(values: QueryValues): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== "") query.set(key, String(value));
  const text = query.toString();
  return text ? `?${text}` : "";
}
