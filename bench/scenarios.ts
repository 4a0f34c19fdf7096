import { execFileSync } from "node:child_process";
import { encodeId } from "../src/graphql/global-id.js";
import type { World } from "../simulators/world/model.js";
import type { WorldParams } from "../simulators/world/params.js";

/** Calls each upstream must take in one dependent round: the critical path is their sum, given the cap. */
export type Round = Partial<Record<"gitprotect" | "azure" | "scm", number>>;

export interface Scenario {
  name: string;
  query: string;
  variables?: (run: number) => Record<string, unknown>;
  /** Fewest upstream calls the APIs allow for this data, from the world's shape. */
  minimumCalls: number;
  rounds: Round[];
  /** A write: not cached, measured cold only. */
  write?: boolean;
}

const heads = (gitDir: string) =>
  execFileSync("git", ["--git-dir", gitDir, "for-each-ref", "--format=%(objectname)", "refs/heads"], {
    encoding: "utf8",
  })
    .trim()
    .split("\n");
const blameRevisions = (gitDir: string, path: string) =>
  new Set(
    execFileSync("git", ["--git-dir", gitDir, "blame", "--porcelain", "HEAD", "--", path], {
      encoding: "utf8",
      maxBuffer: 1 << 28,
    })
      .split("\n")
      .filter((l) => /^[0-9a-f]{40} \d+ \d+/.test(l))
      .map((l) => l.slice(0, 40)),
  ).size;

/** The benchmark's world (`npm run bench` without options; the profile's too): 1,000 repositories, 200 commits each. */
export const benchWorld = {
  organizations: 5,
  repositoriesPerOrganization: 200,
  projectsPerOrganization: 4,
  unprotectedPerOrganization: 10,
  plans: 20,
  branches: 10,
  commits: 200,
  fileLines: 2000,
  sharedHistories: 4,
} satisfies Partial<WorldParams>;

export const overviewQuery = (organizations: number) => `{
  organizations(first: ${organizations}) { nodes { name repositories(first: 50) { nodes {
    name backup { licenceActive plans { name } } defaultBranch { name }
    branches(first: 100) { nodes { name head { author { name } date } } }
  } } } }
}`;

/** The overview: organizations → first 50 repositories → plans, licence, default branch, branches and their heads. */
export function overview(world: World, organizations = 20): Scenario {
  const byOrganization = [...world.gitprotect.organizations.keys()].slice(0, organizations);
  const records = [...world.gitprotect.repositories.values()];
  const firstPages = byOrganization.flatMap((id) =>
    records
      .filter((r) => r.organizationId === id)
      .sort((a, b) => a.name.localeCompare(b.name, "en") || a.id.localeCompare(b.id))
      .slice(0, 50),
  );
  const azure = [...new Set(firstPages.filter((r) => r.hosted?.host === "azure").map((r) => r.hosted!.id))];
  const scm = [...new Set(firstPages.filter((r) => r.hosted?.host === "scm").map((r) => r.hosted!.id))];
  const azureHeads = new Set(azure.flatMap((id) => heads(world.azure.repositories.get(id)!.gitDir))).size;
  const scmHeads = new Set(scm.flatMap((id) => heads(world.scm.repositories.get(id)!.gitDir))).size;
  const organizationsListed = Math.min(organizations, world.gitprotect.organizations.size);
  return {
    name: "overview",
    query: overviewQuery(organizations),
    minimumCalls: 1 + organizationsListed + 2 + azure.length + scm.length + azureHeads + scmHeads,
    rounds: [
      { gitprotect: 1, azure: 1, scm: 1 },
      { gitprotect: organizationsListed },
      { azure: azure.length, scm: scm.length },
      { azure: azureHeads, scm: scmHeads },
    ],
  };
}

