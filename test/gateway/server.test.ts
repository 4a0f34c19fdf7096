import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
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
    await h.query(`{ repositories(first: 5, host: SCM_MANAGER) { totalCount } }`);
    const metrics = await (await fetch(`${origin()}/metrics`)).text();
    expect(metrics).toMatch(/gateway_upstream_requests_total\{upstream="SCM-Manager",outcome="200"\} [1-9]/);
    expect(metrics).not.toMatch(/scmadmin|demo-pat|127\.0\.0\.1/);
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
