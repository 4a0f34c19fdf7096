import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeId } from "../../src/graphql/global-id.js";
import { organizationDto } from "../../simulators/gitprotect/dto.js";
import { startHarness, type Harness } from "../support/gateway.js";

/** Every connection walked page by page: each item exactly once, in a stable order, with cursors that keep working. */

let h: Harness;
type Page = {
  pageInfo: { hasNextPage: boolean; endCursor: string | null; hasPreviousPage: boolean };
  totalCount: number | null;
  nodes: Array<Record<string, unknown>>;
};

beforeAll(async () => {
  h = await startHarness({
    simulators: { world: { repositoriesPerOrganization: 7, plans: 6, branches: 6, commits: 40 } },
  });
});
afterAll(() => h.close());

/** Walks a connection at `path` (field names from data) with `first`, returning every node and the cursors seen. */
async function walk(
  query: string,
  pick: (data: unknown) => Page,
  first: number,
  variables: Record<string, unknown> = {},
  total?: number,
) {
  const nodes: Array<Record<string, unknown>> = [];
  const cursors: Array<string | null> = [];
  let after: string | null = null;
  let pages = 0;
  do {
    const answer = await h.query(query, { ...variables, first, after });
    expect(answer.errors).toBeUndefined();
    const page = pick(answer.data);
    expect(page.nodes.length).toBeLessThanOrEqual(first);
    expect(page.pageInfo.hasPreviousPage).toBe(pages > 0);
    if (total !== undefined) expect(page.totalCount).toBe(total);
    nodes.push(...page.nodes);
    cursors.push(after);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    pages += 1;
    expect(pages).toBeLessThan(200);
  } while (after);
  return { nodes, cursors };
}

const ids = (nodes: Array<Record<string, unknown>>) => nodes.map((n) => n.id ?? n.name ?? n.revision);

