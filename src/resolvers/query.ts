import { offsetWindow } from "../cursor.js";
import { decodeId, decodeIdOf } from "../global-id.js";
import type { QueryResolvers } from "../generated/resolvers-types.js";
import type { HostedRepository } from "../models.js";
import { findNode, findPlan, findRepository } from "./find-node.js";
import { needsBackups, needsHostedJoin } from "./lookahead.js";
import { badInput, need, notConfigured, offsetConnection } from "./support.js";

const hostNames = { AZURE_DEVOPS: "azure", SCM_MANAGER: "scm" } as const;

export const Query: QueryResolvers = {
  node: (_, { id }, { loaders }) => findNode(decodeId(id), loaders),
  nodes(_, { ids }, { loaders }) {
    if (ids.length > 100) throw badInput("`nodes` takes at most 100 ids.");
    const decoded = ids.map(decodeId);
    return Promise.all(decoded.map((id) => findNode(id, loaders).catch(() => null)));
  },

  async organizations(_, args, { loaders }, info) {
    const window = offsetWindow(args.first, args.after);
    const gitprotect = need(loaders.gitprotect, "GitProtect");
    if (needsHostedJoin(info)) loaders.index.prefetchHosted();
    const page = await gitprotect.organizationsPage.load(window);
    return offsetConnection(page.items, window.offset, page.total);
  },
  organization(_, { id }, { loaders }, info) {
    const { organizationId } = decodeIdOf(id, "Organization");
    if (needsHostedJoin(info)) loaders.index.prefetchHosted();
    return need(loaders.gitprotect, "GitProtect").organization.load(organizationId);
  },
  backupPlan(_, { id }, { loaders }, info) {
    const { organizationId, planId } = decodeIdOf(id, "BackupPlan");
    if (needsHostedJoin(info)) loaders.index.prefetchHosted();
    return findPlan(loaders, organizationId, planId);
  },

  async repositories(_, args, { loaders }, info) {
    const window = offsetWindow(args.first, args.after);
    if (!loaders.azure && !loaders.scm) throw notConfigured("Neither Azure DevOps nor SCM-Manager");
    if (loaders.gitprotect && needsBackups(info)) loaders.index.prefetchBackups();
    const wanted = args.host === "OTHER" ? undefined : args.host ? hostNames[args.host] : undefined;
    if (args.host === "OTHER") return offsetConnection([], window.offset, 0);
    const { repositories, failed } = await loaders.index.allHosted();
    // A listing missing one host's repositories would look complete: fail instead, and say which.
    const failure = wanted ? failed[wanted] : (failed.azure ?? failed.scm);
    if (failure) throw failure;
    const needle = args.nameContains?.toLowerCase();
    const matching = repositories
      .filter((r) => (!wanted || r.host === wanted) && (!needle || r.dto.name.toLowerCase().includes(needle)))
      .sort(byName);
    return offsetConnection(
      matching.slice(window.offset, window.offset + window.first).map((hosted) => ({ hosted })),
      window.offset,
      matching.length,
    );
  },
  repository(_, { id }, { loaders }, info) {
    const decoded = decodeIdOf(id, "Repository");
    if (loaders.gitprotect && needsBackups(info)) loaders.index.prefetchBackups();
    return findRepository(decoded, loaders);
  },
  repositoryByUrl(_, { url }, { loaders }, info) {
    if (url.length > 2048) throw badInput("The URL is too long.");
    if (loaders.gitprotect && needsBackups(info)) loaders.index.prefetchBackups();
    return loaders.index.byUrl(url);
  },
};

function byName(a: HostedRepository, b: HostedRepository): number {
  return (
    a.dto.name.localeCompare(b.dto.name, "en", { sensitivity: "base" }) ||
    a.host.localeCompare(b.host) ||
    a.id.localeCompare(b.id)
  );
}
