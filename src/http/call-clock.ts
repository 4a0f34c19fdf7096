import { performance } from "node:perf_hooks";

/**
 * A call's time, and how much of it this process's event loop was busy. An answer that arrives
 * while the gateway works on others waits for the gateway, not for the upstream: a burst of
 * answers read one after another looked like a slow upstream and held the limit at a fraction of
 * what the upstream could take (a cold overview queued each call for about 55 ms).
 */
export interface CallClock {
  /** Milliseconds since the call started. */
  elapsed(): number;
  /** Of those, the milliseconds the event loop was busy: at most what the answer waited for us. */
  busy(): number;
}

export function startClock(): CallClock {
  const started = performance.now();
  const loop = performance.eventLoopUtilization();
  return {
    elapsed: () => performance.now() - started,
    busy: () => performance.eventLoopUtilization(loop).active,
  };
}
