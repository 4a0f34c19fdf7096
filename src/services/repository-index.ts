import type { Loaders } from "../loaders/create-loaders.js";
import type { GitProtectRepositoryDto } from "../upstreams/gitprotect/types.js";
import type { AzureRepositoryDto } from "../upstreams/azure-devops/types.js";
import type { ScmRepositoryDto } from "../upstreams/scm-manager/types.js";
import { deepFreeze, oncePer, oncePerPair } from "../upstreams/shared-values.js";
import type { JoinRule } from "./clone-urls.js";
import { fromAzureRepository, fromScmRepository } from "./host-models.js";
import type { HostName } from "./keys.js";
import type { HostedRepositoryModel } from "./models.js";

export interface HostedIndex {
  byKey: ReadonlyMap<string, HostedRepositoryModel>;
  /** Each host's repositories as it listed them (none where it failed or is not configured). */
  listings: { scm: readonly HostedRepositoryModel[]; azure: readonly HostedRepositoryModel[] };
  failed: Partial<Record<HostName, Error>>;
}

type Joined = Omit<HostedIndex, "failed">;

/** Nothing listed: one array, so that the index over a host that failed or is not configured is found again. */
const none: readonly HostedRepositoryModel[] = Object.freeze([]);

/**
 * Made once per listing: a host's listing the gateway parsed before is the very object it was (see
 * parsed-answers.ts), and so are its models and the index of both hosts' models. A cold request
 * over unchanged listings joins with what the one before built; frozen, as requests share them.
 */
const joinsOf = oncePerPair(
  (_scm: readonly HostedRepositoryModel[], _azure: readonly HostedRepositoryModel[]) =>
    // By the join rule that made them: tests run gateways of other rules in one process.
    new WeakMap<JoinRule, Joined>(),
);
const azureModels = oncePer((listing: readonly AzureRepositoryDto[]) =>
  deepFreeze(listing.map(fromAzureRepository)),
);
const scmModels = oncePer((listing: readonly ScmRepositoryDto[]) =>
  deepFreeze(listing.map(fromScmRepository)),
);

/**
 * The two sides of the join, each listed once per request and indexed by normalized clone URL
 * (see clone-urls.ts): the hosts' repositories, and GitProtect's records.
 */
export class RepositoryIndex {
  readonly hosted;
  readonly backups;
  private readonly prefixes: Array<{ host: HostName; prefix: string }>;

  constructor(
    private readonly loaders: Loaders,
    /** Configured base URLs: a clone URL under one of them belongs to that host. */
    hostUrls: Partial<Record<HostName, string>>,
    private readonly join: JoinRule,
  ) {
    this.prefixes = Object.entries(hostUrls)
      .filter((entry): entry is [HostName, string] => entry[1] !== undefined)
      .map(([host, url]) => ({ host, prefix: join.key(url)! }));
    this.hosted = loaders.kit.once(() => this.listHosted());
    this.backups = loaders.kit.once(() => this.listBackups());
  }

  /** The host whose configured URL a clone URL is under, if any. */
  expectedHost(url: string): HostName | undefined {
    const key = this.join.key(url);
    return key ? this.prefixes.find((p) => key.startsWith(`${p.prefix}/`))?.host : undefined;
  }

  /**
   * GitProtect's records hosted elsewhere: under no configured host's URL and joined to none. (A
   * record under a host's URL is that host's, whether or not the host shows it.)
   */
  async backupsOnly(): Promise<GitProtectRepositoryDto[]> {
    const [hosted, backups] = await Promise.all([this.hosted.load(), this.backups.load()]);
    return [...backups]
      .filter(([key, record]) => !hosted.byKey.has(key) && !this.expectedHost(record.url))
      .map(([, record]) => record);
  }

  /**
   * One host's repositories, from its own listing: the other host is not asked, so it neither
   * costs a call nor holds the answer when it is slow (each listing is made once per request).
   */
  async ofHost(host: HostName): Promise<readonly HostedRepositoryModel[]> {
    const { azure, scm } = this.loaders;
    if (host === "azure") return azure ? azureModels(await azure.repositories.load()) : none;
    return scm ? scmModels(await scm.repositories.load()) : none;
  }

  private async listHosted(): Promise<HostedIndex> {
    const [azureList, scmList] = await Promise.allSettled([this.ofHost("azure"), this.ofHost("scm")]);
    const failed: HostedIndex["failed"] = {};
    const listed = (host: HostName, listing: PromiseSettledResult<readonly HostedRepositoryModel[]>) => {
      if (listing.status === "fulfilled") return listing.value;
      failed[host] = listing.reason instanceof Error ? listing.reason : new Error("host listing failed");
      return none;
    };
    return { ...this.joined(listed("scm", scmList), listed("azure", azureList)), failed };
  }

  private joined(scm: readonly HostedRepositoryModel[], azure: readonly HostedRepositoryModel[]): Joined {
    const byRule = joinsOf(scm, azure);
    const known = byRule.get(this.join);
    if (known) return known;
    const byKey = new Map<string, HostedRepositoryModel>();
    // Azure DevOps is indexed last: where both hosts claim a URL, it wins, as it always has.
    for (const listing of [scm, azure])
      for (const repository of listing)
        for (const key of this.join.keys(repository.cloneUrls)) byKey.set(key, repository);
    const joined = { byKey, listings: { scm, azure } };
    byRule.set(this.join, joined);
    return joined;
  }

  private async listBackups(): Promise<Map<string, GitProtectRepositoryDto>> {
    const records = this.loaders.gitprotect ? await this.loaders.gitprotect.allRepositories.load() : [];
    const byKey = new Map<string, GitProtectRepositoryDto>();
    // A live record wins over one removed from GitProtect.
    for (const record of [...records].sort((a, b) => Number(b.isRemoved) - Number(a.isRemoved))) {
      const key = this.join.key(record.url);
      if (key) byKey.set(key, record);
    }
    return byKey;
  }
}
