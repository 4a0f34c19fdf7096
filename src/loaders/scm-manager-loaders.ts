import type { ScmManagerClient } from "../upstreams/scm-manager/client.js";
import type {
  ScmChangesetDto,
  ScmNamedRevisionDto,
  ScmRepositoryDto,
} from "../upstreams/scm-manager/types.js";
import { orNull, type LoaderKit } from "./loader-kit.js";

/** SCM-Manager's reads for one request: repositories by id primed from the listing, and history. */
export function scmManagerLoaders(client: ScmManagerClient, kit: LoaderKit) {
  const repository = kit.batched<string, ScmRepositoryDto | null>(async (ids) => {
    // No batch endpoint: one id is one get; several are one listing of what the caller may see.
    if (ids.length === 1 && !repositories.started()) return [await orNull(client.getRepository(ids[0]!))];
    const all = await repositories.load();
    return ids.map((id) => all.find((r) => r.id === id) ?? null);
  });

  const repositories = kit.once(async () => {
    const list = await client.listRepositories({ limit: -1 });
    for (const r of list) repository.prime(r.id, r);
    return list;
  });

  /**
   * A changeset by revision. A full commit id names one commit in every repository (git is
   * content-addressed): fetched once per request, through the first repository that asks.
   * Branch and tag names belong to their repository.
   */
  const changeset = kit.perKey(
    ({ id, revision }: { id: string; revision: string }) => orNull(client.getChangeset(id, revision)),
    ({ id, revision }) =>
      /^[0-9a-f]{40}$/i.test(revision) ? revision.toLowerCase() : `${id}\u0000${revision}`,
  );
  const primeChangesets = (id: string, changesets: ScmChangesetDto[]) => {
    for (const c of changesets) changeset.prime({ id, revision: c.id }, c);
  };

  const branches = kit.perKey(async (id: string) => {
    const list = await orNull(client.getBranches(id), ["REJECTED"]);
    for (const b of list ?? []) branch.prime({ id, name: b.name }, b);
    return list;
  });

  /** A branch by name, from the repository's branches. */
  const branch = kit.batched<{ id: string; name: string }, ScmNamedRevisionDto | null>((keys) =>
    Promise.all(
      keys.map(async ({ id, name }) => (await branches.load(id))?.find((b) => b.name === name) ?? null),
    ),
  );

  return {
    repositories,
    repository,
    branches,
    branch,
    tags: kit.perKey((id: string) => orNull(client.getTags(id), ["REJECTED"])),
    changeset,
    changesets: kit.perKey(
      async ({
        id,
        ...query
      }: {
        id: string;
        branch?: string;
        path?: string;
        start: number;
        limit: number;
      }) => {
        const page = await orNull(client.getChangesets(id, query));
        if (page) primeChangesets(id, page.changesets);
        return page;
      },
    ),
    blame: kit.perKey(({ id, path, revision }: { id: string; path: string; revision?: string }) =>
      orNull(client.getBlame(id, path, revision)),
    ),
    browse: kit.perKey(
      ({
        id,
        path,
        revision,
        recursive,
      }: {
        id: string;
        path: string;
        revision?: string;
        recursive: boolean;
      }) => orNull(client.browse(id, { path, revision, recursive })),
    ),
    diff: kit.perKey(({ id, revision, path }: { id: string; revision: string; path?: string }) =>
      orNull(client.getDiff(id, revision, path)),
    ),
    content: kit.perKey(({ id, path, revision }: { id: string; path: string; revision?: string }) =>
      orNull(client.getContent(id, path, revision)),
    ),
  };
}

export type ScmManagerLoaders = ReturnType<typeof scmManagerLoaders>;
