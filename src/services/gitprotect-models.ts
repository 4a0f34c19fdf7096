import * as codec from "../upstreams/gitprotect/codec.js";
import { planVersion } from "../upstreams/gitprotect/plan-version.js";
import type { GitProtectRepositoryDto, OrganizationDto, PlanDto } from "../upstreams/gitprotect/types.js";
import type {
  AzureDevOpsPlanSettingsModel,
  BackupPlanModel,
  BackupPlanSettingsModel,
  OrganizationModel,
  RepositoryBackupModel,
} from "./models.js";

/** GitProtect's records in the gateway's terms: codes decoded, names as the schema says them. */

export const toOrganization = (o: OrganizationDto): OrganizationModel => ({
  __typename: "Organization",
  id: o.id,
  name: o.name,
  provider: codec.provider.nameOf(o.driver) ?? null,
  apiUrl: o.apiUrl,
  readOnly: o.isReadOnly,
  createdByMarketplace: o.isCreatedByMarketplace,
  synchronizationInProgress: o.synchronizationInProgress,
  protectedRepositoryCount: o.protectedRepositories,
  repositoryCount: o.totalRepositories,
  missingLicenceCount: o.missingLicences,
  removedRepositoryCount: o.removedRepositories,
  defaultWorkerId: o.defaultWorkerId,
});

export const toRepositoryBackup = (r: GitProtectRepositoryDto): RepositoryBackupModel => ({
  gitprotectId: r.id,
  organizationId: r.organizationId,
  name: r.name,
  fullName: r.fullName,
  cloneUrl: r.url,
  licenceActive: r.isLicenceActive,
  removed: r.isRemoved,
  sizeBytes: r.sizeBytes,
  lastBackupAt: r.lastBackupDate ?? null,
  lastBackupStatus: codec.backupStatus.name(r.lastBackupStatus),
  // Plan names come with the record: asking for them costs no call; other plan fields load the plan.
  plans: r.plans.map((p) => ({
    __typename: "BackupPlan",
    organizationId: r.organizationId,
    id: p.id,
    name: p.name,
  })),
});

export const toPlan = (organizationId: string, plan: PlanDto): BackupPlanModel => ({
  __typename: "BackupPlan",
  organizationId,
  id: plan.id,
  name: plan.name,
  settings: toPlanSettings(plan),
});

function toPlanSettings(p: PlanDto): BackupPlanSettingsModel {
  return {
    name: p.name,
    version: planVersion(p),
    type: codec.planType.name(p.type),
    backupType: codec.backupType.name(p.backupType),
    active: p.isActive,
    schedule: { ...p.schedule, frequency: codec.frequency.name(p.schedule.frequency) },
    storageId: p.storageId,
    workerId: p.workerId,
    advancedOptions: Object.entries(p.advancedOptions).map(([key, value]) => ({ key, value })),
    compression: p.compressionSettings,
    encryption: { enabled: p.encryptionSettings.enabled, algorithm: p.encryptionSettings.algorithm ?? null },
    customActions: p.customActions,
    includeMetadata: p.includeMetadata,
    includeAllRepositories: p.inculdeAllReposistories ?? null,
    azureDevOps: p.type === 2 ? toAzurePlanSettings(p) : null,
  };
}

const toAzurePlanSettings = (plan: PlanDto): AzureDevOpsPlanSettingsModel => ({
  choiceMode: plan.gitChoiceMode ? codec.choiceMode.name(plan.gitChoiceMode) : null,
  projectIds: plan.projectsIds ?? [],
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
});
