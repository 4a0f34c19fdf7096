import type { IncomingHttpHeaders } from "node:http";
import type { Scope } from "../config/access.js";
import type { Config } from "../config/config.js";
import { RequestScope } from "../http/request-scope.js";
import type { UpstreamName, RequestTrace } from "../http/types.js";
import type { UpstreamHttp } from "../http/upstream-http.js";
import type { Clients } from "../upstreams/clients.js";
import type { JoinRule } from "../services/clone-urls.js";
import { Services, type ServiceOptions } from "../services/services.js";
import { AzureDevOpsClient } from "../upstreams/azure-devops/client.js";
import { GitProtectClient } from "../upstreams/gitprotect/client.js";
import type { Contracts } from "../upstreams/contracts.js";
import type { TokenStore } from "../upstreams/gitprotect/session.js";
import { ScmManagerClient } from "../upstreams/scm-manager/client.js";
import { credentialsOf, type Credentials } from "./credentials.js";

/** Who is calling the gateway (not the upstreams), and what they may do. */
export interface Caller {
  /** Stable per caller, for rate limits and logs: the key's name, the token's subject, or the address. */
  id: string;
  scopes: ReadonlySet<Scope>;
}

export interface GatewayContext {
  caller: Caller;
  /** Every credential this request acts with, for keys of cached whole answers (hashed there). */
  identity: string;
  /** The request's view of the cross-request cache (which answers were stale). */
  scope: RequestScope;
  services: Services;
}

/** What every request of one gateway shares: the way out to each upstream, kept tokens, how loaders batch. */
export interface Shared {
  http: Record<UpstreamName, UpstreamHttp>;
  tokens: TokenStore;
  join: JoinRule;
  contracts: Contracts;
  services: ServiceOptions;
}

/** Builds each request's context: who is asking, with which credentials, and fresh services. */
export function contextFactory(config: Config, shared: Shared) {
  const hostUrls = { azure: config.azure?.url, scm: config.scm?.url };
  return (headers: IncomingHttpHeaders, caller: Caller, trace?: RequestTrace): GatewayContext => {
    const scope = RequestScope.create(config.limits.callBudget, config.upstream.deadlineMs, trace);
    const credentials = credentialsOf(headers, config, shared.tokens);
    let clients: { reads: Clients; writes: Clients } | undefined;
    const services = new Services({
      clients: () =>
        (clients ??= {
          reads: clientsFor(config, shared, credentials, scope),
          writes: clientsFor(config, shared, credentials, scope.forWrites()),
        }),
      hostUrls,
      join: shared.join,
      options: shared.services,
      limits: { maxPages: config.upstream.maxPages },
    });
    return { caller, identity: credentials.identity, scope, services };
  };
}

/** The configured upstreams' clients, acting with these credentials; reads through `scope` are cached when it allows. */
function clientsFor(config: Config, shared: Shared, credentials: Credentials, scope: RequestScope): Clients {
  const { gitprotect, azure, scm } = config;
  return {
    gitprotect:
      gitprotect &&
      new GitProtectClient(
        shared.http.GitProtect,
        gitprotect.url,
        credentials.gitprotect,
        scope,
        shared.contracts,
      ),
    azure:
      azure &&
      new AzureDevOpsClient(
        shared.http["Azure DevOps"],
        azure.url,
        credentials.azurePat,
        scope,
        shared.contracts,
      ),
    scm:
      scm &&
      new ScmManagerClient(shared.http["SCM-Manager"], scm.url, credentials.scm, scope, shared.contracts),
  };
}
