import { randomBytes } from "node:crypto";
import { isIP } from "node:net";
import { accessConfig, type AccessConfig } from "./access.js";
import { EnvReader, type Env } from "./env-reader.js";
import {
  upstreamsConfig,
  type AzureDevOpsConfig,
  type GitProtectConfig,
  type ScmManagerConfig,
} from "./upstreams.js";
import { upstreamCallConfig, type UpstreamCallConfig } from "./upstream-calls.js";

/** Environment → typed, validated configuration. Every upstream is optional; none at all means the demo. */

export interface Config {
  port: number;
  /** Interface to listen on: loopback by default, 0.0.0.0 in a container. */
  host: string;
  /** Addresses or CIDR ranges of proxies whose X-Forwarded-For names the caller; none by default. */
  trustProxy: string[];
  /** On SIGTERM, how long requests in flight may take to finish before their connections are cut. */
  shutdownMs: number;
  /** pino's level: one access line per request at info, upstream failures at warn. */
  logLevel: string;
  gitprotect?: GitProtectConfig;
  azure?: AzureDevOpsConfig;
  scm?: ScmManagerConfig;
  upstream: UpstreamCallConfig;

  limits: {
    maxQueryBytes: number;
    /** The whole request (headers and body) must arrive within this. */
    requestTimeoutMs: number;
    maxDepth: number;
    maxAliases: number;
    maxDirectives: number;
    maxRootFields: number;
    maxTokens: number;
    /** Estimated upstream calls a query may cost (see server/fan-out-cost.ts). */
    maxCost: number;
    /** Upstream calls one request may make while it runs; the fields past it fail. */
    callBudget: number;
    /** A manifest of the only operations that may run (see server/trusted-documents.ts). */
    trustedDocuments?: string;
  };
  cache: CacheConfig;
  tracing: TracingConfig;
  /** True when no upstream is configured: only the demo launcher (`npm start`) has something to serve. */
  demo: boolean;
  /** Who may call: API keys, JWTs, anonymous callers; what is exposed beside GraphQL. */
  access: AccessConfig;
}

export interface CacheConfig {
  enabled: boolean;
  /** Redis URL shared by replicas; the bounded in-memory store when absent. */
  url?: string;
  /** Key of the HMAC that turns credentials into cache-key identities; shared by replicas. */
  keySecret: string;
  namespace: string;
  ttlSeconds: { listing: number; refs: number; history: number; immutable: number };
  revalidateSeconds: number;
  staleIfErrorSeconds: number;
  timeoutMs: number;
  maxEntries: number;
  maxBytes: number;
}

export class ConfigError extends Error {}

function cacheConfig(read: EnvReader): CacheConfig {
  const mode = read.text("CACHE", "on");
  if (mode !== "on" && mode !== "off") read.problems.push(`CACHE must be "on" or "off", got "${mode}"`);
  const cacheUrl = read.text("CACHE_URL");
  if (cacheUrl !== undefined && !/^rediss?:\/\//.test(cacheUrl))
    read.problems.push("CACHE_URL must be a redis:// or rediss:// URL");
  const secret = read.text("CACHE_KEY_SECRET");
  if (cacheUrl && (!secret || secret.length < 16))
    read.problems.push(
      "CACHE_KEY_SECRET (16 characters or more, the same on every replica) is required with CACHE_URL",
    );
  return {
    enabled: mode !== "off",
    url: cacheUrl,
    keySecret: secret ?? randomBytes(32).toString("hex"),
    namespace: read.text("CACHE_NAMESPACE", "repo-graph"),
    ttlSeconds: {
      listing: read.integer("CACHE_TTL_LISTING_SECONDS", 30, 0, 86_400),
      refs: read.integer("CACHE_TTL_REFS_SECONDS", 15, 0, 86_400),
      history: read.integer("CACHE_TTL_HISTORY_SECONDS", 60, 0, 86_400),
      immutable: read.integer("CACHE_TTL_IMMUTABLE_SECONDS", 86_400, 0, 30 * 86_400),
    },
    revalidateSeconds: read.integer("CACHE_REVALIDATE_SECONDS", 10, 0, 86_400),
    staleIfErrorSeconds: read.integer("CACHE_STALE_IF_ERROR_SECONDS", 300, 0, 7 * 86_400),
    timeoutMs: read.integer("CACHE_TIMEOUT_MS", 100, 1, 10_000),
    maxEntries: read.integer("CACHE_MAX_ENTRIES", 20_000, 1, 10_000_000),
    maxBytes: read.integer("CACHE_MAX_BYTES", 64 * 1024 * 1024, 1024, 16 * 1024 * 1024 * 1024),
  };
}

const levels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

function logLevel(read: EnvReader): string {
  const level = read.text("LOG_LEVEL", "info").toLowerCase();
  if (levels.includes(level)) return level;
  read.problems.push(`LOG_LEVEL must be one of ${levels.join(", ")}, got "${level}"`);
  return "info";
}

/** `TRUST_PROXY=10.0.0.0/8,192.168.1.10`: addresses or CIDR ranges, each checked. */
function trustedProxies(read: EnvReader): string[] {
  const entries = (read.text("TRUST_PROXY") ?? "").split(",").map((entry) => entry.trim());
  return entries.filter((entry) => {
    if (!entry) return false;
    const [address = "", bits, ...rest] = entry.split("/");
    const max = isIP(address) === 6 ? 128 : 32;
    const ok =
      isIP(address) !== 0 &&
      rest.length === 0 &&
      (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= max));
    if (!ok) read.problems.push(`TRUST_PROXY lists addresses or CIDR ranges like 10.0.0.0/8, got "${entry}"`);
    return ok;
  });
}

