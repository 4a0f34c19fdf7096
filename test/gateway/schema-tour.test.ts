import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeId } from "../../src/graphql/global-id.js";
import { startHarness, type Harness } from "../support/gateway.js";

/**
 * Every field of the schema asked once, through real upstream answers: each answer is checked
 * against the world, and the suite's schema coverage (scripts/schema-coverage.ts) sees every
 * field resolved with data.
 */

let h: Harness;
beforeAll(async () => {
  // The tour asks for every field at once, far past what one client request may cost.
  h = await startHarness({ env: { CACHE: "off", MAX_QUERY_COST: "1000000" } });
});
afterAll(() => h.close());

const page = `pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount`;
const plan = `id gitprotectId name version type backupType active
  schedule { frequency startTime intervalHours daysOfWeek dayOfMonth timeZone }
  storageId workerId advancedOptions { key value } compression { enabled level } encryption { enabled algorithm }
  customActions { beforeBackup afterBackup } includeMetadata includeAllRepositories organization { id }
  repositories(first: 2) { totalCount }
  azureDevOps { choiceMode projectIds projects { id azureId name state } excludedRepositoryIds wikiIds
    notifications { onSuccess onFailure emails } useExtraCredentials additionalCredentialIds resourceKindsToIgnore
    rules { elementType mode pattern } }`;
const backup = `backup { gitprotectId organization { id } name fullName cloneUrl licenceActive removed sizeBytes
  lastBackupAt lastBackupStatus plans { id name } }`;
const changeset = `id revision message author { name email } committer { name email } date parentRevisions
  parents { revision } branches { name } tags { name }
  modifications { added modified removed } diff repository { id }`;
const repository = `id name cloneUrl host ${backup}
  defaultBranch { id name isDefault head { ${changeset} } repository { id } }
  branches(first: 3) { edges { cursor node { id name isDefault } } nodes { name } ${page} }
  tags(first: 2) { edges { cursor node { name target { revision } repository { id } } } ${page} }
  changesets(first: 2) { edges { cursor node { id revision } } nodes { revision } ${page} }
  blame(path: "README.md") { lineNumber code author { name email } date revision changeset { revision } }
  tree { name path directory size lastModifiedAt lastMessage file { path } children { name } }
  file(path: "README.md") { path size binary text }
  azureDevOps { azureId project { id azureId name state } remoteUrl sshUrl webUrl size }
  scmManager { scmId version type contact description public archived createdAt lastModifiedAt
    permissions { name type group } properties { key value }
    healthCheckFailures { id summary description url } }`;

