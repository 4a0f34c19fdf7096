import { createHmac, hash, randomUUID } from "node:crypto";
import type { CacheStore } from "./cache-store.js";
import type { RequestScope } from "./request-scope.js";
import { headersOf } from "./send-request.js";
import type { CacheKind, UpstreamName, UpstreamRequest, UpstreamResponse } from "./types.js";
import { UpstreamError } from "./upstream-error.js";
import type { Metrics } from "./metrics.js";

export interface CachePolicy {
  ttlMs: Record<CacheKind, number>;
  /** Past its time to live, an answer is still served this long while it is refreshed in the background. */
  revalidateMs: number;
  /** Past its time to live, an answer is served this long when the upstream fails (the bound). */
  staleIfErrorMs: number;
}

interface Entry {
  status: number;
  headers: Record<string, string>;
  /** The bytes as they came, in a store that keeps objects; base64 in one that serializes them. */
  body: string | Buffer;
  storedAt: number;
  freshUntil: number;
}

const cacheableStatus = new Set([200, 400, 404]);
const keptHeaders = ["content-type", "etag", "last-modified", "x-ms-continuationtoken", "location"];

/**
 * Cached upstream reads, shared across requests (and replicas, over Redis) but never across
 * credentials: every key carries a keyed hash of the credential that fetched it, never the
 * credential itself. Any write to an upstream moves that upstream to a new generation, so no
 * replica serves what was cached before it.
 */
export class ResponseCache {
  private readonly inFlight = new Map<string, Promise<UpstreamResponse>>();
  /**
   * Each request's credentials hashed once, not once per call: an HMAC per call was about 1 % of
   * a cold overview's CPU, for the same one to three credentials. Gone with the request.
   */
  private readonly identities = new WeakMap<RequestScope, Map<string, string>>();

  constructor(
    private readonly store: CacheStore,
    private readonly policy: CachePolicy,
    private readonly secret: string,
    private readonly namespace: string,
    private readonly metrics?: Metrics,
  ) {}

  async send(
    upstream: UpstreamName,
    request: UpstreamRequest & { cache: CacheKind },
    scope: RequestScope,
    fetch: (request: UpstreamRequest) => Promise<UpstreamResponse>,
  ): Promise<UpstreamResponse> {
    const generation = await scope.generation(upstream, () => this.readGeneration(upstream));
    // The store did not answer: no generation, so no cached answer can be trusted.
    if (generation === undefined) return fetch(request);
    const key = this.key(upstream, generation, request, scope);
    const entry = await this.store.get<Entry>(key);
    const now = Date.now();
    if (entry && now < entry.freshUntil) {
      this.metrics?.cacheLookup(upstream, "hit");
      return toResponse(entry);
    }
    if (entry && now < entry.freshUntil + this.policy.revalidateMs) {
      scope.servedStale(now - entry.storedAt);
      this.metrics?.cacheLookup(upstream, "stale");
      void this.refresh(key, request, entry, fetch).catch(() => undefined);
      return toResponse(entry);
    }
    this.metrics?.cacheLookup(upstream, "miss");
    const staleUsable = entry !== undefined && now < entry.freshUntil + this.policy.staleIfErrorMs;
    try {
      const response = await this.refresh(key, request, entry, fetch);
      if (staleUsable && response.status >= 500) return this.stale(upstream, scope, entry);
      return response;
    } catch (error) {
      if (
        staleUsable &&
        error instanceof UpstreamError &&
        (error.kind === "UNAVAILABLE" || error.kind === "TIMEOUT")
      )
        return this.stale(upstream, scope, entry);
      throw error;
    }
  }

  /**
   * Every upstream's current generation, as one string (undefined when the store does not
   * answer): part of the key of whole answers, so that any write anywhere leaves them behind.
   */
  async generations(scope: RequestScope): Promise<string | undefined> {
    const all = await Promise.all(
      (["GitProtect", "Azure DevOps", "SCM-Manager"] as const).map((upstream) =>
        scope.generation(upstream, () => this.readGeneration(upstream)),
      ),
    );
    return all.includes(undefined) ? undefined : all.join(",");
  }

  /** The keyed hash this cache uses for identities: the same secret, never the secret material itself. */
  identityHash(identity: string): string {
    return createHmac("sha256", this.secret).update(identity).digest("base64url").slice(0, 22);
  }

  /** After a write: every replica's cached reads of this upstream are left behind. */
  async invalidate(upstream: UpstreamName, scope: RequestScope | undefined): Promise<void> {
    const generation = randomUUID();
    await this.store.set(this.generationKey(upstream), generation);
    scope?.renewGeneration(upstream, generation);
  }

