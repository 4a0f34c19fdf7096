import type { IncomingHttpHeaders } from "node:http";
import type { Config } from "../config/config.js";
import type { GitProtectCredentials } from "../upstreams/gitprotect/client.js";
import { fixedToken, type TokenStore } from "../upstreams/gitprotect/session.js";
import type { ScmCredentials } from "../upstreams/scm-manager/client.js";

/**
 * Headers a request may carry to act with its own upstream credentials instead of the
 * configured ones, for that request only.
 */
export const credentialHeaders = {
  gitprotectToken: "x-gitprotect-token",
  azurePat: "x-azure-devops-pat",
  scmUsername: "x-scm-manager-username",
  scmPassword: "x-scm-manager-password",
} as const;

export interface Credentials {
  gitprotect: GitProtectCredentials;
  azurePat?: string;
  scm?: ScmCredentials;
  /** Every credential the request acts with, in one string: hashed for cache keys, never shown. */
  identity: string;
}

/** Who a request acts as on each upstream: its own headers first, then the configured accounts. */
export function credentialsOf(headers: IncomingHttpHeaders, config: Config, tokens: TokenStore): Credentials {
  const header = (name: string) => {
    const value = headers[name];
    return typeof value === "string" && value.length > 0 ? value : undefined;
  };
  const { gitprotect } = config;
  const account = `${gitprotect?.url ?? ""}\u0000${gitprotect?.email ?? ""}`;
  const token = header(credentialHeaders.gitprotectToken) ?? gitprotect?.token;
  const gitprotectCredentials: GitProtectCredentials = token
    ? { tokens: fixedToken(token), identity: `token\u0000${token}` }
    : {
        tokens: tokens.session(account),
        identity: `account\u0000${account}`,
        email: gitprotect?.email,
        password: gitprotect?.password,
      };
  const azurePat = header(credentialHeaders.azurePat) ?? config.azure?.pat;
  const scmUser = header(credentialHeaders.scmUsername);
  const scm = scmUser
    ? { username: scmUser, password: header(credentialHeaders.scmPassword) ?? "" }
    : config.scm?.username
      ? { username: config.scm.username, password: config.scm.password ?? "" }
      : undefined;
  const identity = [
    gitprotectCredentials.identity,
    azurePat ?? "",
    scm?.username ?? "",
    scm?.password ?? "",
  ].join("\u0000");
  return { gitprotect: gitprotectCredentials, azurePat, scm, identity };
}
