import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeId } from "../../src/graphql/global-id.js";
import { organizationDto } from "../../simulators/gitprotect/dto.js";
import { azureSshUrl, hostedCloneUrl } from "../../simulators/world/clone-urls.js";
import { startHarness, type Harness } from "../support/gateway.js";
import { scmRepositoriesVisibleTo } from "../support/visibility.js";

let h: Harness;
type Repo = {
  id: string;
  name: string;
  host: string;
  cloneUrl: string;
  backup: { gitprotectId: string } | null;
};

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** A repository with a git history on each host, and the host's name. */
const gitRepositoryOnEachHost = () =>
  [
    ["azure", [...h.sim.world.azure.repositories.values()].find((r) => r.name !== "")!],
    ["scm", [...h.sim.world.scm.repositories.values()].find((r) => r.type === "git")!],
  ] as const;

const repositoryFields = "id name host cloneUrl backup { gitprotectId }";

describe("one Repository per physical repository", () => {
  it("has the same id whether reached through GitProtect or through its host", async () => {
    const viaGitProtect = await h.query(
      `{ organizations { nodes { repositories(first: 100) { nodes { ${repositoryFields} } } } } }`,
    );
    const viaHosts = await h.query(`{ repositories(first: 100) { nodes { ${repositoryFields} } } }`);
    expect(viaGitProtect.errors ?? viaHosts.errors).toBeUndefined();
    const fromGitProtect = (
      viaGitProtect.data as { organizations: { nodes: Array<{ repositories: { nodes: Repo[] } }> } }
    ).organizations.nodes.flatMap((o) => o.repositories.nodes);
    const fromHosts = (viaHosts.data as { repositories: { nodes: Repo[] } }).repositories.nodes;
    for (const record of h.sim.world.gitprotect.repositories.values()) {
      const joined = fromGitProtect.find((r) => r.backup?.gitprotectId === record.id)!;
      if (!record.hosted) {
        expect(joined.host).toBe("OTHER");
        continue;
      }
      const hosted = fromHosts.find((r) => r.id === joined.id);
      expect(hosted, `${record.url} joins its hosted repository`).toBeDefined();
      expect(hosted!.backup?.gitprotectId).toBe(record.id);
      expect(joined.cloneUrl).toBe(hostedCloneUrl(h.sim.world, record.hosted));
    }
  });

  it("answers null `backup` for hosted repositories nothing backs up", async () => {
    const backedUp = new Set([...h.sim.world.gitprotect.repositories.values()].map((r) => r.hosted?.id));
    const answer = await h.query(`{ repositories(first: 100) { nodes { ${repositoryFields} } } }`);
    const nodes = (answer.data as { repositories: { nodes: Repo[] } }).repositories.nodes;
    const lonely = [...h.sim.world.azure.repositories.values()].filter((r) => !backedUp.has(r.id));
    expect(lonely.length).toBeGreaterThan(0);
    for (const repo of lonely)
      expect(
        nodes.find((n) => n.id === encodeId({ type: "Repository", host: "azure", repositoryId: repo.id }))!
          .backup,
      ).toBeNull();
  });

  it("finds a repository by any spelling of its clone URL", async () => {
    const repo = [...h.sim.world.azure.repositories.values()].find((r) => r.name.startsWith("Ünïcode"))!;
    const project = h.sim.world.azure.projects.get(repo.projectId)!;
    const url = hostedCloneUrl(h.sim.world, { host: "azure", id: repo.id })!;
    const parsed = new URL(url);
    const spellings = [
      url,
      `${url}.git`,
      `${url}/`,
      url.replace("http://", "http://someone:secret@"),
      url.replace(parsed.hostname, parsed.hostname.toUpperCase()),
      decodeURIComponent(url),
      azureSshUrl(h.sim.world.urls.azureCollection, project, repo),
      `git@${parsed.hostname}:${decodeURIComponent(parsed.pathname).slice(1)}.git`,
    ];
    const id = encodeId({ type: "Repository", host: "azure", repositoryId: repo.id });
    for (const spelling of spellings) {
      const answer = await h.query(`query($url: String!) { repositoryByUrl(url: $url) { id } }`, {
        url: spelling,
      });
      expect(answer.data, spelling).toEqual({ repositoryByUrl: { id } });
    }
    const github = [...h.sim.world.gitprotect.repositories.values()].find((r) => !r.hosted)!;
    const other = await h.query(
      `query($url: String!) { repositoryByUrl(url: $url) { host backup { gitprotectId } branches { totalCount } } }`,
      { url: github.url.replace(".git", "") },
    );
    expect(other.data).toEqual({
      repositoryByUrl: { host: "OTHER", backup: { gitprotectId: github.id }, branches: null },
    });
    expect((await h.query(`{ repositoryByUrl(url: "https://nowhere.example/x.git") { id } }`)).data).toEqual({
      repositoryByUrl: null,
    });
  });
});