  private stale(upstream: UpstreamName, scope: RequestScope, entry: Entry): UpstreamResponse {
    scope.servedStale(Date.now() - entry.storedAt);
    this.metrics?.cacheLookup(upstream, "stale_if_error");
    return toResponse(entry);
  }

  /** One fetch per key at a time, conditional when the cached answer has an ETag. */
  private refresh(
    key: string,
    request: UpstreamRequest & { cache: CacheKind },
    entry: Entry | undefined,
    fetch: (request: UpstreamRequest) => Promise<UpstreamResponse>,
  ) {
    let pending = this.inFlight.get(key);
    if (pending) return pending;
    pending = (async () => {
      const etag = entry?.headers.etag;
      const response = await fetch(
        etag ? { ...request, headers: { ...request.headers, "if-none-match": etag } } : request,
      );
      const ttl = this.policy.ttlMs[request.cache];
      if (response.status === 304 && entry) {
        await this.store.set(
          key,
          { ...entry, storedAt: Date.now(), freshUntil: Date.now() + ttl },
          ttl + this.policy.staleIfErrorMs,
        );
        return toResponse(entry);
      }
      // Answers and stable refusals (a missing record, a command the repository's type lacks).
      // Never 401/403 nor 5xx, nor Azure DevOps's 203 sign-in page, a 2xx that is no answer at all.
      if (cacheableStatus.has(response.status) && keepable(request, response))
        await this.store.set(
          key,
          toEntry(response, ttl, this.store.keepsObjects),
          ttl + this.policy.staleIfErrorMs,
        );
      return response;
    })().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, pending);
    return pending;
  }

  private async readGeneration(upstream: UpstreamName): Promise<string | undefined> {
    const key = this.generationKey(upstream);
    const known = await this.store.get<string>(key);
    if (known !== undefined) return known;
    // A first read (or a store that does not answer): start a generation, and use it only if stored.
    const fresh = randomUUID();
    return (await this.store.set(key, fresh)) ? fresh : undefined;
  }

  private generationKey(upstream: UpstreamName): string {
    return `${this.namespace}:${upstream}:generation`;
  }

  private key(
    upstream: UpstreamName,
    generation: string,
    request: UpstreamRequest,
    scope: RequestScope,
  ): string {
    const credential =
      request.identity ?? request.headers?.authorization ?? request.headers?.cookie ?? "anonymous";
    const identity = this.identityOf(credential, scope);
    // One-shot: a Hash object per call cost several times as much (about 1 % of a cold overview).
    const what = hash("sha256", `${request.method} ${request.url}\n${request.body ?? ""}`, "base64url").slice(
      0,
      32,
    );
    return `${this.namespace}:${upstream}:${generation}:${identity}:${what}`;
  }

  private identityOf(credential: string, scope: RequestScope): string {
    let hashed = this.identities.get(scope);
    if (!hashed) this.identities.set(scope, (hashed = new Map<string, string>()));
    let identity = hashed.get(credential);
    if (identity === undefined) hashed.set(credential, (identity = this.identityHash(credential)));
    return identity;
  }
}

/** As kept: in memory the body stays the Buffer it came as (base64 was a third more to allocate, and again to read on every hit). */
function toEntry(response: UpstreamResponse, ttl: number, keepsObjects: boolean): Entry {
  const headers: Record<string, string> = {};
  for (const name of keptHeaders) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  const now = Date.now();
  return {
    status: response.status,
    headers,
    body: keepsObjects ? ownBytes(response.body) : response.body.toString("base64"),
    storedAt: now,
    freshUntil: now + ttl,
  };
}

/** Bytes of its own: a small Buffer may be a view of an 8 KB pool, which keeping it would hold whole. */
function ownBytes(bytes: Buffer): Buffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) return bytes;
  const copy = Buffer.allocUnsafeSlow(bytes.byteLength);
  bytes.copy(copy);
  return copy;
}

function toResponse(entry: Entry): UpstreamResponse {
  return {
    status: entry.status,
    headers: headersOf(entry.headers),
    body: typeof entry.body === "string" ? Buffer.from(entry.body, "base64") : entry.body,
  };
}

/**
 * An answer is kept when it is what the contract promises (the check parses it, once for the
 * whole request: it is not parsed again here); a refusal, or an answer no contract describes,
 * when its JSON parses.
 */
function keepable(request: UpstreamRequest, response: UpstreamResponse): boolean {
  if (request.keep && response.status === 200) return request.keep(response);
  return storable(response) && (request.keep?.(response) ?? true);
}

/** A JSON answer that does not parse (a malformed body) is never kept. */
function storable(response: UpstreamResponse): boolean {
  if (!(response.headers.get("content-type") ?? "").includes("json")) return true;
  try {
    JSON.parse(response.body.toString("utf8"));
    return true;
  } catch {
    return false;
  }
}
