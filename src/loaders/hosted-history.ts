import { encodeCursor, type Cursor } from "../cursor.js";
import type {
  BlameLineModel,
  BranchModel,
  ChangesetModel,
  FileContentModel,
  HostedRepository,
  HostKey,
  TagModel,
  TreeEntryModel,
} from "../models.js";
import type { AzureCommitDto, AzureCommitRefDto, AzureVersionType } from "../upstreams/azure-devops/types.js";
import type { ScmChangesetDto, ScmNamedRevisionDto } from "../upstreams/scm-manager/types.js";
import type { AzureDevOpsLoaders } from "./azure-devops-loaders.js";
import type { ScmManagerLoaders } from "./scm-manager-loaders.js";

export interface Page<T> {
  items: Array<{ node: T; cursor: string }>;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  total: number | null | (() => Promise<number | null>);
}

const commitId = /^[0-9a-f]{40}$/i;
const headsPrefix = "refs/heads/";

/** SCM-Manager 1.x names no default branch: main, then master, then the first branch. */
function pickDefaultBranch(names: string[]): string | null {
  return names.find((n) => n === "main") ?? names.find((n) => n === "master") ?? names[0] ?? null;
}

const fromScm = (repository: HostKey, dto: ScmChangesetDto): ChangesetModel => ({
  repository,
  revision: dto.id,
  message: dto.description,
  author: { name: dto.author.name, email: dto.author.mail ?? null },
  date: dto.date,
  parents: dto.parents,
  modifications: dto.modifications,
});

const fromAzure = (repository: HostKey, dto: AzureCommitRefDto | AzureCommitDto): ChangesetModel => ({
  repository,
  revision: dto.commitId,
  message: dto.comment,
  author: { name: dto.author.name, email: dto.author.email },
  date: Date.parse(dto.author.date),
  ...("parents" in dto ? { parents: dto.parents } : {}),
  ...(dto.commentTruncated ? { messageTruncated: true } : {}),
});

const offsetPage = <T>(all: T[], offset: number, first: number): Page<T> => ({
  items: all
    .slice(offset, offset + first)
    .map((node, i) => ({ node, cursor: encodeCursor({ o: offset + i }) })),
  hasNextPage: offset + first < all.length,
  hasPreviousPage: offset > 0,
  total: all.length,
});

