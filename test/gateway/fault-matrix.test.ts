import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FaultRule } from "../../simulators/http/faults.js";
import { startHarness, type GraphQLAnswer, type Harness } from "../support/gateway.js";

/**
 * Each upstream × each way of failing, through the simulators' fault rules, with the cache on (no
 * stale answers, so that every fault meets the upstream): the other upstream's part of the answer
 * still arrives, the failing part has a stable code (or the right data, where a retry may mend it),
 * no request outlives its deadline, and once the upstream is well the same query is right again
 * (nothing wrong was cached).
 */

let h: Harness;
const deadlineMs = 2_500;

beforeAll(async () => {
  h = await startHarness({
    env: {
      UPSTREAM_TIMEOUT_MS: "800",
      REQUEST_DEADLINE_MS: String(deadlineMs),
      // Faults follow one another here: breakers are tested in resilience.test.ts.
      BREAKER_FAILURES: "1000",
      CACHE_TTL_LISTING_SECONDS: "0",
      CACHE_STALE_IF_ERROR_SECONDS: "0",
      CACHE_REVALIDATE_SECONDS: "0",
    },
  });
});
afterAll(() => h.close());

const upstreams = {
  gitprotect: {
    operation: "getOrganizations",
    field: "organizations",
    query: "organizations(first: 5) { totalCount }",
  },
  azureDevOps: {
    operation: "listRepositories",
    field: "azure",
    query: "azure: repositories(first: 100, host: AZURE_DEVOPS) { totalCount }",
  },
  scmManager: {
    operation: "listRepositories",
    field: "scm",
    query: "scm: repositories(first: 100, host: SCM_MANAGER) { totalCount }",
  },
} as const;

type Api = keyof typeof upstreams;
const faults: Array<[string, Omit<FaultRule, "operation">, string]> = [
  ["refused (403)", { status: 403 }, "FORBIDDEN"],
  ["connection reset", { reset: true }, "UPSTREAM_UNAVAILABLE"],
  ["hang", { hang: true }, "UPSTREAM_UNAVAILABLE"],
  ["slow past the timeout", { latencyMs: 1_500 }, "UPSTREAM_UNAVAILABLE"],
  ["a 503 on every other call", { status: 503, times: 1 }, "mended"],
  ["429 with Retry-After", { status: 429, headers: { "retry-after": "1" }, times: 1 }, "mended"],
  ["truncated JSON", { malformed: true }, "UPSTREAM_ERROR"],
  ["an HTML page with 200", { html: true }, "UPSTREAM_ERROR"],
  ["JSON of the wrong shape", { status: 200, body: { unexpected: true } }, "UPSTREAM_ERROR"],
];

/** The faulty upstream's field beside a healthy one's. */
const queryFor = (api: Api) => {
  const healthy = api === "gitprotect" ? upstreams.azureDevOps : upstreams.gitprotect;
  return `{ ${upstreams[api].query} ${healthy.query} }`;
};

const cases = (Object.keys(upstreams) as Api[]).flatMap((api) =>
  faults.map(([name, rule, expected]) => [api, name, rule, expected] as const),
);

describe("each upstream, each way of failing", () => {
  it.each(cases)("%s: %s", async (api, name, rule, expectedCode) => {
    // Azure DevOps answers an expired token with a sign-in page and a 2xx (FACTS.md): that is a refusal.
    const expected =
      api === "azureDevOps" && name.startsWith("an HTML page") ? "UNAUTHENTICATED" : expectedCode;
    const { operation, field } = upstreams[api];
    const query = queryFor(api);
    const healthy = await h.query<Record<string, unknown>>(query);
    expect(healthy.errors).toBeUndefined();
    h.sim[api].faults.setRules([{ operation, ...rule }]);
    let faulty: GraphQLAnswer<Record<string, unknown>>;
    const started = performance.now();
    try {
      faulty = await h.query<Record<string, unknown>>(query);
    } finally {
      h.sim[api].faults.setRules([]);
    }
    expect(performance.now() - started).toBeLessThan(deadlineMs + 2_000);
    const other = Object.keys(healthy.data).find((key) => key !== field)!;
    expect(faulty.data[other]).toEqual(healthy.data[other]);
    if (expected === "mended") {
      expect(faulty.errors).toBeUndefined();
      expect(faulty.data).toEqual(healthy.data);
    } else {
      expect(faulty.data[field]).toBeNull();
      expect(faulty.errors?.[0]?.extensions?.code).toBe(expected);
      expect(faulty.errors?.[0]?.path).toEqual([field]);
    }
    const after = await h.query<Record<string, unknown>>(query);
    expect(after.errors).toBeUndefined();
    expect(after.data).toEqual(healthy.data);
  });
});