describe("pagination", () => {
  it("organizations", async () => {
    const { nodes } = await walk(
      `query($first: Int, $after: String) { organizations(first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { id name } } }`,
      (d) => (d as { organizations: Page }).organizations,
      1,
    );
    expect(nodes).toHaveLength(h.sim.world.gitprotect.organizations.size);
    expect(new Set(ids(nodes)).size).toBe(nodes.length);
  });

  it("organizations and their repositories in the order and with the filters asked, checked on arrival", async () => {
    const world = h.sim.world.gitprotect;
    type Named = { name: string };
    const organizations = async (args: string) => {
      const answer = await h.query<{ organizations: { totalCount: number; nodes: Named[] } }>(
        `{ organizations(first: 100, ${args}) { totalCount nodes { name } } }`,
      );
      expect(answer.errors).toBeUndefined();
      return answer.data.organizations;
    };
    const names = [...world.organizations.values()].map((o) => o.name);
    const byName = (a: string, b: string) => a.localeCompare(b, "en");
    expect((await organizations(`orderBy: { direction: DESC }`)).nodes.map((o) => o.name)).toEqual(
      [...names].sort(byName).reverse(),
    );
    const azure = await organizations(`filter: { provider: AZURE_DEVOPS, nameContains: "AZURE" }`);
    const expected = [...world.organizations.values()].filter((o) => o.driver === 4).map((o) => o.name);
    expect(azure.nodes.map((o) => o.name).sort(byName)).toEqual(expected.sort(byName));
    expect(azure.totalCount).toBe(expected.length);

    const organization = [...world.organizations.values()][0]!;
    const records = [...world.repositories.values()].filter((r) => r.organizationId === organization.id);
    const answer = await h.query<{
      organization: { repositories: { nodes: Array<{ backup: { sizeBytes: number } }> } };
    }>(
      `query($id: ID!) { organization(id: $id) { repositories(first: 100, orderBy: { field: SIZE, direction: DESC }, filter: { licenceActive: true }) { nodes { backup { sizeBytes } } } } }`,
      { id: encodeId({ type: "Organization", organizationId: organization.id }) },
    );
    expect(answer.errors).toBeUndefined();
    const sizes = records
      .filter((r) => r.isLicenceActive)
      .map((r) => r.sizeBytes)
      .sort((a, b) => b - a);
    expect(answer.data.organization.repositories.nodes.map((n) => n.backup.sizeBytes)).toEqual(sizes);

    // A GitProtect that ignored the filter would answer other organizations: that is no answer.
    const unfiltered = {
      currentPage: 1,
      pageCount: 1,
      totalEntries: 1,
      result: [organizationDto(h.sim.world, organization)],
    };
    h.sim.gitprotect.faults.setRules([{ operation: "getOrganizations", status: 200, body: unfiltered }]);
    try {
      const ignored = await h.query(
        `{ organizations(filter: { nameContains: "no such name" }) { nodes { name } } }`,
      );
      expect(ignored.errors?.[0]?.extensions).toMatchObject({
        code: "UPSTREAM_ERROR",
        upstream: "GitProtect",
      });
    } finally {
      h.sim.gitprotect.faults.setRules([]);
    }
    for (const bad of ['""', '"tab\\there"', `"${"x".repeat(257)}"`]) {
      const refused = await h.query(`{ organizations(filter: { nameContains: ${bad} }) { totalCount } }`);
      expect(refused.errors?.[0]?.extensions?.code, bad).toBe("BAD_USER_INPUT");
    }
  });

  it("an organization's repositories and plans, on page/limit paging with any page size", async () => {
    const organization = [...h.sim.world.gitprotect.organizations.values()][0]!;
    const id = encodeId({ type: "Organization", organizationId: organization.id });
    const repositories = `query($id: ID!, $first: Int, $after: String) { organization(id: $id) { repositories(first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { id name } } } }`;
    const all = (await h.query(repositories, { id, first: 100 })).data as {
      organization: { repositories: Page };
    };
    const expected = ids(all.organization.repositories.nodes);
    expect(expected).toHaveLength(
      [...h.sim.world.gitprotect.repositories.values()].filter((r) => r.organizationId === organization.id)
        .length,
    );
    for (const first of [1, 2, 3, 5]) {
      const { nodes } = await walk(
        repositories,
        (d) => (d as { organization: { repositories: Page } }).organization.repositories,
        first,
        { id },
      );
      expect(ids(nodes)).toEqual(expected);
    }
    const plans = `query($id: ID!, $first: Int, $after: String) { organization(id: $id) { backupPlans(first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { id name } } } }`;
    // GitProtect lists the plans holding one of the organization's repositories.
    const own = new Set(
      [...h.sim.world.gitprotect.repositories.values()]
        .filter((r) => r.organizationId === organization.id)
        .map((r) => r.id),
    );
    const inWorld = [...h.sim.world.gitprotect.plans.values()].filter((p) =>
      p.repositoriesIds.some((r) => own.has(r)),
    );
    expect(inWorld.length).toBeGreaterThan(1);
    const whole = ((await h.query(plans, { id, first: 100 })).data as { organization: { backupPlans: Page } })
      .organization.backupPlans;
    expect(whole.totalCount).toBe(inWorld.length);
    expect(whole.nodes.map((n) => n.name).sort()).toEqual(inWorld.map((p) => p.name).sort());
    for (const first of [1, 2, 3]) {
      const { nodes } = await walk(
        plans,
        (d) => (d as { organization: { backupPlans: Page } }).organization.backupPlans,
        first,
        { id },
        inWorld.length,
      );
      expect(ids(nodes)).toEqual(ids(whole.nodes));
    }
  });

  it("a plan's repositories", async () => {
    const plan = [...h.sim.world.gitprotect.plans.values()].find((p) => p.repositoriesIds.length > 2)!;
    const id = encodeId({ type: "BackupPlan", organizationId: plan.organizationId, planId: plan.id });
    const { nodes } = await walk(
      `query($id: ID!, $first: Int, $after: String) { backupPlan(id: $id) { repositories(first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { id backup { gitprotectId } } } } }`,
      (d) => (d as { backupPlan: { repositories: Page } }).backupPlan.repositories,
      2,
      { id },
    );
    // By name, as GitProtect lists the organization's repositories.
    const byName = [...plan.repositoriesIds]
      .map((r) => h.sim.world.gitprotect.repositories.get(r)!)
      .sort((a, b) => a.name.localeCompare(b.name, "en") || a.id.localeCompare(b.id))
      .map((r) => r.id);
    expect(nodes.map((n) => (n.backup as { gitprotectId: string }).gitprotectId)).toEqual(byName);
  });

  it("hosted repositories across both hosts, and cursors that still work later", async () => {
    const query = `query($first: Int, $after: String) { repositories(first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { id name } } }`;
    const { nodes, cursors } = await walk(query, (d) => (d as { repositories: Page }).repositories, 4);
    expect(nodes).toHaveLength(h.sim.world.azure.repositories.size + h.sim.world.scm.repositories.size);
    expect(new Set(ids(nodes)).size).toBe(nodes.length);
    const again = await h.query(query, { first: 4, after: cursors[2] });
    expect(ids((again.data as { repositories: Page }).repositories.nodes)).toEqual(ids(nodes.slice(8, 12)));
  });

  it("branches (SCM-Manager all at once; Azure DevOps by continuation token), tags and changesets", async () => {
    const scm = [...h.sim.world.scm.repositories.values()].find((r) => r.type === "git")!;
    const azure = [...h.sim.world.azure.repositories.values()][2]!;
    for (const [host, repo] of [
      ["scm", scm],
      ["azure", azure],
    ] as const) {
      const id = encodeId({ type: "Repository", host, repositoryId: repo.id });
      const branchNames = execFileSync(
        "git",
        ["--git-dir", repo.gitDir, "for-each-ref", "--format=%(refname:short)", "refs/heads"],
        { encoding: "utf8" },
      )
        .trim()
        .split("\n");
      const branches = `query($id: ID!, $first: Int, $after: String) { repository(id: $id) { branches(first: $first, after: $after) { pageInfo { hasNextPage hasPreviousPage endCursor } nodes { name } } } }`;
      const { nodes } = await walk(
        branches,
        (d) => (d as { repository: { branches: Page } }).repository.branches,
        2,
        { id },
      );
      expect(nodes.map((n) => n.name)).toEqual(branchNames);
      const withTotal = branches.replace("pageInfo", "totalCount pageInfo");
      const counted = await walk(
        withTotal,
        (d) => (d as { repository: { branches: Page } }).repository.branches,
        4,
        { id },
      );
      expect(counted.nodes.map((n) => n.name)).toEqual(branchNames);

      const tags = `query($id: ID!, $first: Int, $after: String) { repository(id: $id) { tags(first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { name } } } }`;
      const tagNames = execFileSync(
        "git",
        ["--git-dir", repo.gitDir, "for-each-ref", "--format=%(refname:short)", "refs/tags"],
        { encoding: "utf8" },
      )
        .trim()
        .split("\n");
      expect(
        (await walk(tags, (d) => (d as { repository: { tags: Page } }).repository.tags, 1, { id })).nodes.map(
          (n) => n.name,
        ),
      ).toEqual(tagNames);

      const history = execFileSync("git", ["--git-dir", repo.gitDir, "rev-list", "main"], {
        encoding: "utf8",
      })
        .trim()
        .split("\n");
      const changesets = `query($id: ID!, $first: Int, $after: String) { repository(id: $id) { changesets(first: $first, after: $after, branch: "main") { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { revision } } } }`;
      const walked = await walk(
        changesets,
        (d) => (d as { repository: { changesets: Page } }).repository.changesets,
        7,
        { id },
      );
      expect(walked.nodes.map((n) => n.revision)).toEqual(history);
    }
  });

  it("refuses page sizes outside 1–100 and cursors it did not issue", async () => {
    for (const first of [0, 101, -1]) {
      const answer = await h.query(`{ organizations(first: ${first}) { totalCount } }`);
      expect(answer.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
    const answer = await h.query(`{ organizations(first: 2, after: "not-a-cursor") { totalCount } }`);
    expect(answer.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
