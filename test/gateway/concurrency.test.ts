import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/gateway.js";

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    env: { UPSTREAM_CONCURRENCY_MIN: "1", UPSTREAM_CONCURRENCY_MAX: "3" },
    simulators: { latency: { fixedMs: 15, jitterMs: 0 } },
  });
});
afterAll(() => h.close());

describe("per-upstream concurrency cap", () => {
  it("keeps a wide query to at most UPSTREAM_CONCURRENCY_MAX calls in flight per upstream", async () => {
    const answer = await h.query(
      `{ repositories(first: 100) { nodes { branches(first: 20) { nodes { head { date } } } } } }`,
    );
    expect(answer.errors).toBeUndefined();
    const calls = h.calls();
    expect(calls.length).toBeGreaterThan(20);
    for (const server of [h.sim.azureDevOps, h.sim.scmManager]) {
      const own = server.stats.snapshot().requests;
      const peak = Math.max(
        ...own.map((c) => own.filter((o) => o.startedAt <= c.startedAt && o.endedAt > c.startedAt).length),
      );
      expect(peak).toBeLessThanOrEqual(3);
      expect(peak).toBeGreaterThanOrEqual(2);
    }
  });
});
