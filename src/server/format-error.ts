import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { UpstreamError, type UpstreamErrorKind } from "../http/upstream-error.js";

const codes: Record<UpstreamErrorKind, string> = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  UNAVAILABLE: "UPSTREAM_UNAVAILABLE",
  TIMEOUT: "UPSTREAM_UNAVAILABLE",
  REJECTED: "UPSTREAM_ERROR",
  CONFLICT: "UPSTREAM_ERROR",
  MALFORMED: "UPSTREAM_ERROR",
  OUTCOME_UNKNOWN: "OUTCOME_UNKNOWN",
  INVALID_ARGUMENT: "BAD_USER_INPUT",
  BUDGET_SPENT: "CALL_BUDGET_EXCEEDED",
  TOO_LARGE: "UPSTREAM_TOO_LARGE",
  ERROR: "UPSTREAM_ERROR",
};

/**
 * Every error a client sees: a message, a `path`, and a stable `extensions.code`; never a stack
 * trace, an upstream URL or an upstream body. What is not understood is logged and masked.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const where = {
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
  };
  const original = unwrapResolverError(error);
  if (original instanceof UpstreamError)
    return {
      message: original.message,
      ...where,
      extensions: {
        code: codes[original.kind],
        upstream: original.upstream,
        ...(original.status ? { upstreamStatus: original.status } : {}),
      },
    };
  // A rule's error keeps its own code (Apollo files every validation error under one code).
  const cause = error instanceof GraphQLError ? error.originalError : undefined;
  const own = cause instanceof GraphQLError ? cause.extensions.code : undefined;
  const code = typeof own === "string" ? own : formatted.extensions?.code;
  if (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR") {
    const { stacktrace: _stack, exception: _exception, ...extensions } = formatted.extensions ?? {};
    return { message: formatted.message, ...where, extensions: { ...extensions, code } };
  }
  // Apollo's own refusals of a request (an APQ hash that does not match) carry a 4xx and no code:
  // the client's fault, answered as such and not logged (anyone could flood the log with them).
  const status = (original as { extensions?: { http?: { status?: number } } } | undefined)?.extensions?.http
    ?.status;
  if (status !== undefined && status >= 400 && status < 500)
    return { message: formatted.message, ...where, extensions: { code: "BAD_REQUEST" } };
  console.error(
    "unexpected error while resolving",
    formatted.path?.join(".") ?? "",
    original instanceof Error ? original.message : String(original),
  );
  return { message: "Internal error.", ...where, extensions: { code: "INTERNAL_SERVER_ERROR" } };
}
