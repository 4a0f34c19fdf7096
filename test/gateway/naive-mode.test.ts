import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { naiveLoaderKit } from "../../bench/naive-loader-kit.js";
import { encodeId } from "../../src/graphql/global-id.js";
import { startHarness, type Harness } from "../support/gateway.js";

/** The benchmark's reference: the same gateway without batching, de-duplication or cache answers the same, with more calls. */

let optimized: Harness;
let naive: Harness;
const overview = `{ organizations(first: 20) { nodes { name repositories(first: 50) { nodes { id name backup { licenceActive plans { name } } defaultBranch { name } branches(first: 100) { nodes { name head { author { name } date } } } } } } } }`;

beforeAll(async () => {
  // Repositories sharing histories (forks, mirrors), as in the benchmark's world.
  const world = { repositoriesPerOrganization: 8, branches: 6, sharedHistories: 2 };
  [optimized, naive] = await Promise.all([
    startHarness({ env: { CACHE: "off" }, simulators: { world } }),
    startHarness({
      env: { CACHE: "off" },
      simulators: { world },
      gateway: { services: { loaderKit: naiveLoaderKit() } },
    }),
  ]);
});
afterAll(async () => {
  await Promise.all([optimized.close(), naive.close()]);
});

const calls = (h: Harness) => h.calls().filter((c) => c.operation !== "login").length;

describe("naive mode (benchmark only)", () => {
  it("answers exactly what the gateway answers, with several times the upstream calls, every time", async () => {
    const [a, b] = await Promise.all([optimized.query(overview), naive.query(overview)]);
    expect(b.errors).toBeUndefined();
    expect(b.data).toEqual(a.data);
    expect(calls(naive)).toBeGreaterThan(3 * calls(optimized));
    naive.resetCalls();
    await naive.query(overview);
    expect(calls(naive)).toBeGreaterThan(3 * calls(optimized));
  });

  it("reads a blame's changesets once per line, where the gateway reads each once", async () => {
    const repo = [...naive.sim.world.scm.repositories.values()].find((r) => r.type === "git")!;
    const query = `query($id: ID!) { repository(id: $id) { blame(path: "README.md") { changeset { revision } } } }`;
    const id = encodeId({ type: "Repository", host: "scm", repositoryId: repo.id });
    const reads = (h: Harness) => h.calls().filter((c) => c.operation === "getChangeset").length;
    optimized.resetCalls();
    naive.resetCalls();
    const [a, b] = await Promise.all([optimized.query(query, { id }), naive.query(query, { id })]);
    expect(b.data).toEqual(a.data);
    const lines = (a.data as { repository: { blame: Array<{ changeset: { revision: string } }> } }).repository
      .blame;
    expect(reads(optimized)).toBe(new Set(lines.map((l) => l.changeset.revision)).size);
    expect(reads(naive)).toBe(lines.length);
    expect(lines.length).toBeGreaterThan(reads(optimized));
  });
});
