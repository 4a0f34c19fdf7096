import type { MutationResolvers, RepositoryChangeResultResolvers } from "../generated/resolvers-types.js";
import type { GatewayContext } from "../context.js";
import type { ItemResult, PlanChanges } from "../writes/gitprotect-writes.js";
import { InputCheck } from "./mutation-input.js";
import { need } from "./support.js";

const backupTypes = { FULL: 1, INCREMENTAL: 2, DIFFERENTIAL: 3 } as const;
const choiceModes = { ALL: 1, INDIVIDUAL: 2, RULE_BASED: 3 } as const;
const frequencies = { HOURLY: "Hourly", DAILY: "Daily", WEEKLY: "Weekly", MONTHLY: "Monthly" } as const;

const writes = (context: GatewayContext) => need(context.writes.gitprotect, "GitProtect");

/** The plan after the change: read (through the renewed loaders) only if the payload asks for it. */
const planAfterChange = (organizationId: string, planId: string) => ({ organizationId, id: planId });

/** One result per repository of a bulk change, in the order given; `repository` is read again only when asked. */
const itemResults = (raws: readonly string[], results: ItemResult[]) =>
  results.map((result, i) => ({
    repositoryId: raws[i]!,
    record: result.record,
    ok: result.errors.length === 0,
    errors: result.errors,
  }));

export const RepositoryChangeResult: RepositoryChangeResultResolvers = {
  repository: (result, _, context) => afterChange(context, { record: result.record, errors: [] }),
};

async function afterChange(context: GatewayContext, result: ItemResult) {
  if (!result.record) return null;
  const records = await need(context.loaders.gitprotect, "GitProtect").repositoriesOf.load(
    result.record.organizationId,
  );
  const fresh = records?.find((r) => r.id === result.record!.id);
  return fresh ? context.loaders.index.fromRecord(fresh) : null;
}

async function membership(
  context: GatewayContext,
  planRaw: string,
  raws: readonly string[],
  attach: boolean,
) {
  const check = new InputCheck();
  const plan = check.id(planRaw, "BackupPlan", "planId");
  const ids = check.idsOf(raws, "Repository", "repositoryIds");
  if (!plan || raws.length === 0 || raws.length > 100)
    return { plan: null, results: [], errors: check.problems };
  const outcome = await writes(context).changePlanMembership(plan.organizationId, plan.planId, ids, attach);
  context.refresh();
  if (!outcome.ok) return { plan: null, results: [], errors: outcome.errors };
  return {
    plan: planAfterChange(plan.organizationId, plan.planId),
    results: itemResults(raws, outcome.value),
    errors: [],
  };
}

