import type {
  AzureCommitRefDto,
  AzureProjectDto,
  AzureRepositoryDto,
} from "./upstreams/azure-devops/types.js";
import type { GitProtectRepositoryDto, OrganizationDto, PlanDto } from "./upstreams/gitprotect/types.js";
import type { MutationErrorCode } from "./generated/resolvers-types.js";
import type { ScmRepositoryDto } from "./upstreams/scm-manager/types.js";

/**
 * What resolvers receive as parents (codegen mappers point the GraphQL types here). Upstream
 * DTOs stay behind these: the schema never shows an upstream's shape.
 */

export type HostName = "azure" | "scm";

/** A repository on one of the configured hosts. */
export type HostedRepository =
  { host: "azure"; id: string; dto: AzureRepositoryDto } | { host: "scm"; id: string; dto: ScmRepositoryDto };

export type HostKey = { host: HostName; id: string };

/** One physical repository: its hosted record, GitProtect's record, or both. */
export interface RepositoryModel {
  hosted?: HostedRepository;
  /** The host that should have it (by clone URL) could not be asked: its hosted fields fail with this. */
  hostFailure?: { host: HostName; error: Error };
  /** GitProtect's record when the query came through GitProtect; otherwise looked up by clone URL. */
  backup?: GitProtectRepositoryDto;
}

export interface BackupPlanModel {
  organizationId: string;
  id: string;
  /** Known from a listing or a repository record; otherwise read with the plan, when asked. */
  name?: string;
  /** The whole plan, when already known; otherwise loaded on demand. */
  plan?: PlanDto;
}

export type OrganizationModel = OrganizationDto;

export interface BranchModel {
  repository: HostKey;
  name: string;
  /** Unknown for an Azure DevOps default branch read from the repository record: found by name when asked. */
  revision?: string;
  isDefault: boolean;
}

export interface TagModel {
  repository: HostKey;
  name: string;
  revision: string;
}

export interface ChangesetModel {
  repository: HostKey;
  revision: string;
  message: string;
  author: { name: string; email?: string | null };
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
  author: { name: string; email?: string | null };
  date: number;
  revision: string;
}

export interface TreeEntryModel {
  name: string;
  path: string;
  directory: boolean;
  size: number;
  lastModifiedAt?: number | null;
  lastMessage?: string | null;
}

export interface FileContentModel {
  path: string;
  content: Buffer;
}

export type AzureProjectModel = AzureProjectDto;
export type AzureRepositoryModel = AzureRepositoryDto;
export type ScmRepositoryModel = ScmRepositoryDto;
export type RepositoryBackupModel = GitProtectRepositoryDto;
export type AzureCommitModel = AzureCommitRefDto;

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface ConnectionModel<T> {
  edges: Array<Edge<T>>;
  nodes: T[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number | null | (() => Promise<number | null>);
}

export type OrganizationConnectionModel = ConnectionModel<OrganizationModel>;
export type RepositoryConnectionModel = ConnectionModel<RepositoryModel>;
export type BackupPlanConnectionModel = ConnectionModel<BackupPlanModel>;
export type BranchConnectionModel = ConnectionModel<BranchModel>;
export type TagConnectionModel = ConnectionModel<TagModel>;
export type ChangesetConnectionModel = ConnectionModel<ChangesetModel>;
export type OrganizationEdgeModel = Edge<OrganizationModel>;
export type RepositoryEdgeModel = Edge<RepositoryModel>;
export type BackupPlanEdgeModel = Edge<BackupPlanModel>;
export type BranchEdgeModel = Edge<BranchModel>;
export type TagEdgeModel = Edge<TagModel>;
export type ChangesetEdgeModel = Edge<ChangesetModel>;

/** One repository's outcome in a bulk change; its repository is read again only when asked. */
export interface RepositoryChangeResultModel {
  repositoryId: string;
  record: GitProtectRepositoryDto | null;
  ok: boolean;
  errors: Array<{ code: MutationErrorCode; message: string; field?: string | null }>;
}
