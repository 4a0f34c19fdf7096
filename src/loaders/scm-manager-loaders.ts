import { isCommitId } from "../upstreams/git.js";
import type { ScmManagerClient } from "../upstreams/scm-manager/client.js";
import type { ScmRepositoryDto } from "../upstreams/scm-manager/types.js";
import { about, listedById, namedWithin, orNull, type LoaderKit } from "./loader-kit.js";

type At = { id: string; revision?: string };

/**
 * SCM-Manager answers 400 to a command the repository's type lacks (svn has no branches): for
 * every read, that is null (nothing of the kind there), as a missing record is.
 */
const unsupported = ["REJECTED" as const];

/** Repositories by id, primed from the one listing of what the caller may see. */
function repositoryLoaders(client: ScmManagerClient, kit: LoaderKit) {
  const { byId, listing } = listedById<ScmRepositoryDto>(kit, {
    get: (id) => client.getRepository(id),
    list: () => client.listRepositories({ limit: -1 }),
    idOf: (r) => r.id,
  });
  return { repository: byId, repositories: listing };
}

/** Branches (and a branch by name, primed from them) and tags; a type without them (svn) has none. */
function refLoaders(client: ScmManagerClient, kit: LoaderKit) {
  const branches = namedWithin(
    kit,
    (id) => orNull(client.getBranches(id), unsupported),
    (b) => b.name,
  );
  const tags = kit.perKey((id: string) => orNull(client.getTags(id), unsupported));
  return { branches: branches.all, branch: branches.one, tags };
}

/** Changesets, pages of them (which prime the changesets), and what is read at a revision. */
function historyLoaders(client: ScmManagerClient, kit: LoaderKit) {
  /**
   * A full commit id names one commit in every repository (git is content-addressed): fetched
   * once per request, through the first repository that asks. Branch and tag names belong to
   * their repository.
   */
  const changeset = kit.perKey(
    async ({ id, revision }: { id: string; revision: string }) => {
      const found = await orNull(client.getChangeset(id, revision), unsupported);
      // A full id names one commit: an answer about another is none. A name may be any commit.
      return isCommitId(revision) ? about(found, (c) => c.id, revision) : found;
    },
    ({ id, revision }) => (isCommitId(revision) ? revision.toLowerCase() : `${id}\u0000${revision}`),
  );
  type Query = {
    id: string;
    branch?: string;
    revision?: string;
    path?: string;
    start: number;
    limit: number;
  };
  const changesets = kit.perKey(async ({ id, ...query }: Query) => {
    const page = await orNull(client.getChangesets(id, query), unsupported);
    for (const c of page?.changesets ?? []) changeset.prime({ id, revision: c.id }, c);
    return page;
  });
  return {
    changeset,
    changesets,
    blame: kit.perKey(({ id, path, revision }: At & { path: string }) =>
      orNull(client.getBlame(id, path, revision), unsupported),
    ),
    browse: kit.perKey(
      ({ id, ...query }: At & { path: string; recursive: boolean; disableLastCommit: boolean }) =>
        orNull(client.browse(id, query), unsupported),
    ),
    diff: kit.perKey(({ id, revision, path }: { id: string; revision: string; path?: string }) =>
      orNull(client.getDiff(id, revision, path), unsupported),
    ),
    content: kit.perKey(({ id, path, revision }: At & { path: string }) =>
      orNull(client.getContent(id, path, revision), unsupported),
    ),
  };
}

/** SCM-Manager's reads for one request. */
export function scmManagerLoaders(client: ScmManagerClient, kit: LoaderKit) {
  return {
    ...repositoryLoaders(client, kit),
    ...refLoaders(client, kit),
    ...historyLoaders(client, kit),
  };
}

export type ScmManagerLoaders = ReturnType<typeof scmManagerLoaders>;
