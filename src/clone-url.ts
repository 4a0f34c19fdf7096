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
  if (known.has(raw)) return known.get(raw);
  const normalized = normalize(raw);
  if (known.size >= knownLimit) known.delete(known.keys().next().value!);
  known.set(raw, normalized);
  return normalized;
}

/** A pure function asked about the same URLs on every request: its answers are kept, boundedly. */
const known = new Map<string, string | undefined>();
const knownLimit = 100_000;

function normalize(raw: string): string | undefined {
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
