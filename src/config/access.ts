import type { EnvReader } from "./env-reader.js";

export type Scope = "read" | "write";

/** A key a caller presents in `x-api-key`: kept as the SHA-256 of the key, never the key itself. */
export interface ApiKey {
  name: string;
  scopes: Scope[];
  sha256: string;
}

export interface AccessConfig {
  apiKeys: ApiKey[];
  /** Bearer JWTs: verified with a shared secret (HS256) or the issuer's JWKS, issuer and audience checked. */
  jwt?: { secret?: string; jwksUrl?: string; issuer: string; audience: string };
  /** What a caller without credentials may do: nothing unless configured. */
  anonymous: Scope[];
  introspection: boolean;
  explorer: boolean;
  /** Headers GraphiQL's editor starts with (`EXPLORER_HEADERS`, a JSON object of strings). */
  explorerHeaders: Record<string, string>;
  metrics: boolean;
  corsOrigins: string[];
  /** Requests per caller (key, token subject, or address) per window; 0: no limit. */
  rateLimit: { points: number; windowSeconds: number };
}

const scopesOf = { off: [], read: ["read"], write: ["read", "write"] } as const;

/** Who may call, from the environment; production without a way in, or opened by default, is refused. */
export function accessConfig(read: EnvReader, production: boolean, demo: boolean): AccessConfig {
  const anonymousMode = read.text("ANONYMOUS_ACCESS", "off");
  if (!(anonymousMode in scopesOf))
    read.problems.push(`ANONYMOUS_ACCESS must be off, read or write, got "${anonymousMode}"`);
  const config: AccessConfig = {
    apiKeys: apiKeys(read),
    jwt: jwt(read),
    anonymous: [...(scopesOf[anonymousMode as keyof typeof scopesOf] ?? [])],
    introspection: read.flag("INTROSPECTION", !production),
    explorer: read.flag("EXPLORER", !production),
    explorerHeaders: explorerHeaders(read, production),
    metrics: read.flag("METRICS", !production),
    corsOrigins: origins(read),
    rateLimit: {
      points: read.integer("RATE_LIMIT", 600, 0, 1_000_000),
      windowSeconds: read.integer("RATE_LIMIT_WINDOW_SECONDS", 60, 1, 86_400),
    },
  };
  // With no upstream, production is refused already, and for that reason alone.
  if (production && !demo && !config.apiKeys.length && !config.jwt && !config.anonymous.length)
    read.problems.push(
      "NODE_ENV=production and no way to call: set API_KEYS or JWT_SECRET/JWT_JWKS_URL (or, to run open on purpose, ANONYMOUS_ACCESS)",
    );
  return config;
}

/**
 * For development: the headers are served in a script to every browser that opens /graphiql, so
 * production refuses them (a credential there would be public).
 */
function explorerHeaders(read: EnvReader, production: boolean): Record<string, string> {
  const raw = read.text("EXPLORER_HEADERS", "{}");
  if (production && raw !== "{}") {
    read.problems.push(
      "EXPLORER_HEADERS is for development only: every browser that opens /graphiql gets them",
    );
    return {};
  }
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed))
      if (Object.values(parsed).every((value) => typeof value === "string"))
        return parsed as Record<string, string>;
  } catch {
    // Reported below.
  }
  // Not echoed: the value may hold a credential.
  read.problems.push(
    'EXPLORER_HEADERS must be a JSON object of strings, e.g. {"x-scm-manager-username":"…"}',
  );
  return {};
}

/** `API_KEYS=name:read+write:<sha256 hex>,…` (`echo -n KEY | sha256sum` gives the hash). */
function apiKeys(read: EnvReader): ApiKey[] {
  const raw = read.text("API_KEYS");
  if (!raw) return [];
  return raw.split(",").flatMap((entry) => {
    const [name, scopes, sha256] = entry.trim().split(":");
    const parsed = scopes?.split("+") ?? [];
    if (
      !name ||
      !sha256 ||
      !/^[0-9a-f]{64}$/i.test(sha256) ||
      !parsed.every((s) => s === "read" || s === "write")
    ) {
      read.problems.push(
        `API_KEYS entries are name:scopes:sha256 (scopes read or read+write), got "${entry.slice(0, 40)}"`,
      );
      return [];
    }
    return [{ name, scopes: parsed, sha256: sha256.toLowerCase() }];
  });
}

function jwt(read: EnvReader): AccessConfig["jwt"] {
  const secret = read.text("JWT_SECRET");
  const jwksUrl = read.url("JWT_JWKS_URL");
  if (!secret && !jwksUrl) {
    for (const name of ["JWT_ISSUER", "JWT_AUDIENCE"])
      if (read.text(name)) read.problems.push(`${name} is set but neither JWT_SECRET nor JWT_JWKS_URL`);
    return undefined;
  }
  if (secret && secret.length < 32) read.problems.push("JWT_SECRET must be at least 32 characters");
  const issuer = read.text("JWT_ISSUER");
  const audience = read.text("JWT_AUDIENCE");
  if (!issuer || !audience)
    read.problems.push("JWT_ISSUER and JWT_AUDIENCE are required with JWT_SECRET or JWT_JWKS_URL");
  return { secret, jwksUrl, issuer: issuer ?? "", audience: audience ?? "" };
}

function origins(read: EnvReader): string[] {
  const list = (read.text("CORS_ORIGINS") ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of list)
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      read.problems.push(`CORS_ORIGINS lists origins like https://app.example.com, got "${origin}"`);
  return list;
}
