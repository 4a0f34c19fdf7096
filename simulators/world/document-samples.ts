import { join } from "node:path";
import { buildRepository } from "../git/build-repository.js";
import { git } from "../git/run-git.js";
import { emptyWorld, type Hosts } from "./build-world.js";
import type { AzureProject, AzureRepository, GitProtectRepository, ScmRepository, World } from "./model.js";

/**
 * A world of the documents' own sample records, as written: the TFS document's Fabrikam projects
 * and repositories (ids, names, `master`, one without a default branch, the 1.0 fields alone) and
 * SCM-Manager's sample repository (epoch dates, archived and public, group permissions). Where a
 * sample holds a placeholder (`"..."`) for an id, a name or a type, a plausible value stands in.
 * GitProtect's document has no sample records: its organization has the nulls FACTS.md allows,
 * and its records write the clone URLs in the other forms the hosts accept.
 */
export async function documentsWorld(hosts: Hosts, dataDir?: string): Promise<World> {
  const world = await emptyWorld(1, hosts, dataDir);
  const azure = await addAzureSamples(world);
  const scm = await addScmSample(world);
  addGitProtectRecords(world, azure, scm);
  return world;
}

const projects: AzureProject[] = [
  { id: "6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c", name: "Fabrikam-Fiber-Git", revision: 293012730 },
  { id: "281f9a5b-af0d-49b4-a1df-fe6f5e5f84d0", name: "TestGit", revision: 1 },
  { id: "3b3ae425-0079-421f-9101-bcf15d6df041", name: "FabrikamCloud", revision: 411518573 },
];

const azureRepositories = [
  // Listed without a default branch: an empty repository.
  { id: "5febef5a-833d-4e14-b9c0-14cb638f91e6", name: "AnotherRepository", project: 0, empty: true },
  { id: "278d5cd2-584d-4b63-824a-2ba458937249", name: "Fabrikam-Fiber-Git", project: 0, empty: false },
  { id: "66efb083-777a-4cac-a350-a24b046be6be", name: "TestGit", project: 1, empty: false },
  { id: "2f3d611a-f012-4b39-b157-8db63f380226", name: "FabrikamCloud", project: 2, empty: false },
];

async function addAzureSamples(world: World): Promise<AzureRepository[]> {
  for (const project of projects) world.azure.projects.set(project.id, project);
  const added: AzureRepository[] = [];
  for (const [index, sample] of azureRepositories.entries()) {
    const gitDir = join(world.dataDir, `azure-sample-${index}.git`);
    await buildHistory(gitDir, sample.empty ? undefined : index, "master");
    const repo = { id: sample.id, name: sample.name, projectId: projects[sample.project]!.id, gitDir };
    world.azure.repositories.set(repo.id, { ...repo, sampleFieldsOnly: true });
    added.push(repo);
  }
  return added;
}

async function addScmSample(world: World): Promise<ScmRepository> {
  const placeholder = { description: "...", id: "...", summary: "...", url: "..." };
  const repo: ScmRepository = {
    id: "3ZOHKUePB3",
    name: "samples/documented",
    type: "git",
    contact: "...",
    description: "...",
    creationDate: 12345,
    lastModified: 12345,
    public: true,
    archived: true,
    permissions: [
      { groupPermission: true, name: "developers", type: "WRITE" },
      { groupPermission: true, name: "...", type: "WRITE" },
    ],
    properties: [
      { key: "...", value: "..." },
      { key: "sample", value: null },
    ],
    healthCheckFailures: [placeholder, { ...placeholder }],
    gitDir: join(world.dataDir, "scm-sample.git"),
    sampleFieldsOnly: true,
  };
  await buildHistory(repo.gitDir, 7, "master");
  world.scm.repositories.set(repo.id, repo);
  return repo;
}

/** A bare repository with a seeded history whose only long-lived branch is `branch`. */
async function buildHistory(gitDir: string, seed: number | undefined, branch: string): Promise<void> {
  if (seed === undefined) return buildRepository(gitDir);
  await buildRepository(gitDir, { seed, commits: 8, branches: 2, fileLines: 20 });
  await git(gitDir, ["branch", "-m", "main", branch]);
  await git(gitDir, ["symbolic-ref", "HEAD", `refs/heads/${branch}`]);
}

function addGitProtectRecords(world: World, azure: AzureRepository[], scm: ScmRepository): void {
  const organization = {
    id: "e22ddea7-989e-455d-b46a-67e991b04714",
    driver: 4 as const,
    name: "fabrikam-fiber-inc",
    apiUrl: null,
    isReadOnly: false,
    defaultWorkerId: null,
    isCreatedByMarketplace: false,
    synchronizationInProgress: false,
    host: { kind: "azure" as const, projectIds: projects.map((p) => p.id) },
  };
  world.gitprotect.organizations.set(organization.id, organization);
  const collection = world.urls.azureCollection;
  // The long form, with the project, of URLs the host lists in the short one (and the reverse).
  const urls = [
    `${collection}/Fabrikam-Fiber-Git/_git/AnotherRepository`,
    `${collection}/Fabrikam-Fiber-Git/_git/Fabrikam-Fiber-Git`,
    `${collection}/TestGit/_git/TestGit`,
    `${collection}/FabrikamCloud/_git/FabrikamCloud.git`,
  ];
  const records: GitProtectRepository[] = azure.map((repo, i) => ({
    ...record(world, organization.id, repo.name, urls[i]!),
    hosted: { host: "azure", id: repo.id },
  }));
  records.push({
    ...record(world, organization.id, "documented", `${world.urls.scmServer}/git/${scm.name}`),
    hosted: { host: "scm", id: scm.id },
  });
  for (const r of records) world.gitprotect.repositories.set(r.id, r);
}

function record(world: World, organizationId: string, name: string, url: string): GitProtectRepository {
  return {
    id: world.random.uuid(),
    organizationId,
    name,
    fullName: name,
    url,
    isLicenceActive: false,
    isRemoved: false,
    sizeBytes: 0,
    lastBackupDate: null,
    lastBackupStatus: "None",
  };
}
