import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
});
