import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { CircuitBreaker } from "./circuit-breaker.js";
import type { AdaptiveLimit } from "./adaptive-limit.js";
import type { UpstreamName, UpstreamRequest, UpstreamResponse } from "./types.js";

/** Label values without spaces: the upstreams as Prometheus users write them. */
const slug: Record<UpstreamName, string> = {
  GitProtect: "gitprotect",
  "Azure DevOps": "azure_devops",
  "SCM-Manager": "scm_manager",
};

/** How an upstream call ended; a 2xx that is not what the contract promises is `malformed`, not `ok`. */
export type CallOutcome = "ok" | "client_error" | "server_error" | "malformed" | "timeout" | "network_error";
/** A 2xx that is not what the call's contract promises (its `keep` check, memoized by the client) is malformed. */
export function outcomeOf(request: UpstreamRequest, answer: UpstreamResponse): CallOutcome {
  if (answer.status >= 500) return "server_error";
  if (answer.status >= 400) return "client_error";
  if (answer.status < 300 && request.keep && !request.keep(answer)) return "malformed";
  return "ok";
}

export type CacheResult = "hit" | "miss" | "stale" | "stale_if_error";
/** How a GraphQL request ended: all data, data with errors, no data, or refused before GraphQL ran. */
export type RequestOutcome = "ok" | "partial" | "failed" | "refused";

const breakerValue = { closed: 0, "half-open": 1, open: 2 } as const;
/** Seconds, from a cached answer to a request's whole deadline. */
const durations = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
/** Operation names clients send are theirs to choose: past this many distinct ones, `other`. */
const maxOperations = 200;

/**
 * The gateway's Prometheus metrics through prom-client, in a registry of its own (tests run
 * several gateways in one process): requests, errors, upstream calls, cache lookups, breakers,
 * queue waits, and the process's own metrics.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly upstreams = new Map<
    UpstreamName,
    { breaker: CircuitBreaker; concurrency: AdaptiveLimit }
  >();
  private readonly requests = new Histogram({
    name: "gateway_request_duration_seconds",
    help: "GraphQL requests by operation name and outcome.",
    labelNames: ["operation", "outcome"],
    buckets: durations,
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: "gateway_errors_total",
    help: "Errors in GraphQL answers by extensions.code.",
    labelNames: ["code"],
    registers: [this.registry],
  });
  private readonly calls = new Histogram({
    name: "gateway_upstream_request_duration_seconds",
    help: "Upstream HTTP calls by upstream, contract operation and outcome.",
    labelNames: ["upstream", "operation", "outcome"],
    buckets: durations,
    registers: [this.registry],
  });
  private readonly queueWaits = new Histogram({
    name: "gateway_upstream_queue_wait_seconds",
    help: "Time calls waited for one of their upstream's slots.",
    labelNames: ["upstream"],
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
    registers: [this.registry],
  });
  private readonly lookups = new Counter({
    name: "gateway_cache_lookups_total",
    help: "Cache lookups by what was looked up (an upstream, or whole answers) and result.",
    labelNames: ["cache", "result"],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: "gateway_" });
    const upstreams = this.upstreams;
    new Gauge({
      name: "gateway_upstream_breaker_state",
      help: "Each upstream's circuit breaker: 0 closed, 1 half-open, 2 open.",
      labelNames: ["upstream"],
      registers: [this.registry],
      collect() {
        for (const [upstream, { breaker }] of upstreams)
          this.set({ upstream: slug[upstream] }, breakerValue[breaker.state]);
      },
    });
    new Gauge({
      name: "gateway_upstream_concurrency_limit",
      help: "Calls each upstream is given at once now (adaptive, between UPSTREAM_CONCURRENCY_MIN and _MAX).",
      labelNames: ["upstream"],
      registers: [this.registry],
      collect() {
        for (const [upstream, { concurrency }] of upstreams)
          this.set({ upstream: slug[upstream] }, concurrency.current);
      },
    });
  }

  /** An upstream's breaker and concurrency limit, read at each scrape. */
  watchUpstream(upstream: UpstreamName, way: { breaker: CircuitBreaker; concurrency: AdaptiveLimit }): void {
    this.upstreams.set(upstream, way);
  }

  request(
    operationName: string | undefined,
    outcome: RequestOutcome,
    seconds: number,
    codes: string[],
  ): void {
    this.requests.observe({ operation: this.operationLabel(operationName), outcome }, seconds);
    for (const code of codes) this.errors.inc({ code });
  }

  upstreamCall(upstream: UpstreamName, operation: string, outcome: CallOutcome, seconds: number): void {
    this.calls.observe({ upstream: slug[upstream], operation, outcome }, seconds);
  }

  queueWait(upstream: UpstreamName, seconds: number): void {
    this.queueWaits.observe({ upstream: slug[upstream] }, seconds);
  }

  cacheLookup(cache: UpstreamName | "answers" | "compressed answers", result: CacheResult): void {
    const label =
      cache === "answers" ? cache : cache === "compressed answers" ? "compressed_answers" : slug[cache];
    this.lookups.inc({ cache: label, result });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private operationLabel(name: string | undefined): string {
    if (!name) return "anonymous";
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return "invalid";
    if (this.operations.has(name)) return name;
    if (this.operations.size >= maxOperations) return "other";
    this.operations.add(name);
    return name;
  }
}
