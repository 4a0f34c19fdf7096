import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildRepository } from "../git/build-repository.js";
import { repositorySize } from "../git/git-queries.js";
import type { HistoryShape } from "../git/seed-history.js";
import { azureRemoteUrl, azureSshUrl, scmCloneUrl, urlVariant } from "./clone-urls.js";
import type {
  AzureRepository,
  GitProtectOrganization,
  GitProtectPlan,
  GitProtectRepository,
  ScmRepository,
  World,
} from "./model.js";
import type { WorldParams } from "./params.js";
import { createRandom, type Random } from "./random.js";

export const demoCredentials = {
  gitprotect: [
    { email: "admin@gitprotect.test", password: "Admin-pass-1", roles: ["GitManagement"] },
    { email: "viewer@gitprotect.test", password: "Viewer-pass-1", roles: [] as string[] },
  ],
  azure: { validToken: "demo-pat", expiredToken: "expired-pat" },
  scm: [
    { name: "scmadmin", password: "scmadmin", admin: true, locked: false, groups: [] as string[] },
    { name: "alice", password: "alice-secret", admin: false, locked: false, groups: ["developers"] },
    { name: "bob", password: "bob-secret", admin: false, locked: false, groups: ["developers"] },
    { name: "mallory", password: "mallory-secret", admin: false, locked: true, groups: [] as string[] },
  ],
} as const;

const projectNames = ["Platform", "Mobile", "Data", "Payments", "Identity", "Search", "Insights", "Tooling"];
const repoNames = [
  "api",
  "web",
  "worker",
  "infra",
  "sdk",
  "docs",
  "gateway",
  "scheduler",
  "billing",
  "portal",
];
const scmTeams = ["team-a", "team-b", "team-c", "team-d", "team-e"];
const githubOrgs = ["contoso", "fabrikam", "northwind", "tailspin"];

export interface Hosts {
  azureCollection: string;
  scmServer: string;
}

/**
 * Builds the demo (or a scaled) world: GitProtect organizations whose repositories point by clone
 * URL at repositories hosted in the two simulated servers, repositories only GitProtect knows,
 * hosted repositories nothing backs up, plans with schedules, and real git data on disk.
 */
