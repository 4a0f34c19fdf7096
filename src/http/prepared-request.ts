import type { RequestTrace, UpstreamRequest } from "./types.js";

/** The call with the request's id, for the upstream's own logs, and its log for failures. */
export function traced(request: UpstreamRequest, trace?: RequestTrace): UpstreamRequest {
  if (!trace) return request;
  return { ...request, headers: { ...request.headers, "x-request-id": trace.requestId }, trace };
}

/** The request with its lazy headers resolved (a token, signing in if needed); their failure is the call's. */
export async function withLazyHeaders(request: UpstreamRequest): Promise<UpstreamRequest> {
  if (!request.lazyHeaders) return request;
  const { lazyHeaders, ...rest } = request;
  return { ...rest, headers: { ...request.headers, ...(await lazyHeaders()) } };
}

/** The contract operation a call is known by in metrics, spans and the concurrency limit. */
export const operationOf = (request: UpstreamRequest): string => request.operation ?? "other";
