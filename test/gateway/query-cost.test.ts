import { getIntrospectionQuery } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeId } from "../../src/graphql/global-id.js";
import { startHarness, type Harness } from "../support/gateway.js";

/** What one request may cost: refused before it runs in time linear in its size, or cut short while it runs. */

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    env: { CACHE: "off", UPSTREAM_CALL_BUDGET: "5", UPSTREAM_MAX_RESPONSE_BYTES: "100000" },
  });
});
afterAll(() => h.close());

/** A document of `n` fragments, each spreading the next twice: 2^n paths in 1 KB. */
function fragmentDag(n: number, leaf: string, on = "Query"): string {
  let document = `query Dag { ...F0 }\n`;
  for (let i = 0; i < n; i++) document += `fragment F${i} on ${on} { ...F${i + 1} ...F${i + 1} }\n`;
  return `${document}fragment F${n} on ${on} { ${leaf} }`;
}

async function refused(query: string) {
  h.resetCalls();
  const started = performance.now();
  const health = fetch(`${h.gateway.url.replace(/\/graphql$/, "")}/health`);
  const answer = await h.query(query);
  const elapsed = performance.now() - started;
  expect((await health).status).toBe(200);
  expect(answer.status, answer.text.slice(0, 200)).toBe(400);
  expect(answer.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
  expect(h.calls()).toEqual([]);
  return elapsed;
}

describe("a request's cost", () => {
  it("refuses a DAG of 32 fragments at once, in linear time, with /health answering meanwhile", async () => {
    // Unchecked, these stand for 2^32 root fields and 2^32 nested paths: hours of walking.
    const wide = fragmentDag(32, "organizations { totalCount }");
    const deep = fragmentDag(
      32,
      "repositories { nodes { backup { organization { name } } } }",
      "Organization",
    );
    for (const query of [
      wide,
      `query Deep { organizations { nodes { ...F0 } } } ${deep.split("\n").slice(1).join("\n")}`,
    ]) {
      expect(query.length).toBeLessThan(2_000);
      // Generous for a busy machine: the naive walk took hours; linear checking takes milliseconds.
      expect(await refused(query)).toBeLessThan(2_000);
    }
  });

  it("refuses alias, root-field, directive and token bombs before any call", async () => {
    const repeat = (n: number, part: (i: number) => string) =>
      Array.from({ length: n }, (_, i) => part(i)).join(" ");
    await refused(`{ ${repeat(150, (i) => `s${i}: __schema { types { name } }`)} }`);
    await refused(`{ ${repeat(300, (i) => `o${i}: organizations { totalCount }`)} }`);
    await refused(`{ organizations { totalCount ${repeat(40, () => "@include(if: true)")} } }`);
    // Past the token limit the parser stops, before building a document.
    const tokens = await h.query(`{ ${"a ".repeat(6_000)} }`);
    expect(tokens.status).toBe(400);
    expect(tokens.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
    expect(tokens.errors?.[0]?.message).toMatch(/contains more th\w+ 5000 tokens/);
  });

  it("lets the standard introspection query through", async () => {
    const answer = await h.query(getIntrospectionQuery());
    expect(answer.status).toBe(200);
    expect(answer.errors).toBeUndefined();
  });

  it("refuses, before any call, a query whose pages multiply past the cost limit, and says by how much", async () => {
    const aliases = Array.from(
      { length: 30 },
      (_, i) => `c${i}: changeset(revision: "main") { message }`,
    ).join(" ");
    await refused(`{ repositories(first: 100) { nodes { ${aliases} } } }`);
    const answer = await h.query(`{ repositories(first: 100) { nodes { ${aliases} } } }`);
    expect(answer.errors?.[0]?.extensions).toMatchObject({ cost: 3001, maxCost: 2500 });
  });

  it("answers a flood of forged ids with one listing at most, or with no call at all", async () => {
    const guid = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`;
    const forged = (i: number) => encodeId({ type: "Repository", host: "azure", repositoryId: guid(i) });
    h.resetCalls();
    const plausible = await h.query<{ nodes: unknown[] }>(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: Array.from({ length: 100 }, (_, i) => forged(i)),
    });
    expect(plausible.data.nodes).toEqual(Array.from({ length: 100 }, () => null));
    expect(h.calls().filter((c) => c.operation !== "login").length).toBeLessThanOrEqual(1);
    h.resetCalls();
    const garbage = await h.query(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: Array.from({ length: 100 }, (_, i) =>
        Buffer.from(`["Repository","azure","${i}"]`).toString("base64url"),
      ),
    });
    expect(garbage.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(h.calls()).toEqual([]);
  });

  it("stops calling upstreams past the request's budget: those fields fail, the rest arrives", async () => {
    h.resetCalls();
    const answer = await h.query<{ repositories: { nodes: Array<{ name: string; branches: unknown }> } }>(
      `{ repositories(first: 20, host: SCM_MANAGER) { nodes { name branches(first: 1) { totalCount } } } }`,
    );
    const made = h.calls().filter((c) => c.operation !== "login");
    expect(made.length).toBeLessThanOrEqual(5);
    expect(answer.data.repositories.nodes.length).toBeGreaterThan(4);
    expect(answer.data.repositories.nodes.every((n) => typeof n.name === "string")).toBe(true);
    const codes = new Set(answer.errors?.map((e) => e.extensions?.code));
    expect(codes).toEqual(new Set(["CALL_BUDGET_EXCEEDED"]));
  });
});

describe("what one upstream answer may be", () => {
  it("an answer past the size bound is refused, not read on; a status the contract does not list is no answer", async () => {
    const huge = { currentPage: 1, pageCount: 1, totalEntries: 1, result: [], padding: "x".repeat(200_000) };
    h.sim.gitprotect.faults.setRules([{ operation: "getOrganizations", status: 200, body: huge }]);
    try {
      const big = await h.query(`{ organizations { totalCount } }`);
      expect(big.errors?.[0]?.extensions).toMatchObject({
        code: "UPSTREAM_TOO_LARGE",
        upstream: "GitProtect",
      });
      const page = { currentPage: 1, pageCount: 0, totalEntries: 0, result: [] };
      h.sim.gitprotect.faults.setRules([{ operation: "getOrganizations", status: 202, body: page }]);
      const odd = await h.query(`{ organizations { totalCount } }`);
      expect(odd.errors?.[0]?.extensions).toMatchObject({ code: "UPSTREAM_ERROR", upstream: "GitProtect" });
    } finally {
      h.sim.gitprotect.faults.setRules([]);
    }
  });
});