export async function buildWorld(params: WorldParams, hosts: Hosts, dataDir?: string): Promise<World> {
  const world = await emptyWorld(params.seed, hosts, dataDir);
  const { random } = world;
  const histories = new HistoryPool(world.dataDir, params);
  const clock = Date.UTC(2024, 0, 1);

  for (let o = 0; o < params.organizations; o += 1) {
    const kind = (["azure", "scm", "external"] as const)[o % 3]!;
    const round = Math.floor(o / 3);
    const organization: GitProtectOrganization = {
      id: random.uuid(),
      driver: kind === "azure" ? 4 : kind === "scm" ? 5 : 1,
      name: "",
      apiUrl: "",
      isReadOnly: false,
      defaultWorkerId: random.uuid(),
      isCreatedByMarketplace: kind === "external" && round % 2 === 0,
      synchronizationInProgress: false,
      host: { kind: "external", baseUrl: "" },
    };
    world.gitprotect.organizations.set(organization.id, organization);
    const total = params.repositoriesPerOrganization + params.unprotectedPerOrganization;

    if (kind === "azure") {
      organization.name = `Azure DevOps ${round + 1}`;
      organization.apiUrl = hosts.azureCollection;
      const projectIds: string[] = [];
      for (let p = 0; p < params.projectsPerOrganization; p += 1) {
        const base = projectNames[(round * params.projectsPerOrganization + p) % projectNames.length]!;
        const cycle = Math.floor((round * params.projectsPerOrganization + p) / projectNames.length);
        const project = {
          id: random.uuid(),
          name: cycle ? `${base} ${cycle + 1}` : base,
          revision: random.int(1e8, 9e8),
        };
        world.azure.projects.set(project.id, project);
        projectIds.push(project.id);
      }
      organization.host = { kind: "azure", projectIds };
      for (let r = 0; r < total; r += 1) {
        const project = world.azure.projects.get(projectIds[r % projectIds.length]!)!;
        const slot = Math.floor(r / projectIds.length);
        // One repository per organization is named like its project (its clone URL has no project
        // segment) and one carries non-ASCII and spaces, as real collections do.
        const name =
          r === 0 ? project.name : r === 1 ? `Ünïcode Tools ${round + 1}` : nameFor(repoNames, slot);
        const repo: AzureRepository = {
          id: random.uuid(),
          name,
          projectId: project.id,
          gitDir: await histories.take(),
        };
        world.azure.repositories.set(repo.id, repo);
        if (r < params.repositoriesPerOrganization) {
          const url = urlVariant(
            azureRemoteUrl(hosts.azureCollection, project, repo),
            r,
            azureSshUrl(hosts.azureCollection, project, repo),
          );
          addProtected(
            world,
            random,
            organization,
            repo.name,
            `${project.name}/${repo.name}`,
            url,
            r,
            {
              host: "azure",
              id: repo.id,
            },
            await repositorySize(repo.gitDir),
          );
        }
      }
      // As the TFS document lists one: a repository without a default branch (nothing pushed yet),
      // served with the 1.0 document's fields alone.
      const empty: AzureRepository = {
        id: random.uuid(),
        name: `empty-${round + 1}`,
        projectId: projectIds[0]!,
        gitDir: join(world.dataDir, `empty-${organization.id}.git`),
        sampleFieldsOnly: true,
      };
      await buildRepository(empty.gitDir);
      world.azure.repositories.set(empty.id, empty);
    } else if (kind === "scm") {
      const namespace = scmTeams[round % scmTeams.length]! + (round >= scmTeams.length ? `-${round}` : "");
      organization.name = `SCM-Manager ${namespace}`;
      organization.apiUrl = hosts.scmServer;
      organization.host = { kind: "scm", namespace };
      for (let r = 0; r < total; r += 1) {
        const svn = r === total - 1 && total > 2;
        const repo: ScmRepository = {
          id: random.uuid().replace(/-/g, "").slice(0, 20),
          name: `${namespace}/${svn ? "legacy-svn" : nameFor(repoNames, r)}`,
          type: svn ? "svn" : "git",
          // The document's samples carry every field; the schema lets these two be absent.
          contact: svn ? null : `${namespace}@scm.test`,
          description: svn ? null : `Repository ${r + 1} of ${namespace}`,
          creationDate: clock + random.int(0, 365) * 86_400_000,
          lastModified: clock + random.int(366, 700) * 86_400_000,
          public: r === 2,
          archived: r === 3,
          permissions: scmPermissions(round, r),
          properties: [{ key: "team", value: namespace }],
          healthCheckFailures:
            r === 1
              ? [
                  {
                    id: "AnOdQMQnr1",
                    summary: "repository directory not found",
                    description: "The repository directory could not be read at the last check.",
                    url: "https://scm-manager.test/healthcheck/AnOdQMQnr1",
                  },
                ]
              : [],
          gitDir: await histories.take(svn ? { branches: 1 } : {}),
        };
        world.scm.repositories.set(repo.id, repo);
        if (r < params.repositoriesPerOrganization) {
          const url = urlVariant(scmCloneUrl(hosts.scmServer, repo), r);
          addProtected(
            world,
            random,
            organization,
            repo.name.split("/").pop()!,
            repo.name,
            url,
            r,
            {
              host: "scm",
              id: repo.id,
            },
            await repositorySize(repo.gitDir),
          );
        }
      }
    } else {
      const owner = githubOrgs[round % githubOrgs.length]! + (round >= githubOrgs.length ? `-${round}` : "");
      organization.name = owner;
      // As GitProtect may record it: no API URL of its own for some providers' organizations.
      organization.apiUrl = round % 2 === 0 ? null : "https://api.github.com";
      organization.host = { kind: "external", baseUrl: `https://github.com/${owner}` };
      for (let r = 0; r < params.repositoriesPerOrganization; r += 1) {
        const name = nameFor(repoNames, r);
        addProtected(
          world,
          random,
          organization,
          name,
          `${owner}/${name}`,
          `https://github.com/${owner}/${name}.git`,
          r,
          undefined,
          random.int(1, 500) * 1_048_576,
        );
      }
    }
  }
  addPlans(world, random, params.plans);
  return world;
}

