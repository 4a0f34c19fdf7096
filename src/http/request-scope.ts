import type { RequestTrace, UpstreamName } from "./types.js";
import { UpstreamError } from "./upstream-error.js";

interface Shared {
  generations: Map<UpstreamName, Promise<string | undefined>>;
  staleAgeMs: number;
  calls: number;
  budget: number;
  deadline: number;
  /** Refusals of open breakers; undefined once a call failed in any other way. */
  refusals: Array<() => boolean> | undefined;
}

/**
 * What one GraphQL request knows of the cache: the generations it read, and whether it served
 * stale data. Its write view shares that, but its reads bypass the cache: a read-merge-write
 * must start from the record as it is now.
 */
export class RequestScope {
  private constructor(
    private readonly shared: Shared,
    readonly readsCached: boolean,
    /** The request's id and log, which its upstream calls carry. */
    readonly trace?: RequestTrace,
  ) {}

  /**
   * `budget`: the upstream calls the request may make (cached answers are free); `timeMs`: how
   * long its upstream calls may go on, queue waits included.
   */
  static create(
    budget = Number.POSITIVE_INFINITY,
    timeMs = Number.POSITIVE_INFINITY,
    trace?: RequestTrace,
  ): RequestScope {
    const deadline = Date.now() + timeMs;
    return new RequestScope(
      { generations: new Map(), staleAgeMs: 0, calls: 0, budget, deadline, refusals: [] },
      true,
      trace,
    );
  }

  /** Upstream calls made so far (cached answers are free). */
  get calls(): number {
    return this.shared.calls;
  }

  /** When the request's upstream calls must be over (epoch milliseconds). */
  get deadline(): number {
    return this.shared.deadline;
  }

  /** Counts a call about to go out; past the budget it does not go, and the field that wanted it fails. */
  spend(upstream: UpstreamName): void {
    if (this.shared.calls >= this.shared.budget)
      throw new UpstreamError(upstream, "BUDGET_SPENT", undefined, `${this.shared.budget} calls`);
    this.shared.calls += 1;
  }

  forWrites(): RequestScope {
    return new RequestScope(this.shared, false, this.trace);
  }

  /** The upstream's cache generation, read once per request (a write in another replica changes it). */
  generation(upstream: UpstreamName, read: () => Promise<string | undefined>): Promise<string | undefined> {
    let known = this.shared.generations.get(upstream);
    if (!known) this.shared.generations.set(upstream, (known = read()));
    return known;
  }

  renewGeneration(upstream: UpstreamName, value: string | undefined): void {
    this.shared.generations.set(upstream, Promise.resolve(value));
  }

  servedStale(ageMs: number): void {
    this.shared.staleAgeMs = Math.max(this.shared.staleAgeMs, ageMs, 1);
  }

  /** A call refused at once by its upstream's open breaker; `holds` tells whether it still would be. */
  refused(holds: () => boolean): void {
    this.shared.refusals?.push(holds);
  }

  /** A call that failed otherwise, or a 5xx: what the request answers holds for this moment only. */
  failed(): void {
    this.shared.refusals = undefined;
  }

  /**
   * When the request's only upstream failures were refusals of open breakers: whether all of them
   * would still be refused (recomputed, its answer would be the same). Undefined otherwise.
   */
  get whileRefused(): (() => boolean) | undefined {
    const refusals = this.shared.refusals;
    if (!refusals?.length) return undefined;
    return () => refusals.every((holds) => holds());
  }

  /** Age of the oldest stale answer served, in milliseconds; 0 when none was stale. */
  get staleAgeMs(): number {
    return this.shared.staleAgeMs;
  }
}
