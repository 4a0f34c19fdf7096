import { describe, expect, it } from "vitest";
import { startHarness } from "../support/gateway.js";
import { freePort } from "../support/processes.js";

/** `/health` says the process is alive; `/ready` says whether it can serve, and why not. */

const ready = async (url: string) => {
  const response = await fetch(new URL("/ready", url));
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

describe("readiness", () => {
  it("is ready when every configured upstream answers and no breaker is open; it names no URL", async () => {
    const h = await startHarness();
    try {
      const { status, body } = await ready(h.gateway.url);
      expect(status).toBe(200);
      expect(body).toEqual({
        ready: true,
        cache: "memory",
        upstreams: {
          GitProtect: { answering: true, breaker: "closed" },
          "Azure DevOps": { answering: true, breaker: "closed" },
          "SCM-Manager": { answering: true, breaker: "closed" },
        },
      });
      expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|http/);
    } finally {
      await h.close();
    }
  });

  it("is not ready (503) while an upstream does not answer or Redis is unreachable, though alive", async () => {
    const [nobody, noRedis] = await Promise.all([freePort(), freePort()]);
    const h = await startHarness({
      env: {
        SCM_MANAGER_URL: `http://127.0.0.1:${nobody}/scm`,
        CACHE_URL: `redis://127.0.0.1:${noRedis}`,
        CACHE_KEY_SECRET: "readiness-test-secret-0123456789",
        CACHE_TIMEOUT_MS: "20",
      },
    });
    try {
      const { status, body } = await ready(h.gateway.url);
      expect(status).toBe(503);
      expect(body).toMatchObject({
        ready: false,
        cache: "unreachable",
        upstreams: { "SCM-Manager": { answering: false }, GitProtect: { answering: true } },
      });
      expect((await fetch(new URL("/health", h.gateway.url))).status).toBe(200);
    } finally {
      await h.close();
    }
  });
});
