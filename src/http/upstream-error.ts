import type { UpstreamName } from "./types.js";

export type UpstreamErrorKind =
  | "NOT_FOUND"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "REJECTED"
  | "CONFLICT"
  | "UNAVAILABLE"
  | "TIMEOUT"
  | "MALFORMED"
  | "OUTCOME_UNKNOWN"
  /** An answer declaring more than the gateway is configured to read. */
  | "TOO_LARGE"
  /** A value that cannot be part of an upstream URL (empty, `.` or `..`): refused before any call. */
  | "INVALID_ARGUMENT"
  /** The request has made all the upstream calls one request may make. */
  | "BUDGET_SPENT"
  | "ERROR";

/**
 * A failed upstream call, described without its URL or body: messages reach clients, and
 * upstream URLs and bodies may carry names and secrets that are not theirs.
 */
export class UpstreamError extends Error {
  constructor(
    readonly upstream: UpstreamName,
    readonly kind: UpstreamErrorKind,
    readonly status?: number,
    /** A short, safe reason, e.g. the upstream's own TF code or a field name. */
    readonly reason?: string,
  ) {
    // No stack: an upstream's failure is an answer, not a bug, and formatting thousands of stacks
    // when a breaker turns a queue away at once held the event loop for a third of a second.
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(describe(upstream, kind, status, reason));
    Error.stackTraceLimit = limit;
  }

  static fromStatus(upstream: UpstreamName, status: number, reason?: string): UpstreamError {
    const kind: UpstreamErrorKind =
      status === 401
        ? "UNAUTHENTICATED"
        : status === 403
          ? "FORBIDDEN"
          : status === 404
            ? "NOT_FOUND"
            : status === 409
              ? "CONFLICT"
              : status >= 400 && status < 500
                ? "REJECTED"
                : status === 502 || status === 503 || status === 504
                  ? "UNAVAILABLE"
                  : "ERROR";
    return new UpstreamError(upstream, kind, status, reason);
  }
}

function describe(upstream: UpstreamName, kind: UpstreamErrorKind, status?: number, reason?: string): string {
  const suffix = reason ? ` (${reason})` : "";
  switch (kind) {
    case "UNAUTHENTICATED":
      return `${upstream} did not accept the credentials${suffix}.`;
    case "FORBIDDEN":
      return `${upstream} refused: the credentials lack the rights for this${suffix}.`;
    case "NOT_FOUND":
      return `${upstream} has no such record${suffix}.`;
    case "TIMEOUT":
      return `${upstream} did not answer in time.`;
    case "UNAVAILABLE":
      return `${upstream} is unavailable${status ? ` (HTTP ${status})` : ""}.`;
    case "MALFORMED":
      return `${upstream} answered with a malformed body${suffix}.`;
    case "TOO_LARGE":
      return `${upstream} lists more than this gateway reads at once${suffix}.`;
    case "INVALID_ARGUMENT":
      return `A value given for ${upstream} is not valid${suffix}.`;
    case "BUDGET_SPENT":
      return `This request made all the upstream calls one request may make; ${upstream} was not asked${suffix}. Ask for less at once.`;
    case "OUTCOME_UNKNOWN":
      return `${upstream} did not confirm the change: it may or may not have been made. Read the record to see before you try again.`;
    default:
      return `${upstream} answered HTTP ${status ?? "?"}${suffix}.`;
  }
}
