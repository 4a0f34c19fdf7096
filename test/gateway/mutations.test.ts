import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { encodeId } from "../../src/graphql/global-id.js";
import { startHarness, type Harness } from "../support/gateway.js";

let h: Harness;
type Errors = Array<{ code: string; field?: string | null; message: string }>;

beforeAll(async () => {
  h = await startHarness({ env: { UPSTREAM_TIMEOUT_MS: "600" } });
});
afterAll(() => h.close());
afterEach(() => {
  for (const s of [h.sim.gitprotect, h.sim.azureDevOps, h.sim.scmManager]) s.faults.setRules([]);
});

const world = () => h.sim.world;
const planId = (p: { organizationId: string; id: string }) =>
  encodeId({ type: "BackupPlan", organizationId: p.organizationId, planId: p.id });
const gpRepoId = (r: { organizationId: string; id: string }) =>
  encodeId({ type: "Repository", host: "gitprotect", organizationId: r.organizationId, repositoryId: r.id });
async function mutate<T>(
  query: string,
  input: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<T> {
  const answer = await h.query<Record<string, T>>(query, { input }, headers);
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
  return Object.values(answer.data)[0]!;
}

describe("GitProtect mutations", () => {
  it("signs in and the token works per request; a wrong password is INVALID_CREDENTIALS", async () => {
    const signIn = `mutation($input: SignInToGitProtectInput!) { signInToGitProtect(input: $input) { accessToken expiresAt userId errors { code } } }`;
    const ok = await mutate<{ accessToken: string; expiresAt: string }>(signIn, {
      email: "viewer@gitprotect.test",
      password: "Viewer-pass-1",
    });
    expect(Date.parse(ok.expiresAt)).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const asViewer = await h.query(
      `{ organizations { totalCount } }`,
      {},
      { "x-gitprotect-token": ok.accessToken },
    );
    expect(asViewer.errors).toBeUndefined();
    const wrong = await mutate<{ accessToken: null; errors: Errors }>(signIn, {
      email: "viewer@gitprotect.test",
      password: "nope",
    });
    expect(wrong).toMatchObject({ accessToken: null, errors: [{ code: "INVALID_CREDENTIALS" }] });
  });

  it("attaches and detaches a repository; the payload and the next query see it", async () => {
    const plan = [...world().gitprotect.plans.values()].find(
      (p) => p.type === 1 && p.repositoriesIds.length > 0,
    )!;
    const outside = [...world().gitprotect.repositories.values()].find(
      (r) => r.organizationId === plan.organizationId && !plan.repositoriesIds.includes(r.id) && !r.isRemoved,
    )!;
    const attach = `mutation($input: AttachRepositoryToPlanInput!) { attachRepositoryToPlan(input: $input) { plan { repositories(first: 100) { nodes { backup { gitprotectId } } } } repository { name } errors { code } } }`;
    const attached = await mutate<{
      plan: { repositories: { nodes: Array<{ backup: { gitprotectId: string } }> } };
      errors: Errors;
    }>(attach, { planId: planId(plan), repositoryId: gpRepoId(outside) });
    expect(attached.errors).toEqual([]);
    expect(attached.plan.repositories.nodes.map((n) => n.backup.gitprotectId)).toContain(outside.id);
    expect(world().gitprotect.plans.get(plan.id)!.repositoriesIds).toContain(outside.id);
    const detach = attach
      .replace("attachRepositoryToPlan", "detachRepositoryFromPlan")
      .replace("AttachRepositoryToPlanInput", "AttachRepositoryToPlanInput");
    await mutate(detach, { planId: planId(plan), repositoryId: gpRepoId(outside) });
    expect(world().gitprotect.plans.get(plan.id)!.repositoriesIds).not.toContain(outside.id);
  });

  it("attaches the first repository to an empty plan, which GitProtect does not list until then", async () => {
    const model = [...world().gitprotect.plans.values()].find(
      (p) => p.type === 1 && !p.inculdeAllReposistories,
    )!;
    const empty = {
      ...structuredClone(model),
      id: "0e0e0e0e-0000-4000-8000-000000000001",
      repositoriesIds: [],
    };
    world().gitprotect.plans.set(empty.id, empty);
    const repository = [...world().gitprotect.repositories.values()].find(
      (r) => r.organizationId === empty.organizationId && !r.isRemoved,
    )!;
    const read = `query($id: ID!) { node(id: $id) { id } }`;
    expect((await h.query(read, { id: planId(empty) })).data).toEqual({ node: null });
    const attached = await mutate<{ plan: { name: string } | null; errors: Errors }>(
      `mutation($input: AttachRepositoryToPlanInput!) { attachRepositoryToPlan(input: $input) { plan { name } errors { code } } }`,
      { planId: planId(empty), repositoryId: gpRepoId(repository) },
    );
    expect(attached).toEqual({ plan: { name: empty.name }, errors: [] });
    expect(world().gitprotect.plans.get(empty.id)!.repositoriesIds).toEqual([repository.id]);
    const missing = { ...empty, id: "0e0e0e0e-0000-4000-8000-000000000002" };
    const refused = await mutate<{ errors: Errors }>(
      `mutation($input: AttachRepositoryToPlanInput!) { attachRepositoryToPlan(input: $input) { errors { code message } } }`,
      { planId: planId(missing), repositoryId: gpRepoId(repository) },
    );
    expect(refused.errors[0]!.code).toBe("NOT_FOUND");
    expect(refused.errors[0]!.message).toMatch(/no such plan/);
    world().gitprotect.plans.delete(empty.id);
  });

  it("attaches many repositories with a result each: one bad id does not stop the others", async () => {
    const plan = [...world().gitprotect.plans.values()].find((p) => p.type === 1)!;
    const candidates = [...world().gitprotect.repositories.values()]
      .filter(
        (r) =>
          r.organizationId === plan.organizationId && !plan.repositoriesIds.includes(r.id) && !r.isRemoved,
      )
      .slice(0, 2);
    const unknown = gpRepoId({
      organizationId: plan.organizationId,
      id: "00000000-0000-4000-8000-000000000000",
    });
    const ids = [gpRepoId(candidates[0]!), "garbage", unknown, gpRepoId(candidates[1] ?? candidates[0]!)];
    const answer = await mutate<{
      results: Array<{ repositoryId: string; ok: boolean; errors: Errors }>;
      errors: Errors;
    }>(
      `mutation($input: AttachRepositoriesToPlanInput!) { attachRepositoriesToPlan(input: $input) { results { repositoryId ok errors { code field } } errors { code } } }`,
      { planId: planId(plan), repositoryIds: ids },
    );
    expect(answer.results.map((r) => r.ok)).toEqual([true, false, false, true]);
    expect(answer.results[1]!.errors[0]).toMatchObject({ code: "INVALID_INPUT", field: "repositoryIds[1]" });
    expect(answer.results[2]!.errors[0]!.code).toBe("NOT_FOUND");
    for (const c of candidates)
      expect(world().gitprotect.plans.get(plan.id)!.repositoriesIds).toContain(c.id);
  });

  it("attaches and detaches Azure DevOps projects; refuses plans without individual selection", async () => {
    const plan = [...world().gitprotect.plans.values()].find((p) => p.azure?.gitChoiceMode === 2)!;
    const project = [...world().azure.projects.values()].find(
      (p) => !plan.azure!.projectsIds.includes(p.id),
    )!;
    const projectId = encodeId({ type: "AzureDevOpsProject", projectId: project.id });
    const query = `mutation($input: AzureProjectPlanInput!) { attachAzureProjectToPlan(input: $input) { plan { azureDevOps { projectIds projects { name } } } errors { code } } }`;
    const attached = await mutate<{
      plan: { azureDevOps: { projectIds: string[]; projects: Array<{ name: string }> } };
    }>(query, { planId: planId(plan), projectId });
    expect(attached.plan.azureDevOps.projects.map((p) => p.name)).toContain(project.name);
    await mutate(query.replace("attachAzureProjectToPlan", "detachAzureProjectFromPlan"), {
      planId: planId(plan),
      projectId,
    });
    expect(world().gitprotect.plans.get(plan.id)!.azure!.projectsIds).not.toContain(project.id);
    const gitPlan = [...world().gitprotect.plans.values()].find((p) => p.type === 1)!;
    const refused = await mutate<{ errors: Errors }>(query, { planId: planId(gitPlan), projectId });
    expect(refused.errors[0]!.code).toBe("UNSUPPORTED");
  });

  it("a partial plan update keeps schedule, encryption and repository list; a stale version is a CONFLICT", async () => {
    const plan = [...world().gitprotect.plans.values()].find(
      (p) => p.encryptionSettings.enabled && p.repositoriesIds.length > 0,
    )!;
    const before = structuredClone(plan);
    const read = await h.query<{ backupPlan: { version: string } }>(
      `query($id: ID!) { backupPlan(id: $id) { version } }`,
      { id: planId(plan) },
    );
    const update = `mutation($input: UpdateBackupPlanInput!) { updateBackupPlan(input: $input) { plan { name version schedule { frequency startTime } encryption { enabled algorithm } } errors { code field } } }`;
    const updated = await mutate<{ plan: { name: string; version: string }; errors: Errors }>(update, {
      planId: planId(plan),
      name: "Renamed by the gateway",
      expectedVersion: read.data.backupPlan.version,
    });
    expect(updated.errors).toEqual([]);
    const after = world().gitprotect.plans.get(plan.id)!;
    expect(after.name).toBe("Renamed by the gateway");
    expect(after.schedule).toEqual(before.schedule);
    expect(after.encryptionSettings).toEqual(before.encryptionSettings);
    expect(after.repositoriesIds).toEqual(before.repositoriesIds);
    expect(after.compressionSettings).toEqual(before.compressionSettings);
    expect(after.advancedOptions).toEqual(before.advancedOptions);
    const stale = await mutate<{ plan: null; errors: Errors }>(update, {
      planId: planId(plan),
      name: "Lost update",
      expectedVersion: read.data.backupPlan.version,
    });
    expect(stale).toMatchObject({ plan: null, errors: [{ code: "CONFLICT", field: "expectedVersion" }] });
    expect(world().gitprotect.plans.get(plan.id)!.name).toBe("Renamed by the gateway");
    const schedule = await mutate<{ plan: { schedule: { frequency: string } } }>(update, {
      planId: planId(plan),
      schedule: { frequency: "WEEKLY", startTime: "04:30", daysOfWeek: [1, 4] },
    });
    expect(schedule.plan.schedule.frequency).toBe("WEEKLY");
    expect(world().gitprotect.plans.get(plan.id)!.repositoriesIds).toEqual(before.repositoriesIds);
  });

  it("sets storage, worker and every Azure DevOps setting; notifications merge; ids and rules are checked first", async () => {
    const plan = [...world().gitprotect.plans.values()].find((p) => p.type === 2)!;
    const before = structuredClone(plan.azure!);
    const update = `mutation($input: UpdateBackupPlanInput!) { updateBackupPlan(input: $input) {
      plan { storageId workerId azureDevOps { wikiIds notifications { onSuccess onFailure emails } useExtraCredentials additionalCredentialIds resourceKindsToIgnore rules { elementType mode pattern } } }
      errors { code field } } }`;
    const storage = "5a5a5a5a-0000-4000-8000-000000000001";
    const wiki = "5a5a5a5a-0000-4000-8000-000000000002";
    const changed = await mutate<{ plan: Record<string, unknown>; errors: Errors }>(update, {
      planId: planId(plan),
      storageId: storage,
      azureDevOps: {
        wikiIds: [wiki],
        notifications: { onSuccess: true },
        useExtraCredentials: false,
        additionalCredentialIds: [],
        resourceKindsToIgnore: [1, 2],
        rules: [{ elementType: "project", mode: "include", pattern: "Core*" }],
      },
    });
    expect(changed.errors).toEqual([]);
    expect(changed.plan).toEqual({
      storageId: storage,
      workerId: plan.workerId,
      azureDevOps: {
        wikiIds: [wiki],
        notifications: { ...before.notificationSettings, onSuccess: true },
        useExtraCredentials: false,
        additionalCredentialIds: [],
        resourceKindsToIgnore: [1, 2],
        rules: [{ elementType: "project", mode: "include", pattern: "Core*" }],
      },
    });
    expect(world().gitprotect.plans.get(plan.id)!.azure!.projectsIds).toEqual(before.projectsIds);
    h.resetCalls();
    const refused = await mutate<{ errors: Errors }>(update, {
      planId: planId(plan),
      workerId: "not-a-guid",
      azureDevOps: {
        wikiIds: ["x"],
        notifications: { emails: ["nobody"] },
        resourceKindsToIgnore: [-1],
        rules: [{ elementType: "branch", mode: "include", pattern: "" }],
      },
    });
    expect(refused.errors.map((e) => e.field)).toEqual([
      "workerId",
      "azureDevOps.wikiIds",
      "azureDevOps.notifications.emails",
      "azureDevOps.resourceKindsToIgnore[0]",
      "azureDevOps.rules[0].elementType",
      "azureDevOps.rules[0].pattern",
    ]);
    expect(h.calls()).toEqual([]);
  });

  it("a nested change keeps the sibling fields; an Azure DevOps plan refuses the Git plans' repository selection", async () => {
    const plan = [...world().gitprotect.plans.values()].find((p) => p.type === 1)!;
    const update = `mutation($input: UpdateBackupPlanInput!) { updateBackupPlan(input: $input) { plan { customActions { beforeBackup afterBackup } } errors { code field } } }`;
    await mutate(update, {
      planId: planId(plan),
      customActions: { beforeBackup: "echo a", afterBackup: "echo b" },
    });
    const changed = await mutate<{ plan: { customActions: unknown }; errors: Errors }>(update, {
      planId: planId(plan),
      customActions: { beforeBackup: "echo changed" },
    });
    expect(changed).toEqual({
      plan: { customActions: { beforeBackup: "echo changed", afterBackup: "echo b" } },
      errors: [],
    });
    expect(world().gitprotect.plans.get(plan.id)!.customActions).toEqual({
      beforeBackup: "echo changed",
      afterBackup: "echo b",
    });
    const azurePlan = [...world().gitprotect.plans.values()].find((p) => p.type === 2)!;
    const refused = await mutate<{ errors: Errors }>(update, {
      planId: planId(azurePlan),
      includeAllRepositories: true,
    });
    expect(refused.errors).toEqual([{ code: "INVALID_INPUT", field: "includeAllRepositories" }]);
  });

  it("a write reads the plan afresh, not from the cache: a change made elsewhere is a CONFLICT, not lost", async () => {
    const plan = [...world().gitprotect.plans.values()].find((p) => p.type === 1 && p.isActive)!;
    const read = await h.query<{ backupPlan: { version: string } }>(
      `query($id: ID!) { backupPlan(id: $id) { version } }`,
      { id: planId(plan) },
    );
    // Renamed behind the gateway's back, within the time the plan listing stays cached.
    world().gitprotect.plans.get(plan.id)!.name = "Renamed elsewhere";
    const update = `mutation($input: UpdateBackupPlanInput!) { updateBackupPlan(input: $input) { errors { code field } } }`;
    const answer = await mutate<{ errors: Errors }>(update, {
      planId: planId(plan),
      active: false,
      expectedVersion: read.data.backupPlan.version,
    });
    expect(answer.errors).toEqual([{ code: "CONFLICT", field: "expectedVersion" }]);
    expect(world().gitprotect.plans.get(plan.id)!).toMatchObject({
      name: "Renamed elsewhere",
      isActive: true,
    });
  });

  it("checks plan input per field before any upstream call", async () => {
    const plan = [...world().gitprotect.plans.values()][0]!;
    h.resetCalls();
    const answer = await mutate<{ errors: Errors }>(
      `mutation($input: UpdateBackupPlanInput!) { updateBackupPlan(input: $input) { errors { code field message } } }`,
      {
        planId: planId(plan),
        name: "",
        schedule: { frequency: "HOURLY", startTime: "25:61" },
        compression: { enabled: true, level: 12 },
      },
    );
    expect(answer.errors.map((e) => e.field).sort()).toEqual([
      "compression.level",
      "name",
      "schedule.intervalHours",
      "schedule.startTime",
    ]);
    expect(answer.errors.every((e) => e.code === "INVALID_INPUT")).toBe(true);
    expect(h.calls()).toEqual([]);
  });

  it("needs a management role for licences; with one, activates many with a result each", async () => {
    const records = [...world().gitprotect.repositories.values()]
      .filter((r) => !r.isLicenceActive && !r.isRemoved)
      .slice(0, 2);
    const ids = records.map(gpRepoId);
    const query = `mutation($input: LicencesInput!) { activateLicences(input: $input) { results { ok errors { code } repository { backup { licenceActive } } } errors { code } } }`;
    const viewer = await mutate<{ accessToken: string }>(
      `mutation($input: SignInToGitProtectInput!) { signInToGitProtect(input: $input) { accessToken } }`,
      { email: "viewer@gitprotect.test", password: "Viewer-pass-1" },
    );
    const refused = await mutate<{ results: Array<{ ok: boolean; errors: Errors }> }>(
      query,
      { repositoryIds: ids },
      { "x-gitprotect-token": viewer.accessToken },
    );
    expect(refused.results.map((r) => r.errors[0]?.code)).toEqual(["FORBIDDEN", "FORBIDDEN"]);
    expect(records.every((r) => !world().gitprotect.repositories.get(r.id)!.isLicenceActive)).toBe(true);
    const done = await mutate<{
      results: Array<{ ok: boolean; repository: { backup: { licenceActive: boolean } } }>;
    }>(query, { repositoryIds: ids });
    expect(done.results.map((r) => [r.ok, r.repository.backup.licenceActive])).toEqual([
      [true, true],
      [true, true],
    ]);
    // The same repository named twice (by two of its ids even) is one id sent; each gets its result.
    const twice = await mutate<{ results: Array<{ ok: boolean }>; errors: Errors }>(
      query.replace("activateLicences", "deactivateLicences"),
      { repositoryIds: [ids[0], ids[0]] },
    );
    expect(twice.results.map((r) => r.ok)).toEqual([true, true]);
    expect(world().gitprotect.repositories.get(records[0]!.id)!.isLicenceActive).toBe(false);
  });

  it("removes a repository from GitProtect, keeping or deleting its backups as told, never its host", async () => {
    const [keep, drop] = [...world().gitprotect.repositories.values()].filter(
      (r) => r.hosted?.host === "scm" && !r.isRemoved,
    );
    const query = `mutation($input: RemoveRepositoryFromGitProtectInput!) { removeRepositoryFromGitProtect(input: $input) { removedGitprotectId repository { name backup { removed } } errors { code } } }`;
    const kept = await mutate<{ removedGitprotectId: string; repository: { backup: { removed: boolean } } }>(
      query,
      {
        repositoryId: encodeId({ type: "Repository", host: "scm", repositoryId: keep!.hosted!.id }),
        removeBackupData: false,
      },
    );
    expect(kept).toMatchObject({ removedGitprotectId: keep!.id, repository: { backup: { removed: true } } });
    await mutate(query, { repositoryId: gpRepoId(drop!), removeBackupData: true });
    expect(world().gitprotect.repositories.has(drop!.id)).toBe(false);
    expect(world().scm.repositories.has(drop!.hosted!.id)).toBe(true);
  });

  it("synchronizes an organization: a repository created on its host appears", async () => {
    const organization = [...world().gitprotect.organizations.values()].find((o) => o.host.kind === "azure")!;
    const project = world().azure.projects.get(
      (organization.host as { projectIds: string[] }).projectIds[0]!,
    )!;
    const created = await mutate<{ repository: { name: string } }>(
      `mutation($input: CreateAzureDevOpsRepositoryInput!) { createAzureDevOpsRepository(input: $input) { repository { name } errors { code } } }`,
      {
        projectId: encodeId({ type: "AzureDevOpsProject", projectId: project.id }),
        name: "made-for-sync",
      },
    );
    expect(created.repository.name).toBe("made-for-sync");
    const synced = await mutate<{
      organization: { repositories: { nodes: Array<{ name: string; backup: { licenceActive: boolean } }> } };
    }>(
      `mutation($input: SynchronizeOrganizationInput!) { synchronizeOrganization(input: $input) { organization { repositories(first: 100) { nodes { name backup { licenceActive } } } } errors { code } } }`,
      { organizationId: encodeId({ type: "Organization", organizationId: organization.id }) },
    );
    expect(synced.organization.repositories.nodes.find((n) => n.name === "made-for-sync")).toMatchObject({
      backup: { licenceActive: false },
    });
  });
});

describe("Azure DevOps mutations", () => {
  const project = () => [...world().azure.projects.values()][0]!;
  const create = `mutation($input: CreateAzureDevOpsRepositoryInput!) { createAzureDevOpsRepository(input: $input) { repository { id name defaultBranch { name } } errors { code field } } }`;

  it("lists a project without repositories, and creates its first one there", async () => {
    const bare = { id: "0e0e0e0e-1111-4000-8000-000000000001", name: "Newcomers", revision: 1 };
    world().azure.projects.set(bare.id, bare);
    const projectId = encodeId({ type: "AzureDevOpsProject", projectId: bare.id });
    type Project = { id: string; name: string; repositories: Array<{ name: string }> };
    const listed = await h.query<{ azureDevOpsProjects: Project[]; node: Project | null }>(
      `query($id: ID!) { azureDevOpsProjects { id name repositories { name } } node(id: $id) { ... on AzureDevOpsProject { name repositories { name } } } }`,
      { id: projectId },
    );
    expect(listed.errors).toBeUndefined();
    const names = listed.data.azureDevOpsProjects.map((p) => p.name);
    expect(names).toEqual(
      [...world().azure.projects.values()].map((p) => p.name).sort((a, b) => a.localeCompare(b)),
    );
    expect(listed.data.azureDevOpsProjects.find((p) => p.id === projectId)).toEqual({
      id: projectId,
      name: "Newcomers",
      repositories: [],
    });
    expect(listed.data.node).toEqual({ name: "Newcomers", repositories: [] });
    const made = await mutate<{ repository: { name: string } | null; errors: Errors }>(create, {
      projectId,
      name: "first-one",
    });
    expect(made).toMatchObject({ repository: { name: "first-one" }, errors: [] });
    const after = await h.query<{ node: Project }>(
      `query($id: ID!) { node(id: $id) { ... on AzureDevOpsProject { repositories { name } } } }`,
      { id: projectId },
    );
    expect(after.data.node.repositories).toEqual([{ name: "first-one" }]);
  });

  it("creates, refuses a taken name and an invalid one (without calling)", async () => {
    const projectId = encodeId({ type: "AzureDevOpsProject", projectId: project().id });
    const made = await mutate<{ repository: { id: string; defaultBranch: null } }>(create, {
      projectId,
      name: "brand-new",
    });
    expect(made.repository.defaultBranch).toBeNull();
    const taken = await mutate<{ errors: Errors }>(create, { projectId, name: "BRAND-NEW" });
    expect(taken.errors).toEqual([{ code: "NAME_TAKEN", field: "name" }]);
    h.resetCalls();
    const invalid = await mutate<{ errors: Errors }>(create, { projectId, name: "bad:name" });
    expect(invalid.errors).toEqual([{ code: "INVALID_INPUT", field: "name" }]);
    for (const name of ["tab\tname", "line\nbreak", "carriage\rreturn"]) {
      const refused = await mutate<{ errors: Errors }>(create, { projectId, name });
      expect(refused.errors).toEqual([{ code: "INVALID_INPUT", field: "name" }]);
    }
    expect(h.calls()).toEqual([]);
  });

  it("renames (visible at once) and changes the default branch only to one that exists", async () => {
    const repo = [...world().azure.repositories.values()].find((r) => r.name === "web")!;
    const id = encodeId({ type: "Repository", host: "azure", repositoryId: repo.id });
    const update = `mutation($input: UpdateAzureDevOpsRepositoryInput!) { updateAzureDevOpsRepository(input: $input) { repository { name cloneUrl defaultBranch { name } } errors { code field } } }`;
    const renamed = await mutate<{ repository: { name: string; cloneUrl: string } }>(update, {
      repositoryId: id,
      name: "web-renamed",
    });
    expect(renamed.repository.cloneUrl).toMatch(/_git\/web-renamed$/);
    expect((await h.query(`query($id: ID!) { repository(id: $id) { name } }`, { id })).data).toEqual({
      repository: { name: "web-renamed" },
    });
    const missing = await mutate<{ errors: Errors }>(update, {
      repositoryId: id,
      defaultBranch: "no-such-branch",
    });
    expect(missing.errors).toEqual([{ code: "INVALID_INPUT", field: "defaultBranch" }]);
    const moved = await mutate<{ repository: { defaultBranch: { name: string } } }>(update, {
      repositoryId: id,
      defaultBranch: "develop",
    });
    expect(moved.repository.defaultBranch.name).toBe("develop");
  });

  it("deletes only with the current name confirmed", async () => {
    const projectId = encodeId({ type: "AzureDevOpsProject", projectId: project().id });
    const made = await mutate<{ repository: { id: string } }>(create, { projectId, name: "doomed" });
    const remove = `mutation($input: DeleteRepositoryInput!) { deleteAzureDevOpsRepository(input: $input) { deletedRepositoryId errors { code field } } }`;
    const wrong = await mutate<{ errors: Errors }>(remove, {
      repositoryId: made.repository.id,
      confirmName: "something-else",
    });
    expect(wrong.errors).toEqual([{ code: "INVALID_INPUT", field: "confirmName" }]);
    const gone = await mutate<{ deletedRepositoryId: string }>(remove, {
      repositoryId: made.repository.id,
      confirmName: "doomed",
    });
    expect(gone.deletedRepositoryId).toBe(made.repository.id);
    expect(
      (await h.query(`query($id: ID!) { repository(id: $id) { name } }`, { id: made.repository.id })).data,
    ).toEqual({ repository: null });
  });

  it("reports a write that timed out as OUTCOME_UNKNOWN, and never repeats it", async () => {
    const repo = [...world().azure.repositories.values()].find((r) => r.name === "worker")!;
    h.sim.azureDevOps.faults.addRule({ operation: "updateRepository", hang: true });
    h.resetCalls();
    const answer = await h.query(
      `mutation($input: UpdateAzureDevOpsRepositoryInput!) { updateAzureDevOpsRepository(input: $input) { repository { name } } }`,
      {
        input: {
          repositoryId: encodeId({ type: "Repository", host: "azure", repositoryId: repo.id }),
          name: "worker-2",
        },
      },
    );
    expect(answer.errors?.[0]?.extensions).toMatchObject({
      code: "OUTCOME_UNKNOWN",
      upstream: "Azure DevOps",
    });
    expect(answer.errors?.[0]?.message).toMatch(/may or may not have been made/);
    // Counted on arrival: the hung call never finished.
    expect(h.sim.azureDevOps.stats.snapshot().counts.updateRepository).toBe(1);
  });
});

describe("SCM-Manager mutations", () => {
  const admin = { "x-scm-manager-username": "scmadmin", "x-scm-manager-password": "scmadmin" };
  const alice = { "x-scm-manager-username": "alice", "x-scm-manager-password": "alice-secret" };
  const bob = { "x-scm-manager-username": "bob", "x-scm-manager-password": "bob-secret" };
  const idOf = (scmId: string) => encodeId({ type: "Repository", host: "scm", repositoryId: scmId });
  const update = `mutation($input: UpdateScmManagerRepositoryInput!) { updateScmManagerRepository(input: $input) { repository { scmManager { description archived version permissions { name type } properties { key value } } } errors { code field } } }`;

  it("creates as an admin only, and refuses a taken name", async () => {
    const create = `mutation($input: CreateScmManagerRepositoryInput!) { createScmManagerRepository(input: $input) { repository { name host scmManager { type permissions { name } } } errors { code field } } }`;
    const input = {
      name: "team-a/fresh",
      description: "new",
      permissions: [{ name: "alice", type: "OWNER" }],
    };
    expect((await mutate<{ errors: Errors }>(create, input, alice)).errors).toEqual([
      { code: "FORBIDDEN", field: null },
    ]);
    const made = await mutate<{ repository: { host: string; scmManager: { type: string } } }>(
      create,
      input,
      admin,
    );
    expect(made.repository).toMatchObject({ host: "SCM_MANAGER", scmManager: { type: "git" } });
    expect((await mutate<{ errors: Errors }>(create, input, admin)).errors).toEqual([
      { code: "NAME_TAKEN", field: "name" },
    ]);
    expect(
      (await mutate<{ errors: Errors }>(create, { ...input, name: "bad name!" }, admin)).errors[0],
    ).toMatchObject({ code: "INVALID_INPUT", field: "name" });
  });

  it("a partial update sends back what the server keeps too: creation date and health check failures survive the PUT", async () => {
    const repo = [...world().scm.repositories.values()].find((r) => r.healthCheckFailures.length > 0)!;
    const before = structuredClone(repo);
    const changed = await mutate<{ errors: Errors }>(
      update,
      { repositoryId: idOf(repo.id), contact: "owner@example.com" },
      admin,
    );
    expect(changed.errors).toEqual([]);
    const after = world().scm.repositories.get(repo.id)!;
    expect(after.contact).toBe("owner@example.com");
    expect(after.creationDate).toBe(before.creationDate);
    expect(after.healthCheckFailures).toEqual(before.healthCheckFailures);
    expect(after.description).toBe(before.description);
  });

  it("a partial update keeps permissions and properties; a stale version is a CONFLICT; readers are FORBIDDEN", async () => {
    const repo = [...world().scm.repositories.values()].find(
      (r) => r.permissions.length > 1 && r.properties.length > 0 && r.type === "git",
    )!;
    const before = structuredClone(repo);
    const read = await h.query<{ repository: { scmManager: { version: string } } }>(
      `query($id: ID!) { repository(id: $id) { scmManager { version } } }`,
      { id: idOf(repo.id) },
      admin,
    );
    const version = read.data.repository.scmManager.version;
    const changed = await mutate<{
      repository: { scmManager: { description: string; permissions: unknown[]; properties: unknown[] } };
      errors: Errors;
    }>(
      update,
      { repositoryId: idOf(repo.id), description: "Only the description", expectedVersion: version },
      admin,
    );
    expect(changed.errors).toEqual([]);
    const after = world().scm.repositories.get(repo.id)!;
    expect(after.description).toBe("Only the description");
    expect(after.permissions).toEqual(before.permissions);
    expect(after.properties).toEqual(before.properties);
    expect(after.contact).toBe(before.contact);
    const stale = await mutate<{ errors: Errors }>(
      update,
      { repositoryId: idOf(repo.id), description: "Lost update", expectedVersion: version },
      admin,
    );
    expect(stale.errors).toEqual([{ code: "CONFLICT", field: "expectedVersion" }]);
    expect(world().scm.repositories.get(repo.id)!.description).toBe("Only the description");
    const reader = [...world().scm.repositories.values()].find((r) =>
      r.permissions.some((p) => p.name === "bob" && p.type === "READ"),
    )!;
    expect(
      (await mutate<{ errors: Errors }>(update, { repositoryId: idOf(reader.id), description: "x" }, bob))
        .errors[0]!.code,
    ).toBe("FORBIDDEN");
  });

  it("deletes only archived repositories while archiving is on; archive first, then delete", async () => {
    const repo = [...world().scm.repositories.values()].find(
      (r) =>
        !r.archived &&
        r.type === "git" &&
        r.permissions.some((p) => p.name === "alice" && p.type === "OWNER"),
    )!;
    const remove = `mutation($input: DeleteRepositoryInput!) { deleteScmManagerRepository(input: $input) { deletedRepositoryId errors { code field } } }`;
    const refused = await mutate<{ errors: Errors }>(
      remove,
      { repositoryId: idOf(repo.id), confirmName: repo.name },
      alice,
    );
    expect(refused.errors).toEqual([{ code: "NOT_ARCHIVED", field: null }]);
    expect(world().scm.repositories.has(repo.id)).toBe(true);
    await mutate(update, { repositoryId: idOf(repo.id), archived: true }, alice);
    const gone = await mutate<{ deletedRepositoryId: string }>(
      remove,
      { repositoryId: idOf(repo.id), confirmName: repo.name },
      alice,
    );
    expect(gone.deletedRepositoryId).toBe(idOf(repo.id));
    expect(world().scm.repositories.has(repo.id)).toBe(false);
  });

  it("runs health checks for owners", async () => {
    const failing = [...world().scm.repositories.values()].find((r) => r.healthCheckFailures.length > 0)!;
    const answer = await mutate<{ repository: { scmManager: { healthCheckFailures: unknown[] } } }>(
      `mutation($input: RunScmManagerHealthCheckInput!) { runScmManagerHealthCheck(input: $input) { repository { scmManager { healthCheckFailures { id } } } errors { code } } }`,
      { repositoryId: idOf(failing.id) },
      admin,
    );
    expect(answer.repository.scmManager.healthCheckFailures).toEqual([]);
  });
});
