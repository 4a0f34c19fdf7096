import type { Resolvers } from "../generated/resolvers-types.js";
import { DateTime } from "../graphql/scalars.js";
import { BackupPlan } from "./backup-plan.js";
import { BlameLine, Branch, Changeset, FileContent, Tag, TreeEntry } from "./history.js";
import { AzureDevOpsPlanSettings, AzureDevOpsProject, ScmManagerRepository } from "./hosting.js";
import { mutations, RepositoryChangeResult } from "./mutations/index.js";
import { Organization } from "./organization.js";
import { Query } from "./query.js";
import { Repository } from "./repository.js";
import { RepositoryBackup } from "./repository-backup.js";

export const resolvers: Resolvers = {
  DateTime,
  // Node models carry their GraphQL type.
  Node: { __resolveType: (model) => model.__typename },
  Query,
  Mutation: mutations,
  RepositoryChangeResult,
  Organization,
  BackupPlan,
  AzureDevOpsPlanSettings,
  Repository,
  RepositoryBackup,
  AzureDevOpsProject,
  ScmManagerRepository,
  Branch,
  Tag,
  Changeset,
  BlameLine,
  TreeEntry,
  FileContent,
};
