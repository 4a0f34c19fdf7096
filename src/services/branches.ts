import type { Loaders } from "../loaders/create-loaders.js";
import { branchName, tagName } from "../upstreams/azure-devops/refs.js";
import type { HostKey } from "./keys.js";
import type { BranchModel, HostedRepositoryModel, TagModel } from "./models.js";
import { windowOf, type Page, type Position, type Window } from "./page.js";

/** SCM-Manager 1.x names no default branch: main, then master, then the first branch. */
export function pickDefaultBranch(names: string[]): string | null {
  return names.find((n) => n === "main") ?? names.find((n) => n === "master") ?? names[0] ?? null;
}

const keyOf = (repo: HostedRepositoryModel): HostKey => ({ host: repo.host, id: repo.id });
const sameCommit = (a: string | undefined, b: string) =>
  a !== undefined && a.toLowerCase() === b.toLowerCase();
const branch = (repository: HostKey, name: string, revision: string, main: string | null): BranchModel => ({
  __typename: "Branch",
  repository,
  name,
  revision,
  isDefault: name === main,
});

/** Branches and tags of hosted repositories, on both hosts in one shape. */
export class Branches {
  constructor(private readonly loaders: Loaders) {}

  async defaultName(repo: HostedRepositoryModel): Promise<string | null> {
    if (repo.defaultBranch !== undefined) return repo.defaultBranch;
    const branches = await this.loaders.scm!.branches.load(repo.id);
    return branches ? pickDefaultBranch(branches.map((b) => b.name)) : null;
  }

  /** The default branch; on Azure DevOps its name comes with the repository, so it costs no call. */
  async defaultBranch(repo: HostedRepositoryModel): Promise<BranchModel | null> {
    const name = await this.defaultName(repo);
    if (!name) return null;
    if (repo.host === "azure")
      return { __typename: "Branch", repository: keyOf(repo), name, isDefault: true };
    return this.byName(keyOf(repo), name);
  }

  async all(repo: HostedRepositoryModel): Promise<BranchModel[] | null> {
    const main = await this.defaultName(repo);
    // One key for all of them: the branches are held for the whole of a request.
    const key = keyOf(repo);
    if (repo.host === "azure") {
      const heads = await this.loaders.azure!.heads.load(repo.id);
      return heads?.map((h) => branch(key, branchName(h.name), h.objectId, main)) ?? null;
    }
    const branches = await this.loaders.scm!.branches.load(repo.id);
    return branches?.map((b) => branch(key, b.name, b.revision, main)) ?? null;
  }

  /** One branch by name; null when the repository has none of that name. */
  async byName(key: HostKey & { defaultBranch?: string | null }, name: string): Promise<BranchModel | null> {
    const repository = { host: key.host, id: key.id };
    if (key.host === "azure") {
      const head = await this.loaders.azure!.head.load({ id: key.id, name });
      if (!head) return null;
      // The default branch comes with the repository: read it only when the caller did not have it.
      const main =
        key.defaultBranch !== undefined
          ? key.defaultBranch
          : await this.loaders
              .azure!.repository.load(key.id)
              .then((r) => (r?.defaultBranch ? branchName(r.defaultBranch) : null));
      return branch(repository, name, head.objectId, main);
    }
    const found = await this.loaders.scm!.branch.load({ id: key.id, name });
    if (!found) return null;
    const all = await this.loaders.scm!.branches.load(key.id);
    return branch(repository, found.name, found.revision, pickDefaultBranch(all?.map((b) => b.name) ?? []));
  }

  /**
   * A page of branches. SCM-Manager answers all branches at once; Azure DevOps pages refs with
   * `$top` and a continuation token, which the positions carry, unless the total is wanted.
   */
  async page(
    repo: HostedRepositoryModel,
    first: number,
    after: Position | undefined,
    wantTotal: boolean,
  ): Promise<Page<BranchModel> | null> {
    const tokenPaging = repo.host === "azure" && (after ? !("offset" in after) : !wantTotal);
    if (!tokenPaging) {
      const all = await this.all(repo);
      return all && windowOf(all, { offset: after && "offset" in after ? after.offset + 1 : 0, first });
    }
    return this.tokenPage(repo, first, after && !("offset" in after) ? after : { skip: 0 });
  }

  async tags(repo: HostedRepositoryModel, window: Window): Promise<Page<TagModel> | null> {
    const tags = await this.allTags(repo);
    return tags ? windowOf(tags, window) : null;
  }

  /** The branches whose head is this commit. */
  async headsAt(repo: HostedRepositoryModel, commitId: string): Promise<BranchModel[]> {
    return ((await this.all(repo)) ?? []).filter((b) => sameCommit(b.revision, commitId));
  }

  /** The tags on this commit. */
  async tagsAt(repo: HostedRepositoryModel, commitId: string): Promise<TagModel[]> {
    return ((await this.allTags(repo)) ?? []).filter((t) => sameCommit(t.revision, commitId));
  }

  private async allTags(repo: HostedRepositoryModel): Promise<TagModel[] | null> {
    const repository = keyOf(repo);
    if (repo.host === "azure")
      return (
        (await this.loaders.azure!.tags.load(repo.id))?.map((t) => ({
          repository,
          name: tagName(t.name),
          revision: t.peeledObjectId ?? t.objectId,
        })) ?? null
      );
    const tags = await this.loaders.scm!.tags.load(repo.id);
    return tags?.map((t) => ({ repository, name: t.name, revision: t.revision })) ?? null;
  }

  private async tokenPage(
    repo: HostedRepositoryModel,
    first: number,
    from: { token?: string; skip: number },
  ): Promise<Page<BranchModel> | null> {
    const azure = this.loaders.azure!;
    const page = await azure.headsPage.load({
      id: repo.id,
      top: from.skip + first,
      continuationToken: from.token,
    });
    if (!page) return null;
    const main = await this.defaultName(repo);
    const refs = page.refs.slice(from.skip);
    const last = refs.length - 1;
    const key = keyOf(repo);
    return {
      items: refs.map((ref) => branch(key, branchName(ref.name), ref.objectId, main)),
      positions: refs.map((_, i) =>
        i === last && page.continuationToken
          ? { token: page.continuationToken, skip: 0 }
          : { ...(from.token ? { token: from.token } : {}), skip: from.skip + i + 1 },
      ),
      hasNextPage: page.continuationToken !== undefined,
      hasPreviousPage: from.skip > 0 || from.token !== undefined,
      total: async () => (await azure.heads.load(repo.id))?.length ?? null,
    };
  }
}
