import type { Loaders } from "../loaders/create-loaders.js";
import { azureCommitOf } from "./azure-commits.js";
import type { Branches } from "./branches.js";
import { fromAzureCommit, fromScmChangeset } from "./host-models.js";
import type { HostKey } from "./keys.js";
import type {
  BlameLineModel,
  BranchModel,
  ChangesetModel,
  HostedRepositoryModel,
  ReadChangeset,
} from "./models.js";
import { offsetPage, type Page, type Window } from "./page.js";

/** History of hosted repositories on both hosts in one shape: changesets, their changes, blame. */
export class Changesets {
  constructor(
    private readonly loaders: Loaders,
    private readonly branches: Branches,
  ) {}

  /** One changeset by commit id (or branch name); null when the host has no such revision. */
  async byRevision(key: HostKey, revision: string): Promise<ChangesetModel | null> {
    if (key.host === "scm") {
      const dto = await this.loaders.scm!.changeset.load({ id: key.id, revision });
      return dto && fromScmChangeset(key, dto);
    }
    const commitId = await azureCommitOf(this.loaders.azure!, key.id, revision);
    if (!commitId) return null;
    const dto = await this.loaders.azure!.commit.load({ id: key.id, commitId: commitId.toLowerCase() });
    return dto && fromAzureCommit(key, dto);
  }

  /**
   * The branches, each with its head changeset read (or the error reading it). A page of branches
   * asked with their heads answers them at once: a head left to its own field held a pending
   * resolver per branch, which on an overview of thousands of repositories was the largest part of
   * the gateway's live heap.
   */
  async withHeads(branches: BranchModel[]): Promise<BranchModel[]> {
    const read = await this.readEach(
      branches.map((b) => ({ key: b.repository, revision: b.revision ?? b.name })),
    );
    return branches.map((b, i) => ({ ...b, head: read[i]! }));
  }

  /**
   * Each item's changeset (or the error reading it), read once per distinct revision where the
   * loaders de-duplicate, so that the items answer them at once and share one model: a blame of
   * two thousand lines names about a hundred changesets.
   */
  private async readEach(items: Array<{ key: HostKey; revision: string }>): Promise<ReadChangeset[]> {
    const reads = new Map<string, Promise<ReadChangeset>>();
    const read = ({ key, revision }: { key: HostKey; revision: string }) =>
      this.byRevision(key, revision).then(
        (changeset) => ({ changeset }),
        (error: unknown) => ({ error }),
      );
    const shared = (item: { key: HostKey; revision: string }) => {
      const id = `${item.key.host}\u0000${item.key.id}\u0000${item.revision}`;
      let known = reads.get(id);
      if (!known) reads.set(id, (known = read(item)));
      return known;
    };
    return Promise.all(items.map(this.loaders.kit.deduplicates ? shared : read));
  }

  /** The changeset as its host tells it whole, when a listing gave only part (Azure DevOps lists). */
  async complete(changeset: ChangesetModel): Promise<ChangesetModel> {
    if (changeset.parents && !changeset.messageTruncated) return changeset;
    return (await this.byRevision(changeset.repository, changeset.revision)) ?? changeset;
  }

  /** What a changeset changed, when its listing did not say (Azure DevOps). */
  async modifications(changeset: ChangesetModel): Promise<ChangesetModel["modifications"] | null> {
    if (changeset.modifications) return changeset.modifications;
    const answer = await this.loaders.azure!.commitChanges.load({
      id: changeset.repository.id,
      commitId: changeset.revision,
    });
    if (!answer) return null;
    const paths = (type: string) =>
      answer.changes
        .filter((c) => c.changeType.split(/,\s*/).includes(type))
        .map((c) => c.item.path.replace(/^\//, ""));
    return { added: paths("add"), modified: paths("edit"), removed: paths("delete") };
  }

  /** Changesets newest first, mapped onto `start`/`limit` (SCM-Manager) or `$skip`/`$top` (Azure DevOps). */
  async page(
    repo: HostedRepositoryModel,
    window: Window,
    filter: { branch?: string; revision?: string; path?: string },
  ): Promise<Page<ChangesetModel> | null> {
    const key = { host: repo.host, id: repo.id };
    // A path of `/` is the whole repository: no filter.
    const path = filter.path?.replace(/^\/+|\/+$/g, "") || undefined;
    if (repo.host === "scm") {
      const page = await this.loaders.scm!.changesets.load({
        id: repo.id,
        branch: filter.branch,
        revision: filter.revision,
        path,
        start: window.offset,
        limit: window.first,
      });
      return (
        page &&
        offsetPage(
          page.changesets.map((c) => fromScmChangeset(key, c)),
          window,
          page.total,
        )
      );
    }
    const start = await this.azureStart(repo, filter);
    if (!start) return start === null ? null : offsetPage([], window, 0);
    // One more than asked tells whether another page follows; Azure DevOps gives no total.
    const answer = await this.loaders.azure!.commits.load({
      id: repo.id,
      criteria: {
        ...start,
        itemPath: path && `/${path}`,
        skip: window.offset,
        top: window.first + 1,
      },
    });
    if (!answer) return null;
    const items = answer.value.slice(0, window.first).map((c) => fromAzureCommit(key, c));
    return { ...offsetPage(items, window, 0), hasNextPage: answer.value.length > window.first, total: null };
  }

  /**
   * Where an Azure DevOps walk starts: the revision's commit, else the branch (the default one
   * when none is named); null when the revision names nothing, undefined for an empty repository.
   */
  private async azureStart(
    repo: HostedRepositoryModel,
    filter: { branch?: string; revision?: string },
  ): Promise<{ version: string; versionType: "commit" | "branch" } | null | undefined> {
    if (filter.revision) {
      const commitId = await azureCommitOf(this.loaders.azure!, repo.id, filter.revision);
      return commitId === null ? null : { version: commitId, versionType: "commit" };
    }
    const branch = filter.branch ?? (await this.branches.defaultName(repo));
    return branch ? { version: branch, versionType: "branch" } : undefined;
  }

  /** A changeset's unified diff; null for Azure DevOps, whose API has none. */
  async diff(changeset: ChangesetModel, path?: string): Promise<string | null> {
    if (changeset.repository.host === "azure") return null;
    return this.loaders.scm!.diff.load({ id: changeset.repository.id, revision: changeset.revision, path });
  }

  /** Blame lines, each with its changeset when `withChangesets`; null for Azure DevOps, whose API has none. */
  async blame(
    repo: HostedRepositoryModel,
    path: string,
    revision: string | undefined,
    withChangesets: boolean,
  ): Promise<BlameLineModel[] | null> {
    if (repo.host === "azure") return null;
    const answer = await this.loaders.scm!.blame.load({ id: repo.id, path, revision });
    if (!answer) return null;
    const key = { host: repo.host, id: repo.id };
    const read = withChangesets
      ? await this.readEach(answer.blamelines.map((l) => ({ key, revision: l.revision })))
      : undefined;
    // Each line made once, with its changeset: copying two thousand lines to add it was 3 % of a cold
    // blame's CPU in a profile, and without the copy the gateway's CPU fell a tenth (side by side).
    return answer.blamelines.map((l, i): BlameLineModel => ({
      repository: key,
      lineNumber: l.lineNumber,
      code: l.code,
      author: { name: l.author.name, email: l.author.mail ?? null },
      date: l.when,
      revision: l.revision,
      changeset: read?.[i],
    }));
  }
}
