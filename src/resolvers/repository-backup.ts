import type { RepositoryBackupResolvers } from "../generated/resolvers-types.js";

export const RepositoryBackup: RepositoryBackupResolvers = {
  organization: (r, _, { services }) => services.organizations.byId(r.organizationId),
};
