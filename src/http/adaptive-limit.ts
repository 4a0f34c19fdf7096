/**
 * How many calls one upstream is given at once, found rather than fixed: the limit grows (by a
 * quarter per answer, at most ×1.25 per round trip) while successful answers come back about as
 * fast as that operation's recent best, probes by about its square root per round trip while they
 * are as fast but for the time the gateway was busy (it read them late), holds while they are
 * somewhat slower (the server has begun to queue), and shrinks when they take half again as long
 * (×0.9), time out or are refused as overloaded (×0.5), at most once per round trip, between a
 * floor and a ceiling. Once it has shrunk, it grows past where it shrank to by about its square
 * root per round trip too, as TCP's congestion window grows slowly past its threshold: a server
 * whose first calls are fast and later ones queue (the burst of a cold request) is otherwise grown
 * into by a quarter per fast answer. Where the upstream refused or timed out, it stays below for a
 * minute. `Retry-After` also holds its growth, for at most a few seconds: the limit is shared by
 * every caller of the upstream, and one caller's throttling (429 per identity) must not hold the
 * others down for long.
 * A rule of the kind of TCP Vegas and Netflix's concurrency-limits; written here because those
 * libraries are Java and Go, and the npm ports wrap a whole call with timeouts of their own.
 */
export class AdaptiveLimit {
  private value: number;
  /** Each contract operation's best latency of late: a blame is not a slow listing. */
  private readonly baselines = new Map<string, WindowedMinimum>();
  private decreasedAt = Number.NEGATIVE_INFINITY;
  private heldUntil = 0;
  /** Where the limit last shrank to: past it, growth is about its square root per round trip. */
  private threshold = Number.POSITIVE_INFINITY;
  /** Just below where the upstream last refused or timed out, and until when that is remembered. */
  private overloadedAt?: { limit: number; until: number };

  constructor(
    readonly floor: number,
    readonly ceiling: number,
  ) {
    this.value = Math.min(ceiling, Math.max(floor, startingLimit));
  }

  /** Calls that may be out at once now. */
  get current(): number {
    return Math.floor(this.value);
  }

  /**
   * A successful answer (2xx) of `operation` after `ms`, while `inFlight` calls were out. Only those
   * set the operation's best: a fast refusal or revalidation says nothing of how fast it is served.
   * The answer may have waited for the gateway while it was busy after it could first have come
   * (`busyAfter(best)`), so a slowdown is the upstream's only when the answer is slow without that
   * time. Only an answer fast as read grows the limit fast; one that is fast once that time is
   * taken off (and not slow as read) probes: held there, a gateway busy with a burst of answers
   * (the heads of a cold overview, read one after another) never found a room the upstream had,
   * and sent in three waves what the peer sends at once. An answer merely not slow grows nothing:
   * probing on those took a fast upstream (best 10 ms, so its slow bound is twice that) or a long
   * busy gateway (a naive client's thousands of calls) into the upstream's refusals.
   */
  answered(operation: string, ms: number, inFlight: number, busyAfter?: (afterMs: number) => number): void {
    const best = this.baselineOf(operation).add(ms);
    const slowBound = best * queueing.factor + queueing.slackMs;
    // At most half of what the answer took past its best is put down to the gateway: however busy
    // it was, an upstream that queues to twice its best (and a little) is still seen to.
    const waitedForUs = busyAfter ? Math.min(busyAfter(best), (ms - best) / 2) : 0;
    if (ms - waitedForUs > slowBound) {
      this.decrease(slowdown, ms);
      return;
    }
    const flatBound = best * flat.factor + flat.slackMs;
    const fastAsRead = ms <= flatBound;
    const fastOnceExcused = ms - waitedForUs <= flatBound && ms <= slowBound;
    // Grown only while used: an upstream asked little of says nothing of what it can take.
    if (!(fastAsRead || fastOnceExcused) || Date.now() < this.heldUntil || inFlight * 2 < this.value) return;
    const probing = Math.min(growth, Math.sqrt(this.value) / this.value);
    this.value = Math.min(
      this.ceilingNow(),
      this.value + (fastAsRead && this.value < this.threshold ? growth : probing),
    );
  }

