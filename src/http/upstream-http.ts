import type { Dispatcher } from "undici";
import { proxyAgent, type ProxySettings } from "./proxy.js";
import { AnswerTooLarge, sendRequest, timeoutName } from "./send-request.js";
import { CircuitBreaker, Refused } from "./circuit-breaker.js";
import { ConcurrencyLimit, NotRun } from "./concurrency-limit.js";
import { AdaptiveLimit } from "./adaptive-limit.js";
import { RetryBudget } from "./retry-budget.js";
import { overloadStatus, retryAfterMs, retryWait } from "./retry-policy.js";
import type { RequestScope } from "./request-scope.js";
import type { ResponseCache } from "./response-cache.js";
import type { RequestTrace, UpstreamName, UpstreamRequest, UpstreamResponse } from "./types.js";
import { UpstreamError } from "./upstream-error.js";
import { operationOf, traced, withLazyHeaders } from "./prepared-request.js";
import { outcomeOf, type CallOutcome, type Metrics } from "./metrics.js";
import { startClock, type CallClock } from "./call-clock.js";

export interface UpstreamHttpOptions {
  timeoutMs: number;
  /** The most bytes one answer may have: past it the answer is refused, not read on. */
  maxResponseBytes: number;
  /** Calls in flight at once: found between the floor and the ceiling. */
  concurrency: { floor: number; ceiling: number };
  /** Calls that may wait for a slot; past it a call is refused at once. */
  maxWaiting: number;
  retries: number;
  breaker: { failures: number; cooldownMs: number };
  /** An HTTP proxy between the gateway and the upstream (NO_PROXY honoured). */
  proxy?: ProxySettings;
  metrics?: Metrics;
  cache?: ResponseCache;
}

/**
 * The one way out to an upstream: a breaker, a bounded queue for an adaptive concurrency limit, a timeout
 * per call within the request's deadline, retries for reads within a budget, and metrics.
 * Statuses other than those are answered, not thrown: the client of each API knows what they mean.
 */
export class UpstreamHttp {
  private readonly limit: ConcurrencyLimit;
  /** How many calls this upstream is given at once (read by the metrics). */
  readonly concurrency: AdaptiveLimit;
  readonly breaker: CircuitBreaker;
  private readonly budget = new RetryBudget();
  /** The proxy's agent, when upstreams are reached through one (`/ready` asks through it too). */
  readonly dispatcher?: Dispatcher;

  constructor(
    readonly upstream: UpstreamName,
    private readonly options: UpstreamHttpOptions,
  ) {
    this.concurrency = new AdaptiveLimit(options.concurrency.floor, options.concurrency.ceiling);
    this.limit = new ConcurrencyLimit(this.concurrency, options.maxWaiting);
    this.breaker = new CircuitBreaker(options.breaker.failures, options.breaker.cooldownMs);
    this.dispatcher = options.proxy && proxyAgent(options.proxy);
  }

  /**
   * `scope` is the GraphQL request's: its deadline, its call budget, its view of the cache, and
   * how its calls failed (an answer made only of open breakers' refusals may be kept while they last).
   */
  async send(request: UpstreamRequest, scope?: RequestScope): Promise<UpstreamResponse> {
    try {
      const response = await this.route(request, scope);
      if (response.status >= 500) scope?.failed();
      return response;
    } catch (error) {
      if (error instanceof Refused) scope?.refused(error.holds);
      else scope?.failed();
      throw error;
    }
  }

  private async route(request: UpstreamRequest, scope?: RequestScope): Promise<UpstreamResponse> {
    const cache = this.options.cache;
    const deadline = scope?.deadline ?? Number.POSITIVE_INFINITY;
    const out = (r: UpstreamRequest) => {
      scope?.spend(this.upstream);
      return this.direct(r, deadline, scope?.trace);
    };
    if (cache && scope?.readsCached && request.idempotent && request.cache)
      return cache.send(this.upstream, { ...request, cache: request.cache }, scope, out);
    if (request.idempotent) return out(request);
    scope?.spend(this.upstream);
    // A refused sign-in sends nothing: no write was made, nothing cached is out of date.
    const ready = await withLazyHeaders(request);
    try {
      return await this.direct(ready, deadline, scope?.trace);
    } finally {
      // Made, refused or unknown: what was cached of this upstream may be out of date now.
      await cache?.invalidate(this.upstream, scope);
    }
  }

