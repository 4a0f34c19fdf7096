import type { components } from "../../src/upstreams/gitprotect/contract.gen.js";
import type { Random } from "./random.js";

type GitProtectSchemas = components["schemas"];

/** The one world the three simulators share: what each API stores, and where each repository's git data is. */

export interface AzureProject {
  id: string;
  name: string;
  revision: number;
}

export interface AzureRepository {
  id: string;
  name: string;
  projectId: string;
  gitDir: string;
  /** Set by a PATCH; otherwise the branch HEAD names in git (none for an empty repository). */
  defaultBranch?: string;
  /** Served with the 1.0 document's fields alone (id, name, url, project, defaultBranch, remoteUrl). */
  sampleFieldsOnly?: boolean;
}

export interface AzureWorld {
  collection: { id: string; name: string };
  projects: Map<string, AzureProject>;
  repositories: Map<string, AzureRepository>;
  /** Personal access tokens: valid ones map to a display name; expired ones answer a sign-in page. */
  tokens: Map<string, { user: string; expired: boolean }>;
}

export type ScmPermissionType = "READ" | "WRITE" | "OWNER";

export interface ScmPermission {
  name: string;
  type: ScmPermissionType;
  groupPermission: boolean;
}

export interface ScmRepository {
  id: string;
  name: string;
  type: "git" | "svn";
  contact: string | null;
  description: string | null;
  /** Null once a PUT left it out (a PUT erases what it does not send). */
  creationDate: number | null;
  lastModified: number | null;
  public: boolean;
  archived: boolean;
  permissions: ScmPermission[];
  properties: Array<{ key: string; value: string | null }>;
  healthCheckFailures: Array<{ id: string; summary: string; description: string; url: string }>;
  gitDir: string;
  /** Served with the document's fields alone: no `url`, so no clone URL to join by. */
  sampleFieldsOnly?: boolean;
}

export interface ScmUser {
  name: string;
  password: string;
  displayName: string;
  mail: string;
  admin: boolean;
  locked: boolean;
  groups: string[];
}

export interface ScmWorld {
  users: Map<string, ScmUser>;
  repositories: Map<string, ScmRepository>;
  /** With archiving enabled, only archived repositories can be deleted (412 otherwise). */
  archiveEnabled: boolean;
}

export type OrganizationHost =
  | { kind: "azure"; projectIds: string[] }
  | { kind: "scm"; namespace: string }
  | { kind: "external"; baseUrl: string };

export interface GitProtectOrganization {
  id: string;
  driver: 1 | 2 | 3 | 4 | 5;
  name: string;
  apiUrl: string | null;
  isReadOnly: boolean;
  defaultWorkerId: string | null;
  isCreatedByMarketplace: boolean;
  synchronizationInProgress: boolean;
  host: OrganizationHost;
}

/** GitProtect's repository record as the contract gives it (plans are derived), and where it is hosted. */
export type GitProtectRepository = Omit<GitProtectSchemas["Repository"], "plans"> & {
  /** The hosted repository this record was synchronized from, if a simulated host has it. */
  hosted?: { host: "azure" | "scm"; id: string };
};

export type Schedule = GitProtectSchemas["BackupSchedule"];

export interface GitProtectPlan {
  id: string;
  isActive: boolean;
  name: string;
  type: 1 | 2;
  backupType: 1 | 2 | 3;
  storageId: string;
  repositoriesIds: string[];
  workerId: string;
  schedule: Schedule;
  advancedOptions: Record<string, string>;
  compressionSettings: { enabled: boolean; level?: number };
  encryptionSettings: { enabled: boolean; algorithm?: "AES128" | "AES256"; password?: string };
  customActions: { beforeBackup?: string | null; afterBackup?: string | null };
  organizationId: string;
  includeMetadata: boolean;
  inculdeAllReposistories: boolean;
  /** Azure DevOps plans only. */
  azure?: {
    excludedRepositoriesIds: string[];
    projectsIds: string[];
    wikisIds: string[];
    notificationSettings: { onSuccess: boolean; onFailure: boolean; emails: string[] };
    useExtraCredentials: boolean;
    additionalCredentials: string[];
    resourceKindsToIgnore: number[];
    gitChoiceMode: 1 | 2 | 3;
    rules: Array<{
      elementType: "project" | "wiki" | "repository";
      mode: "include" | "exclude";
      pattern: string;
    }>;
  };
}

export interface GitProtectUser {
  id: string;
  email: string;
  password: string;
  roles: string[];
}

export interface GitProtectWorld {
  users: GitProtectUser[];
  organizations: Map<string, GitProtectOrganization>;
  repositories: Map<string, GitProtectRepository>;
  plans: Map<string, GitProtectPlan>;
  /** Secret the simulator signs its tokens with. */
  tokenSecret: string;
  tokenTtlSeconds: number;
}

export interface World {
  seed: number;
  dataDir: string;
  azure: AzureWorld;
  scm: ScmWorld;
  gitprotect: GitProtectWorld;
  /** Where the hosts are reachable, for clone URLs. */
  urls: { azureCollection: string; scmServer: string };
  random: Random;
}
