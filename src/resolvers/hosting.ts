import type {
  AzureDevOpsPlanSettingsResolvers,
  AzureDevOpsProjectResolvers,
  ScmManagerRepositoryResolvers,
} from "../generated/resolvers-types.js";
import { encodeId } from "../graphql/global-id.js";
import { isoDate } from "../graphql/scalars.js";

export const AzureDevOpsProject: AzureDevOpsProjectResolvers = {
  id: (p) => encodeId({ type: "AzureDevOpsProject", projectId: p.id }),
  azureId: (p) => p.id,
  repositories: (p, _, { services }) => services.repositories.ofProject(p.id),
};

export const AzureDevOpsPlanSettings: AzureDevOpsPlanSettingsResolvers = {
  projects: (settings, _, { services }) => services.nodes.projects(settings.projectIds),
};

export const ScmManagerRepository: ScmManagerRepositoryResolvers = {
  createdAt: (r) => isoDate(r.createdAt),
  lastModifiedAt: (r) => isoDate(r.lastModifiedAt),
};
