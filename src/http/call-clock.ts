import { performance } from "node:perf_hooks";

/**
 * A call's time, and how much of it the upstream surely took. An answer that arrives while the
 * gateway works on others waits for the gateway, not for the upstream: a burst of answers read one
 * after another looked like a slow upstream and held the limit at a fraction of what the upstream
 * could take (a cold overview queued each call for about 55 ms).
 */
export interface CallClock {
  /** Milliseconds since the call started: the most the upstream can have taken. */
  elapsed: () => number;
  /**
   * Milliseconds into the call before which its answer cannot have been whole: the last moment
   * this process's event loop waited idle, as it does only when nothing it could read was there.
   * The least the upstream can have taken; 0 when the loop was never idle since the call began.
   */
  answeredAfter: () => number;
}

export function startClock(): CallClock {
  const started = performance.now();
  const startedOnLoop = loop.sample();
  const elapsed = () => performance.now() - started;
  return {
    elapsed,
    answeredAfter: () => Math.min(elapsed(), Math.max(0, loop.lastIdle() - startedOnLoop)),
  };
}

/**
 * The loop's idle and busy time, sampled at every call's start and end: under load, many times a
 * millisecond. Between two samples the loop was idle at some moment if its idle time grew, and that
 * moment was no earlier than the later sample less the busy time between them; the latest such
 * bound is kept. Never later than the loop was last idle: an upstream's slowness must not be made
 * up from the gateway's own work. Times are the loop's own (its idle and busy time together): read
 * beside `performance.now()`, a thread paused between the two readings turned busy time into idle.
 */
class LoopActivity {
  private idle = 0;
  private active = 0;
  private idleAtLeast = 0;

  /** Takes a sample; its time on the loop's clock. */
  sample(): number {
    const { idle, active } = performance.eventLoopUtilization();
    const at = idle + active;
    if (idle - this.idle > 0) this.idleAtLeast = at - (active - this.active);
    this.idle = idle;
    this.active = active;
    return at;
  }

  /** The latest moment on the loop's clock it is known to have been idle, as of now. */
  lastIdle(): number {
    this.sample();
    return this.idleAtLeast;
  }
}

const loop = new LoopActivity();
