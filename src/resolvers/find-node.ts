import type { GlobalId } from "../global-id.js";
import type { Loaders } from "../loaders/create-loaders.js";
import type {
  BackupPlanModel,
  BranchModel,
  ChangesetModel,
  OrganizationModel,
  RepositoryModel,
  AzureProjectModel,
} from "../models.js";
import { need } from "./support.js";

export type NodeModel =
  OrganizationModel | BackupPlanModel | RepositoryModel | ChangesetModel | BranchModel | AzureProjectModel;

/** Fetches what a global id names, from the upstream that owns it; null when it has no such record. */
export async function findNode(id: GlobalId, loaders: Loaders): Promise<NodeModel | null> {
  switch (id.type) {
    case "Organization":
      return need(loaders.gitprotect, "GitProtect").organization.load(id.organizationId);
    case "BackupPlan":
      return findPlan(loaders, id.organizationId, id.planId);
    case "Repository":
      return findRepository(id, loaders);
    case "Changeset":
      return loaders.history.changeset({ host: id.host, id: id.repositoryId }, id.revision);
    case "Branch": {
      const repository = await loaders.index.hostedRepository({ host: id.host, id: id.repositoryId });
      const branches = repository && (await loaders.history.allBranches(repository));
      return branches?.find((b) => b.name === id.name) ?? null;
    }
    case "AzureDevOpsProject": {
      const repositories = await need(loaders.azure, "Azure DevOps").repositories.load();
      return (
        repositories.map((r) => r.project).find((p) => p.id.toLowerCase() === id.projectId.toLowerCase()) ??
        null
      );
    }
  }
}

export async function findPlan(
  loaders: Loaders,
  organizationId: string,
  planId: string,
): Promise<BackupPlanModel | null> {
  const plans = await need(loaders.gitprotect, "GitProtect").plansOf.load(organizationId);
  const plan = plans?.find((p) => p.id === planId);
  return plan ? { organizationId, id: plan.id, name: plan.name, plan } : null;
}

export async function findRepository(
  id: Extract<GlobalId, { type: "Repository" }>,
  loaders: Loaders,
): Promise<RepositoryModel | null> {
  if (id.host === "gitprotect") {
    const records = await need(loaders.gitprotect, "GitProtect").repositoriesOf.load(id.organizationId);
    const record = records?.find((r) => r.id === id.repositoryId);
    return record ? loaders.index.fromRecord(record) : null;
  }
  need(
    id.host === "azure" ? loaders.azure : loaders.scm,
    id.host === "azure" ? "Azure DevOps" : "SCM-Manager",
  );
  const hosted = await loaders.index.hostedRepository({ host: id.host, id: id.repositoryId });
  return hosted && { hosted };
}

/** Which GraphQL type a node model is (the models carry no type tag). */
export function nodeTypeOf(model: NodeModel): string {
  if ("driver" in model) return "Organization";
  if ("organizationId" in model && "name" in model && !("hosted" in model)) return "BackupPlan";
  if ("isDefault" in model) return "Branch";
  if ("revision" in model && "message" in model) return "Changeset";
  if ("state" in model) return "AzureDevOpsProject";
  return "Repository";
}
