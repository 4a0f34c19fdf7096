import type { QueryResolvers } from "../generated/resolvers-types.js";
import { badInput, orderOf, searchText } from "../graphql/arguments.js";
import { connection } from "../graphql/connection.js";
import { offsetWindow } from "../graphql/cursor.js";
import { decodeId, decodeIdOf } from "../graphql/global-id.js";
import { hostName } from "../graphql/hosts.js";
import { needsBackups, needsHostedJoin } from "../graphql/lookahead.js";
import type { NodeModel } from "../services/models.js";
import { startEarlyReads } from "./early-reads.js";

export const Query: QueryResolvers = {
  node: (_, { id }, { services }) => services.nodes.find(decodeId(id)),
  nodes(_, { ids }, { services }) {
    if (ids.length > 100) throw badInput("`nodes` takes at most 100 ids.");
    const keys = ids.map(decodeId);
    // Each id on its own: graphql-js completes each item's promise apart, so one that fails is
    // null with its error and the others still arrive. (The generated type wants no Promise of null.)
    return keys.map((key) => services.nodes.find(key)) as Array<Promise<NodeModel>>;
  },

  async organizations(_, { first, after, orderBy, filter }, { services }, info) {
    const listing = {
      order: orderOf(orderBy, "NAME"),
      nameContains: searchText(filter?.nameContains, "filter.nameContains"),
      provider: filter?.provider ?? undefined,
    };
    const page = services.organizations.page(offsetWindow(first, after), listing);
    if (needsHostedJoin(info)) services.repositories.prefetchHosted();
    return connection(await page);
  },
  organization(_, { id }, { services }, info) {
    const organization = services.organizations.byId(decodeIdOf(id, "Organization").organizationId);
    if (needsHostedJoin(info)) services.repositories.prefetchHosted();
    return organization;
  },
  backupPlan(_, { id }, { services }, info) {
    const { organizationId, planId } = decodeIdOf(id, "BackupPlan");
    const plan = services.backupPlans.byId(organizationId, planId);
    if (needsHostedJoin(info)) services.repositories.prefetchHosted();
    return plan;
  },

  async repositories(_, { first, after, host, nameContains }, { services }, info) {
    const filter = {
      host: host ? hostName(host) : undefined,
      nameContains: searchText(nameContains, "nameContains"),
    };
    const page = services.repositories.list(filter, offsetWindow(first, after));
    if (needsBackups(info)) services.repositories.prefetchBackups();
    return connection(await page);
  },
  azureDevOpsProjects: (_, __, { services }) => services.nodes.allProjects(),
  repository(_, { id }, context, info) {
    const key = decodeIdOf(id, "Repository");
    const { services } = context;
    if (needsBackups(info)) services.repositories.prefetchBackups();
    const repository = services.repositories.byKey(key);
    startEarlyReads(key, context, info);
    return repository;
  },
  repositoryByUrl(_, { url }, { services }, info) {
    if (url.length > 2048) throw badInput("The URL is too long.");
    if (needsBackups(info)) services.repositories.prefetchBackups();
    return services.repositories.byUrl(url);
  },
};