  /**
   * A call cut short by its request's deadline after `ms`: no verdict, unless it had already taken
   * half again its operation's best, which is a slowdown whatever ended it.
   */
  cutShort(operation: string, ms: number): void {
    const best = this.baselines.get(operation)?.minimum ?? Number.POSITIVE_INFINITY;
    if (ms > best * queueing.factor + queueing.slackMs) this.decrease(slowdown, ms);
  }

  /** A call that timed out or was refused as overloaded (429, 502, 503, 504, the connection). */
  overloaded(ms: number, retryAfterMs?: number): void {
    if (retryAfterMs !== undefined && retryAfterMs > 0)
      this.heldUntil = Math.max(this.heldUntil, Date.now() + Math.min(retryAfterMs, maxHoldMs));
    const refusedAt = this.value * slowdown;
    if (!this.decrease(backoff, ms)) return;
    // While the last is remembered, the higher of the two: in an outage each failure comes at a limit already cut.
    const known = this.overloadedAt && Date.now() < this.overloadedAt.until ? this.overloadedAt.limit : 0;
    this.overloadedAt = { limit: Math.max(known, refusedAt), until: Date.now() + overloadMemoryMs };
  }

  /**
   * The ceiling, or below where the upstream last refused or timed out, for a while after: a server
   * that has said where its limit is is not probed there again at once (each probe costs a refusal
   * and the caller's wait for `Retry-After`).
   */
  private ceilingNow(): number {
    const known = this.overloadedAt;
    return known && Date.now() < known.until ? Math.max(this.floor, known.limit) : this.ceiling;
  }

  /** Whether it shrank: the calls that were out with this one saw the same moment, one cut per round trip. */
  private decrease(factor: number, roundTripMs: number): boolean {
    const now = Date.now();
    if (now - this.decreasedAt < roundTripMs) return false;
    this.decreasedAt = now;
    this.value = Math.max(this.floor, this.value * factor);
    this.threshold = this.value;
    return true;
  }

  private baselineOf(operation: string): WindowedMinimum {
    let baseline = this.baselines.get(operation);
    if (!baseline) this.baselines.set(operation, (baseline = new WindowedMinimum(baselineWindowMs)));
    return baseline;
  }
}

/** Where a limit starts before anything is known of the upstream. */
const startingLimit = 16;
/** Within this of its operation's best, an answer says the upstream has room; past `queueing`, that it queues. */
const flat = { factor: 1.25, slackMs: 5 };
const queueing = { factor: 1.5, slackMs: 5 };
/**
 * Per answer while the limit is used: at most ×1.25 per round trip, so that a limit that was just
 * right overshoots a server's capacity by a quarter before the latency says so, not by double.
 */
const growth = 0.25;
const slowdown = 0.9;
const backoff = 0.5;
/** The longest `Retry-After` holds the limit's growth. */
const maxHoldMs = 5_000;
/** How long the limit stays below where the upstream last refused or timed out. */
const overloadMemoryMs = 60_000;
/** The best latency is forgotten after one to two windows: a server that got slower for good is seen so. */
const baselineWindowMs = 30_000;

/** The smallest value seen over the last one to two windows. */
class WindowedMinimum {
  private current = Number.POSITIVE_INFINITY;
  private previous = Number.POSITIVE_INFINITY;
  private rotatedAt = Date.now();

  constructor(private readonly windowMs: number) {}

  get minimum(): number {
    return Math.min(this.current, this.previous);
  }

  /** Adds a value; the minimum with it. */
  add(value: number): number {
    const now = Date.now();
    if (now - this.rotatedAt >= this.windowMs) {
      this.previous = now - this.rotatedAt >= 2 * this.windowMs ? Number.POSITIVE_INFINITY : this.current;
      this.current = Number.POSITIVE_INFINITY;
      this.rotatedAt = now;
    }
    this.current = Math.min(this.current, value);
    return Math.min(this.current, this.previous);
  }
}
