import type { Config } from "../config/config.js";
import { createCacheStore, type CacheStore } from "../http/cache-store.js";
import { ResponseCache } from "../http/response-cache.js";
import { UpstreamHttp } from "../http/upstream-http.js";
import type { Metrics } from "../http/metrics.js";
import { JoinRule } from "../services/clone-urls.js";
import type { ServiceOptions } from "../services/services.js";
import { Contracts } from "../upstreams/contracts.js";
import { TokenStore } from "../upstreams/gitprotect/session.js";
import type { Shared } from "./context.js";

/** What the one who starts a gateway may choose beyond its configuration, for its requests. */
export interface ContextOptions {
  services?: ServiceOptions;
}

export interface Caches {
  store?: CacheStore;
  responses?: ResponseCache;
  /** How long whole answers may be kept: as long as the shortest-lived upstream answer in them. */
  answerTtlMs: number;
}

const seconds = (n: number) => n * 1000;

/** The cache store, and the two caches over it: upstream answers and whole query answers. */
export async function createCaches(config: Config, metrics: Metrics): Promise<Caches> {
  const settings = config.cache;
  if (!settings.enabled) return { answerTtlMs: 0 };
  const store = await createCacheStore(settings);
  const { listing, refs, history, immutable } = settings.ttlSeconds;
  const responses = new ResponseCache(
    store,
    {
      ttlMs: {
        listing: seconds(listing),
        refs: seconds(refs),
        history: seconds(history),
        immutable: seconds(immutable),
      },
      revalidateMs: seconds(settings.revalidateSeconds),
      staleIfErrorMs: seconds(settings.staleIfErrorSeconds),
    },
    settings.keySecret,
    settings.namespace,
    metrics,
  );
  return { store, responses, answerTtlMs: seconds(Math.min(listing, refs, history, immutable)) };
}

/** What every request of one gateway shares; nothing of it is shared with another gateway. */
export function createShared(
  config: Config,
  metrics: Metrics,
  caches: Caches,
  options: ContextOptions = {},
): Shared {
  const http = (name: ConstructorParameters<typeof UpstreamHttp>[0]) => {
    const way = new UpstreamHttp(name, { ...config.upstream, metrics, cache: caches.responses });
    metrics.watchUpstream(name, way);
    return way;
  };
  return {
    http: {
      GitProtect: http("GitProtect"),
      "Azure DevOps": http("Azure DevOps"),
      "SCM-Manager": http("SCM-Manager"),
    },
    tokens: new TokenStore(),
    join: new JoinRule(),
    contracts: new Contracts(),
    services: options.services ?? {},
  };
}
