/** The transport's vocabulary, in one place: what goes out to an upstream and what comes back. */

export type UpstreamName = "GitProtect" | "Azure DevOps" | "SCM-Manager";

/** How long an answer stays fresh depends on what it is. */
export type CacheKind = "listing" | "refs" | "history" | "immutable";

export interface UpstreamRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Reads may be retried; writes never are, since a retry could apply them twice. */
  idempotent: boolean;
  /** For reads that may be cached: what they are, which sets how long they stay fresh. */
  cache?: CacheKind;
  /**
   * Who the credential is, for cache keys (hashed, never stored): an account rather than one of
   * its rotating tokens. Defaults to the authorization header.
   */
  identity?: string;
  /** Headers resolved only when the call is really made (a token that may need a sign-in). */
  lazyHeaders?: () => Promise<Record<string, string>>;
  /** The contract's operation, when the call has one: what metrics name the call by. */
  operation?: string;
  /** The GraphQL request the call is made for: its id goes with the call, its failure to its log. */
  trace?: RequestTrace;
  /** Whether an answer may be kept by the cache: one that is not what its API promises never is. */
  keep?: (response: UpstreamResponse) => boolean;
}

/** Where a request's upstream calls report their failures: among its own log lines, by its id. */
export interface RequestTrace {
  requestId: string;
  log: { warn(details: Record<string, unknown>, message: string): void };
  /** When the request is traced: a span for one upstream call, under the request's. */
  call?(upstream: UpstreamName, operation: string, method: string): CallSpan;
}

/** One upstream call's span: its headers name it to the upstream (`traceparent`). */
export interface CallSpan {
  headers: Record<string, string>;
  end(outcome: string, status?: number): void;
}

/** An answer's headers, read by name (any case); several values of one name come joined by ", ", as `Headers` joins them. */
export interface AnswerHeaders {
  get(name: string): string | null;
}

export interface UpstreamResponse {
  status: number;
  headers: AnswerHeaders;
  /** Read, never written: a cached answer's bytes are handed to every request that hits it. */
  readonly body: Buffer;
}
