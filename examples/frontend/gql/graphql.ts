/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** The Git provider behind a GitProtect organization. */
export type GitProvider =
  /** GitHub. */
  | 'GITHUB'
  /** Bitbucket. */
  | 'BITBUCKET'
  /** GitLab. */
  | 'GITLAB'
  /** Azure DevOps (Services or Server). */
  | 'AZURE_DEVOPS'
  /** A generic Git server, such as SCM-Manager. */
  | 'GENERIC_GIT';

/** Where a repository is hosted. */
export type RepositoryHost =
  /** An Azure DevOps Server collection this gateway is configured for. */
  | 'AZURE_DEVOPS'
  /** An SCM-Manager server this gateway is configured for. */
  | 'SCM_MANAGER'
  /** Elsewhere, under no configured host's URL: only GitProtect knows it. */
  | 'OTHER';

/** The outcome of the latest backup. */
export type BackupStatus =
  /** No backup yet. */
  | 'NONE'
  /** Backed up. */
  | 'SUCCESS'
  /** Backed up, with warnings. */
  | 'WARNING'
  /** The backup failed. */
  | 'FAILED';

export type BackupDashboardQueryVariables = Exact<{
  first: number;
}>;


export type BackupDashboardQuery = { organizations: { totalCount: number, nodes: Array<{ id: string, name: string, provider: GitProvider | null, repositoryCount: number, protectedRepositoryCount: number, missingLicenceCount: number }> } | null };

export type RepositoryPageQueryVariables = Exact<{
  id: string | number;
  changesets: number;
}>;


export type RepositoryPageQuery = { repository: { id: string, name: string, host: RepositoryHost, defaultBranch: { name: string } | null, branches: { nodes: Array<{ name: string }> } | null, changesets: { nodes: Array<{ revision: string, message: string, date: string, author: { name: string } } | null> } | null, backup: { licenceActive: boolean, lastBackupStatus: BackupStatus, plans: Array<{ name: string }> } | null } | null };


export const BackupDashboardDocument = {"__meta__":{"hash":"sha256:4bef5305ed2718f9e9b2fd35ff882a6e52d2a1789f5b719b55eea1fcfcdae372"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BackupDashboard"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"organizations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"repositoryCount"}},{"kind":"Field","name":{"kind":"Name","value":"protectedRepositoryCount"}},{"kind":"Field","name":{"kind":"Name","value":"missingLicenceCount"}}]}}]}}]}}]} as unknown as DocumentNode<BackupDashboardQuery, BackupDashboardQueryVariables>;
export const RepositoryPageDocument = {"__meta__":{"hash":"sha256:caffa63227d9d0cd567613b9903b462dd2b7a43c265a115a122cb73d3cabaac1"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RepositoryPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"changesets"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"repository"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"host"}},{"kind":"Field","name":{"kind":"Name","value":"defaultBranch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"branches"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"changesets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"changesets"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"nodes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revision"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"date"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"backup"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"licenceActive"}},{"kind":"Field","name":{"kind":"Name","value":"lastBackupStatus"}},{"kind":"Field","name":{"kind":"Name","value":"plans"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<RepositoryPageQuery, RepositoryPageQueryVariables>;