import type { Loaders } from "../loaders/create-loaders.js";
import { azureCommitOf } from "./azure-commits.js";
import type { FileContentModel, HostedRepositoryModel, TreeEntryModel } from "./models.js";

const trimSlashes = (path: string) => path.replace(/^\/+|\/+$/g, "");

/** Folders and files of hosted repositories, on both hosts in one shape. */
export class Files {
  constructor(private readonly loaders: Loaders) {}

  /** A folder's entries; `lastCommit` asks for each entry's last change where the host can say. */
  async tree(
    repo: HostedRepositoryModel,
    path: string,
    revision: string | undefined,
    options: { recursive: boolean; lastCommit: boolean },
  ): Promise<TreeEntryModel[] | null> {
    const folder = trimSlashes(path);
    const { recursive, lastCommit } = options;
    if (repo.host === "scm") {
      // Finding each entry's last commit walks the log once per entry: asked for only when shown.
      const answer = await this.loaders.scm!.browse.load({
        id: repo.id,
        path: folder,
        revision,
        recursive,
        disableLastCommit: !lastCommit,
      });
      return (
        answer?.files.map((f) => ({
          repository: repo,
          revision,
          name: f.name,
          path: f.path,
          directory: f.directory,
          size: f.length ?? 0,
          lastModifiedAt: f.lastModified ?? null,
          lastMessage: f.description ?? null,
        })) ?? null
      );
    }
    const version = await this.version(repo, revision);
    if (version === null) return null;
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
          repository: repo,
          revision,
          name: item.path.split("/").pop()!,
          path: item.path.replace(/^\//, ""),
          directory: item.gitObjectType === "tree",
          size: item.size ?? (item.gitObjectType === "tree" ? 0 : null),
        })) ?? null
    );
  }

  /**
   * A revision (commit, branch or tag) as the commit it resolves to: the same snapshot as `head`,
   * and kept for good; null when it names nothing there.
   */
  private async version(repo: HostedRepositoryModel, revision: string | undefined) {
    if (revision === undefined) return undefined;
    const commitId = await azureCommitOf(this.loaders.azure!, repo.id, revision);
    return commitId === null ? null : { version: commitId, versionType: "commit" as const };
  }

  async file(repo: HostedRepositoryModel, path: string, revision?: string): Promise<FileContentModel | null> {
    const clean = path.replace(/^\/+/, "");
    const content =
      repo.host === "scm"
        ? await this.scmContent(repo, clean, revision)
        : await this.azureContent(repo, clean, revision);
    return content && { path: clean, content };
  }

  private scmContent(repo: HostedRepositoryModel, path: string, revision?: string) {
    return this.loaders.scm!.content.load({ id: repo.id, path, revision });
  }

  private async azureContent(repo: HostedRepositoryModel, path: string, revision?: string) {
    const version = await this.version(repo, revision);
    if (version === null) return null;
    return this.loaders.azure!.itemContent.load({ id: repo.id, path: `/${path}`, version });
  }
}
