import { isCommitId } from "../upstreams/git.js";
import type { ScmManagerClient } from "../upstreams/scm-manager/client.js";
import type { ScmRepositoryDto } from "../upstreams/scm-manager/types.js";
import { listedById, namedWithin, orNull, type LoaderKit } from "./loader-kit.js";

type At = { id: string; revision?: string };

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
    (id) => orNull(client.getBranches(id), ["REJECTED"]),
    (b) => b.name,
  );
  const tags = kit.perKey((id: string) => orNull(client.getTags(id), ["REJECTED"]));
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
    ({ id, revision }: { id: string; revision: string }) => orNull(client.getChangeset(id, revision)),
    ({ id, revision }) => (isCommitId(revision) ? revision.toLowerCase() : `${id}\u0000${revision}`),
  );
  type Query = { id: string; branch?: string; path?: string; start: number; limit: number };
  const changesets = kit.perKey(async ({ id, ...query }: Query) => {
    const page = await orNull(client.getChangesets(id, query));
    for (const c of page?.changesets ?? []) changeset.prime({ id, revision: c.id }, c);
    return page;
  });
  return {
    changeset,
    changesets,
    blame: kit.perKey(({ id, path, revision }: At & { path: string }) =>
      orNull(client.getBlame(id, path, revision)),
    ),
    browse: kit.perKey(({ id, ...query }: At & { path: string; recursive: boolean }) =>
      orNull(client.browse(id, query)),
    ),
    diff: kit.perKey(({ id, revision, path }: { id: string; revision: string; path?: string }) =>
      orNull(client.getDiff(id, revision, path)),
    ),
    content: kit.perKey(({ id, path, revision }: At & { path: string }) =>
      orNull(client.getContent(id, path, revision)),
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
