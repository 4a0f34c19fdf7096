import type { ServicesOf } from "../../services/services.js";
import type {
  AzureDevOpsPlanSettingsInput,
  MutationResolvers,
  UpdateBackupPlanInput,
} from "../../generated/resolvers-types.js";
import { BulkIds } from "./bulk.js";
import { InputCheck } from "./input-check.js";
import type { RepositoryChangeResultModel } from "./payload-models.js";
import { runMutation } from "./run-mutation.js";

/** The plan after the change: read (through the renewed services) only if the payload asks for it. */
const planAfterChange = (organizationId: string, id: string) => ({
  __typename: "BackupPlan" as const,
  organizationId,
  id,
});

function membership(
  context: ServicesOf,
  planRaw: string,
  raws: readonly string[],
  attach: boolean,
  field?: "repositoryId",
) {
  const check = new InputCheck();
  const plan = check.id(planRaw, "BackupPlan", "planId");
  const ids = new BulkIds(check, raws, field);
  const key = plan && { organizationId: plan.organizationId, id: plan.planId };
  const write = key && (() => context.services.writes.gitprotect.changePlanMembership(key, ids.keys, attach));
  return runMutation(
    context,
    check,
    write,
    (results) => ({
      plan: planAfterChange(key!.organizationId, key!.id),
      results: ids.results(results),
    }),
    { plan: null, results: [] as RepositoryChangeResultModel[] },
  );
}

/** A single attach or detach: the bulk change of one, its result flattened into the payload. */
async function single(context: ServicesOf, planRaw: string, raw: string, attach: boolean) {
  const answer = await membership(context, planRaw, [raw], attach, "repositoryId");
  const [result] = answer.results;
  return {
    plan: answer.plan,
    repository: result?.record ? await context.services.repositories.byRecord(result.record) : null,
    errors: [...answer.errors, ...(result?.errors ?? [])],
  };
}

function azureProject(context: ServicesOf, planRaw: string, projectRaw: string, attach: boolean) {
  const check = new InputCheck();
  const plan = check.id(planRaw, "BackupPlan", "planId");
  const project = check.id(projectRaw, "AzureDevOpsProject", "projectId");
  const key = plan && { organizationId: plan.organizationId, id: plan.planId };
  const write =
    key &&
    project &&
    (() => context.services.writes.gitprotect.changeAzureProject(key, project.projectId, attach));
  return runMutation(context, check, write, () => ({ plan: planAfterChange(key!.organizationId, key!.id) }), {
    plan: null,
  });
}

function checkPlanInput(check: InputCheck, input: UpdateBackupPlanInput): void {
  check.text(input.name, "name", 200, 1);
  check.guids(input.storageId, "storageId");
  check.guids(input.workerId, "workerId");
  check.schedule(input.schedule, "schedule");
  check.range(input.compression?.level, "compression.level", 0, 9);
  if (input.encryption?.algorithm && !["AES128", "AES256"].includes(input.encryption.algorithm))
    check.fail("encryption.algorithm", "Give AES128 or AES256.");
  check.text(input.encryption?.password, "encryption.password", 256, 8);
  check.text(input.customActions?.beforeBackup, "customActions.beforeBackup", 1024);
  check.text(input.customActions?.afterBackup, "customActions.afterBackup", 1024);
  if ((input.advancedOptions?.length ?? 0) > 100) check.fail("advancedOptions", "Give at most 100 options.");
  input.advancedOptions?.forEach((o, i) => {
    check.text(o.key, `advancedOptions[${i}].key`, 128, 1);
    check.text(o.value, `advancedOptions[${i}].value`, 1024);
  });
  if (input.azureDevOps) checkAzureSettings(check, input.azureDevOps);
}

const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function checkAzureSettings(check: InputCheck, settings: AzureDevOpsPlanSettingsInput): void {
  const field = (name: string) => `azureDevOps.${name}`;
  check.guids(settings.projectIds, field("projectIds"), 1000);
  check.guids(settings.excludedRepositoryIds, field("excludedRepositoryIds"), 10_000);
  check.guids(settings.wikiIds, field("wikiIds"), 1000);
  check.guids(settings.additionalCredentialIds, field("additionalCredentialIds"), 100);
  const emails = settings.notifications?.emails ?? [];
  if (emails.length > 50 || emails.some((e) => e.length > 254 || !email.test(e)))
    check.fail(field("notifications.emails"), "Give at most 50 e-mail addresses.");
  const kinds = settings.resourceKindsToIgnore ?? [];
  if (kinds.length > 50) check.fail(field("resourceKindsToIgnore"), "Give at most 50 kinds.");
  kinds.forEach((kind, i) => check.range(kind, field(`resourceKindsToIgnore[${i}]`), 0, 1000));
  if ((settings.rules?.length ?? 0) > 100) check.fail(field("rules"), "Give at most 100 rules.");
  settings.rules?.forEach((rule, i) => {
    check.oneOf(rule.elementType, field(`rules[${i}].elementType`), ["project", "wiki", "repository"]);
    check.oneOf(rule.mode, field(`rules[${i}].mode`), ["include", "exclude"]);
    check.text(rule.pattern, field(`rules[${i}].pattern`), 256, 1);
  });
}

export const planMutations: MutationResolvers = {
  attachRepositoryToPlan: (_, { input }, context) => single(context, input.planId, input.repositoryId, true),
  detachRepositoryFromPlan: (_, { input }, context) =>
    single(context, input.planId, input.repositoryId, false),
  attachRepositoriesToPlan: (_, { input }, context) =>
    membership(context, input.planId, input.repositoryIds, true),
  detachRepositoriesFromPlan: (_, { input }, context) =>
    membership(context, input.planId, input.repositoryIds, false),
  attachAzureProjectToPlan: (_, { input }, context) =>
    azureProject(context, input.planId, input.projectId, true),
  detachAzureProjectFromPlan: (_, { input }, context) =>
    azureProject(context, input.planId, input.projectId, false),

  updateBackupPlan(_, { input }, context) {
    const check = new InputCheck();
    const { planId, expectedVersion, ...changes } = input;
    const id = check.id(planId, "BackupPlan", "planId");
    checkPlanInput(check, input);
    const key = id && { organizationId: id.organizationId, id: id.planId };
    const write =
      key &&
      (() => context.services.writes.gitprotect.updatePlan(key, changes, expectedVersion ?? undefined));
    return runMutation(context, check, write, (plan) => ({ plan }), { plan: null });
  },
};
