import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import type { AccessConfig, Scope } from "../config/access.js";
import type { Caller } from "../context/context.js";

export class Refused extends Error {}

const digest = (key: string) => createHash("sha256").update(key).digest();

/**
 * API keys (`x-api-key`, compared by their SHA-256 in constant time) and bearer JWTs (jose:
 * signature, expiry, issuer and audience). Credentials that are given and wrong are refused, never
 * taken as anonymous; no credentials at all are anonymous only where configured.
 */
export class Authenticator {
  private readonly keys;
  private readonly jwks;
  private readonly secret;

  constructor(private readonly config: AccessConfig) {
    this.keys = config.apiKeys.map((k) => ({ ...k, digest: Buffer.from(k.sha256, "hex") }));
    this.jwks = config.jwt?.jwksUrl ? createRemoteJWKSet(new URL(config.jwt.jwksUrl)) : undefined;
    this.secret = config.jwt?.secret ? new TextEncoder().encode(config.jwt.secret) : undefined;
  }

  /** Whether any way in needs no credentials (the demo's, or a deployment opened on purpose). */
  get open(): boolean {
    return this.config.anonymous.length > 0;
  }

  async caller(headers: IncomingHttpHeaders, address: string): Promise<Caller> {
    const key = headers["x-api-key"];
    if (typeof key === "string") return this.byKey(key);
    const authorization = headers.authorization;
    if (typeof authorization === "string") {
      const [scheme, token] = authorization.split(" ");
      if (scheme?.toLowerCase() !== "bearer" || !token)
        throw new Refused("Send a bearer token or an x-api-key.");
      return this.byToken(token);
    }
    if (!this.open) throw new Refused("This gateway needs an x-api-key or a bearer token.");
    return { id: `anonymous:${address}`, scopes: new Set(this.config.anonymous) };
  }

  private byKey(key: string): Caller {
    const given = digest(key);
    const found = this.keys.find((k) => timingSafeEqual(k.digest, given));
    if (!found) throw new Refused("This API key is not known.");
    return { id: `key:${found.name}`, scopes: new Set(found.scopes) };
  }

  private async byToken(token: string): Promise<Caller> {
    const jwt = this.config.jwt;
    if (!jwt) throw new Refused("This gateway takes no bearer tokens.");
    const options = { issuer: jwt.issuer, audience: jwt.audience };
    let payload: JWTPayload;
    try {
      payload = this.jwks
        ? (await jwtVerify(token, this.jwks, options)).payload
        : (await jwtVerify(token, this.secret!, { ...options, algorithms: ["HS256"] })).payload;
    } catch {
      throw new Refused("The bearer token is not valid.");
    }
    return { id: `jwt:${payload.sub ?? "?"}`, scopes: new Set(scopesIn(payload)) };
  }
}

/** The gateway's scopes a token grants: `scope` (space-separated, RFC 8693) or `scp` (a list). */
function scopesIn(payload: JWTPayload): Scope[] {
  const claimed = typeof payload.scope === "string" ? payload.scope.split(" ") : payload.scp;
  const list = Array.isArray(claimed) ? claimed : [];
  return list.filter((s): s is Scope => s === "read" || s === "write");
}
