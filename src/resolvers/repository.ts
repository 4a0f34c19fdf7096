import { decodeCursor, offsetWindow } from "../cursor.js";
import { encodeId } from "../global-id.js";
import type { RepositoryResolvers } from "../generated/resolvers-types.js";
import type { HostedRepository, RepositoryModel } from "../models.js";
import { selectsField } from "./lookahead.js";
import { badInput, checkedPath, connection, need, offsetConnection } from "./support.js";

/** The hosted side of a repository; null when only GitProtect knows it; the host's failure when it could not be asked. */
function hostedOf(model: RepositoryModel): HostedRepository | null {
  if (model.hostFailure) throw model.hostFailure.error;
  return model.hosted ?? null;
}

export const Repository: RepositoryResolvers = {
  id: (m) =>
    m.hosted
      ? encodeId({ type: "Repository", host: m.hosted.host, repositoryId: m.hosted.id })
      : encodeId({
          type: "Repository",
          host: "gitprotect",
          organizationId: m.backup!.organizationId,
          repositoryId: m.backup!.id,
        }),
  name: (m) => m.hosted?.dto.name ?? m.backup!.name,
  cloneUrl: (m) =>
    m.hosted
      ? m.hosted.host === "azure"
        ? m.hosted.dto.remoteUrl
        : (m.hosted.dto.url ?? "")
      : m.backup!.url,
  host: (m) => {
    const host = m.hosted?.host ?? m.hostFailure?.host;
    return host === "azure" ? "AZURE_DEVOPS" : host === "scm" ? "SCM_MANAGER" : "OTHER";
  },
  backup(m, _, { loaders }) {
    if (m.backup) return m.backup;
    need(loaders.gitprotect, "GitProtect");
    return loaders.index.backupOf(m.hosted!);
  },
  defaultBranch(m, _, { loaders }) {
    const hosted = hostedOf(m);
    return hosted && loaders.history.defaultBranch(hosted);
  },
  async branches(m, args, { loaders }, info) {
    const hosted = hostedOf(m);
    if (!hosted) return null;
    const { first } = offsetWindow(args.first, null);
    const page = await loaders.history.branches(
      hosted,
      first,
      args.after ? decodeCursor(args.after) : undefined,
      selectsField(info, "totalCount"),
    );
    return page && connection(page);
  },
  async branch(m, { name }, { loaders }) {
    const hosted = hostedOf(m);
    const branches = hosted && (await loaders.history.allBranches(hosted));
    return branches?.find((b) => b.name === name) ?? null;
  },
  async tags(m, args, { loaders }) {
    const hosted = hostedOf(m);
    const window = offsetWindow(args.first, args.after);
    const tags = hosted && (await loaders.history.tags(hosted));
    return (
      tags &&
      offsetConnection(tags.slice(window.offset, window.offset + window.first), window.offset, tags.length)
    );
  },
  async changesets(m, args, { loaders }) {
    const hosted = hostedOf(m);
    if (!hosted) return null;
    const window = offsetWindow(args.first, args.after);
    const page = await loaders.history.changesets(hosted, {
      ...window,
      branch: args.branch ?? undefined,
      path: args.path ? checkedPath(args.path) : undefined,
    });
    return page && connection(page);
  },
  changeset(m, { revision }, { loaders }) {
    const hosted = hostedOf(m);
    if (revision.length > 256) throw badInput("The revision is not valid.");
    return hosted && loaders.history.changeset({ host: hosted.host, id: hosted.id }, revision);
  },
  blame(m, { path, revision }, { loaders }) {
    const hosted = hostedOf(m);
    return hosted && loaders.history.blame(hosted, checkedPath(path), revision ?? undefined);
  },
  tree(m, { path, revision, recursive }, { loaders }) {
    const hosted = hostedOf(m);
    return (
      hosted &&
      loaders.history.tree(hosted, checkedPath(path ?? ""), revision ?? undefined, recursive ?? false)
    );
  },
  file(m, { path, revision }, { loaders }) {
    const hosted = hostedOf(m);
    return hosted && loaders.history.file(hosted, checkedPath(path), revision ?? undefined);
  },
  azureDevOps: (m) => (hostedOf(m)?.host === "azure" ? (m.hosted!.dto as never) : null),
  scmManager: (m) => (hostedOf(m)?.host === "scm" ? (m.hosted!.dto as never) : null),
};
