import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/config.js";
import { startGateway } from "../../src/server/gateway.js";
import { gatewayEnvironment } from "../../simulators/start-simulators.js";
import { startHarness, type Harness } from "../support/gateway.js";
import { post } from "../support/processes.js";

let h: Harness;
const origin = () => new URL(h.gateway.url).origin;

beforeAll(async () => {
  h = await startHarness({ env: { CACHE: "off" } });
});
afterAll(() => h.close());

describe("the gateway's HTTP routes", () => {
  it("answers /health, and counts upstream calls by upstream and outcome at /metrics", async () => {
    expect(await (await fetch(`${origin()}/health`)).json()).toEqual({ status: "ok" });
    await h.query(`query ScmCount { repositories(first: 5, host: SCM_MANAGER) { totalCount } }`);
    const metrics = await (await fetch(`${origin()}/metrics`)).text();
    expect(
      sample(metrics, "gateway_upstream_request_duration_seconds_count", {
        upstream: "scm_manager",
        operation: "listRepositories",
        outcome: "ok",
      }),
    ).toBeGreaterThan(0);
    expect(
      sample(metrics, "gateway_request_duration_seconds_count", { operation: "ScmCount", outcome: "ok" }),
    ).toBe(1);
    expect(metrics).not.toMatch(/scmadmin|demo-pat|127\.0\.0\.1/);
    // Label values as Prometheus users write them: no spaces.
    expect(metrics).not.toMatch(/="[^"]* [^"]*"/);
  });

  it("counts a malformed answer as malformed, errors by code, breakers, queue waits and the process", async () => {
    h.sim.scmManager.faults.setRules([
      { operation: "listRepositories", status: 200, body: { unexpected: true } },
    ]);
    try {
      const answer = await h.query(
        `query Broken { repositories(first: 5, host: SCM_MANAGER) { totalCount } }`,
      );
      expect(answer.errors?.[0]?.extensions?.code).toBe("UPSTREAM_ERROR");
    } finally {
      h.sim.scmManager.faults.setRules([]);
    }
    const metrics = await (await fetch(`${origin()}/metrics`)).text();
    expect(
      sample(metrics, "gateway_upstream_request_duration_seconds_count", {
        upstream: "scm_manager",
        operation: "listRepositories",
        outcome: "malformed",
      }),
    ).toBeGreaterThan(0);
    expect(
      sample(metrics, "gateway_request_duration_seconds_count", { operation: "Broken", outcome: "partial" }),
    ).toBe(1);
    expect(sample(metrics, "gateway_errors_total", { code: "UPSTREAM_ERROR" })).toBeGreaterThan(0);
    for (const upstream of ["gitprotect", "azure_devops", "scm_manager"])
      expect(sample(metrics, "gateway_upstream_breaker_state", { upstream })).toBe(0);
    expect(
      sample(metrics, "gateway_upstream_queue_wait_seconds_count", { upstream: "scm_manager" }),
    ).toBeGreaterThan(0);
    expect(sample(metrics, "gateway_process_resident_memory_bytes", {})).toBeGreaterThan(0);
    expect(metrics).toMatch(/^gateway_nodejs_eventloop_lag_seconds /m);
  });

  it("answers what is no GraphQL request with a status and a stable code", async () => {
    const put = await fetch(h.gateway.url, { method: "PUT" });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST");
    expect(await put.json()).toMatchObject({ errors: [{ extensions: { code: "METHOD_NOT_ALLOWED" } }] });
    const broken = await fetch(h.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"query": ',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({
      errors: [{ message: "The body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }],
    });
    const form = await fetch(h.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "query=%7B__typename%7D",
    });
    expect(form.status).toBe(415);
    expect(await form.json()).toMatchObject({ errors: [{ extensions: { code: "UNSUPPORTED_MEDIA_TYPE" } }] });
    const missing = await fetch(`${origin()}/nowhere`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ errors: [{ extensions: { code: "NOT_FOUND" } }] });
  });

  it("serves Apollo Sandbox to a browser at /graphql, pointed at this endpoint", async () => {
    const page = await fetch(h.gateway.url, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    // The embedded Sandbox, started on the page's own URL (the endpoint it was served from).
    expect(html).toMatch(/<script [^>]*src="https:\/\/embeddable-sandbox\.cdn\.apollographql\.com\//);
    expect(html).toContain("var initialEndpoint = window.location.href;");
    expect(html).toMatch(/new window\.EmbeddedSandbox\(\s*\{[^}]*initialEndpoint,\s*\}/);
  });
});

describe("GitProtect sign-in", () => {
  it("signs in once, keeps the token, and signs in again once when GitProtect refuses it", async () => {
    const logins = () => h.sim.gitprotect.stats.snapshot().counts.login ?? 0;
    await h.query(`{ organizations { totalCount } }`);
    const before = logins();
    await h.query(`{ organizations { totalCount } }`);
    expect(logins()).toBe(before);
    // A new signing secret revokes every token issued so far.
    h.sim.world.gitprotect.tokenSecret = "rotated-secret";
    const answer = await h.query(`{ organizations { totalCount } }`);
    expect(answer.errors).toBeUndefined();
    expect(logins()).toBe(before + 1);
  });

  it("keeps tokens per gateway: a second gateway in the same process signs in for itself", async () => {
    const logins = () => h.sim.gitprotect.stats.snapshot().counts.login ?? 0;
    await h.query(`{ organizations { totalCount } }`);
    const before = logins();
    const second = await startGateway(loadConfig({ PORT: "0", CACHE: "off", ...gatewayEnvironment(h.sim) }));
    try {
      const answer = await post(second.url, `{ organizations { totalCount } }`);
      expect(answer.errors).toBeUndefined();
      expect(logins()).toBe(before + 1);
    } finally {
      await second.close();
    }
  });
});

/** The value of one sample of a metric, its labels in any order; NaN when there is none. */
function sample(text: string, name: string, labels: Record<string, string>): number {
  for (const line of text.split("\n")) {
    const match = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = new Map<string, string>();
    for (const [, key = "", value = ""] of (match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g))
      found.set(key, value);
    if (Object.entries(labels).every(([k, v]) => found.get(k) === v)) return Number(match[3]);
  }
  return Number.NaN;
}
