import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { encodeId } from "../../src/graphql/global-id.js";
import type * as Jit from "graphql-jit";
import { startHarness, type GraphQLAnswer, type Harness } from "../support/gateway.js";

/**
 * An operation asked again runs compiled (graphql-jit): its answer, errors included, is the one
 * graphql-js gave the first time. The compiler is watched, not replaced.
 */
const compiles = vi.hoisted(() => ({ count: 0 }));
vi.mock("graphql-jit", async (original) => {
  const jit = await original<typeof Jit>();
  return {
    ...jit,
    compileQuery: (...args: Parameters<typeof jit.compileQuery>) => {
      compiles.count += 1;
      return jit.compileQuery(...args);
    },
  };
});

let h: Harness;
beforeAll(async () => {
  // Without the caches every ask executes: a second one is not an answer kept from the first.
  h = await startHarness({ env: { CACHE: "off", UPSTREAM_RETRIES: "0" } });
});
afterAll(() => h.close());
afterEach(() => h.sim.scmManager.faults.setRules([]));

const scmRepository = () => [...h.sim.world.scm.repositories.values()].find((r) => r.type === "git")!;
const scmId = () => encodeId({ type: "Repository", host: "scm", repositoryId: scmRepository().id });

/** Asks twice; the second ask must have been compiled, and answered alike. */
async function askedTwice(
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
) {
  const before = compiles.count;
  const interpreted = await h.query(query, variables, headers);
  expect(compiles.count).toBe(before);
  const compiled = await h.query(query, variables, headers);
  expect(compiles.count).toBe(before + 1);
  const { text: _first, ...expected } = interpreted;
  const { text: _second, ...got } = compiled;
  expect(got).toEqual(expected);
  return compiled;
}

describe("operations asked again", () => {
  it("answer an overview as graphql-js did", async () => {
    const answer =
      await askedTwice(`{ organizations(first: 3) { totalCount nodes { name repositories(first: 10) {
      pageInfo { hasNextPage endCursor } nodes { id name host cloneUrl backup { licenceActive plans { name type } }
      defaultBranch { name } branches(first: 5) { nodes { name head { revision author { name } date } } } } } } } }`);
    expect(answer.errors).toBeUndefined();
    expect(JSON.stringify(answer.data)).toContain('"head":{"revision"');
  });

  it("take variables, fragments, aliases, @include and @skip, and a blame's lines with their changesets", async () => {
    const query = `query($id: ID!, $more: Boolean!, $first: Int) { node(id: $id) { __typename id ...Page } }
      fragment Page on Repository { title: name branches(first: $first) @include(if: $more) { nodes { name } }
        changesets(first: 3) @skip(if: $more) { nodes { revision } }
        blame(path: "src/engine.ts") { lineNumber code changeset { message author { name } } } }`;
    const shown = await askedTwice(query, { id: scmId(), more: true, first: 2 });
    expect(shown.data).toMatchObject({
      node: { __typename: "Repository", branches: { nodes: [{ name: "develop" }, { name: "main" }] } },
    });
    // Another text is another operation, seen for the first time.
    await askedTwice(`${query} `, { id: scmId(), more: false });
  });

  it("refuse a wrong variable with graphql-js's error, and coerce an input's defaults as graphql-js does", async () => {
    const query = `query($id: ID!) { repository(id: $id) { name } }`;
    const before = compiles.count;
    await h.query(query, { id: scmId() });
    await h.query(query, { id: scmId() });
    expect(compiles.count).toBe(before + 1);
    const wrong = await h.query(query, { id: 5 });
    const other = await h.query(`query($id: ID!) { repository(id: $id) { name } } `, { id: 5 });
    expect(wrong.status).toBe(other.status);
    expect(wrong.errors).toEqual(other.errors);
    // `type` is non-null with a default and left out: the same refusal, not a variable error.
    const create = `mutation($input: CreateScmManagerRepositoryInput!) { createScmManagerRepository(input: $input) { errors { code field } } }`;
    const taken = { name: scmRepository().name, permissions: [{ name: "alice", type: "OWNER" }] };
    const admin = { "x-scm-manager-username": "scmadmin", "x-scm-manager-password": "scmadmin" };
    const refused = await askedTwice(create, { input: taken }, admin);
    expect(refused.data).toEqual({
      createScmManagerRepository: { errors: [{ code: "NAME_TAKEN", field: "name" }] },
    });
  });

  it("report one error for each null a failed upstream leaves, with its code, as graphql-js does", async () => {
    h.sim.scmManager.faults.setRules([{ operation: "listRepositories", status: 503 }]);
    const answer = await askedTwice(
      `{ organizations(first: 100) { nodes { repositories(first: 100) { nodes { id name backup { gitprotectId } } } } } }`,
    );
    const nulls = JSON.stringify(answer.data).match(/null/g)?.length ?? 0;
    expect(nulls).toBeGreaterThan(0);
    expect(answer.errors).toHaveLength(nulls);
    for (const error of answer.errors!) {
      expect(error.extensions).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", upstream: "SCM-Manager" });
      expect(error).toHaveProperty("locations");
    }
  });

  it("stay interpreted when fragments expand past what a compile should cost", async () => {
    // Fragments nested in pairs: each level doubles the fields (ten levels, some 3,000 fields).
    const levels = Array.from({ length: 10 }, (_, i) => {
      const next = i < 9 ? `...F${i + 1}` : "revision";
      return `fragment F${i} on Changeset { parents { ${next} } again: parents { ${next} } }`;
    });
    const query = `query($id: ID!) { node(id: $id) { ... on Changeset { ...F0 } } } ${levels.join(" ")}`;
    const missing = {
      id: encodeId({ type: "Changeset", host: "scm", repositoryId: "none", revision: "0".repeat(40) }),
    };
    const before = compiles.count;
    const answers: Array<GraphQLAnswer<unknown>> = [];
    for (let ask = 0; ask < 3; ask++) answers.push(await h.query(query, missing));
    expect(compiles.count).toBe(before);
    expect(answers[2]!.data).toEqual(answers[0]!.data);
  });
});
