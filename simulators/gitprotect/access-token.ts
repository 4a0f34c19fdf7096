import { createHmac, timingSafeEqual } from "node:crypto";

/** HS256 JSON Web Tokens, as GitProtect issues at sign-in: the subject is the user id, `exp` its expiry. */

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

export function signToken(
  secret: string,
  claims: { sub: string; email: string; roles: string[]; exp: number },
): string {
  const body = `${encode({ alg: "HS256", typ: "JWT" })}.${encode(claims)}`;
  return `${body}.${createHmac("sha256", secret).update(body).digest("base64url")}`;
}

export interface TokenClaims {
  sub: string;
  email: string;
  roles: string[];
  exp: number;
}

/** The claims of a valid, unexpired token; undefined otherwise. */
export function verifyToken(secret: string, token: string, nowSeconds: number): TokenClaims | undefined {
  const [header, claims, signature] = token.split(".");
  if (!header || !claims || !signature) return undefined;
  const expected = createHmac("sha256", secret).update(`${header}.${claims}`).digest();
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(claims, "base64url").toString("utf8")) as TokenClaims;
    return parsed.exp > nowSeconds ? parsed : undefined;
  } catch {
    return undefined;
  }
}
