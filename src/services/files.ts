import type { Loaders } from "../loaders/create-loaders.js";
import type { AzureVersion } from "../upstreams/azure-devops/client.js";
import { isCommitId } from "../upstreams/git.js";
import type { FileContentModel, HostedRepositoryModel, TreeEntryModel } from "./models.js";

const trimSlashes = (path: string) => path.replace(/^\/+|\/+$/g, "");

/** A revision as Azure DevOps names it: a full commit id, or else a branch. */
const azureVersion = (revision: string): AzureVersion => ({
  version: revision,
  versionType: isCommitId(revision) ? "commit" : "branch",
});

/** Folders and files of hosted repositories, on both hosts in one shape. */
export class Files {
  constructor(private readonly loaders: Loaders) {}

  async tree(
    repo: HostedRepositoryModel,
    path: string,
    revision: string | undefined,
    recursive: boolean,
  ): Promise<TreeEntryModel[] | null> {
    const folder = trimSlashes(path);
    if (repo.host === "scm") {
      const answer = await this.loaders.scm!.browse.load({ id: repo.id, path: folder, revision, recursive });
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
    const answer = await this.loaders.azure!.items.load({
      id: repo.id,
      scopePath: `/${folder}`,
      recursive,
      version,
    });
    return (
      answer?.value
        .filter((item) => trimSlashes(item.path) !== folder)
        .map((item) => ({
          name: item.path.split("/").pop()!,
          path: item.path.replace(/^\//, ""),
          directory: item.gitObjectType === "tree",
          size: item.size ?? (item.gitObjectType === "tree" ? 0 : null),
        })) ?? null
    );
  }

  async file(repo: HostedRepositoryModel, path: string, revision?: string): Promise<FileContentModel | null> {
    const clean = path.replace(/^\/+/, "");
    const content =
      repo.host === "scm"
        ? await this.loaders.scm!.content.load({ id: repo.id, path: clean, revision })
        : await this.loaders.azure!.itemContent.load({
            id: repo.id,
            path: `/${clean}`,
            version: revision ? azureVersion(revision) : undefined,
          });
    return content && { path: clean, content };
  }
}
