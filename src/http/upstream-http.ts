import { ConcurrencyLimit } from "./concurrency-limit.js";
import type { RequestScope } from "./request-scope.js";
import type { ResponseCache } from "./response-cache.js";
import type { UpstreamName, UpstreamRequest, UpstreamResponse } from "./types.js";
import { UpstreamError } from "./upstream-error.js";
import type { UpstreamMetrics } from "./upstream-metrics.js";

export interface UpstreamHttpOptions {
  timeoutMs: number;
  /** The most bytes one answer may have: past it the answer is refused, not read on. */
  maxResponseBytes: number;
  concurrency: number;
  retries: number;
  metrics?: UpstreamMetrics;
  cache?: ResponseCache;
}

const retryableStatus = new Set([502, 503, 504]);

/**
 * The one way out to an upstream: a concurrency cap per upstream, a timeout per call, a retry
 * for reads that met a network error or a gateway status, and metrics. Statuses other than
 * those are answered, not thrown: the client of each API knows what they mean.
 */
export class UpstreamHttp {
  private readonly limit: ConcurrencyLimit;

  constructor(
    readonly upstream: UpstreamName,
    private readonly options: UpstreamHttpOptions,
  ) {
    this.limit = new ConcurrencyLimit(options.concurrency);
  }

  /** `scope` is the GraphQL request's: the cache needs it to read generations and mark stale answers. */
  async send(request: UpstreamRequest, scope?: RequestScope): Promise<UpstreamResponse> {
    const cache = this.options.cache;
    const out = (r: UpstreamRequest) => {
      scope?.spend(this.upstream);
      return this.direct(r);
    };
    if (cache && scope?.readsCached && request.idempotent && request.cache)
      return cache.send(this.upstream, { ...request, cache: request.cache }, scope, out);
    if (request.idempotent) return out(request);
    scope?.spend(this.upstream);
    // A refused sign-in sends nothing: no write was made, nothing cached is out of date.
    const ready = await withLazyHeaders(request);
    try {
      return await this.direct(ready);
    } finally {
      // Made, refused or unknown: what was cached of this upstream may be out of date now.
      await cache?.invalidate(this.upstream, scope);
    }
  }

  private async direct(lazy: UpstreamRequest): Promise<UpstreamResponse> {
    // Resolved before a slot is taken: a sign-in is a call of its own and must not wait behind this one.
    const request = await withLazyHeaders(lazy);
    const attempts = request.idempotent ? this.options.retries + 1 : 1;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const response = await this.limit.run(() => this.once(request));
        if (attempt < attempts && retryableStatus.has(response.status)) {
          await pause(attempt);
          continue;
        }
        return response;
      } catch (error) {
        const retry = error instanceof UpstreamError && error.kind === "UNAVAILABLE" && attempt < attempts;
        if (!retry) throw error;
        await pause(attempt);
      }
    }
  }

  private bodyOf(response: Response): Promise<Buffer> {
    const max = this.options.maxResponseBytes;
    return readBounded(
      response,
      max,
      () =>
        new UpstreamError(this.upstream, "TOO_LARGE", response.status, `an answer of more than ${max} bytes`),
    );
  }

  private async once(request: UpstreamRequest): Promise<UpstreamResponse> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
        redirect: "manual",
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      const body = await this.bodyOf(response);
      this.options.metrics?.record(this.upstream, String(response.status), seconds());
      return { status: response.status, headers: response.headers, body };
    } catch (error) {
      if (error instanceof UpstreamError) throw error;
      const timedOut = error instanceof DOMException && error.name === "TimeoutError";
      this.options.metrics?.record(this.upstream, timedOut ? "timeout" : "network-error", seconds());
      // A write that failed in flight may still have been applied: never retried, reported as unknown.
      if (!request.idempotent) throw new UpstreamError(this.upstream, "OUTCOME_UNKNOWN");
      throw new UpstreamError(this.upstream, timedOut ? "TIMEOUT" : "UNAVAILABLE");
    }
  }
}

/** Reads an answer up to the configured size; a larger one (declared or streamed) is refused. */
async function readBounded(response: Response, max: number, refuse: () => UpstreamError): Promise<Buffer> {
  if (Number(response.headers.get("content-length") ?? 0) > max) {
    await response.body?.cancel();
    throw refuse();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body ?? []) {
    size += chunk.byteLength;
    if (size > max) throw refuse();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The request with its lazy headers resolved (a token, signing in if needed); their failure is the call's. */
async function withLazyHeaders(request: UpstreamRequest): Promise<UpstreamRequest> {
  if (!request.lazyHeaders) return request;
  const { lazyHeaders, ...rest } = request;
  return { ...rest, headers: { ...request.headers, ...(await lazyHeaders()) } };
}

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 25 * attempt));
