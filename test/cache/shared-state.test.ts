import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import { startGateway, type Gateway } from "../../src/server/gateway.js";
import { gatewayEnvironment, startSimulators, type Simulators } from "../../simulators/start-simulators.js";

/** What replicas share through this machine's Redis (127.0.0.1:6379): rate limits and persisted queries. */

let sim: Simulators;
let a: Gateway;
let b: Gateway;

beforeAll(async () => {
  sim = await startSimulators({ ports: { gitprotect: 0, azureDevOps: 0, scmManager: 0 } });
  const config = loadConfig({
    ...gatewayEnvironment(sim),
    PORT: "0",
    RATE_LIMIT: "4",
    API_KEYS: `apq:read:${createHash("sha256").update("apq-key").digest("hex")}`,
    RATE_LIMIT_WINDOW_SECONDS: "60",
    CACHE_URL: "redis://127.0.0.1:6379",
    CACHE_KEY_SECRET: "rate-limit-shared-secret-0123456789",
    CACHE_NAMESPACE: `test-${randomUUID()}`,
  });
  [a, b] = await Promise.all([startGateway(config), startGateway(config)]);
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await sim?.close();
});

const ask = (gateway: Gateway) =>
  fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ __typename }" }),
  });

describe("rate limits", () => {
  it("count a caller's requests across replicas: past the limit 429 with Retry-After", async () => {
    const statuses = [];
    for (const gateway of [a, b, a, b]) statuses.push((await ask(gateway)).status);
    expect(statuses).toEqual([200, 200, 200, 200]);
    const refused = await ask(b);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await refused.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]!.extensions.code).toBe("RATE_LIMITED");
    expect((await ask(a)).status).toBe(429);
  });
});

describe("automatic persisted queries", () => {
  it("a query registered through one replica is known by its hash to the other", async () => {
    const query = "{ organizations(first: 1) { totalCount } }";
    const sha256Hash = createHash("sha256").update(query).digest("hex");
    const send = (gateway: Gateway, body: unknown) =>
      fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-api-key": "apq-key" },
        body: JSON.stringify(body),
      }).then(
        (r) => r.json() as Promise<{ data?: unknown; errors?: Array<{ extensions: { code: string } }> }>,
      );
    const persisted = { persistedQuery: { version: 1, sha256Hash } };
    expect((await send(b, { extensions: persisted })).errors?.[0]?.extensions.code).toBe(
      "PERSISTED_QUERY_NOT_FOUND",
    );
    expect((await send(a, { query, extensions: persisted })).errors).toBeUndefined();
    const byHash = await send(b, { extensions: persisted });
    expect(byHash.errors).toBeUndefined();
    expect(byHash.data).toEqual({ organizations: { totalCount: sim.world.gitprotect.organizations.size } });
  });
});
