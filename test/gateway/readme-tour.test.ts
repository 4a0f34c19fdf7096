import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/gateway.js";

/** The README's schema tour is what users copy first: each of its operations runs here. */

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const tour = readme.slice(readme.indexOf("### Schema tour"), readme.indexOf("### Configuration"));
const operations = [...tour.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** Variables from the demo world, for the operations that take some. */
async function variablesFor(name: string): Promise<Record<string, unknown>> {
  const found = await h.query<{
    organizations: {
      nodes: Array<{
        backupPlans: { nodes: Array<{ id: string }> };
        repositories: { nodes: Array<{ id: string; cloneUrl: string | null }> };
      }>;
    };
  }>(`{ organizations(first: 1) { nodes { backupPlans(first: 1) { nodes { id } }
      repositories(first: 2) { nodes { id cloneUrl } } } } }`);
  const organization = found.data.organizations.nodes[0]!;
  const repositories = organization.repositories.nodes;
  if (name === "Lookup") return { url: repositories[0]!.cloneUrl, id: repositories[0]!.id };
  if (name === "Attach")
    return { planId: organization.backupPlans.nodes[0]!.id, repositoryIds: repositories.map((r) => r.id) };
  return {};
}

describe("the README's schema tour", () => {
  it("has its operations", () => {
    expect(operations.length).toBeGreaterThanOrEqual(5);
  });

  it.each(operations.map((source) => [/^(?:query|mutation) (\w+)/.exec(source)?.[1] ?? "?", source]))(
    "%s runs on the demo world without an error",
    async (name, source) => {
      const answer = await h.query(source, await variablesFor(name));
      expect(answer.errors).toBeUndefined();
      expect(Object.values(answer.data).every((value) => value !== null)).toBe(true);
    },
  );
});
