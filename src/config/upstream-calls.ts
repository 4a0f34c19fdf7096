import type { EnvReader } from "./env-reader.js";

/** How the gateway calls its upstreams: time, concurrency, retries, breaker, proxy. */
export interface UpstreamCallConfig {
  timeoutMs: number;
  /**
   * Calls in flight per upstream: a limit found between the floor and the ceiling by how fast the
   * upstream answers, so a wide query is fast on a healthy server and does not flood a busy one.
   */
  concurrency: { floor: number; ceiling: number };
  /** Extra attempts for reads that failed with a network error or a 429/502/503/504. */
  retries: number;
  /** Pages of a thousand records one listing may read; an upstream declaring more is refused. */
  maxPages: number;
  /** Bytes one upstream answer may have; a larger one is refused (UPSTREAM_TOO_LARGE). */
  maxResponseBytes: number;
  /** How long one request's upstream calls may take in all, queue waits included. */
  deadlineMs: number;
  /** Calls that may wait for a slot per upstream; past it a call fails at once. */
  maxWaiting: number;
  /** Failures in a row that open an upstream's breaker, and how long it stays open. */
  breaker: { failures: number; cooldownMs: number };
  /** The HTTP proxy upstream calls go through, when the network asks for one. */
  proxy?: ProxyConfig;
}

export function upstreamCallConfig(read: EnvReader): UpstreamCallConfig {
  return {
    timeoutMs: read.integer("UPSTREAM_TIMEOUT_MS", 10_000, 100, 300_000),
    concurrency: concurrencyBounds(read),
    retries: read.integer("UPSTREAM_RETRIES", 1, 0, 5),
    maxPages: read.integer("UPSTREAM_MAX_PAGES", 100, 1, 10_000),
    maxResponseBytes: read.integer("UPSTREAM_MAX_RESPONSE_BYTES", 64 * 1024 * 1024, 1_000, 2 ** 31),
    deadlineMs: read.integer("REQUEST_DEADLINE_MS", 30_000, 100, 600_000),
    maxWaiting: read.integer("UPSTREAM_QUEUE", 4_096, 0, 100_000),
    breaker: {
      failures: read.integer("BREAKER_FAILURES", 5, 1, 1_000),
      cooldownMs: read.integer("BREAKER_COOLDOWN_MS", 10_000, 100, 600_000),
    },
    proxy: proxyConfig(read),
  };
}

/** The floor and ceiling of each upstream's concurrency limit; the floor may not pass the ceiling. */
function concurrencyBounds(read: EnvReader) {
  // Once a fixed cap, perhaps set to protect a fragile server.
  read.retired(
    "UPSTREAM_CONCURRENCY",
    "the limit adapts between UPSTREAM_CONCURRENCY_MIN and UPSTREAM_CONCURRENCY_MAX (set both to N for a fixed cap of N)",
  );
  const floor = read.integer("UPSTREAM_CONCURRENCY_MIN", 4, 1, 10_000);
  const ceiling = read.integer("UPSTREAM_CONCURRENCY_MAX", 256, 1, 10_000);
  if (floor > ceiling)
    read.problems.push(
      `UPSTREAM_CONCURRENCY_MIN (${floor}) must not be more than UPSTREAM_CONCURRENCY_MAX (${ceiling})`,
    );
  return { floor, ceiling };
}

/** The standard proxy variables, as curl and most tools read them. */
export interface ProxyConfig {
  httpProxy?: string;
  httpsProxy?: string;
  /** Hosts reached directly: comma-separated names, domains (`.example.com`), `host:port`, `*`. */
  noProxy?: string;
}

/** HTTPS_PROXY / HTTP_PROXY (credentials allowed in them, never shown) and NO_PROXY. */
function proxyConfig(read: EnvReader): ProxyConfig | undefined {
  // The value is never shown: it may hold the proxy's password.
  const proxyUrl = (name: string) => {
    const value = read.text(name);
    if (value === undefined || (URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)))
      return value;
    read.problems.push(`${name} must be an http(s) URL like http://proxy.example.com:3128`);
    return undefined;
  };
  const httpsProxy = proxyUrl("HTTPS_PROXY");
  const httpProxy = proxyUrl("HTTP_PROXY");
  const noProxy = read.text("NO_PROXY");
  return httpsProxy || httpProxy ? { httpsProxy, httpProxy, noProxy } : undefined;
}
