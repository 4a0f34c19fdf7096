import type { BackupPlanResolvers } from "../generated/resolvers-types.js";
import type { ServicesOf } from "../services/services.js";
import { connectionOrNull } from "../graphql/connection.js";
import { offsetWindow } from "../graphql/cursor.js";
import { encodeId } from "../graphql/global-id.js";
import type { BackupPlanModel, BackupPlanSettingsModel } from "../services/models.js";

/** A field of the whole plan, read when the model does not carry it yet. */
const setting =
  <T>(read: (settings: BackupPlanSettingsModel) => T) =>
  async (plan: BackupPlanModel, _args: unknown, { services }: ServicesOf): Promise<T | null> => {
    const settings = await services.backupPlans.settings(plan);
    return settings ? read(settings) : null;
  };

export const BackupPlan: BackupPlanResolvers = {
  id: (p) => encodeId({ type: "BackupPlan", organizationId: p.organizationId, planId: p.id }),
  gitprotectId: (p) => p.id,
  name: async (p, _, { services }) => p.name ?? (await services.backupPlans.settings(p))?.name ?? "",
  version: setting((s) => s.version),
  type: setting((s) => s.type),
  backupType: setting((s) => s.backupType),
  active: setting((s) => s.active),
  schedule: setting((s) => s.schedule),
  storageId: setting((s) => s.storageId),
  workerId: setting((s) => s.workerId),
  advancedOptions: setting((s) => s.advancedOptions),
  compression: setting((s) => s.compression),
  encryption: setting((s) => s.encryption),
  customActions: setting((s) => s.customActions),
  includeMetadata: setting((s) => s.includeMetadata),
  includeAllRepositories: setting((s) => s.includeAllRepositories),
  azureDevOps: setting((s) => s.azureDevOps),
  organization: (p, _, { services }) => services.organizations.byId(p.organizationId),
  repositories: async (p, { first, after }, { services }) =>
    connectionOrNull(await services.repositories.inPlan(p.organizationId, p.id, offsetWindow(first, after))),
};
