import type { IncomingHttpHeaders } from "node:http";
import type { Config } from "./config.js";
import { RequestScope } from "./http/request-scope.js";
import type { ResponseCache } from "./http/response-cache.js";
import { UpstreamHttp } from "./http/upstream-http.js";
import type { UpstreamMetrics } from "./http/upstream-metrics.js";
import { createLoaders, type Loaders } from "./loaders/create-loaders.js";
import { loaderKit } from "./loaders/loader-kit.js";
import { createWrites, type Writes } from "./writes/create-writes.js";
import { AzureDevOpsClient } from "./upstreams/azure-devops/client.js";
import { GitProtectClient } from "./upstreams/gitprotect/client.js";
import { fixedToken, signedInSession } from "./upstreams/gitprotect/session.js";
import { ScmManagerClient } from "./upstreams/scm-manager/client.js";

export interface GatewayContext {
  /** Every credential this request acts with, for keys of cached whole answers (hashed there). */
  identity: string;
  /** The request's view of the cross-request cache (which answers were stale). */
  scope: RequestScope;
  loaders: Loaders;
  writes: Writes;
  /**
   * After a write: fresh loaders for the rest of the request, so that nothing read before the
   * change is served after it. Apollo clones the context per operation: this acts on `this`.
   */
  refresh(this: GatewayContext): void;
}

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

/** Builds each request's context: who is asking, with which credentials, and fresh loaders. */
export function contextFactory(config: Config, metrics: UpstreamMetrics, cache?: ResponseCache) {
  const http = (name: ConstructorParameters<typeof UpstreamHttp>[0]) =>
    new UpstreamHttp(name, { ...config.upstream, metrics, cache });
  const gitprotectHttp = http("GitProtect");
  const azureHttp = http("Azure DevOps");
  const scmHttp = http("SCM-Manager");

  return (headers: IncomingHttpHeaders): GatewayContext => {
    const scope = RequestScope.create();
    const header = (name: string) => {
      const value = headers[name];
      return typeof value === "string" && value.length > 0 ? value : undefined;
    };
    const { gitprotect, azureDevOps, scmManager } = config;

    const gitprotectToken = header(credentialHeaders.gitprotectToken);
    const account = `${gitprotect?.url ?? ""}\u0000${gitprotect?.email ?? ""}`;
    const token = gitprotectToken ?? gitprotect?.token;
    const gitprotectCredentials = token
      ? { tokens: fixedToken(token), identity: `token\u0000${token}` }
      : {
          tokens: signedInSession(account),
          identity: `account\u0000${account}`,
          email: gitprotect?.email,
          password: gitprotect?.password,
        };
    const azurePat = header(credentialHeaders.azurePat) ?? azureDevOps?.pat;

    const scmUser = header(credentialHeaders.scmUsername);
    const scmCredentials = scmUser
      ? { username: scmUser, password: header(credentialHeaders.scmPassword) ?? "" }
      : scmManager?.username
        ? { username: scmManager.username, password: scmManager.password ?? "" }
        : undefined;
    /** Reads through `view` are cached when it allows; writes always move the cache on. */
    const clientsFor = (view: RequestScope) => ({
      gitprotect:
        gitprotect && new GitProtectClient(gitprotectHttp, gitprotect.url, gitprotectCredentials, view),
      azure: azureDevOps && new AzureDevOpsClient(azureHttp, azureDevOps.url, azurePat, view),
      scm: scmManager && new ScmManagerClient(scmHttp, scmManager.url, scmCredentials, view),
    });
    const clients = clientsFor(scope);
    const writeClients = clientsFor(scope.forWrites());
    const hostUrls = { azure: azureDevOps?.url, scm: scmManager?.url };
    const kit = loaderKit(config.naive);
    const loaders = createLoaders(clients, hostUrls, kit);
    return {
      identity: [
        gitprotectCredentials.identity,
        azurePat ?? "",
        scmCredentials?.username ?? "",
        scmCredentials?.password ?? "",
      ].join("\u0000"),
      scope,
      loaders,
      writes: createWrites(writeClients, loaders),
      refresh() {
        this.loaders = createLoaders(clients, hostUrls, kit);
        this.writes = createWrites(writeClients, this.loaders);
      },
    };
  };
}
