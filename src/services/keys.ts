/** What names a record in the gateway's terms: which upstream, and which record there. */

export type HostName = "azure" | "scm";

/** A repository on one of the configured hosts. */
export interface HostKey {
  host: HostName;
  id: string;
}

export type RepositoryKey =
  | { host: HostName; repositoryId: string }
  | { host: "gitprotect"; organizationId: string; repositoryId: string };

/** Every record a global id can name (the order of the fields is the order in the id). */
export type NodeKey =
  | { type: "Organization"; organizationId: string }
  | { type: "BackupPlan"; organizationId: string; planId: string }
  | ({ type: "Repository" } & RepositoryKey)
  | { type: "Changeset"; host: HostName; repositoryId: string; revision: string }
  | { type: "Branch"; host: HostName; repositoryId: string; name: string }
  | { type: "AzureDevOpsProject"; projectId: string };