export const gitprotectMutations: MutationResolvers = {
  async signInToGitProtect(_, { input }, context) {
    const check = new InputCheck();
    check.text(input.email, "email", 256, 3);
    check.text(input.password, "password", 256, 1);
    if (!check.ok) return { errors: check.problems };
    const outcome = await writes(context).signIn(input.email, input.password, input.rememberMe ?? false);
    if (!outcome.ok) return { errors: outcome.errors };
    return {
      accessToken: outcome.value.accessToken,
      userId: outcome.value.userId,
      expiresAt: new Date(outcome.value.expiresAt).toISOString(),
      errors: [],
    };
  },

  async attachRepositoryToPlan(_, { input }, context) {
    return single(context, await membership(context, input.planId, [input.repositoryId], true));
  },
  async detachRepositoryFromPlan(_, { input }, context) {
    return single(context, await membership(context, input.planId, [input.repositoryId], false));
  },
  attachRepositoriesToPlan: (_, { input }, context) =>
    membership(context, input.planId, input.repositoryIds, true),
  detachRepositoriesFromPlan: (_, { input }, context) =>
    membership(context, input.planId, input.repositoryIds, false),

  async attachAzureProjectToPlan(_, { input }, context) {
    return azureProject(context, input.planId, input.projectId, true);
  },
  async detachAzureProjectFromPlan(_, { input }, context) {
    return azureProject(context, input.planId, input.projectId, false);
  },

  async updateBackupPlan(_, { input }, context) {
    const check = new InputCheck();
    const id = check.id(input.planId, "BackupPlan", "planId");
    check.text(input.name, "name", 200, 1);
    check.schedule(input.schedule, "schedule");
    check.range(input.compression?.level, "compression.level", 0, 9);
    if (input.encryption?.algorithm && !["AES128", "AES256"].includes(input.encryption.algorithm))
      check.fail("encryption.algorithm", "Give AES128 or AES256.");
    check.text(input.encryption?.password, "encryption.password", 256, 8);
    check.text(input.customActions?.beforeBackup, "customActions.beforeBackup", 1024);
    check.text(input.customActions?.afterBackup, "customActions.afterBackup", 1024);
    if ((input.advancedOptions?.length ?? 0) > 100)
      check.fail("advancedOptions", "Give at most 100 options.");
    input.advancedOptions?.forEach(
      (o, i) => (
        check.text(o.key, `advancedOptions[${i}].key`, 128, 1),
        check.text(o.value, `advancedOptions[${i}].value`, 1024)
      ),
    );
    if (!id || !check.ok) return { plan: null, errors: check.problems };

    const changes: PlanChanges = {
      ...(input.name != null ? { name: input.name } : {}),
      ...(input.active != null ? { isActive: input.active } : {}),
      ...(input.backupType ? { backupType: backupTypes[input.backupType] } : {}),
      ...(input.schedule
        ? {
            schedule: {
              frequency: frequencies[input.schedule.frequency],
              startTime: input.schedule.startTime,
              ...(input.schedule.intervalHours != null
                ? { intervalHours: input.schedule.intervalHours }
                : {}),
              ...(input.schedule.daysOfWeek ? { daysOfWeek: input.schedule.daysOfWeek } : {}),
              ...(input.schedule.dayOfMonth != null ? { dayOfMonth: input.schedule.dayOfMonth } : {}),
              ...(input.schedule.timeZone ? { timeZone: input.schedule.timeZone } : {}),
            },
          }
        : {}),
      ...(input.compression
        ? {
            compressionSettings: {
              enabled: input.compression.enabled,
              ...(input.compression.level != null ? { level: input.compression.level } : {}),
            },
          }
        : {}),
      ...(input.encryption
        ? {
            encryptionSettings: {
              enabled: input.encryption.enabled,
              ...(input.encryption.algorithm ? { algorithm: input.encryption.algorithm as "AES256" } : {}),
              ...(input.encryption.password ? { password: input.encryption.password } : {}),
            },
          }
        : {}),
      ...(input.customActions
        ? {
            customActions: {
              beforeBackup: input.customActions.beforeBackup ?? null,
              afterBackup: input.customActions.afterBackup ?? null,
            },
          }
        : {}),
      ...(input.includeMetadata != null ? { includeMetadata: input.includeMetadata } : {}),
      ...(input.includeAllRepositories != null
        ? { inculdeAllReposistories: input.includeAllRepositories }
        : {}),
      ...(input.advancedOptions
        ? { advancedOptions: Object.fromEntries(input.advancedOptions.map((o) => [o.key, o.value])) }
        : {}),
      ...(input.azureDevOps
        ? {
            azure: {
              ...(input.azureDevOps.choiceMode
                ? { gitChoiceMode: choiceModes[input.azureDevOps.choiceMode] }
                : {}),
              ...(input.azureDevOps.projectIds ? { projectsIds: [...input.azureDevOps.projectIds] } : {}),
              ...(input.azureDevOps.excludedRepositoryIds
                ? { excludedRepositoriesIds: [...input.azureDevOps.excludedRepositoryIds] }
                : {}),
            },
          }
        : {}),
    };
    const outcome = await writes(context).updatePlan(
      id.organizationId,
      id.planId,
      changes,
      input.expectedVersion ?? undefined,
    );
    context.refresh();
    if (!outcome.ok) return { plan: null, errors: outcome.errors };
    return {
      plan: {
        organizationId: id.organizationId,
        id: outcome.value.id,
        name: outcome.value.name,
        plan: outcome.value,
      },
      errors: [],
    };
  },

  activateLicences: (_, { input }, context) => licences(context, input.repositoryIds, true),
  deactivateLicences: (_, { input }, context) => licences(context, input.repositoryIds, false),

  async removeRepositoryFromGitProtect(_, { input }, context) {
    const check = new InputCheck();
    const id = check.id(input.repositoryId, "Repository", "repositoryId");
    if (!id) return { errors: check.problems };
    const outcome = await writes(context).remove(id, input.removeBackupData);
    context.refresh();
    if (!outcome.ok) return { errors: outcome.errors };
    return {
      removedGitprotectId: outcome.value.id,
      repository: await afterChange(context, { record: outcome.value, errors: [] }),
      errors: [],
    };
  },

  async synchronizeOrganization(_, { input }, context) {
    const check = new InputCheck();
    const id = check.id(input.organizationId, "Organization", "organizationId");
    if (!id) return { organization: null, errors: check.problems };
    const outcome = await writes(context).synchronize(id.organizationId);
    context.refresh();
    if (!outcome.ok) return { organization: null, errors: outcome.errors };
    return {
      organization: await need(context.loaders.gitprotect, "GitProtect").organization.load(id.organizationId),
      errors: [],
    };
  },
};

async function single(context: GatewayContext, answer: Awaited<ReturnType<typeof membership>>) {
  const [result] = answer.results;
  return {
    plan: answer.plan,
    repository: result?.record ? await afterChange(context, { record: result.record, errors: [] }) : null,
    errors: [...answer.errors, ...(result?.errors ?? [])],
  };
}

async function azureProject(context: GatewayContext, planRaw: string, projectRaw: string, attach: boolean) {
  const check = new InputCheck();
  const plan = check.id(planRaw, "BackupPlan", "planId");
  const project = check.id(projectRaw, "AzureDevOpsProject", "projectId");
  if (!plan || !project) return { plan: null, errors: check.problems };
  const outcome = await writes(context).changeAzureProject(
    plan.organizationId,
    plan.planId,
    project.projectId,
    attach,
  );
  context.refresh();
  if (!outcome.ok) return { plan: null, errors: outcome.errors };
  return { plan: planAfterChange(plan.organizationId, plan.planId), errors: [] };
}

async function licences(context: GatewayContext, raws: readonly string[], active: boolean) {
  const check = new InputCheck();
  const ids = check.idsOf(raws, "Repository", "repositoryIds");
  if (raws.length === 0 || raws.length > 100) return { results: [], errors: check.problems };
  const results = await writes(context).setLicences(ids, active);
  context.refresh();
  return { results: itemResults(raws, results), errors: [] };
}
