import { createHash } from "node:crypto";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/config.js";
import { startHarness, type Harness } from "../support/gateway.js";
import { scmRepositoriesVisibleTo } from "../support/visibility.js";

/** Who may call: API keys, bearer JWTs, anonymous callers only where configured; scopes; what is exposed. */

const sha256 = (key: string) => createHash("sha256").update(key).digest("hex");
const secret = "a-shared-secret-of-at-least-32-characters";
const jwtEnv = { JWT_SECRET: secret, JWT_ISSUER: "https://id.example.test", JWT_AUDIENCE: "repo-graph" };

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    env: {
      CACHE: "off",
      ANONYMOUS_ACCESS: "off",
      API_KEYS: `reporting:read:${sha256("reader-key")},automation:read+write:${sha256("writer-key")}`,
      ...jwtEnv,
      NODE_ENV: "production",
      CORS_ORIGINS: "https://app.example.test",
    },
  });
});
afterAll(() => h.close());

const token = (claims: Record<string, unknown>, options: { audience?: string; expires?: string } = {}) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("user-1")
    .setIssuer(jwtEnv.JWT_ISSUER)
    .setAudience(options.audience ?? jwtEnv.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expires ?? "5m")
    .sign(new TextEncoder().encode(secret));

const read = `{ organizations(first: 1) { totalCount } }`;
const write = `mutation { synchronizeOrganization(input: { organizationId: "x" }) { errors { code } } }`;

describe("who may call", () => {
  it("refuses no credentials and wrong ones with 401, before any upstream call", async () => {
    h.resetCalls();
    const refusedSets: Array<Record<string, string>> = [
      {},
      { "x-api-key": "not-a-key" },
      { authorization: "Basic dXNlcjpwYXNz" },
      { authorization: `Bearer ${await token({ scope: "read" }, { audience: "someone-else" })}` },
      { authorization: `Bearer ${await token({ scope: "read" }, { expires: "-1m" })}` },
      { authorization: "Bearer not.a.jwt" },
    ];
    for (const headers of refusedSets) {
      const answer = await h.query(read, {}, headers);
      expect(answer.status, JSON.stringify(headers)).toBe(401);
      expect(answer.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
    expect(h.calls()).toEqual([]);
  });

  it("lets a read key and a read token query but not mutate; a write key mutates", async () => {
    const readers: Array<Record<string, string>> = [
      { "x-api-key": "reader-key" },
      { authorization: `Bearer ${await token({ scope: "read" })}` },
    ];
    for (const headers of readers) {
      expect((await h.query(read, {}, headers)).errors).toBeUndefined();
      const refused = await h.query(write, {}, headers);
      expect(refused.status).toBe(403);
      expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const allowed = await h.query<{ synchronizeOrganization: { errors: Array<{ code: string }> } }>(
      write,
      {},
      { "x-api-key": "writer-key" },
    );
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data.synchronizeOrganization.errors[0]?.code).toBe("INVALID_INPUT");
    const token2 = await token({ scope: "read write" });
    expect((await h.query(write, {}, { authorization: `Bearer ${token2}` })).errors).toBeUndefined();
  });

  it("refuses an incomplete set of upstream credentials instead of completing it with the configured account", async () => {
    h.resetCalls();
    const answer = await h.query(read, {}, { "x-api-key": "reader-key", "x-scm-manager-password": "x" });
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(h.calls()).toEqual([]);
  });

  it("keeps each user's upstream data their own under one key, concurrently", async () => {
    const query = `{ repositories(first: 100, host: SCM_MANAGER) { nodes { name } } }`;
    const as = (user: string, password: string) =>
      h.query<{ repositories: { nodes: Array<{ name: string }> } }>(
        query,
        {},
        {
          "x-api-key": "reader-key",
          "x-scm-manager-username": user,
          "x-scm-manager-password": password,
        },
      );
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? as("bob", "bob-secret") : as("alice", "alice-secret"))),
    );
    answers.forEach((answer, i) =>
      expect(answer.data.repositories.nodes.map((n) => n.name).sort()).toEqual(
        scmRepositoriesVisibleTo(h.sim.world, i % 2 ? "bob" : "alice"),
      ),
    );
  });

  it("closes introspection, the explorer and /metrics in production; answers CORS preflight for configured origins", async () => {
    const introspection = await h.query(
      `{ __schema { queryType { name } } }`,
      {},
      { "x-api-key": "reader-key" },
    );
    expect(introspection.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    const base = h.gateway.url.replace(/\/graphql$/, "");
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    const page = await fetch(h.gateway.url, { headers: { accept: "text/html" } });
    expect(await page.text()).not.toContain("sandbox");
    const preflight = (origin: string) =>
      fetch(h.gateway.url, {
        method: "OPTIONS",
        headers: {
          origin,
          "access-control-request-method": "POST",
          "access-control-request-headers": "x-api-key",
        },
      });
    const allowed = await preflight("https://app.example.test");
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.test");
    expect(
      (await preflight("https://evil.example.test")).headers.get("access-control-allow-origin"),
    ).toBeNull();
  });
});

describe("production refuses to run open", () => {
  const upstream = {
    GITPROTECT_URL: "https://gp.example.test",
    GITPROTECT_TOKEN: "t",
    NODE_ENV: "production",
  };

  it("without a way to call, and says how to add one", () => {
    expect(() => loadConfig(upstream)).toThrow(ConfigError);
    expect(() => loadConfig(upstream)).toThrow(/API_KEYS or JWT_SECRET/);
    expect(loadConfig({ ...upstream, API_KEYS: `ci:read:${sha256("k")}` }).access.anonymous).toEqual([]);
    expect(loadConfig({ ...upstream, ANONYMOUS_ACCESS: "read" }).access.anonymous).toEqual(["read"]);
  });

  it("refuses malformed keys and half a JWT configuration", () => {
    expect(() => loadConfig({ ...upstream, API_KEYS: "ci:admin:abc" })).toThrow(/API_KEYS entries/);
    expect(() => loadConfig({ ...upstream, JWT_SECRET: secret })).toThrow(/JWT_ISSUER and JWT_AUDIENCE/);
    expect(() => loadConfig({ ...upstream, ...jwtEnv, JWT_SECRET: "short" })).toThrow(/at least 32/);
  });
});