/** A repository page: branches, the last 20 changesets with authors, one blame. */
export function repositoryPage(world: World): Scenario {
  const repo = [...world.scm.repositories.values()].find((r) => r.type === "git")!;
  return {
    name: "repository page",
    query: `query($id: ID!) { repository(id: $id) { name defaultBranch { name } branches(first: 50) { nodes { name } }
      changesets(first: 20) { nodes { revision message date author { name email } } }
      blame(path: "src/util.ts") { lineNumber revision author { name } } } }`,
    variables: () => ({ id: encodeId({ type: "Repository", host: "scm", repositoryId: repo.id }) }),
    minimumCalls: 4,
    // Branches, changesets and blame need only the id: they start beside the repository's read.
    rounds: [{ scm: 4 }],
  };
}

/** A blame of the largest file, each line with its changeset. */
export function largeBlame(world: World): Scenario {
  const repo = [...world.scm.repositories.values()].find((r) => r.type === "git")!;
  const revisions = blameRevisions(repo.gitDir, "src/engine.ts");
  return {
    name: "blame of a large file",
    query: `query($id: ID!) { repository(id: $id) { blame(path: "src/engine.ts") { lineNumber code revision changeset { message author { name } } } } }`,
    variables: () => ({ id: encodeId({ type: "Repository", host: "scm", repositoryId: repo.id }) }),
    minimumCalls: 2 + revisions,
    rounds: [{ scm: 2 }, { scm: revisions }],
  };
}

/** One page of the walk over all hosted repositories (100 a page); the walk is every page in turn. */
export function repositoryWalk(world: World): Scenario & { pages: number } {
  const total = world.azure.repositories.size + world.scm.repositories.size;
  return {
    name: "repository walk (per page)",
    pages: Math.ceil(total / 100),
    query: `query($after: String) { repositories(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id name host cloneUrl } } }`,
    minimumCalls: 2,
    rounds: [{ azure: 1, scm: 1 }],
  };
}

/** Attach 20 repositories to a plan, or detach them again: a result for each. */
export function bulkMutation(world: World): Scenario {
  const plan = [...world.gitprotect.plans.values()].find(
    (p) => p.type === 1 && world.gitprotect.organizations.get(p.organizationId)?.host.kind === "external",
  )!;
  const candidates = [...world.gitprotect.repositories.values()]
    .filter((r) => r.organizationId === plan.organizationId && !plan.repositoriesIds.includes(r.id))
    .slice(0, 20);
  const ids = candidates.map((r) =>
    encodeId({
      type: "Repository",
      host: "gitprotect",
      organizationId: r.organizationId,
      repositoryId: r.id,
    }),
  );
  const planId = encodeId({ type: "BackupPlan", organizationId: plan.organizationId, planId: plan.id });
  return {
    name: "bulk mutation (20 attachments)",
    query: `mutation($input: AttachRepositoriesToPlanInput!, $attach: Boolean!) {
      attach: attachRepositoriesToPlan(input: $input) @include(if: $attach) { results { ok } errors { code } }
      detach: detachRepositoriesFromPlan(input: $input) @skip(if: $attach) { results { ok } errors { code } }
    }`,
    variables: (run) => ({ input: { planId, repositoryIds: ids }, attach: run % 2 === 0 }),
    minimumCalls: 2 + ids.length,
    rounds: [{ gitprotect: 1 }, { gitprotect: 1 }, { gitprotect: ids.length }],
    write: true,
  };
}

/**
 * The variables of each ask of a scenario, `run` its number. A write's take turns over everything
 * asked through one of these (attach, detach, …): each write changes the world, and an even count
 * of them leaves it as found.
 */
export function variablesInTurn(): (scenario: Scenario, run: number) => Record<string, unknown> | undefined {
  let writes = 0;
  return (scenario, run) => scenario.variables?.(scenario.write ? writes++ : run);
}

/** The critical path: per round, the slowest upstream's calls in waves of `cap`, each at the largest latency. */
export function criticalPathMs(rounds: Round[], cap: number, latencyMs: number): number {
  return rounds.reduce(
    (sum, round) => sum + Math.max(...Object.values(round).map((n) => Math.ceil(n / cap))) * latencyMs,
    0,
  );
}
