import { closest } from "fastest-levenshtein";

/**
 * Every setting the gateway reads, grouped, with what it is for: `--help` prints them with their
 * defaults (taken from the reads themselves), and a variable that looks like one of ours but is not
 * (a typo) is warned about at start. A test holds this list and the reads to the same names.
 */
export const settings: Record<string, Record<string, string>> = {
  Listening: {
    PORT: "port to listen on",
    HOST: "interface to listen on (0.0.0.0 in a container)",
    TRUST_PROXY: "addresses or CIDR ranges of load balancers whose X-Forwarded-For names the caller",
    LOG_LEVEL: "JSON logs on standard output: info has one line per request; warn, upstream failures",
    SHUTDOWN_TIMEOUT_MS: "on SIGTERM, how long requests in flight may take to finish",
  },
  Upstreams: {
    GITPROTECT_URL: "GitProtect's API base URL",
    GITPROTECT_TOKEN: "a GitProtect access token (or the e-mail and password below)",
    GITPROTECT_EMAIL: "the GitProtect account the gateway signs in with",
    GITPROTECT_PASSWORD: "its password",
    AZURE_DEVOPS_URL: "the collection URL, e.g. https://tfs.example.com/DefaultCollection",
    AZURE_DEVOPS_PAT: "a personal access token",
    SCM_MANAGER_URL: "the server URL with its context path, e.g. https://scm.example.com/scm",
    SCM_MANAGER_USERNAME: "the SCM-Manager account",
    SCM_MANAGER_PASSWORD: "its password",
  },
  "Who may call": {
    API_KEYS: "name:scopes:sha256-of-key, comma-separated (scopes read and/or write, joined by +)",
    JWT_SECRET: "shared secret (32+ characters) of HS256 bearer tokens",
    JWT_JWKS_URL: "JWKS URL of the bearer tokens' issuer",
    JWT_ISSUER: "required issuer of bearer tokens",
    JWT_AUDIENCE: "required audience of bearer tokens",
    ANONYMOUS_ACCESS: "what callers without credentials may do: off, read or write",
    RATE_LIMIT: "requests per caller per window (0: no limit)",
    RATE_LIMIT_WINDOW_SECONDS: "the rate limit's window",
    CORS_ORIGINS: "origins allowed to call from a browser, comma-separated",
    INTROSPECTION: "schema introspection",
    EXPLORER: "the in-browser explorers: Apollo Sandbox at /graphql, GraphiQL at /graphiql",
    EXPLORER_HEADERS: "headers GraphiQL's editor starts with, a JSON object of strings",
    METRICS: "the Prometheus metrics at /metrics",
  },
  "What one request may cost": {
    MAX_QUERY_BYTES: "the largest request body",
    REQUEST_TIMEOUT_MS: "the whole request must arrive within it",
    MAX_QUERY_DEPTH: "deepest selection, fragments counted",
    MAX_QUERY_ALIASES: "aliases in one operation",
    MAX_QUERY_DIRECTIVES: "directives in one operation",
    MAX_QUERY_ROOT_FIELDS: "root fields in one operation",
    MAX_QUERY_TOKENS: "tokens the parser reads at most",
    MAX_QUERY_COST: "estimated upstream calls, checked before execution",
    UPSTREAM_CALL_BUDGET: "upstream calls one request may make while it runs",
    TRUSTED_DOCUMENTS: "path of a manifest of the only operations that may run",
  },
  "Upstream calls": {
    UPSTREAM_TIMEOUT_MS: "time limit of one upstream call",
    REQUEST_DEADLINE_MS: "time limit of one request's upstream calls in all, queue waits included",
    UPSTREAM_CONCURRENCY_MIN: "the fewest calls in flight per upstream the adaptive limit keeps",
    UPSTREAM_CONCURRENCY_MAX: "the most calls in flight per upstream the adaptive limit allows",
    UPSTREAM_QUEUE: "calls that may wait for a slot per upstream",
    UPSTREAM_RETRIES: "extra attempts of a read that failed on the way",
    UPSTREAM_MAX_PAGES: "pages one listing may read",
    UPSTREAM_MAX_RESPONSE_BYTES: "the largest upstream answer read",
    BREAKER_FAILURES: "failures in a row that open an upstream's breaker",
    BREAKER_COOLDOWN_MS: "how long an open breaker turns calls away",
    HTTPS_PROXY: "HTTP proxy for https:// upstreams (HTTP_PROXY when unset; credentials may be in the URL)",
    HTTP_PROXY: "HTTP proxy for http:// upstreams",
    NO_PROXY: "hosts reached without the proxy, comma-separated",
  },
  Traces: {
    OTEL_EXPORTER_OTLP_ENDPOINT: "OTLP/HTTP collector; spans go to its /v1/traces (no traces when unset)",
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: "the full URL spans go to, instead of the above",
    OTEL_SERVICE_NAME: "the service name spans carry",
  },
  Cache: {
    CACHE: "on or off",
    CACHE_URL: "redis:// URL shared by replicas (memory when unset)",
    CACHE_KEY_SECRET: "key of the HMAC of identities in cache keys (16+ characters; required with CACHE_URL)",
    CACHE_NAMESPACE: "prefix of every key",
    CACHE_TTL_LISTING_SECONDS: "how long listings are fresh",
    CACHE_TTL_REFS_SECONDS: "how long branches and tags are fresh",
    CACHE_TTL_HISTORY_SECONDS: "how long histories are fresh",
    CACHE_TTL_IMMUTABLE_SECONDS: "how long what cannot change (a commit) is kept",
    CACHE_REVALIDATE_SECONDS: "past freshness, served while refreshed in the background",
    CACHE_STALE_IF_ERROR_SECONDS: "past freshness, served when the upstream fails",
    CACHE_TIMEOUT_MS: "a cache store slower than this is passed by",
    CACHE_MAX_ENTRIES: "entries of the in-memory store",
    CACHE_MAX_BYTES: "bytes of the in-memory store",
  },
};

/** The names of every setting. */
export const settingNames = new Set(Object.values(settings).flatMap((group) => Object.keys(group)));

/** Prefixes that only our settings use: an unknown variable with one is most likely a typo. */
const ours = [
  "GITPROTECT_",
  "AZURE_DEVOPS_",
  "SCM_MANAGER_",
  "CACHE_",
  "UPSTREAM_",
  "MAX_QUERY_",
  "BREAKER_",
  "REQUEST_",
  "RATE_LIMIT_",
  "JWT_",
];

/** Variables that look like settings but are none, each with the nearest setting's name. */
export function misspelt(names: Iterable<string>): Array<{ name: string; nearest: string }> {
  const found: Array<{ name: string; nearest: string }> = [];
  for (const name of names)
    if (!settingNames.has(name) && ours.some((prefix) => name.startsWith(prefix)))
      found.push({ name, nearest: closest(name, [...settingNames]) });
  return found;
}
