import { normalizeCloneUrl } from "../clone-url.js";
import type { HostedRepository, HostKey, HostName, RepositoryModel } from "../models.js";
import type { AzureRepositoryDto } from "../upstreams/azure-devops/types.js";
import type { GitProtectRepositoryDto } from "../upstreams/gitprotect/types.js";
import type { ScmRepositoryDto } from "../upstreams/scm-manager/types.js";
import type { AzureDevOpsLoaders } from "./azure-devops-loaders.js";
import type { GitProtectLoaders } from "./gitprotect-loaders.js";
import type { LoaderKit } from "./loader-kit.js";
import type { ScmManagerLoaders } from "./scm-manager-loaders.js";

interface Sources {
  gitprotect?: GitProtectLoaders;
  azure?: AzureDevOpsLoaders;
  scm?: ScmManagerLoaders;
  /** Configured base URLs: a clone URL under one of them belongs to that host. */
  hostUrls: { azure?: string; scm?: string };
  kit: LoaderKit;
}

/**
 * The join of GitProtect records and hosted repositories by normalized clone URL (see
 * clone-url.ts), in both directions, each side listed once per request.
 */
export function repositoryIndex(sources: Sources) {
  const prefixes = Object.entries(sources.hostUrls)
    .filter((entry): entry is [HostName, string] => entry[1] !== undefined)
    .map(([host, url]) => ({ host, prefix: normalizeCloneUrl(url)! }));

  const hosted = sources.kit.once(async () => {
    const [azure, scm] = await Promise.allSettled([
      sources.azure?.repositories.load() ?? [],
      sources.scm?.repositories.load() ?? [],
    ]);
    const none = new Map<string, HostedRepository>();
    const azureIndex = azure.status === "fulfilled" ? indexOf(azure.value, azureEntries) : none;
    const scmIndex = scm.status === "fulfilled" ? indexOf(scm.value, scmEntries) : none;
    const byUrl = {
      get: (key: string) => azureIndex.get(key) ?? scmIndex.get(key),
      values: () => [...azureIndex.values(), ...scmIndex.values()],
    };
    const failed: Partial<Record<HostName, Error>> = {};
    const asError = (reason: unknown) =>
      reason instanceof Error ? reason : new Error("host listing failed");
    if (azure.status === "rejected") failed.azure = asError(azure.reason);
    if (scm.status === "rejected") failed.scm = asError(scm.reason);
    return { byUrl, failed };
  });

  const backups = sources.kit.once(async () => {
    const records = sources.gitprotect ? await sources.gitprotect.allRepositories.load() : [];
    const byUrl = new Map<string, GitProtectRepositoryDto>();
    // A live record wins over one removed from GitProtect.
    for (const record of [...records].sort((a, b) => Number(b.isRemoved) - Number(a.isRemoved))) {
      const key = normalizeCloneUrl(record.url);
      if (key) byUrl.set(key, record);
    }
    return byUrl;
  });

  const expectedHost = (url: string): HostName | undefined => {
    const key = normalizeCloneUrl(url);
    return key ? prefixes.find((p) => key.startsWith(`${p.prefix}/`))?.host : undefined;
  };

  return {
    /** Starts the host listings early, when a query will need them (see resolvers/lookahead.ts). */
    prefetchHosted: () => void (sources.kit.prefetches && hosted.load().catch(() => undefined)),
    prefetchBackups: () => void (sources.kit.prefetches && backups.load().catch(() => undefined)),

    /** A GitProtect record joined with its hosted counterpart, if a configured host has it. */
    async fromRecord(record: GitProtectRepositoryDto): Promise<RepositoryModel> {
      const index = await hosted.load();
      const key = normalizeCloneUrl(record.url);
      const found = key ? index.byUrl.get(key) : undefined;
      if (found) return { hosted: found, backup: record };
      const host = expectedHost(record.url);
      return {
        backup: record,
        ...(host && index.failed[host] !== undefined
          ? { hostFailure: { host, error: index.failed[host] } }
          : {}),
      };
    },

    /** The hosted repository of a host key; null when the host has none (or hides it). */
    async hostedRepository(key: HostKey): Promise<HostedRepository | null> {
      if (key.host === "azure") {
        const dto = await sources.azure?.repository.load(key.id);
        return dto ? { host: "azure", id: dto.id, dto } : null;
      }
      const dto = await sources.scm?.repository.load(key.id);
      return dto ? { host: "scm", id: dto.id, dto } : null;
    },

    /** GitProtect's record for a hosted repository; null when nothing backs it up. */
    async backupOf(repository: HostedRepository): Promise<GitProtectRepositoryDto | null> {
      const index = await backups.load();
      const urls =
        repository.host === "azure"
          ? [repository.dto.remoteUrl, repository.dto.sshUrl]
          : [repository.dto.url];
      for (const url of urls) {
        const record = url ? index.get(normalizeCloneUrl(url) ?? "") : undefined;
        if (record) return record;
      }
      return null;
    },

    /** The repository behind a clone URL in any spelling; null when neither a host nor GitProtect knows it. */
    async byUrl(url: string): Promise<RepositoryModel | null> {
      const key = normalizeCloneUrl(url);
      if (!key) return null;
      const found = (await hosted.load()).byUrl.get(key);
      if (found) return { hosted: found };
      const record = sources.gitprotect ? (await backups.load()).get(key) : undefined;
      return record ? this.fromRecord(record) : null;
    },

    /** Every hosted repository the caller may see, on both hosts; a host that fails is reported, not hidden. */
    async allHosted(): Promise<{
      repositories: HostedRepository[];
      failed: Partial<Record<HostName, Error>>;
    }> {
      const index = await hosted.load();
      const unique = new Map<string, HostedRepository>();
      for (const repo of index.byUrl.values()) unique.set(`${repo.host}:${repo.id}`, repo);
      return { repositories: [...unique.values()], failed: index.failed };
    },
  };
}

export type RepositoryIndex = ReturnType<typeof repositoryIndex>;

/**
 * Each listing's clone-URL index, kept for as long as the listing itself: a cached listing is the
 * same object request after request, and so is its index.
 */
const indexes = new WeakMap<object, Map<string, HostedRepository>>();

function indexOf<T extends object>(
  listing: T[],
  entries: (dto: T) => Array<[string | undefined, HostedRepository]>,
): Map<string, HostedRepository> {
  let index = indexes.get(listing);
  if (!index) {
    index = new Map();
    for (const dto of listing)
      for (const [url, repository] of entries(dto)) {
        const key = url && normalizeCloneUrl(url);
        if (key) index.set(key, repository);
      }
    indexes.set(listing, index);
  }
  return index;
}

const azureEntries = (dto: AzureRepositoryDto): Array<[string | undefined, HostedRepository]> =>
  [dto.remoteUrl, dto.sshUrl, ...(dto.validRemoteUrls ?? [])].map((url) => [
    url,
    { host: "azure", id: dto.id, dto },
  ]);

const scmEntries = (dto: ScmRepositoryDto): Array<[string | undefined, HostedRepository]> => [
  [dto.url, { host: "scm", id: dto.id, dto }],
];