/** OpenTelemetry traces, sent over OTLP/HTTP when an endpoint is set. */
export interface TracingConfig {
  /** Where spans go (the traces path included); none: no traces. */
  endpoint?: string;
  serviceName: string;
}

/** The OTLP variables' own names and meaning: the traces endpoint as given, or the base endpoint's /v1/traces. */
function tracingConfig(read: EnvReader): TracingConfig {
  const base = read.url("OTEL_EXPORTER_OTLP_ENDPOINT");
  const traces = read.url("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
  return {
    endpoint: traces ?? (base && `${base}/v1/traces`),
    serviceName: read.text("OTEL_SERVICE_NAME", "repo-graph-gateway"),
  };
}

export function loadConfig(env: Env = process.env): Config {
  const read = new EnvReader(env);
  const config = readConfig(read, env);
  if (read.problems.length > 0)
    throw new ConfigError(`Invalid configuration:\n- ${read.problems.join("\n- ")}`);
  return config;
}

/** Each setting's default under `env` (NODE_ENV changes some), as the reads declare it. */
export function settingDefaults(env: Env): Map<string, string> {
  const read = new EnvReader(env);
  readConfig(read, env);
  return read.defaults;
}

function readConfig(read: EnvReader, env: Env): Config {
  const upstreams = upstreamsConfig(read);
  const demo = !upstreams.gitprotect && !upstreams.azure && !upstreams.scm;
  const production = env.NODE_ENV === "production";
  if (production && demo)
    read.problems.push(
      "NODE_ENV=production and no upstream configured: set GITPROTECT_URL, AZURE_DEVOPS_URL or SCM_MANAGER_URL and their credentials (see README or --help); the built-in demo is for development only",
    );
  return {
    port: read.integer("PORT", 4000, 0, 65_535),
    host: read.text("HOST", "127.0.0.1"),
    shutdownMs: read.integer("SHUTDOWN_TIMEOUT_MS", 10_000, 0, 600_000),
    trustProxy: trustedProxies(read),
    logLevel: logLevel(read),
    ...upstreams,
    upstream: upstreamCallConfig(read),
    limits: {
      maxQueryBytes: read.integer("MAX_QUERY_BYTES", 20_000, 100, 1_000_000),
      requestTimeoutMs: read.integer("REQUEST_TIMEOUT_MS", 10_000, 100, 300_000),
      maxDepth: read.integer("MAX_QUERY_DEPTH", 12, 2, 50),
      maxAliases: read.integer("MAX_QUERY_ALIASES", 30, 0, 1_000),
      maxDirectives: read.integer("MAX_QUERY_DIRECTIVES", 30, 0, 1_000),
      maxRootFields: read.integer("MAX_QUERY_ROOT_FIELDS", 20, 1, 1_000),
      maxTokens: read.integer("MAX_QUERY_TOKENS", 5_000, 100, 100_000),
      maxCost: read.integer("MAX_QUERY_COST", 2_500, 10, 10_000_000),
      callBudget: read.integer("UPSTREAM_CALL_BUDGET", 1_000, 1, 10_000_000),
      trustedDocuments: read.text("TRUSTED_DOCUMENTS"),
    },
    demo,
    access: accessConfig(read, production, demo),
    cache: cacheConfig(read),
    tracing: tracingConfig(read),
  };
}