  private async direct(
    lazy: UpstreamRequest,
    deadline: number,
    trace?: RequestTrace,
  ): Promise<UpstreamResponse> {
    // Resolved before a slot is taken: a sign-in is a call of its own and must not wait behind this one.
    const request = traced(await withLazyHeaders(lazy), trace);
    const attempts = request.idempotent ? this.options.retries + 1 : 1;
    this.budget.called();
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.attempt(request, deadline).catch((error: unknown) => error);
      const wait = attempt < attempts ? retryWait(outcome, attempt, deadline) : undefined;
      if (wait === undefined || !this.budget.take()) {
        if (outcome instanceof Error) throw outcome;
        return outcome as UpstreamResponse;
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /** One try: a slot within the deadline, then the call through the breaker. */
  private async attempt(request: UpstreamRequest, deadline: number): Promise<UpstreamResponse> {
    if (this.breaker.state === "open") throw this.refusedByBreaker();
    try {
      const queued = performance.now();
      const response = await this.limit.run(() => {
        this.options.metrics?.queueWait(this.upstream, (performance.now() - queued) / 1000);
        return this.throughBreaker(request, deadline);
      }, deadline);
      if (response === undefined) throw this.refusedByBreaker();
      return response;
    } catch (error) {
      if (!(error instanceof NotRun)) throw error;
      throw error.reason === "deadline"
        ? this.ranOutOfTime()
        : new UpstreamError(this.upstream, "UNAVAILABLE", undefined, "too many calls waiting");
    }
  }

  /**
   * The call, if the breaker allows it once a slot is had (calls that queued before it opened must
   * not go on to the failing upstream); its outcome is counted before the slot passes on.
   */
  private async throughBreaker(request: UpstreamRequest, deadline: number) {
    // A request out of time says nothing of the upstream: it neither takes the probe nor counts.
    if (deadline <= Date.now()) throw this.ranOutOfTime();
    if (!this.breaker.allows()) return undefined;
    try {
      const response = await this.once(request, deadline);
      if (response.status >= 500) this.breaker.failed();
      else this.breaker.succeeded();
      return response;
    } catch (error) {
      // A call cut short by its request's deadline was not given the upstream's full time: no
      // verdict. An answer too large was an answer: the upstream is up, and a probe is over.
      const cutShort = error instanceof UpstreamError && error.reason === outOfTime;
      const unreachable =
        error instanceof UpstreamError && ["UNAVAILABLE", "TIMEOUT", "OUTCOME_UNKNOWN"].includes(error.kind);
      if (cutShort) this.breaker.released();
      else if (unreachable) this.breaker.failed();
      else this.breaker.succeeded();
      throw error;
    }
  }

  /** A call's metrics; and, when the upstream failed, a line in the request's log (never its URL or body). */
  private observe(request: UpstreamRequest, outcome: CallOutcome, seconds: number, status?: number): void {
    const operation = operationOf(request);
    this.options.metrics?.upstreamCall(this.upstream, operation, outcome, seconds);
    if (outcome !== "ok" && outcome !== "client_error")
      request.trace?.log.warn(
        { upstream: this.upstream, operation, outcome, status, ms: Math.round(seconds * 1000) },
        "upstream call failed",
      );
  }

  /** What an answer says of the upstream's load: overloaded, or how fast a success came; other answers nothing. */
  private signal(request: UpstreamRequest, answer: UpstreamResponse, clock: CallClock): void {
    if (overloadStatus.has(answer.status)) this.concurrency.overloaded(clock.elapsed(), retryAfterMs(answer));
    else if (answer.status >= 200 && answer.status < 300)
      this.concurrency.answered(operationOf(request), clock.elapsed(), this.limit.inFlight, clock.busyAfter);
  }

  private ranOutOfTime(): UpstreamError {
    return new UpstreamError(this.upstream, "TIMEOUT", undefined, outOfTime);
  }

  private refusedByBreaker(): UpstreamError {
    return this.breaker.refuse(this.upstream);
  }

  private async once(request: UpstreamRequest, deadline: number): Promise<UpstreamResponse> {
    const timeoutMs = Math.min(this.options.timeoutMs, deadline - Date.now());
    const cutShort = timeoutMs < this.options.timeoutMs;
    if (timeoutMs <= 0) throw this.ranOutOfTime();
    const clock = startClock();
    const span = request.trace?.call?.(this.upstream, operationOf(request), request.method);
    const ended = (outcome: CallOutcome, status?: number) => {
      this.observe(request, outcome, clock.elapsed() / 1000, status);
      span?.end(outcome, status);
    };
    try {
      const answer = await sendRequest(request.url, {
        method: request.method,
        headers: span ? { ...request.headers, ...span.headers } : request.headers,
        body: request.body,
        timeoutMs,
        maxBytes: this.options.maxResponseBytes,
        dispatcher: this.dispatcher,
      });
      ended(outcomeOf(request, answer), answer.status);
      this.signal(request, answer, clock);
      return answer;
    } catch (error) {
      // The only failure of ours in there: an answer too large, refused as it came.
      if (error instanceof AnswerTooLarge) {
        span?.end("too_large");
        const max = this.options.maxResponseBytes;
        throw new UpstreamError(
          this.upstream,
          "TOO_LARGE",
          error.status,
          `an answer of more than ${max} bytes`,
        );
      }
      const timedOut = error instanceof DOMException && error.name === timeoutName;
      ended(timedOut ? "timeout" : "network_error");
      // Cut short by the request's deadline, it was not given the upstream's own time.
      const ms = clock.elapsed();
      if (cutShort && timedOut) this.concurrency.cutShort(operationOf(request), ms);
      else this.concurrency.overloaded(ms);
      // A write that failed in flight may still have been applied: never retried, reported as unknown.
      if (!request.idempotent) throw new UpstreamError(this.upstream, "OUTCOME_UNKNOWN");
      if (!timedOut) throw new UpstreamError(this.upstream, "UNAVAILABLE");
      // Given less than its own timeout (what was left of the request's), it ran out of the request's time.
      throw new UpstreamError(this.upstream, "TIMEOUT", undefined, cutShort ? outOfTime : undefined);
    }
  }
}

/** Why a call failed when the request's deadline, not the upstream, ended it. */
const outOfTime = "the request's time ran out";
