import { performance } from "node:perf_hooks";

/**
 * A call's time, and how long this process's event loop was busy during its last part. An answer
 * that arrives while the gateway works on others waits for the gateway, not for the upstream: a
 * burst of answers read one after another looked like a slow upstream and held the limit at a
 * fraction of what the upstream could take (a cold overview queued each call for about 55 ms).
 */
export interface CallClock {
  /** Milliseconds since the call started. */
  elapsed: () => number;
  /**
   * Milliseconds the event loop was busy from `afterMs` into the call until now: at most what an
   * answer that cannot have come sooner than `afterMs` waited for us. Busy time before then
   * delayed nothing, and counting it hid a server's real queueing.
   */
  busyAfter: (afterMs: number) => number;
}

export function startClock(): CallClock {
  const started = loop.sample().at;
  return {
    elapsed: () => performance.now() - started,
    busyAfter: (afterMs) => loop.busySince(started + afterMs),
  };
}

/**
 * The loop's cumulative busy time, sampled at every call's start and end: under load, many times
 * a millisecond. The busy time since a moment is read from the first sample at or after it, so it
 * is never more than the loop was busy (which would hide an upstream's slowness).
 */
class LoopActivity {
  private readonly at = new Float64Array(samples);
  private readonly active = new Float64Array(samples);
  private written = 0;

  sample(): { at: number; active: number } {
    const now = { at: performance.now(), active: performance.eventLoopUtilization().active };
    const slot = this.written % samples;
    this.at[slot] = now.at;
    this.active[slot] = now.active;
    this.written += 1;
    return now;
  }

  busySince(moment: number): number {
    const now = this.sample();
    // The first sample at or after the moment, by binary search over the ring in the order written.
    let low = Math.max(0, this.written - samples);
    let high = this.written - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.at[middle % samples]! < moment) low = middle + 1;
      else high = middle;
    }
    return now.active - this.active[low % samples]!;
  }
}

const samples = 4_096;
const loop = new LoopActivity();
