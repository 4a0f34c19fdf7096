import type { AzureDevOpsClient, AzureVersion, CommitCriteria } from "../upstreams/azure-devops/client.js";
import { branchName } from "../upstreams/azure-devops/refs.js";
import { UpstreamError } from "../http/upstream-error.js";
import type { AzureProjectDto, AzureRepositoryDto } from "../upstreams/azure-devops/types.js";
import { about, listedById, namedWithin, orNull, type LoaderKit } from "./loader-kit.js";

type Commit = { id: string; commitId: string };

/** Repositories by id (ids compare without case), primed from the collection's one listing. */
function repositoryLoaders(client: AzureDevOpsClient, kit: LoaderKit, maxPages: number) {
  const { byId, listing } = listedById<AzureRepositoryDto>(
    kit,
    {
      get: (id) => client.getRepository(id),
      list: async () => (await client.listRepositories()).value,
      idOf: (r) => r.id,
    },
    (a, b) => a.toLowerCase() === b.toLowerCase(),
  );
  /** A project's repositories, through the project's own listing; they prime the repositories by id. */
  const ofProject = kit.perKey(async (projectId: string) => {
    const list = await orNull(client.listProjectRepositories(projectId));
    if (list?.value.some((r) => !about(r, (x) => x.project.id, projectId)))
      throw new UpstreamError(
        "Azure DevOps",
        "MALFORMED",
        undefined,
        "it listed another project's repositories",
      );
    for (const r of list?.value ?? []) byId.prime(r.id, r);
    return list && list.value;
  });
  return {
    repository: byId,
    repositories: listing,
    ofProject,
    projects: projectListing(client, kit, maxPages),
  };
}

/** Every project of the collection, a page at a time, as many pages as it takes up to `maxPages`. */
function projectListing(client: AzureDevOpsClient, kit: LoaderKit, maxPages: number) {
  const size = 100;
  return kit.once(async () => {
    const projects: AzureProjectDto[] = [];
    for (let page = 0; page < maxPages; page++) {
      const { value } = await client.listProjects(size, page * size);
      projects.push(...value);
      if (value.length < size) return projects;
    }
    throw new UpstreamError("Azure DevOps", "TOO_LARGE", undefined, `more than ${maxPages * size} projects`);
  });
}

/** Branch heads (all in one call: totalCount needs them all), a head by name, pages of heads, tags. */
function refLoaders(client: AzureDevOpsClient, kit: LoaderKit) {
  const heads = namedWithin(
    kit,
    (id) => orNull(client.listRefs(id, { filter: "heads/" }).then((r) => r.refs)),
    (ref) => branchName(ref.name),
  );
  type PageKey = { id: string; top: number; continuationToken?: string };
  return {
    heads: heads.all,
    head: heads.one,
    /** One page of branch heads, paged the way Azure DevOps pages: `$top` and a continuation token. */
    headsPage: kit.perKey(({ id, top, continuationToken }: PageKey) =>
      orNull(client.listRefs(id, { filter: "heads/", top, continuationToken })),
    ),
    tags: kit.perKey((id: string) =>
      orNull(client.listRefs(id, { filter: "tags/", peelTags: true }).then((r) => r.refs)),
    ),
  };
}

/** Commits, their changes, commit lists, and what is read at a version. */
function historyLoaders(client: AzureDevOpsClient, kit: LoaderKit) {
  type Items = { id: string; scopePath: string; recursive: boolean; version?: AzureVersion };
  return {
    /**
     * A commit by id. Git names a commit by its content, so one id is one commit in every
     * repository: fetched once per request, through the first (visible) repository that asks.
     */
    commit: kit.perKey(
      async ({ id, commitId }: Commit) =>
        about(await orNull(client.getCommit(id, commitId)), (c) => c.commitId, commitId),
      ({ commitId }) => commitId.toLowerCase(),
    ),
    commitChanges: kit.perKey(({ id, commitId }: Commit) => orNull(client.getCommitChanges(id, commitId))),
    commits: kit.perKey(({ id, criteria }: { id: string; criteria: CommitCriteria }) =>
      orNull(client.listCommits(id, criteria)),
    ),
    itemContent: kit.perKey(({ id, path, version }: { id: string; path: string; version?: AzureVersion }) =>
      orNull(client.getItemContent(id, path, version)),
    ),
    items: kit.perKey(({ id, scopePath, recursive, version }: Items) =>
      orNull(client.listItems(id, scopePath, recursive ? "Full" : "OneLevel", version)),
    ),
  };
}

/** Azure DevOps's reads for one request. */
export function azureDevOpsLoaders(client: AzureDevOpsClient, kit: LoaderKit, maxPages: number) {
  return {
    ...repositoryLoaders(client, kit, maxPages),
    ...refLoaders(client, kit),
    ...historyLoaders(client, kit),
  };
}

export type AzureDevOpsLoaders = ReturnType<typeof azureDevOpsLoaders>;
