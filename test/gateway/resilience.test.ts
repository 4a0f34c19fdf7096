import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/gateway.js";

/** Staying up when an upstream does not: deadline, breaker, bounded queue, retries that listen. */

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    env: {
      CACHE: "off",
      UPSTREAM_TIMEOUT_MS: "20000",
      REQUEST_DEADLINE_MS: "1500",
      BREAKER_FAILURES: "3",
      BREAKER_COOLDOWN_MS: "1500",
      UPSTREAM_CONCURRENCY_MIN: "1",
      UPSTREAM_CONCURRENCY_MAX: "1",
      UPSTREAM_QUEUE: "1",
      UPSTREAM_RETRIES: "1",
    },
  });
});
afterAll(() => h.close());

const azure = `{ repositories(first: 1, host: AZURE_DEVOPS) { totalCount } }`;
const scm = `{ repositories(first: 1, host: SCM_MANAGER) { totalCount } }`;
const organizations = `{ organizations(first: 1) { totalCount } }`;
const listings = () =>
  h.calls().filter((c) => c.operation === "listRepositories" && c.path.includes("/_apis/")).length;
const timed = async (query: string) => {
  const started = performance.now();
  const answer = await h.query(query);
  return { answer, ms: performance.now() - started };
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("an upstream that fails or hangs", () => {
  it("opens its breaker after failures in a row: then fails at once without calling, and closes after a good probe", async () => {
    h.sim.azureDevOps.faults.setRules([{ operation: "listRepositories", status: 500 }]);
    h.resetCalls();
    for (let i = 0; i < 3; i++)
      expect((await h.query(azure)).errors?.[0]?.extensions?.code).toBe("UPSTREAM_ERROR");
    const made = listings();
    const open = await timed(azure);
    expect(open.answer.errors?.[0]?.extensions).toMatchObject({
      code: "UPSTREAM_UNAVAILABLE",
      upstream: "Azure DevOps",
    });
    expect(listings()).toBe(made);
    expect(open.ms).toBeLessThan(1_000); // no call, no wait: generous for a busy machine
    // Another upstream is not concerned.
    expect((await h.query(scm)).errors).toBeUndefined();
    h.sim.azureDevOps.faults.setRules([]);
    await sleep(1_700);
    expect((await h.query(azure)).errors).toBeUndefined();
    expect((await h.query(azure)).errors).toBeUndefined();
  });

  it("keeps a request within its deadline while an upstream hangs, queue wait included; others still answer", async () => {
    h.sim.scmManager.faults.setRules([{ operation: "listRepositories", hang: true }]);
    try {
      const hung = [timed(scm), timed(scm), timed(scm)];
      await sleep(100);
      const other = await timed(organizations);
      expect(other.answer.errors).toBeUndefined();
      const results = await Promise.all(hung);
      for (const { answer, ms } of results) {
        expect(answer.errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
        expect(ms).toBeLessThan(1_500 + 2_000);
      }
      // One slot and one place in the queue: the third was turned away at once.
      expect(Math.min(...results.map((r) => r.ms))).toBeLessThan(1_000);
      expect(other.ms).toBeLessThan(1_500);
    } finally {
      h.sim.scmManager.faults.setRules([]);
    }
  });

  it("retries a 429 after the time its Retry-After asks", async () => {
    await sleep(1_700); // the SCM-Manager breaker, opened by the hangs above, closes again
    h.sim.gitprotect.faults.setRules([
      { operation: "getOrganizations", status: 429, headers: { "retry-after": "1" }, times: 1 },
    ]);
    h.resetCalls();
    const { answer, ms } = await timed(`{ organizations(first: 2) { totalCount } }`);
    expect(answer.errors).toBeUndefined();
    expect(
      h
        .calls()
        .filter((c) => c.operation === "getOrganizations")
        .map((c) => c.status),
    ).toEqual([429, 200]);
    expect(ms).toBeGreaterThanOrEqual(950);
  });
});
