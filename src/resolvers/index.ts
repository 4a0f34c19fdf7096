import { GraphQLError, GraphQLScalarType, Kind } from "graphql";
import type { Resolvers } from "../generated/resolvers-types.js";
import { BackupPlan } from "./backup-plan.js";
import { nodeTypeOf } from "./find-node.js";
import { BlameLine, Branch, Changeset, FileContent, Tag, TreeEntry } from "./history.js";
import {
  AzureDevOpsPlanSettings,
  AzureDevOpsProject,
  AzureDevOpsRepository,
  ScmManagerRepository,
} from "./hosting.js";
import { gitprotectMutations, RepositoryChangeResult } from "./mutation-gitprotect.js";
import { hostMutations } from "./mutation-hosts.js";
import { Organization } from "./organization.js";
import { Query } from "./query.js";
import { Repository } from "./repository.js";
import { RepositoryBackup } from "./repository-backup.js";

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

const DateTime = new GraphQLScalarType({
  name: "DateTime",
  description: "An instant, as an ISO-8601 string in UTC.",
  serialize: (value) => value,
  parseValue(value) {
    if (typeof value === "string" && isoInstant.test(value)) return value;
    throw new GraphQLError("A DateTime is an ISO-8601 instant in UTC.", {
      extensions: { code: "BAD_USER_INPUT" },
    });
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING && isoInstant.test(ast.value)) return ast.value;
    throw new GraphQLError("A DateTime is an ISO-8601 instant in UTC.", {
      extensions: { code: "BAD_USER_INPUT" },
    });
  },
});

export const resolvers: Resolvers = {
  DateTime,
  Node: { __resolveType: (model) => nodeTypeOf(model) as "Repository" },
  Query,
  Mutation: { ...gitprotectMutations, ...hostMutations },
  RepositoryChangeResult,
  Organization,
  BackupPlan,
  AzureDevOpsPlanSettings,
  Repository,
  RepositoryBackup,
  AzureDevOpsProject,
  AzureDevOpsRepository,
  ScmManagerRepository,
  Branch,
  Tag,
  Changeset,
  BlameLine,
  TreeEntry,
  FileContent,
};
