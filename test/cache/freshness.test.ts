import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { encodeId } from "../../src/graphql/global-id.js";
import { countByOperation, startHarness, type Harness } from "../support/gateway.js";

const overview = `{ organizations(first: 20) { nodes { name repositories(first: 50) { nodes { name backup { licenceActive plans { name } } defaultBranch { name } branches(first: 100) { nodes { name head { author { name } date } } } } } } } }`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("time to live and revalidation", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      env: {
        CACHE_TTL_LISTING_SECONDS: "1",
        CACHE_TTL_REFS_SECONDS: "1",
        CACHE_TTL_HISTORY_SECONDS: "1",
        CACHE_REVALIDATE_SECONDS: "0",
        CACHE_STALE_IF_ERROR_SECONDS: "3",
      },
    });
  });
  afterAll(() => h.close());

  it("a warm overview makes no upstream call within the time to live; after it, each resource costs at most one call", async () => {
    await h.query(overview);
    const cold = h.calls().filter((c) => c.operation !== "login").length;
    h.resetCalls();
    const warm = await h.query(overview);
    expect(warm.errors).toBeUndefined();
    expect(h.calls()).toHaveLength(0);
    await sleep(1_200);
    const expired = await h.query(overview);
    expect(expired.errors).toBeUndefined();
    expect(expired.data).toEqual(warm.data);
    // Commits by id never change: only what can change is asked again, and each resource once.
    const again = h.calls();
    expect(again.length).toBeLessThan(cold);
    expect(again.some((c) => c.operation === "getCommit" || c.operation === "getChangeset")).toBe(false);
    const reads = again.filter((c) => c.method === "GET").map((c) => `${c.operation} ${c.path}`);
    expect(new Set(reads).size).toBe(reads.length);
    expect(countByOperation(again).getRepositories).toBe(h.sim.world.gitprotect.organizations.size);
  });

  it("revalidates an SCM-Manager repository with its ETag: a 304, no body", async () => {
    const repo = [...h.sim.world.scm.repositories.values()][0]!;
    const query = `query($id: ID!) { repository(id: $id) { name scmManager { description } } }`;
    const id = encodeId({ type: "Repository", host: "scm", repositoryId: repo.id });
    await h.query(query, { id });
    await sleep(1_200);
    h.resetCalls();
    const answer = await h.query(query, { id });
    expect(answer.errors).toBeUndefined();
    expect(h.calls().map((c) => [c.operation, c.status])).toEqual([["getRepository", 304]]);
  });

  it("serves stale data marked as stale while the upstream is down, then errors past the bound", async () => {
    const query = `{ repositories(first: 100) { totalCount } }`;
    const fresh = await h.query(query);
    expect(fresh.errors).toBeUndefined();
    await sleep(1_200);
    h.sim.azureDevOps.faults.setRules([{ operation: "*", status: 503 }]);
    try {
      const stale = await fetch(h.gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query }),
      }).then(
        (r) =>
          r.json() as Promise<{
            data: unknown;
            errors?: unknown;
            extensions?: { cache?: { stale: boolean; ageSeconds: number } };
          }>,
      );
      expect(stale.errors).toBeUndefined();
      expect(stale.data).toEqual(fresh.data);
      expect(stale.extensions?.cache).toMatchObject({ stale: true });
      await sleep(3_200);
      const past = await h.query(query);
      expect(past.errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    } finally {
      h.sim.azureDevOps.faults.setRules([]);
    }
  });
});

describe("stale while revalidating", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env: { CACHE_TTL_LISTING_SECONDS: "1", CACHE_REVALIDATE_SECONDS: "30" } });
  });
  afterAll(() => h.close());

  it("answers at once from the stale entry, marks it, and refreshes it in the background", async () => {
    const query = `{ repositories(first: 100, host: AZURE_DEVOPS) { totalCount } }`;
    await h.query(query);
    await sleep(1_200);
    // The refresh is slow: an answer that waited for it could not arrive before it finished.
    h.sim.azureDevOps.faults.setRules([{ operation: "listRepositories", latencyMs: 2_000 }]);
    h.resetCalls();
    const answer = await fetch(h.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    }).then((r) => r.json() as Promise<{ extensions?: { cache?: { stale: boolean } } }>);
    expect(answer.extensions?.cache?.stale).toBe(true);
    const stats = () => h.sim.azureDevOps.stats.snapshot();
    // Answered from the stale entry before the one refresh (2 s at the upstream) was over.
    expect(stats().requests.filter((r) => r.operation === "listRepositories")).toEqual([]);
    await vi.waitFor(() => expect(stats().counts.listRepositories).toBe(1), { timeout: 5_000, interval: 50 });
    await vi.waitFor(
      () => expect(stats().requests.some((r) => r.operation === "listRepositories")).toBe(true),
      {
        timeout: 15_000,
        interval: 100,
      },
    );
    expect(stats().counts.listRepositories).toBe(1);
    h.sim.azureDevOps.faults.setRules([]);
    // Once the refreshed entry is stored (just after the upstream answered), answers are fresh again.
    await vi.waitFor(
      async () => {
        const refreshed = await fetch(h.gateway.url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query }),
        }).then((r) => r.json() as Promise<{ extensions?: unknown }>);
        expect(refreshed.extensions).toBeUndefined();
      },
      { timeout: 5_000, interval: 50 },
    );
  });
});
