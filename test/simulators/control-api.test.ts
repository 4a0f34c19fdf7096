import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSimulators, type Simulators } from "../../simulators/start-simulators.js";
import { basic } from "../support/contract-client.js";

let sim: Simulators;
const scm = () => `${sim.scmManager.url}/api/rest/repositories`;
const asAdmin = { authorization: basic("scmadmin", "scmadmin") };
const control = (path: string, method = "GET", body?: unknown) =>
  fetch(`${sim.scmManager.origin}/_simulator${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
  });

beforeAll(async () => {
  sim = await startSimulators({ ports: { gitprotect: 0, azureDevOps: 0, scmManager: 0 } });
});
afterAll(() => sim.close());
beforeEach(async () => {
  await control("/faults", "DELETE");
  await control("/latency", "PUT", { fixedMs: 0, jitterMs: 0 });
  await control("/stats", "DELETE");
  await control("/capacity", "DELETE");
});

describe("simulator control API", () => {
  it("models a capacity: calls past it slow down in proportion, past its bound are refused with Retry-After", async () => {
    // Long enough that the six calls are in service together even on one busy core (at 40 ms, the
    // first was answered there before the last arrived).
    await control("/latency", "PUT", { fixedMs: 500, jitterMs: 0 });
    expect((await control("/capacity", "PUT", { concurrent: 2, refuseAbove: 0 })).status).toBe(400);
    const set = await control("/capacity", "PUT", {
      concurrent: 2,
      refuseAbove: 4,
      status: 429,
      retryAfterSeconds: 3,
    });
    expect(set.status).toBe(200);
    const answers = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const started = performance.now();
        const response = await fetch(scm(), { headers: asAdmin });
        return {
          status: response.status,
          retryAfter: response.headers.get("retry-after"),
          ms: performance.now() - started,
        };
      }),
    );
    const served = answers.filter((a) => a.status === 200);
    expect(served).toHaveLength(4);
    expect(answers.filter((a) => a.status === 429)).toEqual([
      expect.objectContaining({ retryAfter: "3" }),
      expect.objectContaining({ retryAfter: "3" }),
    ]);
    // The fourth in service shares the server with three others: twice the base latency.
    expect(Math.max(...served.map((a) => a.ms))).toBeGreaterThanOrEqual(950);
    expect(await (await control("/capacity")).json()).toMatchObject({ peak: 4, refusals: 2, inService: 0 });
    await control("/stats", "DELETE");
    expect(await (await control("/capacity")).json()).toMatchObject({ peak: 0, refusals: 0 });
  });

  it("counts requests per operation, with who asked and when", async () => {
    await fetch(scm(), { headers: asAdmin });
    await fetch(scm(), { headers: asAdmin });
    await fetch(`${scm()}/nope`, { headers: asAdmin });
    const stats = (await (await control("/stats")).json()) as {
      total: number;
      counts: Record<string, number>;
      requests: Array<{ principal: string; startedAt: number; endedAt: number }>;
    };
    expect(stats.counts).toEqual({ listRepositories: 2, getRepository: 1 });
    expect(stats.total).toBe(3);
    expect(stats.requests[0]!.principal).toBe("scmadmin");
    expect(stats.requests[0]!.endedAt).toBeGreaterThanOrEqual(stats.requests[0]!.startedAt);
    await control("/stats", "DELETE");
    expect(((await (await control("/stats")).json()) as { total: number }).total).toBe(0);
  });

  it("adds latency, fixed and per operation", async () => {
    await control("/latency", "PUT", { fixedMs: 60, jitterMs: 0 });
    const started = performance.now();
    await fetch(scm(), { headers: asAdmin });
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    await control("/latency", "PUT", { fixedMs: 0, jitterMs: 0 });
    await control("/faults", "POST", { operation: "getBranches", latencyMs: 5_000, jitterMs: 0 });
    const quick = performance.now();
    await fetch(scm(), { headers: asAdmin });
    // Another operation is not slowed: half the fault's latency is far above a busy machine's 56 ms.
    expect(performance.now() - quick).toBeLessThan(2_500);
  });

  it("does its own work within the latency, and answers no sooner than it", async () => {
    await control("/latency", "PUT", { fixedMs: 1_500, jitterMs: 0 });
    const repo = [...sim.world.scm.repositories.values()].find((r) => r.type === "git")!;
    const record = (await (await fetch(`${scm()}/${repo.id}`, { headers: asAdmin })).json()) as object;
    let answered = false;
    const started = performance.now();
    const put = fetch(`${scm()}/${repo.id}`, {
      method: "PUT",
      headers: { ...asAdmin, "content-type": "application/vnd.scmm-repository+json" },
      body: JSON.stringify({ ...record, description: "written within the latency" }),
    }).then((response) => ((answered = true), response));
    // The write is done while its answer still waits for the latency, as a real server's work is part of its time to answer.
    await expect
      .poll(() => sim.world.scm.repositories.get(repo.id)!.description, { timeout: 1_200, interval: 10 })
      .toBe("written within the latency");
    expect(answered).toBe(false);
    expect((await put).status).toBe(204);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1_450);
  });

  it("injects error statuses for a number of calls, then serves again", async () => {
    await control("/faults", "PUT", [{ operation: "listRepositories", status: 503, times: 2 }]);
    expect((await fetch(scm(), { headers: asAdmin })).status).toBe(503);
    expect((await fetch(scm(), { headers: asAdmin })).status).toBe(503);
    expect((await fetch(scm(), { headers: asAdmin })).status).toBe(200);
  });

  it("injects malformed bodies, connection resets and hangs", async () => {
    await control("/faults", "PUT", [{ operation: "listRepositories", malformed: true, times: 1 }]);
    const malformed = await fetch(scm(), { headers: asAdmin });
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();

    await control("/faults", "PUT", [{ operation: "listRepositories", reset: true, times: 1 }]);
    await expect(fetch(scm(), { headers: asAdmin })).rejects.toThrow();

    await control("/faults", "PUT", [{ operation: "*", hang: true, times: 1 }]);
    await expect(fetch(scm(), { headers: asAdmin, signal: AbortSignal.timeout(300) })).rejects.toThrow(
      /abort|timeout/i,
    );
    expect((await fetch(scm(), { headers: asAdmin })).status).toBe(200);
  });

  it("refuses malformed fault rules, and lists the operations it knows", async () => {
    expect((await control("/faults", "POST", { operation: "getBranches", colour: "red" })).status).toBe(400);
    expect((await control("/faults", "POST", { latencyMs: 5 })).status).toBe(400);
    expect((await control("/latency", "PUT", { fixedMs: -1 })).status).toBe(400);
    const operations = (await (await control("/operations")).json()) as Array<{ id: string }>;
    expect(operations.map((o) => o.id)).toContain("getBlame");
  });

  it("changes simulator settings at run time", async () => {
    const answer = await control("/settings", "PATCH", { archiveEnabled: false });
    expect(await answer.json()).toEqual({ archiveEnabled: false });
    const live = [...sim.world.scm.repositories.values()].find((r) => !r.archived)!;
    expect((await fetch(`${scm()}/${live.id}`, { method: "DELETE", headers: asAdmin })).status).toBe(204);
    expect((await control("/settings", "PATCH", { archiveEnabled: "yes" })).status).toBe(400);
  });
});
