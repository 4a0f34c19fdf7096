import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { encodeId } from "../../src/graphql/global-id.js";
import { countByOperation, sequentialRounds, startHarness, type Harness } from "../support/gateway.js";

/**
 * The currency of a gateway is upstream calls: these queries must make exactly the fewest the
 * APIs allow for their data, computed here from the world's shape, in no more sequential rounds
 * than the data's dependency depth.
 */

let h: Harness;
const gitOut = (gitDir: string, ...args: string[]) =>
  execFileSync("git", ["--git-dir", gitDir, ...args], { encoding: "utf8" });
const heads = (gitDir: string) =>
  gitOut(gitDir, "for-each-ref", "--format=%(objectname)", "refs/heads").trim().split("\n");
/** A commit id names one commit in every repository: the minimum is one call per distinct head per host. */
const distinctHeads = (gitDirs: string[]) => new Set(gitDirs.flatMap(heads)).size;

beforeAll(async () => {
  // Cold calls are measured: no cross-request cache. A fixed latency well above scheduling noise
  // (two busy cores) keeps calls of one round overlapping and calls of the next after them.
  h = await startHarness({ env: { CACHE: "off" }, simulators: { latency: { fixedMs: 120, jitterMs: 0 } } });
  await h.query("{ organizations(first: 1) { totalCount } }"); // signs in once
  h.resetCalls();
});
afterAll(() => h.close());

const overview = /* GraphQL */ `
  query Overview {
    organizations(first: 20) {
      nodes {
        name
        repositories(first: 50) {
          nodes {
            name
            backup {
              licenceActive
              plans {
                name
              }
            }
            defaultBranch {
              name
            }
            branches(first: 100) {
              nodes {
                name
                head {
                  author {
                    name
                  }
                  date
                }
              }
            }
          }
        }
      }
    }
  }
`;

