import type { AzureRepositoryDto } from "../upstreams/azure-devops/types.js";
import type { ScmRepositoryDto } from "../upstreams/scm-manager/types.js";

/**
 * The join rule: two clone URLs name the same repository when their normalized forms are equal.
 *
 * - scheme and port are dropped (https, http and ssh reach the same repository on one host);
 * - user names and passwords are dropped;
 * - the host is lower-cased; the path keeps its case (SCM-Manager names are case-sensitive);
 * - scp-like `git@host:path` becomes `host/path`;
 * - percent-encoding is decoded, so `Ünïcode%20Tools` and `Ünïcode Tools` agree;
 * - a trailing `.git` and trailing slashes are dropped.
 *
 * Returns undefined for what is no clone URL.
 */
export function normalizeCloneUrl(raw: string): string | undefined {
  const text = raw.trim();
  if (!text || text.length > 2048) return undefined;
  const scpLike = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/\/)(.+)$/.exec(text);
  let host: string;
  let path: string;
  if (scpLike && !/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    host = scpLike[1]!;
    path = `/${scpLike[2]!}`;
  } else {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return undefined;
    }
    if (!["http:", "https:", "ssh:", "git:"].includes(url.protocol) || !url.hostname) return undefined;
    host = url.hostname;
    path = url.pathname;
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    decoded = path;
  }
  const trimmed = decoded
    .replace(/\/+$/, "")
    .replace(/\.git$/i, "")
    .replace(/\/+$/, "");
  return `${host.toLowerCase()}${trimmed.startsWith("/") ? "" : "/"}${trimmed}`;
}

/**
 * Every URL a host answers for a repository (the one definition, used by the join, by `backup`
 * and by the writes): Azure DevOps's HTTPS and SSH URLs and its other valid remotes; SCM-Manager's URL.
 */
export function hostedCloneUrls(
  repository: { host: "azure"; dto: AzureRepositoryDto } | { host: "scm"; dto: ScmRepositoryDto },
): string[] {
  const urls =
    repository.host === "azure"
      ? [
          ...azureRemoteForms(repository.dto),
          repository.dto.sshUrl,
          ...(repository.dto.validRemoteUrls ?? []),
        ]
      : [repository.dto.url];
  return urls.filter((url): url is string => typeof url === "string" && url.length > 0);
}

/**
 * Azure DevOps clones a repository named like its project at `{collection}/_git/{name}` and at
 * `{collection}/{project}/_git/{name}`, and reports one of the two (the 1.0 samples show both):
 * both are its URLs. Servers of the 1.0 API report no SSH URL or other remotes to join by.
 */
function azureRemoteForms(dto: AzureRepositoryDto): string[] {
  const { remoteUrl, name, project } = dto;
  if (!remoteUrl || name !== project.name) return [remoteUrl];
  const suffix = `/_git/${encodeURIComponent(name)}`;
  const withProject = `/${encodeURIComponent(project.name)}${suffix}`;
  if (remoteUrl.endsWith(withProject)) return [remoteUrl, remoteUrl.slice(0, -withProject.length) + suffix];
  if (remoteUrl.endsWith(suffix)) return [remoteUrl, remoteUrl.slice(0, -suffix.length) + withProject];
  return [remoteUrl];
}

/**
 * The join rule as a gateway applies it: normalizing is pure and asked about the same URLs on
 * every request (about a microsecond each, thousands per request at a thousand repositories),
 * so its answers are kept, boundedly, by the gateway that made it.
 */
export class JoinRule {
  private readonly known = new Map<string, string | undefined>();

  constructor(private readonly limit = 100_000) {}

  key(url: string): string | undefined {
    if (this.known.has(url)) return this.known.get(url);
    const key = normalizeCloneUrl(url);
    if (this.known.size >= this.limit) this.known.delete(this.known.keys().next().value!);
    this.known.set(url, key);
    return key;
  }

  /** The normalized forms of a repository's clone URLs. */
  keys(urls: string[]): string[] {
    return urls.map((url) => this.key(url)).filter((key): key is string => key !== undefined);
  }
}
