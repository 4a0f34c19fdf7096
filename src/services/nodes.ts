import type { Loaders } from "../loaders/create-loaders.js";
import type { BackupPlans } from "./backup-plans.js";
import type { Branches } from "./branches.js";
import type { Changesets } from "./changesets.js";
import { configured } from "./errors.js";
import { toProject } from "./host-models.js";
import type { HostName, NodeKey } from "./keys.js";
import type { AzureDevOpsProjectModel, NodeModel } from "./models.js";
import type { Organizations } from "./organizations.js";
import type { Repositories } from "./repositories.js";
import { compareNames } from "./by-name.js";

/** Whatever a global id names, from the upstream that owns it; null when it has no such record. */
export class Nodes {
  constructor(
    private readonly loaders: Loaders,
    private readonly services: {
      organizations: Organizations;
      backupPlans: BackupPlans;
      repositories: Repositories;
      branches: Branches;
      changesets: Changesets;
    },
  ) {}

  find(key: NodeKey): Promise<NodeModel | null> {
    const { organizations, backupPlans, repositories, branches, changesets } = this.services;
    switch (key.type) {
      case "Organization":
        return organizations.byId(key.organizationId);
      case "BackupPlan":
        return backupPlans.byId(key.organizationId, key.planId);
      case "Repository":
        return repositories.byKey(key);
      case "Changeset":
        this.hostConfigured(key.host);
        return changesets.byRevision({ host: key.host, id: key.repositoryId }, key.revision);
      case "Branch":
        this.hostConfigured(key.host);
        return branches.byName({ host: key.host, id: key.repositoryId }, key.name);
      case "AzureDevOpsProject":
        return this.project(key.projectId);
    }
  }

  private hostConfigured(host: HostName): void {
    configured(this.loaders[host], host === "azure" ? "Azure DevOps" : "SCM-Manager");
  }

  /** A project of the collection, those without a repository too; null when there is none. */
  async project(id: string): Promise<AzureDevOpsProjectModel | null> {
    const [found] = (await this.projects([id])) ?? [];
    return found ?? null;
  }

  /** The projects of these ids, each once, in the listing's order; null without Azure DevOps. */
  async projects(ids: string[]): Promise<AzureDevOpsProjectModel[] | null> {
    if (!this.loaders.azure) return null;
    const wanted = new Set(ids.map((id) => id.toLowerCase()));
    const all = await this.loaders.azure.projects.load();
    return all.filter((p) => wanted.has(p.id.toLowerCase())).map(toProject);
  }

  /** Every project of the collection, by name. */
  async allProjects(): Promise<AzureDevOpsProjectModel[]> {
    const all = await configured(this.loaders.azure, "Azure DevOps").projects.load();
    return [...all].sort((a, b) => compareNames(a.name, b.name)).map(toProject);
  }
}
