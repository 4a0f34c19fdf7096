import { encodeId } from "../global-id.js";
import type {
  AzureDevOpsPlanSettingsResolvers,
  AzureDevOpsProjectResolvers,
  AzureDevOpsRepositoryResolvers,
  ScmManagerRepositoryResolvers,
} from "../generated/resolvers-types.js";
import { scmVersion } from "../upstreams/scm-manager/repository-version.js";
import { isoDate } from "./support.js";

export const AzureDevOpsProject: AzureDevOpsProjectResolvers = {
  id: (p) => encodeId({ type: "AzureDevOpsProject", projectId: p.id }),
  azureId: (p) => p.id,
};

export const AzureDevOpsRepository: AzureDevOpsRepositoryResolvers = {
  azureId: (r) => r.id,
  project: (r) => r.project,
};

export const AzureDevOpsPlanSettings: AzureDevOpsPlanSettingsResolvers = {
  async projects(settings, _, { loaders }) {
    if (!loaders.azure) return null;
    const wanted = new Set(settings.projectIds.map((id) => id.toLowerCase()));
    const projects = new Map(
      (await loaders.azure.repositories.load()).map((r) => [r.project.id.toLowerCase(), r.project]),
    );
    return [...wanted].map((id) => projects.get(id)).filter((p) => p !== undefined);
  },
};

export const ScmManagerRepository: ScmManagerRepositoryResolvers = {
  scmId: (r) => r.id,
  version: (r) => scmVersion(r),
  createdAt: (r) => isoDate(r.creationDate),
  lastModifiedAt: (r) => isoDate(r.lastModified),
  permissions: (r) =>
    r.permissions?.map((p) => ({ name: p.name, type: p.type, group: p.groupPermission })) ?? null,
  properties: (r) => r.properties?.map((p) => ({ key: p.key, value: p.value ?? null })) ?? null,
  healthCheckFailures: (r) => r.healthCheckFailures ?? null,
};
