/**
 * How much a simulated server can take at once, set through the control API
 * (`PUT /_simulator/capacity`): `concurrent` calls are served at the base latency; past that
 * a call arriving shares the server, so it takes longer in proportion to the calls in service
 * when it arrives (calls already in service keep their time: a simplification); past
 * `refuseAbove` in service, a call is turned away at once with `status` and `Retry-After`.
 */
export interface Capacity {
  concurrent: number;
  refuseAbove: number;
  status: 429 | 503;
  retryAfterSeconds: number;
}

/** What the model decided for one call: refused, or served, its latency stretched by `slowdown`. */
export type Admission =
  { refused: true; status: number; retryAfterSeconds: number } | { refused: false; slowdown: number };

export class CapacityModel {
  private capacity: Capacity | undefined;
  private inService = 0;
  /** The most calls in service at once, and the calls refused, since the last reset. */
  private peak = 0;
  private refusals = 0;

  set(capacity: Capacity | undefined): void {
    this.capacity = capacity;
  }

  get(): Capacity | null {
    return this.capacity ?? null;
  }

  /** A call arrives; `done` must be called once it is answered. */
  admit(): Admission {
    const capacity = this.capacity;
    if (capacity && this.inService >= capacity.refuseAbove) {
      this.refusals += 1;
      return { refused: true, status: capacity.status, retryAfterSeconds: capacity.retryAfterSeconds };
    }
    this.inService += 1;
    this.peak = Math.max(this.peak, this.inService);
    const share = capacity ? Math.max(1, this.inService / capacity.concurrent) : 1;
    return { refused: false, slowdown: share };
  }

  done(): void {
    this.inService -= 1;
  }

  snapshot(): { inService: number; peak: number; refusals: number } {
    return { inService: this.inService, peak: this.peak, refusals: this.refusals };
  }

  reset(): void {
    this.peak = this.inService;
    this.refusals = 0;
  }
}

export function parseCapacity(input: unknown): Capacity {
  const value = (input ?? {}) as Record<string, unknown>;
  const whole = (name: string, min: number) => {
    const n = value[name];
    if (typeof n !== "number" || !Number.isInteger(n) || n < min)
      throw new Error(`${name} must be an integer of at least ${min}`);
    return n;
  };
  const concurrent = whole("concurrent", 1);
  const refuseAbove = whole("refuseAbove", concurrent);
  const status = value.status ?? 503;
  if (status !== 429 && status !== 503) throw new Error("status must be 429 or 503");
  return { concurrent, refuseAbove, status, retryAfterSeconds: whole("retryAfterSeconds", 0) };
}
