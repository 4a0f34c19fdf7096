import type { RepositoryBackupResolvers } from "../generated/resolvers-types.js";
import { need } from "./support.js";

export const RepositoryBackup: RepositoryBackupResolvers = {
  gitprotectId: (r) => r.id,
  organization: (r, _, { loaders }) =>
    need(loaders.gitprotect, "GitProtect").organization.load(r.organizationId),
  cloneUrl: (r) => r.url,
  licenceActive: (r) => r.isLicenceActive,
  removed: (r) => r.isRemoved,
  lastBackupAt: (r) => r.lastBackupDate ?? null,
  lastBackupStatus: (r) => r.lastBackupStatus.toUpperCase() as "NONE",
  // Plan names come with the record: asking for them costs no call; other plan fields load the plan.
  plans: (r) => r.plans.map((p) => ({ organizationId: r.organizationId, id: p.id, name: p.name })),
};
