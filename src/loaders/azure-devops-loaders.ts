import type { AzureDevOpsClient, AzureVersion, CommitCriteria } from "../upstreams/azure-devops/client.js";
import type { AzureRefDto, AzureRepositoryDto } from "../upstreams/azure-devops/types.js";
import { orNull, type LoaderKit } from "./loader-kit.js";

type Version = AzureVersion;

/** Azure DevOps's reads for one request: repositories by id primed from the listing, refs, commits, items. */
export function azureDevOpsLoaders(client: AzureDevOpsClient, kit: LoaderKit) {
  const repository = kit.batched<string, AzureRepositoryDto | null>(async (ids) => {
    // One id: get it; several: the collection's one listing answers them all.
    if (ids.length === 1 && !repositories.started()) return [await orNull(client.getRepository(ids[0]!))];
    const all = await repositories.load();
    return ids.map((id) => all.find((r) => r.id.toLowerCase() === id.toLowerCase()) ?? null);
  });

  const repositories = kit.once(async () => {
    const list = (await client.listRepositories()).value;
    for (const r of list) repository.prime(r.id, r);
    return list;
  });

  /** All branch heads in one call (totalCount needs them all). */
  const heads = kit.perKey(async (id: string) => {
    const refs = await orNull(client.listRefs(id, { filter: "heads/" }).then((r) => r.refs));
    for (const ref of refs ?? []) head.prime({ id, name: ref.name.replace("refs/heads/", "") }, ref);
    return refs;
  });

  /** A branch head by name, from the repository's heads. */
  const head = kit.batched<{ id: string; name: string }, AzureRefDto | null>((keys) =>
    Promise.all(
      keys.map(
        async ({ id, name }) => (await heads.load(id))?.find((h) => h.name === `refs/heads/${name}`) ?? null,
      ),
    ),
  );

  return {
    repositories,
    repository,
    heads,
    head,
    /** One page of branch heads, paged the way Azure DevOps pages: `$top` and a continuation token. */
    headsPage: kit.perKey(
      ({ id, top, continuationToken }: { id: string; top: number; continuationToken?: string }) =>
        orNull(client.listRefs(id, { filter: "heads/", top, continuationToken })),
    ),
    tags: kit.perKey((id: string) =>
      orNull(client.listRefs(id, { filter: "tags/", peelTags: true }).then((r) => r.refs)),
    ),
    /**
     * A commit by id. Git names a commit by its content, so one id is one commit in every
     * repository: fetched once per request, through the first (visible) repository that asks.
     */
    commit: kit.perKey(
      ({ id, commitId }: { id: string; commitId: string }) => orNull(client.getCommit(id, commitId)),
      ({ commitId }) => commitId.toLowerCase(),
    ),
    commitChanges: kit.perKey(({ id, commitId }: { id: string; commitId: string }) =>
      orNull(client.getCommitChanges(id, commitId)),
    ),
    commits: kit.perKey(({ id, criteria }: { id: string; criteria: CommitCriteria }) =>
      orNull(client.listCommits(id, criteria)),
    ),
    itemContent: kit.perKey(({ id, path, version }: { id: string; path: string; version?: Version }) =>
      orNull(client.getItemContent(id, path, version)),
    ),
    items: kit.perKey(
      ({
        id,
        scopePath,
        recursive,
        version,
      }: {
        id: string;
        scopePath: string;
        recursive: boolean;
        version?: Version;
      }) => orNull(client.listItems(id, scopePath, recursive ? "Full" : "OneLevel", version)),
    ),
  };
}

export type AzureDevOpsLoaders = ReturnType<typeof azureDevOpsLoaders>;