/** A world with the demo accounts and nothing else: no organization, project or repository. */
export async function emptyWorld(seed: number, hosts: Hosts, dataDir?: string): Promise<World> {
  const random = createRandom(seed);
  const world: World = {
    seed,
    dataDir: dataDir ?? (await mkdtemp(join(tmpdir(), "repo-graph-world-"))),
    random,
    urls: hosts,
    azure: {
      collection: { id: random.uuid(), name: "DefaultCollection" },
      projects: new Map(),
      repositories: new Map(),
      tokens: new Map([
        [demoCredentials.azure.validToken, { user: "Demo User", expired: false }],
        [demoCredentials.azure.expiredToken, { user: "Former User", expired: true }],
      ]),
    },
    scm: {
      users: new Map(
        demoCredentials.scm.map((u) => [
          u.name,
          {
            ...u,
            groups: [...u.groups],
            displayName: u.name[0]!.toUpperCase() + u.name.slice(1),
            mail: `${u.name}@scm.test`,
          },
        ]),
      ),
      repositories: new Map(),
      archiveEnabled: true,
    },
    gitprotect: {
      users: demoCredentials.gitprotect.map((u) => ({ ...u, roles: [...u.roles], id: random.uuid() })),
      organizations: new Map(),
      repositories: new Map(),
      plans: new Map(),
      tokenSecret: random.uuid(),
      tokenTtlSeconds: 30 * 24 * 3600,
    },
  };
  return world;
}

function nameFor(names: string[], slot: number): string {
  const base = names[slot % names.length]!;
  const cycle = Math.floor(slot / names.length);
  return cycle ? `${base}-${cycle + 1}` : base;
}

/** alice owns team-a's repositories, bob team-b's; the developers group reads a few; one only admins see. */
function scmPermissions(round: number, r: number): ScmRepository["permissions"] {
  const owner = round % 2 === 0 ? "alice" : "bob";
  const other = owner === "alice" ? "bob" : "alice";
  if (r === 4) return [];
  const permissions: ScmRepository["permissions"] = [{ name: owner, type: "OWNER", groupPermission: false }];
  if (r % 3 === 1) permissions.push({ name: other, type: "READ", groupPermission: false });
  if (r % 3 === 2) permissions.push({ name: "developers", type: "WRITE", groupPermission: true });
  return permissions;
}

function addProtected(
  world: World,
  random: Random,
  organization: GitProtectOrganization,
  name: string,
  fullName: string,
  url: string,
  index: number,
  hosted: GitProtectRepository["hosted"],
  sizeBytes: number,
): void {
  const licensed = index % 4 !== 3;
  const repository: GitProtectRepository = {
    id: random.uuid(),
    organizationId: organization.id,
    name,
    fullName,
    url,
    isLicenceActive: licensed,
    isRemoved: false,
    sizeBytes,
    lastBackupDate: licensed
      ? new Date(Date.UTC(2025, 0, 1) + random.int(0, 300) * 86_400_000).toISOString()
      : null,
    lastBackupStatus: licensed ? random.pick(["Success", "Success", "Warning", "Failed"] as const) : "None",
    ...(hosted ? { hosted } : {}),
  };
  world.gitprotect.repositories.set(repository.id, repository);
}

const frequencies = ["Daily", "Weekly", "Hourly", "Monthly"] as const;

/** Plans go round the organizations; each repository joins one or two of its organization's plans, or none. */
/** An Azure DevOps plan's list settings: filled for a configured plan, empty for a plain one. */
function azureExtras(configured: boolean, random: Random) {
  return {
    excludedRepositoriesIds: configured ? [random.uuid()] : [],
    wikisIds: configured ? [random.uuid()] : [],
    useExtraCredentials: configured,
    additionalCredentials: configured ? [random.uuid()] : [],
    resourceKindsToIgnore: configured ? [3] : [],
  };
}

