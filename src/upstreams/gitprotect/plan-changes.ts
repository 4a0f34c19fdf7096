import {
  backupType,
  choiceMode,
  frequency,
  type BackupType,
  type ChoiceMode,
  type Frequency,
} from "./codec.js";
import type { ModifyAzurePlanDto, ModifyGitPlanDto, PlanDto } from "./types.js";

import type { Maybe } from "../input.js";

/**
 * A change to a plan in the gateway's terms. A field left out keeps its value, at every depth; a
 * nested field given as null is cleared.
 */
export interface PlanChanges {
  name?: Maybe<string>;
  active?: Maybe<boolean>;
  backupType?: Maybe<BackupType>;
  schedule?: Maybe<{
    frequency: Frequency;
    startTime: string;
    intervalHours?: Maybe<number>;
    daysOfWeek?: Maybe<readonly number[]>;
    dayOfMonth?: Maybe<number>;
    timeZone?: Maybe<string>;
  }>;
  compression?: Maybe<{ enabled: boolean; level?: Maybe<number> }>;
  encryption?: Maybe<{ enabled: boolean; algorithm?: Maybe<string>; password?: Maybe<string> }>;
  customActions?: Maybe<{ beforeBackup?: Maybe<string>; afterBackup?: Maybe<string> }>;
  includeMetadata?: Maybe<boolean>;
  storageId?: Maybe<string>;
  workerId?: Maybe<string>;
  includeAllRepositories?: Maybe<boolean>;
  /** Set by key; a null value removes the option. */
  advancedOptions?: Maybe<ReadonlyArray<{ key: string; value?: Maybe<string> }>>;
  azureDevOps?: Maybe<AzureSettingsChanges>;
}

/** The settings of Azure DevOps plans alone; lists given replace the plan's. */
export interface AzureSettingsChanges {
  choiceMode?: Maybe<ChoiceMode>;
  projectIds?: Maybe<readonly string[]>;
  excludedRepositoryIds?: Maybe<readonly string[]>;
  wikiIds?: Maybe<readonly string[]>;
  notifications?: Maybe<{
    onSuccess?: Maybe<boolean>;
    onFailure?: Maybe<boolean>;
    emails?: Maybe<readonly string[]>;
  }>;
  useExtraCredentials?: Maybe<boolean>;
  additionalCredentialIds?: Maybe<readonly string[]>;
  resourceKindsToIgnore?: Maybe<readonly number[]>;
  rules?: Maybe<ReadonlyArray<{ elementType: string; mode: string; pattern: string }>>;
}

export type PlanModification =
  { kind: "git"; body: ModifyGitPlanDto } | { kind: "azure"; body: ModifyAzurePlanDto };

/** `current` with the fields `change` gives; a field given as null is cleared (left out). */
function merged<T extends object>(current: T, change: object | null | undefined): T {
  if (!change) return current;
  const result: Record<string, unknown> = { ...(current as Record<string, unknown>) };
  for (const [key, value] of Object.entries(change))
    if (value === null) delete result[key];
    else if (value !== undefined) result[key] = value;
  return result as T;
}

/**
 * GitProtect's modify calls replace the whole plan: the body is the plan as it is, with the
 * changes merged in field by field. The password is never answered, so none is sent unless given.
 */
export function planModification(current: PlanDto, changes: PlanChanges): PlanModification {
  const { password: _never, ...encryption } = current.encryptionSettings;
  const schedule = changes.schedule && {
    ...changes.schedule,
    frequency: frequency.code(changes.schedule.frequency),
  };
  const common = {
    id: current.id,
    organizationId: current.organizationId,
    type: current.type,
    name: changes.name ?? current.name,
    isActive: changes.active ?? current.isActive,
    backupType: changes.backupType ? backupType.code(changes.backupType) : current.backupType,
    storageId: changes.storageId ?? current.storageId,
    workerId: changes.workerId ?? current.workerId,
    repositoriesIds: current.repositoriesIds,
    schedule: merged(current.schedule, schedule),
    advancedOptions: merged(
      current.advancedOptions,
      changes.advancedOptions && Object.fromEntries(changes.advancedOptions.map((o) => [o.key, o.value])),
    ),
    compressionSettings: merged(current.compressionSettings, changes.compression),
    encryptionSettings: merged(encryption, changes.encryption) as PlanDto["encryptionSettings"],
    // Custom actions take null for "no action": kept as given.
    customActions: { ...current.customActions, ...changes.customActions },
    includeMetadata: changes.includeMetadata ?? current.includeMetadata,
  };
  if (current.type !== 2)
    return {
      kind: "git",
      body: {
        ...common,
        inculdeAllReposistories: changes.includeAllRepositories ?? current.inculdeAllReposistories,
      },
    };
  return { kind: "azure", body: { ...common, ...azureSettings(current, changes.azureDevOps ?? {}) } };
}

/** The Azure DevOps settings of the plan, with the changes: lists given replace, objects merge. */
function azureSettings(current: PlanDto, azure: AzureSettingsChanges) {
  const rules = azure.rules?.map((r) => ({ ...r })) as PlanDto["rules"];
  return {
    excludedRepositoriesIds: [...(azure.excludedRepositoryIds ?? current.excludedRepositoriesIds ?? [])],
    projectsIds: [...(azure.projectIds ?? current.projectsIds ?? [])],
    wikisIds: [...(azure.wikiIds ?? current.wikisIds ?? [])],
    notificationSettings: azure.notifications
      ? merged(current.notificationSettings ?? {}, azure.notifications)
      : current.notificationSettings,
    useExtraCredentials: azure.useExtraCredentials ?? current.useExtraCredentials ?? false,
    additionalCredentials: [...(azure.additionalCredentialIds ?? current.additionalCredentials ?? [])],
    resourceKindsToIgnore: [...(azure.resourceKindsToIgnore ?? current.resourceKindsToIgnore ?? [])],
    // Left out when GitProtect never said it: no mode is made up.
    gitChoiceMode: azure.choiceMode ? choiceMode.code(azure.choiceMode) : current.gitChoiceMode,
    rules: rules ?? current.rules ?? [],
  };
}
