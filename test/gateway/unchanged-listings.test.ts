import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/gateway.js";

/**
 * Listings are parsed, modelled, joined and sorted once per distinct content (parsed-answers.ts,
 * repository-index.ts): a request over unchanged listings reuses what the one before built, and
 * a listing that changed is built anew, whoever changed it.
 */

let h: Harness;
const walk = `{ repositories(first: 100) { totalCount nodes { name host } } }`;
const byName = new Intl.Collator("en", { sensitivity: "base" }).compare;
type Walk = { repositories: { totalCount: number; nodes: Array<{ name: string; host: string }> } };

beforeAll(async () => {
  // Every request reads the upstreams: nothing but the parsed listings can be reused.
  h = await startHarness({ env: { CACHE: "off" } });
});
afterAll(() => h.close());

describe("listings reused while unchanged", () => {
  it("answers alike over unchanged listings, and a renamed repository at once in its new place", async () => {
    const first = await h.query<Walk>(walk);
    expect(first.errors).toBeUndefined();
    expect((await h.query<Walk>(walk)).data).toEqual(first.data);

    const repo = [...h.sim.world.azure.repositories.values()].find((r) => r.name !== "")!;
    // Renamed on the host itself, behind the gateway's back: only the listing's bytes say so.
    h.sim.world.azure.repositories.set(repo.id, { ...repo, name: "0-renamed-first" });
    const after = (await h.query<Walk>(walk)).data.repositories;
    expect(after.totalCount).toBe(first.data.repositories.totalCount);
    expect(after.nodes[0]).toEqual({ name: "0-renamed-first", host: "AZURE_DEVOPS" });
    expect(after.nodes.filter((n) => n.host === "AZURE_DEVOPS" && n.name === repo.name)).toEqual([]);
    // Only Azure DevOps's listing changed: the two hosts' orders are merged again into one.
    const names = after.nodes.map((n) => n.name);
    expect(names.every((name, i) => i === 0 || byName(names[i - 1]!, name) <= 0)).toBe(true);
    expect(new Set(after.nodes.map((n) => n.host))).toEqual(new Set(["AZURE_DEVOPS", "SCM_MANAGER"]));
  });
});
