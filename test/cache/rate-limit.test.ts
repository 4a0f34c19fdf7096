import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import { startGateway, type Gateway } from "../../src/server/gateway.js";
import { gatewayEnvironment, startSimulators, type Simulators } from "../../simulators/start-simulators.js";

/** Requests per caller per window, shared by replicas through this machine's Redis (127.0.0.1:6379). */

let sim: Simulators;
let a: Gateway;
let b: Gateway;

beforeAll(async () => {
  sim = await startSimulators({ ports: { gitprotect: 0, azureDevOps: 0, scmManager: 0 } });
  const config = loadConfig({
    ...gatewayEnvironment(sim),
    PORT: "0",
    RATE_LIMIT: "4",
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