describe("upstream calls", () => {
  it("the overview query makes exactly the minimum calls, in four rounds", async () => {
    const { world } = h.sim;
    const records = [...world.gitprotect.repositories.values()];
    const organizations = world.gitprotect.organizations.size;
    // First 50 per organization, as GitProtect orders them (by name).
    const firstPages = [...world.gitprotect.organizations.keys()].flatMap((id) =>
      records
        .filter((r) => r.organizationId === id)
        .sort((a, b) => a.name.localeCompare(b.name, "en") || a.id.localeCompare(b.id))
        .slice(0, 50),
    );
    const azure = new Set(firstPages.filter((r) => r.hosted?.host === "azure").map((r) => r.hosted!.id));
    const scm = new Set(firstPages.filter((r) => r.hosted?.host === "scm").map((r) => r.hosted!.id));
    const expected = {
      getOrganizations: 1,
      getRepositories: organizations,
      listRepositories: 2, // once per host: the join by clone URL
      listRefs: azure.size,
      getCommit: distinctHeads([...azure].map((id) => world.azure.repositories.get(id)!.gitDir)),
      getBranches: scm.size,
      getChangeset: distinctHeads([...scm].map((id) => world.scm.repositories.get(id)!.gitDir)),
    };

    // The simulated hosts spawn git for each object they first read, and keep it: in this process,
    // which the gateway shares, each spawn would hold the gateway's next calls too.
    await h.query(overview);
    h.resetCalls();
    const answer = await h.query(overview);
    expect(answer.errors).toBeUndefined();
    const calls = h.calls();
    expect(countByOperation(calls)).toEqual(expected);
    // organizations and host listings ‖ repositories ‖ branches ‖ branch heads
    expect(sequentialRounds(calls)).toBeLessThanOrEqual(4);

    const names = (
      answer.data as {
        organizations: {
          nodes: Array<{ repositories: { nodes: Array<{ branches: { nodes: unknown[] } | null }> } }>;
        };
      }
    ).organizations.nodes;
    expect(names.flatMap((o) => o.repositories.nodes).filter((r) => r.branches).length).toBe(
      azure.size + scm.size,
    );
    h.resetCalls();
  });

  it("an organization's repositories asked for GitProtect's record alone list no host", async () => {
    const backups = `{ organizations(first: 1) { nodes { name repositories(first: 50) {
      totalCount nodes { __typename backup { name licenceActive plans { name } } } } } } }`;
    h.resetCalls();
    const answer = await h.query(backups);
    expect(answer.errors).toBeUndefined();
    expect(countByOperation(h.calls())).toEqual({ getOrganizations: 1, getRepositories: 1 });

    // One field of the hosted repository, through a fragment, and both hosts are listed to join.
    h.resetCalls();
    const joined = await h.query(
      `{ organizations(first: 1) { nodes { repositories(first: 50) { edges { node { ...R } } } } } }
       fragment R on Repository { backup { name } host }`,
    );
    expect(joined.errors).toBeUndefined();
    expect(countByOperation(h.calls())).toEqual({
      getOrganizations: 1,
      getRepositories: 1,
      listRepositories: 2,
    });
  });

  it("a repository page (branches, last 20 changesets with authors, one blame) makes the minimum calls, on SCM-Manager in one round", async () => {
    const repo = [...h.sim.world.scm.repositories.values()].find((r) => r.type === "git" && !r.archived)!;
    const query = `query($id: ID!) {
      repository(id: $id) {
        name
        defaultBranch { name }
        branches(first: 50) { nodes { name } }
        changesets(first: 20) { nodes { revision message date author { name email } } }
        blame(path: "src/engine.ts") { lineNumber revision author { name } }
      }
    }`;
    h.resetCalls();
    const answer = await h.query(query, {
      id: encodeId({ type: "Repository", host: "scm", repositoryId: repo.id }),
    });
    expect(answer.errors).toBeUndefined();
    expect(countByOperation(h.calls())).toEqual({
      getRepository: 1,
      getBranches: 1,
      getChangesets: 1,
      getBlame: 1,
    });
    // The reads that need only the id start beside the repository's own.
    expect(sequentialRounds(h.calls())).toBe(1);

    // A repository that is not there is null, whatever was started beside it.
    const missing = await h.query(query, {
      id: encodeId({ type: "Repository", host: "scm", repositoryId: "0123456789abcdef0123" }),
    });
    expect(missing.errors).toBeUndefined();
    expect(missing.data).toEqual({ repository: null });
    // Its reads started beside may answer after it: wait for them (the same four as the first
    // query's), so that they are not counted below.
    await vi.waitFor(() => expect(h.calls()).toHaveLength(2 * 4), { timeout: 5_000 });

    // A field under a directive waits for its turn: it may not run at all.
    h.resetCalls();
    const skipped = await h.query(
      `query($id: ID!, $no: Boolean!) { repository(id: $id) { name blame(path: "src/engine.ts") @include(if: $no) { revision } } }`,
      { id: encodeId({ type: "Repository", host: "scm", repositoryId: repo.id }), no: false },
    );
    expect(skipped.errors).toBeUndefined();
    expect(countByOperation(h.calls())).toEqual({ getRepository: 1 });

    const azureRepo = [...h.sim.world.azure.repositories.values()][2]!;
    h.resetCalls();
    const azure = await h.query(query, {
      id: encodeId({ type: "Repository", host: "azure", repositoryId: azureRepo.id }),
    });
    expect(azure.errors).toBeUndefined();
    expect((azure.data as { repository: { blame: null } }).repository.blame).toBeNull();
    expect(countByOperation(h.calls())).toEqual({ getRepository: 1, listRefs: 1, listCommits: 1 });
    expect(sequentialRounds(h.calls())).toBe(2);
  });

  it("a blame with lines from many changesets fetches each changeset once", async () => {
    const repo = [...h.sim.world.scm.repositories.values()].find((r) => r.type === "git" && !r.archived)!;
    const revisions = new Set(
      gitOut(repo.gitDir, "blame", "--porcelain", "HEAD", "--", "src/engine.ts")
        .split("\n")
        .filter((l) => /^[0-9a-f]{40} \d+ \d+/.test(l))
        .map((l) => l.slice(0, 40)),
    );
    expect(revisions.size).toBeGreaterThan(5);
    h.resetCalls();
    const answer = await h.query(
      `query($id: ID!) { repository(id: $id) { blame(path: "src/engine.ts") { lineNumber code changeset { revision parentRevisions message author { name } } } } }`,
      { id: encodeId({ type: "Repository", host: "scm", repositoryId: repo.id }) },
    );
    expect(answer.errors).toBeUndefined();
    const lines = (answer.data as { repository: { blame: Array<{ changeset: { revision: string } }> } })
      .repository.blame;
    expect(lines.length).toBeGreaterThan(revisions.size);
    expect(new Set(lines.map((l) => l.changeset.revision))).toEqual(revisions);
    expect(countByOperation(h.calls())).toEqual({
      getRepository: 1,
      getBlame: 1,
      getChangeset: revisions.size,
    });
    // The blame starts beside the repository's read; then each changeset its lines name.
    expect(sequentialRounds(h.calls())).toBe(2);
  });

  it("lists only the host asked for: the other is neither called nor waited for", async () => {
    h.sim.scmManager.faults.setRules([{ operation: "*", hang: true }]);
    try {
      h.resetCalls();
      const answer = await h.query<{ repositories: { totalCount: number } }>(
        `{ repositories(first: 5, host: AZURE_DEVOPS) { totalCount nodes { name } } }`,
      );
      expect(answer.errors).toBeUndefined();
      expect(answer.data.repositories.totalCount).toBe(h.sim.world.azure.repositories.size);
      expect(countByOperation(h.calls())).toEqual({ listRepositories: 1 });
      expect(h.calls()[0]!.path).toContain("/_apis/");
    } finally {
      h.sim.scmManager.faults.setRules([]);
    }
  });

  it("asks SCM-Manager for each entry's last commit only when the query shows it", async () => {
    const repo = [...h.sim.world.scm.repositories.values()].find((r) => r.type === "git" && !r.archived)!;
    const id = encodeId({ type: "Repository", host: "scm", repositoryId: repo.id });
    const browse = async (fields: string) => {
      h.resetCalls();
      const answer = await h.query<{ repository: { tree: Array<Record<string, unknown>> } }>(
        `query($id: ID!) { repository(id: $id) { tree { ${fields} } } }`,
        { id },
      );
      expect(answer.errors).toBeUndefined();
      const call = h.calls().find((c) => c.operation === "browse")!;
      return { entries: answer.data.repository.tree, query: new URLSearchParams(call.query) };
    };
    const plain = await browse("name size");
    expect(plain.query.get("disableLastCommit")).toBe("true");
    expect(plain.query.get("disableSubRepositoryDetection")).toBe("true");
    const shown = await browse("name lastMessage");
    // Changesets are asked for by what the document names, and nothing else (no stray `id=`).
    h.resetCalls();
    await h.query(
      `query($id: ID!) { repository(id: $id) { changesets(first: 2, path: "src") { nodes { revision } } } }`,
      { id },
    );
    const changesets = h.calls().find((c) => c.operation === "getChangesets")!;
    expect([...new URLSearchParams(changesets.query).keys()].sort()).toEqual(["limit", "path", "start"]);
    expect(shown.query.has("disableLastCommit")).toBe(false);
    expect(shown.entries.every((e) => typeof e.lastMessage === "string")).toBe(true);
  });
});
