import type { UpstreamName } from "./types.js";
import { UpstreamError } from "./upstream-error.js";

/**
 * One upstream's breaker: after `failures` failures in a row (outages, timeouts, 5xx) it opens
 * and calls fail at once for `cooldownMs`; then one call probes (half-open): its success closes
 * the breaker, its failure opens it again. Written here rather than taken from a library (opossum
 * wraps one function with its own timeout): failure is the gateway's notion (an answered 503
 * counts), and a refusal must be the gateway's own error, decided before a slot is taken.
 */
export class CircuitBreaker {
  private consecutive = 0;
  private openedAt: number | undefined;
  private probing = false;

  constructor(
    private readonly failures: number,
    private readonly cooldownMs: number,
  ) {}

  get state(): "closed" | "open" | "half-open" {
    if (this.openedAt === undefined) return "closed";
    return Date.now() - this.openedAt >= this.cooldownMs ? "half-open" : "open";
  }

  /** Whether a call may go now; a half-open breaker lets one probe through at a time. */
  allows(): boolean {
    const state = this.state;
    if (state === "closed") return true;
    if (state === "open" || this.probing) return false;
    this.probing = true;
    return true;
  }

  /**
   * A call turned away now. It knows whether calls are still turned away as now (open since the
   * same moment, or its probe still out): an answer made of it would be made the same way.
   */
  refuse(upstream: UpstreamName): Refused {
    const since = this.openedAt;
    return new Refused(upstream, () => this.openedAt === since && (this.state === "open" || this.probing));
  }

  succeeded(): void {
    this.consecutive = 0;
    this.openedAt = undefined;
    this.probing = false;
  }

  /** A call that ended without a verdict on the upstream: a probe it held may be made by another. */
  released(): void {
    this.probing = false;
  }

  failed(): void {
    this.consecutive += 1;
    if (this.probing || this.consecutive >= this.failures) this.openedAt = Date.now();
    this.probing = false;
  }
}

/** A call an open breaker turned away without asking the upstream. */
export class Refused extends UpstreamError {
  constructor(
    upstream: UpstreamName,
    /** Whether the breaker would still turn it away. */
    readonly holds: () => boolean,
  ) {
    super(upstream, "UNAVAILABLE", undefined, "failing repeatedly; not asked for a while");
  }
}
