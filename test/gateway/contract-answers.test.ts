import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeId } from "../../src/graphql/global-id.js";
import { organizationDto } from "../../simulators/gitprotect/dto.js";
import { startHarness, type Harness } from "../support/gateway.js";

/** Answers are checked against their contracts before they are used or cached (cache on, as deployed). */

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe("answers that are not what the contract promises", () => {
  it.each<[string, "azureDevOps" | "gitprotect" | "scmManager", string, unknown, string, string]>([
    [
      "a string where a list envelope is due",
      "azureDevOps",
      "listRepositories",
      "no list",
      `{ repositories(first: 5, host: AZURE_DEVOPS) { totalCount } }`,
      "Azure DevOps",
    ],
    [
      "an object where a list is due",
      "scmManager",
      "listRepositories",
      {},
      `{ repositories(first: 5, host: SCM_MANAGER) { totalCount } }`,
      "SCM-Manager",
    ],
    [
      "a list where a page is due",
      "gitprotect",
      "getOrganizations",
      [],
      `{ organizations(first: 5) { totalCount } }`,
      "GitProtect",
    ],
    [
      "a page whose records lack their ids",
      "gitprotect",
      "getOrganizations",
      { currentPage: 1, pageCount: 1, totalEntries: 1, result: [{ name: "x" }] },
      `{ organizations(first: 2) { nodes { name } } }`,
      "GitProtect",
    ],
  ])(
    "%s is UPSTREAM_ERROR naming the upstream, is never cached, and the next answer is right",
    async (_, api, operation, body, query, upstream) => {
      // Each case is the first to ask its upstream for this user: nothing right is cached before it.
      const user = { "x-scm-manager-username": "alice", "x-scm-manager-password": "alice-secret" };
      const headers = api === "scmManager" ? user : {};
      h.sim[api].faults.setRules([{ operation, status: 200, body }]);
      try {
        const wrong = await h.query(query, undefined, headers);
        expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: "UPSTREAM_ERROR", upstream });
        expect(wrong.errors?.[0]?.message).toMatch(/malformed/);
      } finally {
        h.sim[api].faults.setRules([]);
      }
      const right = await h.query(query, undefined, headers);
      expect(right.errors).toBeUndefined();
    },
  );

  it("a null the documents allow is a null field, not a lost list", async () => {
    const answer = await h.query<{
      organizations: { nodes: Array<{ name: string; apiUrl: string | null }> };
    }>(`{ organizations(first: 100) { nodes { name apiUrl } } }`);
    expect(answer.errors).toBeUndefined();
    const apiUrls = answer.data.organizations.nodes.map((o) => o.apiUrl);
    expect(apiUrls).toContain(null);
    expect(apiUrls.filter((url) => url !== null).length).toBeGreaterThan(0);
  });

  it("a declared size past what the total implies, or past the configured ceiling, is refused, not read", async () => {
    const organizations = [...h.sim.world.gitprotect.organizations.values()];
    const idOf = (id: string) => encodeId({ type: "Organization", organizationId: id });
    const page = (pageCount: number, totalEntries: number) => ({
      currentPage: 1,
      pageCount,
      totalEntries,
      result: [organizationDto(h.sim.world, organizations[0]!)],
    });
    const listings = () => h.calls().filter((c) => c.operation === "getOrganizations").length;
    try {
      // A page count its total does not imply: one page is read, not a million.
      h.sim.gitprotect.faults.setRules([
        { operation: "getOrganizations", status: 200, body: page(1_000_000, 1) },
      ]);
      h.resetCalls();
      const all = await h.query(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
        ids: organizations.map((o) => idOf(o.id)),
      });
      expect(all.errors).toBeUndefined();
      expect(listings()).toBe(1);
      // A total past the ceiling (100 pages of a thousand): a clear error after the first page.
      h.sim.gitprotect.faults.setRules([
        { operation: "getOrganizations", status: 200, body: page(2_000, 2_000_000) },
      ]);
      h.resetCalls();
      // Through a token of its own: nothing of the first case is in the cache for it.
      const [admin] = h.sim.credentials.gitprotect;
      const { accessToken } = (await fetch(`${h.sim.gitprotect.url}/account/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: admin.email, password: admin.password }),
      }).then((r) => r.json())) as { accessToken: string };
      const huge = await h.query(
        `query($id: ID!) { organization(id: $id) { name } }`,
        { id: idOf(organizations[1]!.id) },
        { "x-gitprotect-token": accessToken },
      );
      expect(huge.errors?.[0]?.extensions).toMatchObject({
        code: "UPSTREAM_TOO_LARGE",
        upstream: "GitProtect",
      });
      expect(listings()).toBe(2); // the filtered lookup, then the first page of the listing
    } finally {
      h.sim.gitprotect.faults.setRules([]);
    }
  });
});
