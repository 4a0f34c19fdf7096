import type {
  BackupStatus,
  BackupType,
  ChoiceMode,
  Frequency,
  PlanType,
  Provider,
} from "../upstreams/gitprotect/codec.js";
import type { HostKey, HostName, RepositoryKey } from "./keys.js";

/**
 * What services answer and resolvers receive as parents (codegen mappers point the GraphQL types
 * here). Node models carry their GraphQL type in `__typename`; no upstream shape shows through.
 */

export interface OrganizationModel {
  __typename: "Organization";
  id: string;
  name: string;
  provider: Provider | null;
  apiUrl: string | null;
  readOnly: boolean;
  createdByMarketplace: boolean;
  synchronizationInProgress: boolean;
  protectedRepositoryCount: number;
  repositoryCount: number;
  missingLicenceCount: number;
  removedRepositoryCount: number;
  defaultWorkerId: string | null;
}

export interface BackupPlanModel {
  __typename: "BackupPlan";
  organizationId: string;
  id: string;
  /** Known from a listing or a repository record; otherwise read with the plan, when asked. */
  name?: string;
  /** The whole plan, when already known; otherwise loaded on demand. */
  settings?: BackupPlanSettingsModel;
}

export interface BackupPlanSettingsModel {
  name: string;
  /** A fingerprint of the plan as GitProtect holds it: GitProtect gives plans no version. */
  version: string;
  type: PlanType;
  backupType: BackupType;
  active: boolean;
  schedule: {
    frequency: Frequency;
    startTime: string;
    intervalHours?: number | null;
    daysOfWeek?: number[] | null;
    dayOfMonth?: number | null;
    timeZone?: string | null;
  };
  storageId: string;
  workerId: string;
  advancedOptions: Array<{ key: string; value: string }>;
  compression: { enabled: boolean; level?: number | null };
  encryption: { enabled: boolean; algorithm: string | null };
  customActions: { beforeBackup?: string | null; afterBackup?: string | null };
  includeMetadata: boolean;
  includeAllRepositories: boolean | null;
  azureDevOps: AzureDevOpsPlanSettingsModel | null;
}

export interface AzureDevOpsPlanSettingsModel {
  choiceMode: ChoiceMode | null;
  projectIds: string[];
  excludedRepositoryIds: string[];
  wikiIds: string[];
  notifications: { onSuccess: boolean; onFailure: boolean; emails: string[] };
  useExtraCredentials: boolean;
  additionalCredentialIds: string[];
  resourceKindsToIgnore: number[];
  rules: Array<{ elementType: string; mode: string; pattern: string }>;
}

/** GitProtect's view of a repository. */
export interface RepositoryBackupModel {
  gitprotectId: string;
  organizationId: string;
  name: string;
  fullName: string;
  cloneUrl: string;
  licenceActive: boolean;
  removed: boolean;
  sizeBytes: number;
  lastBackupAt: string | null;
  lastBackupStatus: BackupStatus;
  plans: BackupPlanModel[];
}

/** A repository as its host tells it. */
export interface HostedRepositoryModel extends HostKey {
  name: string;
  cloneUrl: string | null;
  /** Every clone URL the host answers for it (see clone-urls.ts). */
  cloneUrls: string[];
  /** Azure DevOps names it with the repository; SCM-Manager names none (undefined: ask the branches). */
  defaultBranch?: string | null;
  azureDevOps?: AzureDevOpsRepositoryModel;
  scmManager?: ScmManagerRepositoryModel;
}

/** One physical repository: its hosted record, GitProtect's record, or both. */
export interface RepositoryModel {
  __typename: "Repository";
  /** The hosted key when a host has it, else GitProtect's; unknown (and unread) while `hostFailure`. */
  key: RepositoryKey;
  hosted?: HostedRepositoryModel;
  /** The host that should have it (by clone URL) could not be asked: its hosted fields fail with this. */
  hostFailure?: { host: HostName; error: Error };
  /** Under this host's URL, but the host does not show it (removed there, or hidden from these credentials). */
  unseenOn?: HostName;
  /** GitProtect's record when the query came through GitProtect; otherwise looked up by clone URL. */
  backup?: RepositoryBackupModel;
}

export interface AzureDevOpsProjectModel {
  __typename: "AzureDevOpsProject";
  id: string;
  name: string;
  state: string;
}

export interface AzureDevOpsRepositoryModel {
  azureId: string;
  project: AzureDevOpsProjectModel;
  remoteUrl: string;
  sshUrl: string | null;
  webUrl: string | null;
  size: number | null;
}

export interface ScmManagerRepositoryModel {
  scmId: string;
  /** What clients pass back as `expectedVersion`: the repository's last modification. */
  version: string;
  type: string;
  contact: string | null;
  description: string | null;
  public: boolean;
  archived: boolean;
  createdAt: number | null;
  lastModifiedAt: number | null;
  permissions: Array<{ name: string; type: string; group: boolean }> | null;
  properties: Array<{ key: string; value: string | null }> | null;
  healthCheckFailures: Array<{
    id: string;
    summary: string;
    description?: string | null;
    url?: string | null;
  }> | null;
}

export interface BranchModel {
  __typename: "Branch";
  repository: HostKey;
  name: string;
  /** Unknown for an Azure DevOps default branch read from the repository record: found by name when asked. */
  revision?: string;
  isDefault: boolean;
  /** Its head changeset, when the page it came in was read with its heads (or why it could not be read). */
  head?: ReadChangeset;
}

/** A changeset read ahead of the field that shows it: null when the host has no such revision. */
export type ReadChangeset = { changeset: ChangesetModel | null } | { error: unknown };

export interface TagModel {
  repository: HostKey;
  name: string;
  revision: string;
}

export interface PersonModel {
  name: string;
  email?: string | null;
}

export interface ChangesetModel {
  __typename: "Changeset";
  repository: HostKey;
  revision: string;
  message: string;
  author: PersonModel;
  /** Null where the host does not say (SCM-Manager). */
  committer: PersonModel | null;
  /** Epoch milliseconds. */
  date: number;
  /** Absent when the host's answer did not carry them (Azure DevOps commit lists). */
  parents?: string[];
  modifications?: { added: string[]; modified: string[]; removed: string[] };
  /** Azure DevOps lists cut long messages: the whole one needs the commit itself. */
  messageTruncated?: boolean;
}

export interface BlameLineModel {
  repository: HostKey;
  lineNumber: number;
  code: string;
  author: PersonModel;
  date: number;
  revision: string;
  /** Its changeset, when the blame was read with them (or why it could not be read). */
  changeset?: ReadChangeset;
}

export interface TreeEntryModel {
  /** Where the entry was listed, and at which revision: its file or children are read there. */
  repository: HostedRepositoryModel;
  revision: string | undefined;
  name: string;
  path: string;
  directory: boolean;
  size: number | null;
  lastModifiedAt?: number | null;
  lastMessage?: string | null;
}

export interface FileContentModel {
  path: string;
  content: Buffer;
}

export type NodeModel =
  | OrganizationModel
  | BackupPlanModel
  | RepositoryModel
  | ChangesetModel
  | BranchModel
  | AzureDevOpsProjectModel;