describe("a tour of the whole schema", () => {
  it("organizations, their plans and repositories, every field", async () => {
    const answer = await h.query<{
      organizations: { totalCount: number; edges: Array<{ cursor: string; node: { provider: string } }> };
    }>(`{ organizations(first: 100) { edges { cursor node {
        id gitprotectId name provider apiUrl readOnly createdByMarketplace synchronizationInProgress
        protectedRepositoryCount repositoryCount missingLicenceCount removedRepositoryCount defaultWorkerId
        backupPlans(first: 100) { edges { cursor node { ${plan} } } nodes { id } ${page} }
        repositories(first: 3) { edges { cursor node { id name host ${backup} } } nodes { id } ${page} }
      } } nodes { id } ${page} } }`);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.organizations.totalCount).toBe(h.sim.world.gitprotect.organizations.size);
    expect(new Set(answer.data.organizations.edges.map((e) => e.node.provider)).size).toBeGreaterThan(1);
  });

  it("a repository on each host, every field, and each kind of node by id", async () => {
    const scm = [...h.sim.world.scm.repositories.values()].find(
      (r) => r.type === "git" && r.healthCheckFailures.length,
    )!;
    const azure = [...h.sim.world.azure.repositories.values()].find((r) => r.name !== "")!;
    for (const [host, repo] of [
      ["scm", scm],
      ["azure", azure],
    ] as const) {
      const id = encodeId({ type: "Repository", host, repositoryId: repo.id });
      const answer = await h.query<{
        repository: { name: string; defaultBranch: { name: string; id: string; head: { id: string } } };
      }>(`query($id: ID!) { repository(id: $id) { ${repository} branch(name: "main") { id name } } }`, {
        id,
      });
      expect(answer.errors, host).toBeUndefined();
      expect(answer.data.repository.name, host).toBe(repo.name);
      const { defaultBranch } = answer.data.repository;
      const nodes = await h.query<{ nodes: Array<{ id: string } | null> }>(
        `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Branch { name } ... on Changeset { revision } } }`,
        { ids: [id, defaultBranch.id, defaultBranch.head.id] },
      );
      expect(
        nodes.data.nodes.map((n) => n?.id),
        host,
      ).toEqual([id, defaultBranch.id, defaultBranch.head.id]);
    }
    const organization = [...h.sim.world.gitprotect.organizations.values()][0]!;
    const planRecord = [...h.sim.world.gitprotect.plans.values()][0]!;
    const project = [...h.sim.world.azure.projects.values()][0]!;
    for (const key of [
      { type: "Organization" as const, organizationId: organization.id },
      { type: "BackupPlan" as const, organizationId: planRecord.organizationId, planId: planRecord.id },
      { type: "AzureDevOpsProject" as const, projectId: project.id },
    ]) {
      const one = await h.query<{ node: { id: string } | null }>(`query($id: ID!) { node(id: $id) { id } }`, {
        id: encodeId(key),
      });
      expect(one.data.node?.id, key.type).toBe(encodeId(key));
    }
  });

  it("a bulk detach answers its plan and a result per repository", async () => {
    const planRecord = [...h.sim.world.gitprotect.plans.values()].find(
      (p) => p.type === 1 && p.repositoriesIds.length > 1,
    )!;
    const planId = encodeId({
      type: "BackupPlan",
      organizationId: planRecord.organizationId,
      planId: planRecord.id,
    });
    const repositoryIds = planRecord.repositoriesIds.slice(0, 2).map((repositoryId) =>
      encodeId({
        type: "Repository",
        host: "gitprotect",
        organizationId: planRecord.organizationId,
        repositoryId,
      }),
    );
    const answer = await h.query<{
      detachRepositoriesFromPlan: { plan: { id: string }; results: Array<{ ok: boolean }> };
    }>(
      `mutation($input: AttachRepositoriesToPlanInput!) { detachRepositoriesFromPlan(input: $input) {
        plan { id name } results { repositoryId ok repository { id } errors { code } } errors { code } } }`,
      { input: { planId, repositoryIds } },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data.detachRepositoriesFromPlan.plan.id).toBe(planId);
    expect(answer.data.detachRepositoriesFromPlan.results.map((r) => r.ok)).toEqual([true, true]);
  });

  it("expected failures of each GitProtect write come back as payload errors", async () => {
    const missingOrganization = encodeId({
      type: "Organization",
      organizationId: "00000000-0000-4000-8000-0000000000aa",
    });
    const missingRepository = encodeId({
      type: "Repository",
      host: "gitprotect",
      organizationId: "00000000-0000-4000-8000-0000000000aa",
      repositoryId: "00000000-0000-4000-8000-0000000000bb",
    });
    const missingPlan = encodeId({
      type: "BackupPlan",
      organizationId: "00000000-0000-4000-8000-0000000000aa",
      planId: "00000000-0000-4000-8000-0000000000cc",
    });
    const answer = await h.query<Record<string, { errors: Array<{ code: string }> }>>(
      `mutation($org: ID!, $repo: ID!, $plan: ID!) {
        sync: synchronizeOrganization(input: { organizationId: $org }) { errors { code } }
        remove: removeRepositoryFromGitProtect(input: { repositoryId: $repo, removeBackupData: false }) { errors { code } }
        licences: activateLicences(input: { repositoryIds: [] }) { errors { code } }
        bulk: detachRepositoriesFromPlan(input: { planId: $plan, repositoryIds: [$repo] }) { errors { code } }
      }`,
      { org: missingOrganization, repo: missingRepository, plan: missingPlan },
    );
    expect(answer.errors).toBeUndefined();
    expect(Object.fromEntries(Object.entries(answer.data).map(([k, v]) => [k, v.errors[0]?.code]))).toEqual({
      sync: "NOT_FOUND",
      remove: "NOT_FOUND",
      licences: "INVALID_INPUT",
      bulk: "NOT_FOUND",
    });
  });

  it("what changesets added and removed, on each host", async () => {
    let removed = 0;
    for (const [host, repo] of [
      ["scm", [...h.sim.world.scm.repositories.values()].find((r) => r.type === "git")!],
      ["azure", [...h.sim.world.azure.repositories.values()].find((r) => r.name !== "")!],
    ] as const) {
      const answer = await h.query<{
        repository: {
          changesets: { nodes: Array<{ modifications: { added: string[]; removed: string[] } }> };
        };
      }>(
        `query($id: ID!) { repository(id: $id) { changesets(first: 100) { nodes { modifications { added removed } } } } }`,
        { id: encodeId({ type: "Repository", host, repositoryId: repo.id }) },
      );
      const nodes = answer.data.repository.changesets.nodes;
      expect(
        nodes.some((n) => n.modifications.added.length > 0),
        host,
      ).toBe(true);
      removed += nodes.filter((n) => n.modifications.removed.length > 0).length;
    }
    // The seeded histories remove a file now and then: at least one of these two did.
    expect(removed).toBeGreaterThan(0);
  });
});
