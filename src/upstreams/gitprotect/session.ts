/**
 * GitProtect access tokens, kept per server and account until shortly before they expire, so a
 * gateway signs in once rather than once per request. Keys hold the e-mail, never the password.
 */
export interface TokenSource {
  token(signIn: () => Promise<string>): Promise<string>;
  /** Forget a token the server refused (it expired or was revoked). */
  forget(): void;
}

import { UpstreamError } from "../../http/upstream-error.js";

const margin = 60_000;

/**
 * The tokens of one gateway, kept per server and account (made by the server, so that two
 * gateways in one process share nothing).
 */
export class TokenStore {
  private readonly tokens = new Map<string, { token: Promise<string>; expiresAt: number }>();

  /**
   * One request's session of an account: signs in when the account has no token that lives a
   * minute more. A refused sign-in is the answer for the rest of the request: it is tried once.
   */
  session(key: string): TokenSource {
    const tokens = this.tokens;
    let refused: Promise<string> | undefined;
    return {
      async token(signIn) {
        if (refused) return refused;
        const known = tokens.get(key);
        if (known && known.expiresAt > Date.now() + margin) return known.token;
        const token = signIn();
        tokens.set(key, { token, expiresAt: Number.MAX_SAFE_INTEGER });
        try {
          const value = await token;
          tokens.set(key, { token, expiresAt: tokenExpiry(value) });
          return value;
        } catch (error) {
          if (tokens.get(key)?.token === token) tokens.delete(key);
          // A refusal stands for the request; an outage may pass, and is tried again.
          if (error instanceof UpstreamError && error.kind === "UNAUTHENTICATED") refused = token;
          throw error;
        }
      },
      forget: () => tokens.delete(key),
    };
  }
}

export function fixedToken(value: string): TokenSource {
  return { token: () => Promise.resolve(value), forget: () => undefined };
}

/** A JWT's `exp` in epoch milliseconds; tokens that are no JWT are assumed to live the documented 30 days. */
export function tokenExpiry(token: string): number {
  try {
    const claims = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as {
      exp?: number;
    };
    if (typeof claims.exp === "number") return claims.exp * 1000;
  } catch {
    // not a JWT
  }
  return Date.now() + 30 * 24 * 3600 * 1000;
}