function addPlans(world: World, random: Random, count: number): void {
  const organizations = [...world.gitprotect.organizations.values()];
  const byOrganization = new Map<string, GitProtectPlan[]>();
  for (let p = 0; p < count; p += 1) {
    const organization = organizations[p % organizations.length]!;
    const azure = organization.host.kind === "azure" && Math.floor(p / organizations.length) % 2 === 1;
    const frequency = frequencies[p % frequencies.length]!;
    const plan: GitProtectPlan = {
      id: random.uuid(),
      isActive: p % 5 !== 4,
      name: `${frequency} backup ${p + 1} · ${organization.name}`,
      type: azure ? 2 : 1,
      backupType: ((p % 3) + 1) as 1 | 2 | 3,
      storageId: random.uuid(),
      repositoriesIds: [],
      workerId: organization.defaultWorkerId ?? random.uuid(),
      schedule: {
        frequency,
        startTime: `${String(random.int(0, 23)).padStart(2, "0")}:${random.pick(["00", "15", "30", "45"])}`,
        ...(frequency === "Hourly" ? { intervalHours: random.int(1, 12) } : {}),
        ...(frequency === "Weekly" ? { daysOfWeek: [1, 3, 5] } : {}),
        ...(frequency === "Monthly" ? { dayOfMonth: random.int(1, 28) } : {}),
        timeZone: "UTC",
      },
      advancedOptions: { retentionDays: String(30 + p), verifyAfterBackup: p % 2 ? "true" : "false" },
      compressionSettings: { enabled: p % 2 === 0, level: p % 2 === 0 ? 6 : 0 },
      encryptionSettings:
        p % 3 === 0 ? { enabled: true, algorithm: "AES256", password: `secret-${p}` } : { enabled: false },
      customActions: { beforeBackup: p % 4 === 0 ? "scripts/pre-backup.sh" : null, afterBackup: null },
      organizationId: organization.id,
      includeMetadata: p % 2 === 1,
      inculdeAllReposistories: false,
      ...(azure && organization.host.kind === "azure"
        ? {
            azure: {
              // Every other plan uses the settings the modify call accepts, as a configured one would.
              ...azureExtras(Math.floor(p / organizations.length) % 4 === 1, random),
              projectsIds: organization.host.projectIds.slice(0, 1),
              notificationSettings: { onSuccess: false, onFailure: true, emails: ["ops@example.test"] },
              gitChoiceMode: 2,
              // Some plans carry rules, as the modify call's parameters allow.
              rules:
                Math.floor(p / organizations.length) % 4 === 1
                  ? [{ elementType: "repository" as const, mode: "exclude" as const, pattern: "tmp-*" }]
                  : [],
            },
          }
        : {}),
    };
    world.gitprotect.plans.set(plan.id, plan);
    byOrganization.set(organization.id, [...(byOrganization.get(organization.id) ?? []), plan]);
  }
  const repositories = [...world.gitprotect.repositories.values()];
  repositories.forEach((repository, index) => {
    const plans = byOrganization.get(repository.organizationId) ?? [];
    if (plans.length === 0 || index % 5 === 4) return;
    plans[index % plans.length]!.repositoriesIds.push(repository.id);
    if (index % 3 === 0 && plans.length > 1)
      plans[(index + 1) % plans.length]!.repositoriesIds.push(repository.id);
  });
}

/** Git histories on disk: one per hosted repository, or a few shared by all of them. */
class HistoryPool {
  private built: string[] = [];
  private next = 0;

  constructor(
    private readonly dataDir: string,
    private readonly params: WorldParams,
  ) {}

  async take(override: Partial<HistoryShape> = {}): Promise<string> {
    const shared = this.params.sharedHistories;
    const index = this.next++;
    if (shared > 0 && !override.branches && this.built.length >= shared) return this.built[index % shared]!;
    const gitDir = join(this.dataDir, `history-${index}.git`);
    await buildRepository(gitDir, {
      seed: this.params.seed * 7919 + index,
      commits: this.params.commits,
      branches: this.params.branches,
      fileLines: this.params.fileLines,
      ...override,
    });
    if (shared > 0 && !override.branches) this.built.push(gitDir);
    return gitDir;
  }
}
