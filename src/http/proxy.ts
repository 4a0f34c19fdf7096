import { EnvHttpProxyAgent, type Dispatcher } from "undici";

/** HTTPS_PROXY, HTTP_PROXY and NO_PROXY as configured. */
export interface ProxySettings {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

/**
 * undici's agent for them, the dispatcher every upstream call and `/ready` go through. Every value is given, so that
 * undici does not read the environment itself (lower-case names too): the configuration is the only
 * source. An https:// upstream goes through HTTP_PROXY when HTTPS_PROXY is unset, as undici does.
 */
export function proxyAgent(settings: ProxySettings): Dispatcher {
  return new EnvHttpProxyAgent({
    httpProxy: settings.httpProxy ?? "",
    httpsProxy: settings.httpsProxy ?? "",
    noProxy: settings.noProxy ?? "",
  });
}
