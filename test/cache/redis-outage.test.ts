import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/gateway.js";
import { startRedis } from "../support/processes.js";

/** Redis, started by the test on a port of its own, stopped and started again under a running gateway. */

let h: Harness;
let redis: Awaited<ReturnType<typeof startRedis>>;
const query = `{ repositories(first: 100) { totalCount nodes { name branches(first: 5) { nodes { name } } } } }`;

beforeAll(async () => {
  redis = await startRedis();
  h = await startHarness({
    env: {
      CACHE_URL: redis.url,
      CACHE_KEY_SECRET: "outage-test-secret-0123456789",
      CACHE_NAMESPACE: `outage-${randomUUID()}`,
      // Long enough that a busy machine never takes a healthy Redis for a slow one.
      CACHE_TIMEOUT_MS: "1000",
    },
  });
});
afterAll(async () => {
  await h?.close();
  await redis?.stop();
});

describe("Redis unreachable", () => {
  it("costs no error: the gateway goes on without a cache and uses it again once Redis is back", async () => {
    const first = await h.query(query);
    expect(first.errors).toBeUndefined();
    h.resetCalls();
    expect((await h.query(query)).errors).toBeUndefined();
    expect(h.calls()).toHaveLength(0); // warm, from Redis

    await redis.stop();
    for (let i = 0; i < 3; i += 1) {
      const started = performance.now();
      const answer = await h.query(query);
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual(first.data);
      // A stopped Redis refuses at once: no request waits for it to come back.
      expect(performance.now() - started).toBeLessThan(10_000);
    }

    redis = await startRedis(redis.port);
    // The client reconnects by itself; the store is tried again at most a second after a failure.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await h.query(query);
    h.resetCalls();
    const again = await h.query(query);
    expect(again.errors).toBeUndefined();
    expect(h.calls()).toHaveLength(0);
  });
});
