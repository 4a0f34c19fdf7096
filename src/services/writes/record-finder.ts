import type { GitProtectLoaders } from "../../loaders/gitprotect-loaders.js";
import type { GitProtectRepositoryDto } from "../../upstreams/gitprotect/types.js";
import type { RepositoryKey } from "../keys.js";
import type { Repositories } from "../repositories.js";

/** GitProtect's record of a repository named by any of its ids, for writes that act on it. */
export class RecordFinder {
  constructor(
    private readonly loaders: GitProtectLoaders,
    private readonly repositories: Repositories,
  ) {}

  /** The record; within one organization when given (a plan's); null when GitProtect has none. */
  async find(key: RepositoryKey, organizationId?: string): Promise<GitProtectRepositoryDto | null> {
    if (key.host === "gitprotect") {
      if (organizationId && organizationId !== key.organizationId) return null;
      return this.loaders.record.load({ organizationId: key.organizationId, id: key.repositoryId });
    }
    const hosted = await this.repositories.hosted({ host: key.host, id: key.repositoryId });
    if (!hosted) return null;
    const { join } = this.repositories;
    const keys = new Set(join.keys(hosted.cloneUrls));
    const matches = (r: GitProtectRepositoryDto) => keys.has(join.key(r.url) ?? "");
    if (organizationId)
      return (await this.loaders.repositoriesOf.load(organizationId))?.find(matches) ?? null;
    const backup = await this.repositories.backupOf({ __typename: "Repository", key, hosted });
    return (
      backup && this.loaders.record.load({ organizationId: backup.organizationId, id: backup.gitprotectId })
    );
  }
}
