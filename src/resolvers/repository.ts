import type { RepositoryResolvers } from "../generated/resolvers-types.js";
import {
  badInput,
  checkedPath,
  checkedRevision,
  optionalPath,
  optionalRevision,
} from "../graphql/arguments.js";
import { connectionOrNull } from "../graphql/connection.js";
import { decodeCursor, offsetWindow, pageSize } from "../graphql/cursor.js";
import { encodeId } from "../graphql/global-id.js";
import { hostEnum } from "../graphql/hosts.js";
import { nodesSelect, selectsField, showsLastChange } from "../graphql/lookahead.js";
import type { HostedRepositoryModel, RepositoryModel } from "../services/models.js";

/** The hosted side of a repository; null when only GitProtect knows it; the host's failure when it could not be asked. */
function hostedOf(model: RepositoryModel): HostedRepositoryModel | null {
  if (model.hostFailure) throw model.hostFailure.error;
  return model.hosted ?? null;
}

export const Repository: RepositoryResolvers = {
  // Id, name and clone URL come from the host when one has the repository: while that host
  // fails they fail with it, rather than turn into GitProtect's and change under a client's cache.
  id(m) {
    if (m.hostFailure) throw m.hostFailure.error;
    return encodeId({ type: "Repository", ...m.key });
  },
  name: (m) => hostedOf(m)?.name ?? m.backup!.name,
  cloneUrl(m) {
    const hosted = hostedOf(m);
    return hosted ? hosted.cloneUrl : m.backup!.cloneUrl;
  },
  host: (m) => hostEnum(m.hosted?.host ?? m.hostFailure?.host ?? m.unseenOn),
  backup: (m, _, { services }) => services.repositories.backupOf(m),
  defaultBranch(m, _, { services }) {
    const hosted = hostedOf(m);
    return hosted && services.branches.defaultBranch(hosted);
  },
  async branches(m, { first, after }, { services }, info) {
    const hosted = hostedOf(m);
    if (!hosted) return null;
    const size = pageSize(first);
    const from = after ? decodeCursor(after) : undefined;
    const page = await services.branches.page(hosted, size, from, selectsField(info, "totalCount"));
    if (!page || !nodesSelect(info, "head")) return connectionOrNull(page);
    return connectionOrNull({ ...page, items: await services.changesets.withHeads(page.items) });
  },
  branch(m, { name }, { services }) {
    const hosted = hostedOf(m);
    return hosted && services.branches.byName(hosted, checkedRevision(name, hosted.host));
  },
  async tags(m, { first, after }, { services }) {
    const hosted = hostedOf(m);
    const window = offsetWindow(first, after);
    return hosted && connectionOrNull(await services.branches.tags(hosted, window));
  },
  async changesets(m, { first, after, branch, revision, path }, { services }) {
    const hosted = hostedOf(m);
    if (!hosted) return null;
    if (branch && revision) throw badInput("Give `branch` or `revision`, not both.");
    const window = offsetWindow(first, after);
    const filter = {
      branch: optionalRevision(branch, hosted.host),
      revision: optionalRevision(revision, hosted.host),
      path: optionalPath(path),
    };
    return connectionOrNull(await services.changesets.page(hosted, window, filter));
  },
  changeset(m, { revision }, { services }) {
    const hosted = hostedOf(m);
    return hosted && services.changesets.byRevision(hosted, checkedRevision(revision, hosted.host));
  },
  blame(m, { path, revision }, { services }, info) {
    const hosted = hostedOf(m);
    if (!hosted) return null;
    return services.changesets.blame(
      hosted,
      checkedPath(path),
      optionalRevision(revision, hosted.host),
      selectsField(info, "changeset"),
    );
  },
  tree(m, { path, revision, recursive }, { services }, info) {
    const hosted = hostedOf(m);
    const options = { recursive: recursive ?? false, lastCommit: showsLastChange(info) };
    return (
      hosted &&
      services.files.tree(hosted, checkedPath(path ?? ""), optionalRevision(revision, hosted.host), options)
    );
  },
  file(m, { path, revision }, { services }) {
    const hosted = hostedOf(m);
    return hosted && services.files.file(hosted, checkedPath(path), optionalRevision(revision, hosted.host));
  },
  azureDevOps: (m) => hostedOf(m)?.azureDevOps ?? null,
  scmManager: (m) => hostedOf(m)?.scmManager ?? null,
};