describe("history reads", () => {
  it("a changeset's diff comes from SCM-Manager; Azure DevOps has none", async () => {
    const scm = [...h.sim.world.scm.repositories.values()].find((r) => r.type === "git")!;
    const azure = [...h.sim.world.azure.repositories.values()][2]!;
    const query = `query($id: ID!) { repository(id: $id) { changesets(first: 1) { nodes { diff modifications { modified added } } } } }`;
    const fromScm = await h.query<{ repository: { changesets: { nodes: Array<{ diff: string }> } } }>(query, {
      id: encodeId({ type: "Repository", host: "scm", repositoryId: scm.id }),
    });
    expect(fromScm.data.repository.changesets.nodes[0]!.diff).toMatch(/^diff --git a\//);
    const fromAzure = await h.query<{ repository: { changesets: { nodes: Array<{ diff: null }> } } }>(query, {
      id: encodeId({ type: "Repository", host: "azure", repositoryId: azure.id }),
    });
    expect(fromAzure.errors).toBeUndefined();
    expect(fromAzure.data.repository.changesets.nodes[0]!.diff).toBeNull();
  });
});

describe("navigation back to the repository", () => {
  it("a branch, its head, a tag and a changeset lead back to their repository's one id", async () => {
    for (const [host, repo] of gitRepositoryOnEachHost()) {
      const id = encodeId({ type: "Repository", host, repositoryId: repo.id });
      const answer = await h.query<{
        repository: {
          defaultBranch: { repository: { id: string }; head: { repository: { id: string } } };
          tags: { nodes: Array<{ repository: { id: string } }> };
          changesets: { nodes: Array<{ repository: { id: string } }> };
        };
      }>(
        `query($id: ID!) { repository(id: $id) { defaultBranch { repository { id } head { repository { id } } } tags(first: 1) { nodes { repository { id } } } changesets(first: 1) { nodes { repository { id } } } } }`,
        { id },
      );
      expect(answer.errors, host).toBeUndefined();
      const { defaultBranch, tags, changesets } = answer.data.repository;
      expect([
        defaultBranch.repository.id,
        defaultBranch.head.repository.id,
        tags.nodes[0]!.repository.id,
        changesets.nodes[0]!.repository.id,
      ]).toEqual([id, id, id, id]);
    }
  });
});

describe("repositories only GitProtect knows", () => {
  it("are listed with host OTHER, searchable by name, each once", async () => {
    type Nodes = {
      repositories: { totalCount: number; nodes: Array<{ id: string; name: string; host: string }> };
    };
    const answer = await h.query<Nodes>(
      `{ repositories(first: 100, host: OTHER) { totalCount nodes { id name host } } }`,
    );
    expect(answer.errors).toBeUndefined();
    const elsewhere = [...h.sim.world.gitprotect.repositories.values()].filter((r) => !r.hosted);
    const urls = new Set(elsewhere.map((r) => r.url));
    expect(answer.data.repositories.totalCount).toBe(urls.size);
    expect(answer.data.repositories.nodes.every((n) => n.host === "OTHER")).toBe(true);
    const name = elsewhere[0]!.name;
    const found = await h.query<Nodes>(
      `query($name: String!) { repositories(first: 100, host: OTHER, nameContains: $name) { nodes { id name } } }`,
      { name: name.toUpperCase() },
    );
    expect(found.data.repositories.nodes.length).toBeGreaterThan(0);
    expect(
      found.data.repositories.nodes.every((n) => n.name.toLowerCase().includes(name.toLowerCase())),
    ).toBe(true);
    const ids = new Set(answer.data.repositories.nodes.map((n) => n.id));
    expect(found.data.repositories.nodes.every((n) => ids.has(n.id))).toBe(true);
  });
});

describe("what a plan backs up", () => {
  type Plan = typeof h.sim.world.gitprotect.plans extends Map<string, infer P> ? P : never;
  type Record = typeof h.sim.world.gitprotect.repositories extends Map<string, infer R> ? R : never;
  const inProject = (plan: Plan, record: Record) =>
    record.hosted?.host === "azure" &&
    plan.azure!.projectsIds.includes(h.sim.world.azure.repositories.get(record.hosted.id)!.projectId);

  it("a plan that chooses by project or takes everything lists those repositories, and they name it back", async () => {
    const world = h.sim.world.gitprotect;
    const byProject = [...world.plans.values()].find(
      (p) => p.azure?.gitChoiceMode === 2 && p.azure.projectsIds.length,
    )!;
    const everything = [...world.plans.values()].find((p) => p.type === 1)!;
    const everythingId = encodeId({
      type: "BackupPlan",
      organizationId: everything.organizationId,
      planId: everything.id,
    });
    const takeAll = (on: boolean) =>
      h.query(
        `mutation($id: ID!, $on: Boolean!) { updateBackupPlan(input: { planId: $id, includeAllRepositories: $on }) { errors { code } } }`,
        { id: everythingId, on },
      );
    expect((await takeAll(true)).data).toEqual({ updateBackupPlan: { errors: [] } });
    try {
      for (const plan of [byProject, everything]) {
        type Answer = {
          backupPlan: {
            repositories: {
              totalCount: number;
              nodes: Array<{ backup: { gitprotectId: string; plans: Array<{ id: string }> } }>;
            };
          };
        };
        const id = encodeId({ type: "BackupPlan", organizationId: plan.organizationId, planId: plan.id });
        const answer = await h.query<Answer>(
          `query($id: ID!) { backupPlan(id: $id) { repositories(first: 100) { totalCount nodes { backup { gitprotectId plans { id } } } } } }`,
          { id },
        );
        expect(answer.errors).toBeUndefined();
        const { nodes, totalCount } = answer.data.backupPlan.repositories;
        const expected = [...world.repositories.values()].filter(
          (r) =>
            plan.repositoriesIds.includes(r.id) ||
            (r.organizationId === plan.organizationId &&
              !r.isRemoved &&
              (plan === everything || inProject(plan, r))),
        );
        expect(expected.some((r) => !plan.repositoriesIds.includes(r.id))).toBe(true);
        expect(nodes.map((n) => n.backup.gitprotectId).sort()).toEqual(expected.map((r) => r.id).sort());
        expect(totalCount).toBe(expected.length);
        for (const node of nodes) expect(node.backup.plans.map((p) => p.id)).toContain(id);
      }
      const owned = [...world.repositories.values()].filter(
        (r) => r.organizationId === everything.organizationId && !r.isRemoved,
      );
      const all = await h.query<{ backupPlan: { repositories: { totalCount: number } } }>(
        `query($id: ID!) { backupPlan(id: $id) { repositories { totalCount } } }`,
        {
          id: encodeId({
            type: "BackupPlan",
            organizationId: everything.organizationId,
            planId: everything.id,
          }),
        },
      );
      expect(all.data.backupPlan.repositories.totalCount).toBe(owned.length);
    } finally {
      await takeAll(false);
    }
  });
});

describe("revisions on both hosts", () => {
  it("a tag names its commit on Azure DevOps as on SCM-Manager: changeset, tree and file at a tag", async () => {
    type Answer = {
      repository: {
        tags: { nodes: Array<{ name: string; target: { revision: string } }> };
      };
    };
    for (const [host, repo] of gitRepositoryOnEachHost()) {
      const id = encodeId({ type: "Repository", host, repositoryId: repo.id });
      const tagged = await h.query<Answer>(
        `query($id: ID!) { repository(id: $id) { tags(first: 1) { nodes { name target { revision } } } } }`,
        { id },
      );
      const tag = tagged.data.repository.tags.nodes[0]!;
      const atTag = await h.query<{
        repository: {
          changeset: { revision: string };
          tree: Array<{ name: string }>;
          file: { text: string } | null;
        };
      }>(
        `query($id: ID!, $tag: String!) { repository(id: $id) { changeset(revision: $tag) { revision } tree(revision: $tag) { name } file(path: "README.md", revision: $tag) { text } } }`,
        { id, tag: tag.name },
      );
      expect(atTag.errors, host).toBeUndefined();
      expect(atTag.data.repository.changeset.revision, host).toBe(tag.target.revision);
      expect(atTag.data.repository.tree.length, host).toBeGreaterThan(0);
      expect(atTag.data.repository.file?.text, host).toBeTruthy();
    }
  });

  it("an abbreviated commit id names its commit on both hosts; Azure DevOps itself is asked for full ids only", async () => {
    type Answer = { repository: { changesets: { nodes: Array<{ revision: string }> } } };
    for (const [host, repo] of gitRepositoryOnEachHost()) {
      const id = encodeId({ type: "Repository", host, repositoryId: repo.id });
      const history = await h.query<Answer>(
        `query($id: ID!) { repository(id: $id) { changesets(first: 3) { nodes { revision } } } }`,
        { id },
      );
      const older = history.data.repository.changesets.nodes.at(-1)!.revision;
      h.resetCalls();
      const atShort = await h.query<{ repository: { changeset: { revision: string } | null } }>(
        `query($id: ID!, $rev: String!) { repository(id: $id) { changeset(revision: $rev) { revision } tree(revision: $rev) { name } } }`,
        { id, rev: older.slice(0, 9).toUpperCase() },
      );
      expect(atShort.errors, host).toBeUndefined();
      expect(atShort.data.repository.changeset?.revision, host).toBe(older);
      if (host === "azure")
        for (const call of h
          .calls()
          .filter((c) => c.operation === "getCommit" || c.query.includes("version")))
          expect(call.path + call.query, call.operation).not.toMatch(
            new RegExp(`${older.slice(0, 9)}(?!${older.slice(9)})`, "i"),
          );
    }
  });

  it("a changeset names the branches whose head it is and its tags; a tree entry leads to its file or children", async () => {
    type Ref = { name: string };
    type Answer = {
      repository: {
        defaultBranch: { name: string; head: { branches: Ref[]; tags: Ref[]; committer: Ref | null } };
        tags: { nodes: Array<{ name: string; target: { tags: Ref[] } }> };
        tree: Array<{
          path: string;
          directory: boolean;
          file: { path: string } | null;
          children: Array<{ path: string }> | null;
        }>;
      };
    };
    for (const [host, repo] of gitRepositoryOnEachHost()) {
      const id = encodeId({ type: "Repository", host, repositoryId: repo.id });
      const answer = await h.query<Answer>(
        `query($id: ID!) { repository(id: $id) {
          defaultBranch { name head { branches { name } tags { name } committer { name } } }
          tags(first: 1) { nodes { name target { tags { name } } } }
          tree { path directory file { path } children { path } } } }`,
        { id },
      );
      expect(answer.errors, host).toBeUndefined();
      const { defaultBranch, tags, tree } = answer.data.repository;
      expect(
        defaultBranch.head.branches.map((b) => b.name),
        host,
      ).toContain(defaultBranch.name);
      expect(defaultBranch.head.committer === null, host).toBe(host === "scm");
      const tag = tags.nodes[0]!;
      expect(
        tag.target.tags.map((t) => t.name),
        host,
      ).toContain(tag.name);
      for (const entry of tree) {
        expect(entry.file?.path ?? null, entry.path).toBe(entry.directory ? null : entry.path);
        if (entry.directory) {
          expect(entry.children!.length, entry.path).toBeGreaterThan(0);
          for (const child of entry.children!) expect(child.path.startsWith(`${entry.path}/`)).toBe(true);
        } else expect(entry.children).toBeNull();
      }
    }
  });

  it("walks the history back from a revision on both hosts; branch and revision together are refused", async () => {
    type Walk = { repository: { changesets: { nodes: Array<{ revision: string }> } } };
    for (const [host, repo] of gitRepositoryOnEachHost()) {
      const id = encodeId({ type: "Repository", host, repositoryId: repo.id });
      const walk = `query($id: ID!, $rev: String) { repository(id: $id) { changesets(first: 6, revision: $rev) { nodes { revision } } } }`;
      const whole = (await h.query<Walk>(walk, { id })).data.repository.changesets.nodes.map(
        (n) => n.revision,
      );
      const from = await h.query<Walk>(walk, { id, rev: whole[2] });
      expect(from.errors, host).toBeUndefined();
      expect(from.data.repository.changesets.nodes.map((n) => n.revision).slice(0, 3), host).toEqual(
        whole.slice(2, 5),
      );
      const both = await h.query(
        `query($id: ID!) { repository(id: $id) { changesets(branch: "main", revision: "main") { totalCount } } }`,
        { id },
      );
      expect(both.errors?.[0]?.extensions?.code, host).toBe("BAD_USER_INPUT");
    }
  });
});

describe("per-user answers", () => {
  it("gives users with different SCM-Manager permissions different answers to the same query", async () => {
    const query = `{ repositories(first: 100, host: SCM_MANAGER) { nodes { name scmManager { permissions { name } } } } }`;
    const as = (user: string, password: string) =>
      h.query(query, {}, { "x-scm-manager-username": user, "x-scm-manager-password": password });
    const [alice, bob] = await Promise.all([as("alice", "alice-secret"), as("bob", "bob-secret")]);
    const names = (answer: typeof alice) =>
      (answer.data as { repositories: { nodes: Array<{ name: string }> } }).repositories.nodes
        .map((n) => n.name)
        .sort();
    const expected = (user: string) => scmRepositoriesVisibleTo(h.sim.world, user);
    expect(names(alice)).toEqual(expected("alice"));
    expect(names(bob)).toEqual(expected("bob"));
    expect(names(alice)).not.toEqual(names(bob));
    // Owner-only details stay hidden from readers.
    const bobsNodes = (
      bob.data as { repositories: { nodes: Array<{ scmManager: { permissions: unknown } }> } }
    ).repositories.nodes;
    expect(bobsNodes.some((n) => n.scmManager.permissions === null)).toBe(true);
  });
});

describe("arguments that select, checked against git and the world", () => {
  const git = (gitDir: string, ...args: string[]) =>
    execFileSync("git", ["--git-dir", gitDir, ...args], { encoding: "utf8" });

  it("changesets of a path, and blame at a revision, are git's", async () => {
    const repo = [...h.sim.world.scm.repositories.values()].find((r) => r.type === "git" && !r.archived)!;
    const id = encodeId({ type: "Repository", host: "scm", repositoryId: repo.id });
    const touching = git(repo.gitDir, "log", "--format=%H", "HEAD", "--", "src/engine.ts").trim().split("\n");
    const older = touching[Math.min(3, touching.length - 1)]!;
    type Answer = {
      repository: {
        changesets: { nodes: Array<{ revision: string }> };
        blame: Array<{ revision: string; code: string }>;
      };
    };
    const answer = await h.query<Answer>(
      `query($id: ID!, $rev: String!) { repository(id: $id) {
        changesets(first: 100, path: "src/engine.ts") { nodes { revision } }
        blame(path: "src/engine.ts", revision: $rev) { revision code } } }`,
      { id, rev: older },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data.repository.changesets.nodes.map((n) => n.revision)).toEqual(touching.slice(0, 100));
    const blamed = git(repo.gitDir, "blame", "--porcelain", older, "--", "src/engine.ts")
      .split("\n")
      .filter((l) => /^[0-9a-f]{40} \d+ \d+/.test(l))
      .map((l) => l.slice(0, 40));
    expect(answer.data.repository.blame.map((l) => l.revision)).toEqual(blamed);
  });

  it("hosted repositories by part of their name, and the organizations' counts, are the world's", async () => {
    const hosted = [...h.sim.world.azure.repositories.values(), ...h.sim.world.scm.repositories.values()];
    const scmVisible = new Set(scmRepositoriesVisibleTo(h.sim.world, "scmadmin"));
    const names = hosted.map((r) => r.name).filter((n) => n.toLowerCase().includes("api"));
    const found = await h.query<{ repositories: { totalCount: number; nodes: Array<{ name: string }> } }>(
      `{ repositories(first: 100, nameContains: "API") { totalCount nodes { name } } }`,
    );
    expect(found.data.repositories.nodes.map((n) => n.name).sort()).toEqual(
      names.filter((n) => scmVisible.has(n) || !n.includes("/")).sort(),
    );
    const counts = await h.query<{
      organizations: {
        nodes: Array<{
          gitprotectId: string;
          repositoryCount: number;
          protectedRepositoryCount: number;
          missingLicenceCount: number;
          removedRepositoryCount: number;
        }>;
      };
    }>(
      `{ organizations { nodes { gitprotectId repositoryCount protectedRepositoryCount missingLicenceCount removedRepositoryCount } } }`,
    );
    for (const node of counts.data.organizations.nodes) {
      const dto = organizationDto(h.sim.world, h.sim.world.gitprotect.organizations.get(node.gitprotectId)!);
      expect(node).toEqual({
        gitprotectId: dto.id,
        repositoryCount: dto.totalRepositories,
        protectedRepositoryCount: dto.protectedRepositories,
        missingLicenceCount: dto.missingLicences,
        removedRepositoryCount: dto.removedRepositories,
      });
    }
  });
});
