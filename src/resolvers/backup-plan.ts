import { offsetWindow } from "../cursor.js";
import { encodeId } from "../global-id.js";
import type { BackupPlanResolvers } from "../generated/resolvers-types.js";
import type { Loaders } from "../loaders/create-loaders.js";
import type { BackupPlanModel } from "../models.js";
import type { PlanDto } from "../upstreams/gitprotect/types.js";
import { planVersion } from "../upstreams/gitprotect/plan-version.js";
import { need, offsetConnection } from "./support.js";

const backupTypes = { 1: "FULL", 2: "INCREMENTAL", 3: "DIFFERENTIAL" } as const;
const choiceModes = { 1: "ALL", 2: "INDIVIDUAL", 3: "RULE_BASED" } as const;

/** The whole plan: known already when it came from a plan listing, else one listing of its organization. */
async function full(model: BackupPlanModel, loaders: Loaders): Promise<PlanDto | null> {
  if (model.plan) return model.plan;
  const plans = await need(loaders.gitprotect, "GitProtect").plansOf.load(model.organizationId);
  return plans?.find((p) => p.id === model.id) ?? null;
}

const field =
  <T>(read: (plan: PlanDto) => T) =>
  async (model: BackupPlanModel, _args: unknown, { loaders }: { loaders: Loaders }): Promise<T | null> => {
    const plan = await full(model, loaders);
    return plan ? read(plan) : null;
  };

export const BackupPlan: BackupPlanResolvers = {
  id: (p) => encodeId({ type: "BackupPlan", organizationId: p.organizationId, planId: p.id }),
  gitprotectId: (p) => p.id,
  name: async (p, _, { loaders }) => p.name ?? (await full(p, loaders))?.name ?? "",
  version: field(planVersion),
  type: field((p) => (p.type === 2 ? "AZURE_DEVOPS" : "GIT")),
  backupType: field((p) => backupTypes[p.backupType]),
  active: field((p) => p.isActive),
  schedule: field((p) => ({ ...p.schedule, frequency: p.schedule.frequency.toUpperCase() as "DAILY" })),
  storageId: field((p) => p.storageId),
  workerId: field((p) => p.workerId),
  advancedOptions: field((p) => Object.entries(p.advancedOptions).map(([key, value]) => ({ key, value }))),
  compression: field((p) => p.compressionSettings),
  encryption: field((p) => ({
    enabled: p.encryptionSettings.enabled,
    algorithm: p.encryptionSettings.algorithm ?? null,
  })),
  customActions: field((p) => p.customActions),
  includeMetadata: field((p) => p.includeMetadata),
  includeAllRepositories: field((p) => p.inculdeAllReposistories),
  organization: (p, _, { loaders }) =>
    need(loaders.gitprotect, "GitProtect").organization.load(p.organizationId),
  async repositories(model, args, { loaders }) {
    const window = offsetWindow(args.first, args.after);
    const plan = await full(model, loaders);
    if (!plan) return null;
    const ids = plan.repositoriesIds.slice(window.offset, window.offset + window.first);
    const records = ids.length
      ? await need(loaders.gitprotect, "GitProtect").repositoriesOf.load(model.organizationId)
      : [];
    const page = ids.map((id) => records?.find((r) => r.id === id)).filter((r) => r !== undefined);
    const repositories = await Promise.all(page.map((record) => loaders.index.fromRecord(record)));
    return offsetConnection(repositories, window.offset, plan.repositoriesIds.length);
  },
  async azureDevOps(model, _, { loaders }) {
    const plan = await full(model, loaders);
    if (!plan || plan.type !== 2) return null;
    return {
      choiceMode: choiceModes[plan.gitChoiceMode ?? 1],
      projectIds: plan.projectsIds ?? [],
      projects: null,
      excludedRepositoryIds: plan.excludedRepositoriesIds ?? [],
      wikiIds: plan.wikisIds ?? [],
      notifications: {
        onSuccess: plan.notificationSettings?.onSuccess ?? false,
        onFailure: plan.notificationSettings?.onFailure ?? false,
        emails: plan.notificationSettings?.emails ?? [],
      },
      useExtraCredentials: plan.useExtraCredentials ?? false,
      additionalCredentialIds: plan.additionalCredentials ?? [],
      resourceKindsToIgnore: plan.resourceKindsToIgnore ?? [],
      rules: plan.rules ?? [],
    };
  },
};
