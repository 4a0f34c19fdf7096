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

  /** A project, known from the collection's repository listing (projects without one are not found). */
  async project(id: string): Promise<AzureDevOpsProjectModel | null> {
    const list = await configured(this.loaders.azure, "Azure DevOps").repositories.load();
    const found = list.find((r) => r.project.id.toLowerCase() === id.toLowerCase());
    return found ? toProject(found.project) : null;
  }

  /** The projects of these ids that the collection's listing shows, each once. */
  async projects(ids: string[]): Promise<AzureDevOpsProjectModel[] | null> {
    if (!this.loaders.azure) return null;
    const list = await this.loaders.azure.repositories.load();
    const byId = new Map(list.map((r) => [r.project.id.toLowerCase(), r.project]));
    const wanted = new Set(ids.map((id) => id.toLowerCase()));
    return [...wanted].flatMap((id) => {
      const project = byId.get(id);
      return project ? [toProject(project)] : [];
    });
  }
}
