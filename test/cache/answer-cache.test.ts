import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { encodeId } from "../../src/graphql/global-id.js";
import { startHarness, type Harness } from "../support/gateway.js";

/** Whole answers kept per operation, variables, credentials and upstream generations. */

let h: Harness;
const query = `{ repositories(first: 100) { totalCount nodes { name branches(first: 5) { nodes { name } } } } }`;
const post = async (body: unknown, headers: Record<string, string> = {}) => {
  const response = await fetch(h.gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return { hit: response.headers.get("x-gateway-cache") === "hit", text: await response.text() };
};

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe("the answer cache", () => {
  it("answers a repeated query from the kept answer, with no upstream call", async () => {
    const first = await post({ query });
    expect(first.hit).toBe(false);
    h.resetCalls();
    const second = await post({ query });
    expect(second).toEqual({ hit: true, text: first.text });
    expect(h.calls()).toHaveLength(0);
  });

  it("computes an answer once for identical requests that arrive while it is being computed", async () => {
    // A query no one asked before, made slow upstream: the others arrive while the first computes.
    const fresh = `{ repositories(first: 3, host: AZURE_DEVOPS) { totalCount nodes { name } } }`;
    h.sim.azureDevOps.faults.setRules([{ operation: "*", latencyMs: 500 }]);
    try {
      const answers = await Promise.all(Array.from({ length: 8 }, () => post({ query: fresh })));
      expect(answers.filter((a) => !a.hit)).toHaveLength(1);
      expect(new Set(answers.map((a) => a.text)).size).toBe(1);
      expect(JSON.parse(answers[0]!.text)).not.toHaveProperty("errors");
    } finally {
      h.sim.azureDevOps.faults.setRules([]);
    }
  });

  it("shares an answer with errors only with identical requests in flight, and keeps none of it", async () => {
    const failing = `{ repositories(first: 2, host: SCM_MANAGER) { totalCount } }`;
    h.sim.scmManager.faults.setRules([{ operation: "listRepositories", status: 500, latencyMs: 300 }]);
    try {
      // Another user: nothing of theirs is cached yet, so the failing listing is really asked for.
      const bob = { "x-scm-manager-username": "bob", "x-scm-manager-password": "bob-secret" };
      const listings = () => h.calls().filter((c) => c.operation === "listRepositories").length;
      h.resetCalls();
      const together = await Promise.all(Array.from({ length: 3 }, () => post({ query: failing }, bob)));
      expect(together.every((a) => (JSON.parse(a.text) as { errors?: unknown }).errors)).toBe(true);
      expect(new Set(together.map((a) => a.text)).size).toBe(1);
      // One failing call for the three, not a crowd of recomputations once it failed.
      expect(listings()).toBe(1);
      const later = await post({ query: failing }, bob);
      expect(later.hit).toBe(false);
      expect(listings()).toBe(2);
    } finally {
      h.sim.scmManager.faults.setRules([]);
    }
  });

  it("keeps answers per user and per variables", async () => {
    await post({ query }, { "x-scm-manager-username": "alice", "x-scm-manager-password": "alice-secret" });
    const bob = await post(
      { query },
      { "x-scm-manager-username": "bob", "x-scm-manager-password": "bob-secret" },
    );
    expect(bob.hit).toBe(false);
    const byId = `query($id: ID!) { repository(id: $id) { name } }`;
    const [a, b] = [...h.sim.world.azure.repositories.values()];
    await post({
      query: byId,
      variables: { id: encodeId({ type: "Repository", host: "azure", repositoryId: a!.id }) },
    });
    const other = await post({
      query: byId,
      variables: { id: encodeId({ type: "Repository", host: "azure", repositoryId: b!.id }) },
    });
    expect(other.hit).toBe(false);
    expect((JSON.parse(other.text) as { data: { repository: { name: string } } }).data.repository.name).toBe(
      b!.name,
    );
  });

  it("leaves every answer behind after any write, and never keeps mutations or answers with errors", async () => {
    await post({ query });
    expect((await post({ query })).hit).toBe(true);
    const repo = [...h.sim.world.scm.repositories.values()].find((r) => r.type === "git")!;
    const mutation = `mutation($input: RunScmManagerHealthCheckInput!) { runScmManagerHealthCheck(input: $input) { errors { code } } }`;
    const input = { repositoryId: encodeId({ type: "Repository", host: "scm", repositoryId: repo.id }) };
    expect((await post({ query: mutation, variables: { input } })).hit).toBe(false);
    expect((await post({ query: mutation, variables: { input } })).hit).toBe(false);
    expect((await post({ query })).hit).toBe(false);

    const failing = `{ organizations(first: 3) { totalCount } }`;
    h.sim.gitprotect.faults.setRules([{ operation: "getOrganizations", status: 503 }]);
    try {
      expect((await post({ query: failing })).text).toContain("UPSTREAM_UNAVAILABLE");
    } finally {
      h.sim.gitprotect.faults.setRules([]);
    }
    const after = await post({ query: failing });
    expect(after.hit).toBe(false);
    expect(after.text).not.toContain("errors");
  });
});

describe("while an upstream's breaker is open", () => {
  let b: Harness;
  beforeAll(async () => {
    b = await startHarness({
      env: { BREAKER_FAILURES: "2", BREAKER_COOLDOWN_MS: "1500", UPSTREAM_RETRIES: "0" },
    });
  });
  afterAll(() => b.close());
  const touching = `{ repositories(first: 3, host: SCM_MANAGER) { nodes { name branches(first: 2) { nodes { name } } } } }`;
  const ask = async (query: string) => {
    const response = await fetch(b.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
    return { hit: response.headers.get("x-gateway-cache") === "hit", text: await response.text() };
  };
  const unavailableCounted = async () => {
    const text = await (await fetch(new URL("/metrics", b.gateway.url))).text();
    return Number(/^gateway_errors_total\{code="UPSTREAM_UNAVAILABLE"\} (\d+)/m.exec(text)?.[1] ?? 0);
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const codes = (text: string) =>
    (JSON.parse(text) as { errors?: Array<{ extensions: { code: string } }> }).errors?.map(
      (e) => e.extensions.code,
    );

  it("keeps an answer made of its refusals until it lets a call through again", async () => {
    b.sim.scmManager.faults.setRules([{ operation: "getBranches", status: 503 }]);
    let refused: { hit: boolean; text: string };
    try {
      // Failures of the upstream itself are of this moment: never kept.
      const failing = await ask(touching);
      expect(codes(failing.text)?.every((c) => c === "UPSTREAM_UNAVAILABLE")).toBe(true);
      // The breaker is open now: the first answer made of its refusals is computed, then kept.
      refused = await ask(touching);
      expect(refused.hit).toBe(false);
      expect(refused.text).not.toBe(failing.text);
      expect(codes(refused.text)?.every((c) => c === "UPSTREAM_UNAVAILABLE")).toBe(true);
      b.resetCalls();
      const counted = await unavailableCounted();
      const again = await ask(touching);
      expect(again).toEqual({ hit: true, text: refused.text });
      expect(b.calls()).toHaveLength(0);
      // Answered from memory, the outage still counts in the metrics, error by error.
      expect((await unavailableCounted()) - counted).toBe(codes(refused.text)!.length);
      // Another question is asked as usual.
      expect((await ask(`{ organizations(first: 1) { totalCount } }`)).hit).toBe(false);
      // Half-open: one request probes the upstream (slowly), and the same question meanwhile is
      // still answered with the refusals rather than waiting for the probe.
      await sleep(1_700);
      b.sim.scmManager.faults.setRules([{ operation: "getBranches", status: 503, latencyMs: 1_000 }]);
      const branchCalls = () => b.sim.scmManager.stats.snapshot().counts.getBranches ?? 0;
      const before = branchCalls();
      const probe = ask(touching);
      await vi.waitFor(() => expect(branchCalls()).toBeGreaterThan(before), { timeout: 5_000 });
      expect(await ask(touching)).toEqual({ hit: true, text: refused.text });
      expect((await probe).hit).toBe(false);
    } finally {
      b.sim.scmManager.faults.setRules([]);
    }
    await sleep(1_700); // the breaker half-opens
    // One call probes (the others are still turned away), and its success closes the breaker.
    expect((await ask(touching)).hit).toBe(false);
    const healed = await ask(touching);
    expect(healed.hit).toBe(false);
    expect(codes(healed.text)).toBeUndefined();
    const answer = JSON.parse(healed.text) as { data: { repositories: { nodes: unknown[] } } };
    expect(answer.data.repositories.nodes).toHaveLength(3);
  });
});
