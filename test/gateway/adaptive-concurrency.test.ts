import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/gateway.js";

/** Every SCM-Manager repository's branches and their heads: one wide round of calls to one upstream. */
const wide = `query Wide($first: Int!) { repositories(first: $first, host: SCM_MANAGER) { nodes { branches(first: 20) { nodes { head { date } } } } } }`;
/** SCM-Manager serves 8 calls at once at its base latency, slows down past that, refuses past 24. */
const busy = { concurrent: 8, refuseAbove: 24, status: 503, retryAfterSeconds: 1 } as const;

let h: Harness | undefined;
afterEach(() => h?.close());

const start = async (env: Record<string, string> = {}) =>
  (h = await startHarness({
    env: { CACHE: "off", METRICS: "on", ...env },
    // About sixty SCM-Manager repositories, their histories shared to build quickly.
    simulators: {
      latency: { fixedMs: 50, jitterMs: 0 },
      world: { repositoriesPerOrganization: 40, branches: 3, commits: 4, sharedHistories: 2 },
    },
  }));

/** Asks the wide question `times` times, one after the other (different variables, nothing reused). */
async function askWide(harness: Harness, times: number) {
  const errors: unknown[] = [];
  for (let n = 0; n < times; n += 1) {
    const answer = await harness.query(wide, { first: 100 - n });
    errors.push(...(answer.errors ?? []));
  }
  return errors;
}

/** SCM-Manager's concurrency limit now, as the gateway's metrics show it. */
async function scmLimit(harness: Harness): Promise<number> {
  const text = await (await fetch(new URL("/metrics", harness.gateway.url))).text();
  return Number(/^gateway_upstream_concurrency_limit\{upstream="scm_manager"\} (\d+)/m.exec(text)?.[1]);
}

describe("adaptive concurrency per upstream", () => {
  it("grows past where it starts on a server that keeps its latency", async () => {
    const harness = await start();
    expect(await askWide(harness, 4)).toEqual([]);
    // It starts at 16 calls at once and has grown (the calls the simulator sees at once depend on
    // how busy the machine is; the limit on how fast the answers came).
    expect(await scmLimit(harness)).toBeGreaterThan(16);
  });

  it("shrinks to a busy server's capacity and stops overrunning it, where a fixed cap of 64 keeps being refused", async () => {
    const adaptive = await start();
    await askWide(adaptive, 4);
    const grown = await scmLimit(adaptive);
    adaptive.sim.scmManager.capacity.set(busy);
    // The first wide questions may meet refusals (the limit was grown on a healthy server): each
    // round of them halves it, as a congestion window is halved once per round trip.
    await askWide(adaptive, 2);
    const refusedFirst = adaptive.sim.scmManager.capacity.snapshot().refusals;
    expect(await askWide(adaptive, 3)).toEqual([]);
    expect(adaptive.sim.scmManager.capacity.snapshot().refusals).toBe(refusedFirst);
    const limit = await scmLimit(adaptive);
    // Settled where answers take no more than half again their best: about 1.5 × the 8 served at
    // once, and past what refusals alone leave (they stop halving under 24: 20, from 40). The time
    // the gateway's loop was busy is not counted against the upstream, and here the simulators
    // share its process: a call or two more than 12.
    expect(limit).toBeLessThanOrEqual(18);
    expect(grown).toBeGreaterThan(limit);
    await adaptive.close();

    const fixed = await start({
      UPSTREAM_CONCURRENCY_MIN: "64",
      UPSTREAM_CONCURRENCY_MAX: "64",
      UPSTREAM_RETRIES: "0",
    });
    fixed.sim.scmManager.capacity.set(busy);
    await askWide(fixed, 2);
    expect(fixed.sim.scmManager.capacity.snapshot().refusals).toBeGreaterThan(0);
  });
});
