import type { UpstreamResponse } from "./types.js";
import { UpstreamError } from "./upstream-error.js";

/** Statuses that say the upstream (or what stands before it) has too much to do now: a read may be tried again, and the concurrency limit shrinks. */
export const overloadStatus = new Set([429, 502, 503, 504]);

/** A network failure (no answer at all), as opposed to a refusal the gateway made itself. */
const isNetworkFailure = (error: unknown) =>
  error instanceof UpstreamError && error.kind === "UNAVAILABLE" && error.reason === undefined;

/** Seconds (or an HTTP date) from `Retry-After`, in milliseconds; undefined when absent or unreadable. */
export function retryAfterMs(response: UpstreamResponse): number | undefined {
  const value = response.headers.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/**
 * How long to wait before trying a read again, or undefined for no retry: after a network failure
 * or a 429/502/503/504, waiting what `Retry-After` asks, else a backoff with full jitter
 * (0 to 50 ms × 2^attempt). No retry that could not finish before the request's deadline.
 */
export function retryWait(
  /** The answer, or what was thrown instead. */
  outcome: unknown,
  attempt: number,
  deadline: number,
): number | undefined {
  const response = outcome as UpstreamResponse;
  const retryable =
    isNetworkFailure(outcome) || (response?.status !== undefined && overloadStatus.has(response.status));
  if (!retryable) return undefined;
  const asked = response?.headers ? retryAfterMs(response) : undefined;
  const wait = asked ?? Math.random() * 50 * 2 ** attempt;
  return Date.now() + wait < deadline ? wait : undefined;
}