/** History over both hosts in one shape: branches, tags, changesets, blame, trees and files. */
export function hostedHistory(sources: { azure?: AzureDevOpsLoaders; scm?: ScmManagerLoaders }) {
  const azure = () => sources.azure!;
  const scm = () => sources.scm!;
  const keyOf = (repo: HostedRepository): HostKey => ({ host: repo.host, id: repo.id });
  const azureVersion = (revision: string): { version: string; versionType: AzureVersionType } =>
    commitId.test(revision)
      ? { version: revision, versionType: "commit" }
      : { version: revision, versionType: "branch" };

  async function scmBranches(repo: HostedRepository): Promise<ScmNamedRevisionDto[] | null> {
    return scm().branches.load(repo.id);
  }

  async function defaultBranchName(repo: HostedRepository): Promise<string | null> {
    if (repo.host === "azure") return repo.dto.defaultBranch?.replace(headsPrefix, "") ?? null;
    const branches = await scmBranches(repo);
    return branches ? pickDefaultBranch(branches.map((b) => b.name)) : null;
  }

  async function allBranches(repo: HostedRepository): Promise<BranchModel[] | null> {
    const key = keyOf(repo);
    if (repo.host === "azure") {
      const heads = await azure().heads.load(repo.id);
      const main = await defaultBranchName(repo);
      return heads?.map((h) => branch(key, h.name.replace(headsPrefix, ""), h.objectId, main)) ?? null;
    }
    const branches = await scmBranches(repo);
    const main = branches ? pickDefaultBranch(branches.map((b) => b.name)) : null;
    return branches?.map((b) => branch(key, b.name, b.revision, main)) ?? null;
  }

  const branch = (repository: HostKey, name: string, revision: string, main: string | null): BranchModel => ({
    repository,
    name,
    revision,
    isDefault: name === main,
  });

  return {
    defaultBranchName,
    allBranches,

    /** The default branch; on Azure DevOps its name comes with the repository, so it costs no call. */
    async defaultBranch(repo: HostedRepository): Promise<BranchModel | null> {
      const name = await defaultBranchName(repo);
      if (!name) return null;
      if (repo.host === "azure") return { repository: keyOf(repo), name, isDefault: true };
      return (await allBranches(repo))?.find((b) => b.name === name) ?? null;
    },

    /**
     * A page of branches. SCM-Manager answers all branches at once; Azure DevOps pages refs
     * with `$top` and a continuation token, which the cursors carry, unless the total is wanted.
     */
    async branches(
      repo: HostedRepository,
      first: number,
      after: Cursor | undefined,
      wantTotal: boolean,
    ): Promise<Page<BranchModel> | null> {
      const tokenPaging = repo.host === "azure" && (after ? !("o" in after) : !wantTotal);
      if (!tokenPaging) {
        const all = await allBranches(repo);
        return all && offsetPage(all, after && "o" in after ? after.o + 1 : 0, first);
      }
      const from = after && !("o" in after) ? after : { k: 0 };
      const page = await azure().headsPage.load({
        id: repo.id,
        top: from.k + first,
        continuationToken: from.t,
      });
      if (!page) return null;
      const main = await defaultBranchName(repo);
      const refs = page.refs.slice(from.k);
      return {
        items: refs.map((ref, i) => ({
          node: branch(keyOf(repo), ref.name.replace(headsPrefix, ""), ref.objectId, main),
          cursor: encodeCursor(
            i === refs.length - 1 && page.continuationToken
              ? { t: page.continuationToken, k: 0 }
              : { ...(from.t ? { t: from.t } : {}), k: from.k + i + 1 },
          ),
        })),
        hasNextPage: page.continuationToken !== undefined,
        hasPreviousPage: from.k > 0 || from.t !== undefined,
        total: async () => (await azure().heads.load(repo.id))?.length ?? null,
      };
    },

    async tags(repo: HostedRepository): Promise<TagModel[] | null> {
      const key = keyOf(repo);
      if (repo.host === "azure")
        return (
          (await azure().tags.load(repo.id))?.map((t) => ({
            repository: key,
            name: t.name.replace("refs/tags/", ""),
            revision: t.peeledObjectId ?? t.objectId,
          })) ?? null
        );
      return (
        (await scm().tags.load(repo.id))?.map((t) => ({
          repository: key,
          name: t.name,
          revision: t.revision,
        })) ?? null
      );
    },

    /** One changeset by commit id (or branch name); null when the host has no such revision. */
    async changeset(key: HostKey, revision: string): Promise<ChangesetModel | null> {
      if (key.host === "scm") {
        const dto = await scm().changeset.load({ id: key.id, revision });
        return dto && fromScm(key, dto);
      }
      let sha = revision;
      if (!commitId.test(revision)) {
        const heads = await azure().heads.load(key.id);
        const head = heads?.find((h) => h.name === `${headsPrefix}${revision}`);
        if (!head) return null;
        sha = head.objectId;
      }
      const dto = await azure().commit.load({ id: key.id, commitId: sha.toLowerCase() });
      return dto && fromAzure(key, dto);
    },

    /** What a changeset changed, when its listing did not say (Azure DevOps). */
    async modifications(changeset: ChangesetModel): Promise<ChangesetModel["modifications"] | null> {
      if (changeset.modifications) return changeset.modifications;
      const answer = await azure().commitChanges.load({
        id: changeset.repository.id,
        commitId: changeset.revision,
      });
      if (!answer) return null;
      const paths = (type: string) =>
        answer.changes.filter((c) => c.changeType === type).map((c) => c.item.path.replace(/^\//, ""));
      return { added: paths("add"), modified: paths("edit"), removed: paths("delete") };
    },

    /** Changesets newest first, mapped onto `start`/`limit` (SCM-Manager) or `$skip`/`$top` (Azure DevOps). */
    async changesets(
      repo: HostedRepository,
      options: { offset: number; first: number; branch?: string; path?: string },
    ): Promise<Page<ChangesetModel> | null> {
      const key = keyOf(repo);
      const cursor = (i: number) => encodeCursor({ o: options.offset + i });
      if (repo.host === "scm") {
        const page = await scm().changesets.load({
          id: repo.id,
          branch: options.branch,
          path: options.path,
          start: options.offset,
          limit: options.first,
        });
        if (!page) return null;
        return {
          items: page.changesets.map((c, i) => ({ node: fromScm(key, c), cursor: cursor(i) })),
          hasNextPage: options.offset + page.changesets.length < page.total,
          hasPreviousPage: options.offset > 0,
          total: page.total,
        };
      }
      const branchName = options.branch ?? (await defaultBranchName(repo));
      if (!branchName) return { items: [], hasNextPage: false, hasPreviousPage: false, total: 0 };
      // One more than asked tells whether another page follows; Azure DevOps gives no total.
      const answer = await azure().commits.load({
        id: repo.id,
        criteria: {
          version: branchName,
          versionType: "branch",
          itemPath: options.path,
          skip: options.offset,
          top: options.first + 1,
        },
      });
      if (!answer) return null;
      return {
        items: answer.value
          .slice(0, options.first)
          .map((c, i) => ({ node: fromAzure(key, c), cursor: cursor(i) })),
        hasNextPage: answer.value.length > options.first,
        hasPreviousPage: options.offset > 0,
        total: null,
      };
    },

    /** A changeset's unified diff; null for Azure DevOps, whose API has none. */
    async diff(changeset: ChangesetModel, path?: string): Promise<string | null> {
      if (changeset.repository.host === "azure") return null;
      return scm().diff.load({ id: changeset.repository.id, revision: changeset.revision, path });
    },

    /** Blame lines; null for Azure DevOps, whose API has none. */
    async blame(repo: HostedRepository, path: string, revision?: string): Promise<BlameLineModel[] | null> {
      if (repo.host === "azure") return null;
      const answer = await scm().blame.load({ id: repo.id, path, revision });
      return (
        answer?.blamelines.map((l) => ({
          repository: keyOf(repo),
          lineNumber: l.lineNumber,
          code: l.code,
          author: { name: l.author.name, email: l.author.mail ?? null },
          date: l.when,
          revision: l.revision,
        })) ?? null
      );
    },

    async tree(
      repo: HostedRepository,
      path: string,
      revision: string | undefined,
      recursive: boolean,
    ): Promise<TreeEntryModel[] | null> {
      const folder = path.replace(/^\/+|\/+$/g, "");
      if (repo.host === "scm") {
        const answer = await scm().browse.load({ id: repo.id, path: folder, revision, recursive });
        return (
          answer?.files.map((f) => ({
            name: f.name,
            path: f.path,
            directory: f.directory,
            size: f.length ?? 0,
            lastModifiedAt: f.lastModified ?? null,
            lastMessage: f.description ?? null,
          })) ?? null
        );
      }
      const version = revision ? azureVersion(revision) : undefined;
      const answer = await azure().items.load({ id: repo.id, scopePath: `/${folder}`, recursive, version });
      return (
        answer?.value
          .filter((item) => item.path.replace(/^\/+|\/+$/g, "") !== folder)
          .map((item) => ({
            name: item.path.split("/").pop()!,
            path: item.path.replace(/^\//, ""),
            directory: item.gitObjectType === "tree",
            size: item.size ?? 0,
          })) ?? null
      );
    },

    async file(repo: HostedRepository, path: string, revision?: string): Promise<FileContentModel | null> {
      const clean = path.replace(/^\/+/, "");
      const content =
        repo.host === "scm"
          ? await scm().content.load({ id: repo.id, path: clean, revision })
          : await azure().itemContent.load({
              id: repo.id,
              path: `/${clean}`,
              version: revision ? azureVersion(revision) : undefined,
            });
      return content && { path: clean, content };
    },
  };
}

export type HostedHistory = ReturnType<typeof hostedHistory>;
