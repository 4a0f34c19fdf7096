import { ApolloServer, HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginLandingPageLocalDefault } from "@apollo/server/plugin/landingPage/default";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Config } from "./config.js";
import { contextFactory, type GatewayContext } from "./context.js";
import { AnswerCache } from "./answer-cache.js";
import { formatError } from "./errors.js";
import { createCacheStore } from "./http/cache-store.js";
import { ResponseCache } from "./http/response-cache.js";
import { UpstreamMetrics } from "./http/upstream-metrics.js";
import { depthLimit } from "./query-limits.js";
import { gatewaySchema } from "./schema.js";

export interface Gateway {
  url: string;
  close(): Promise<void>;
}

/** Apollo Server on node:http, beside `/health` and `/metrics`. GraphQL is served at `/graphql`. */
export async function startGateway(config: Config): Promise<Gateway> {
  const metrics = new UpstreamMetrics();
  const { cache: settings } = config;
  const store = settings.enabled
    ? await createCacheStore({
        url: settings.url,
        timeoutMs: settings.timeoutMs,
        maxEntries: settings.maxEntries,
        maxBytes: settings.maxBytes,
      })
    : undefined;
  const seconds = (n: number) => n * 1000;
  const cache =
    store &&
    new ResponseCache(
      store,
      {
        ttlMs: {
          listing: seconds(settings.ttlSeconds.listing),
          refs: seconds(settings.ttlSeconds.refs),
          history: seconds(settings.ttlSeconds.history),
          immutable: seconds(settings.ttlSeconds.immutable),
        },
        revalidateMs: seconds(settings.revalidateSeconds),
        staleIfErrorMs: seconds(settings.staleIfErrorSeconds),
      },
      settings.keySecret,
      settings.namespace,
      metrics,
    );
  const contextFor = contextFactory(config, metrics, cache);
  const shortestTtlMs = Math.min(...Object.values(settings.ttlSeconds)) * 1000;
  const answers =
    store && cache && shortestTtlMs > 0
      ? new AnswerCache(store, cache, settings.namespace, shortestTtlMs)
      : undefined;
  const apollo = new ApolloServer<GatewayContext>({
    schema: gatewaySchema(),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError,
    validationRules: [depthLimit(config.limits.maxDepth)],
    // Apollo Sandbox at /graphql in every environment: exploring the schema is how people learn it.
    plugins: [
      ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }),
      // The gateway caches upstream answers; Apollo's per-field cache hints would only cost time.
      ApolloServerPluginCacheControlDisabled(),
      staleAnswers,
    ],
  });
  await apollo.start();

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error("request failed", error instanceof Error ? error.message : String(error));
      if (!res.headersSent)
        reply(res, 500, {
          errors: [{ message: "Internal error.", extensions: { code: "INTERNAL_SERVER_ERROR" } }],
        });
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://gateway");
    if (url.pathname === "/health") return reply(res, 200, { status: "ok" });
    if (url.pathname === "/metrics") {
      res.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
      res.end(metrics.render());
      return;
    }
    if (url.pathname === "/") {
      res.writeHead(302, { location: "/graphql" });
      res.end();
      return;
    }
    if (url.pathname !== "/graphql")
      return reply(res, 404, {
        errors: [{ message: "Not found; GraphQL is at /graphql.", extensions: { code: "NOT_FOUND" } }],
      });

    const raw = await readLimited(req, config.limits.maxQueryBytes);
    if (raw === undefined)
      return reply(res, 413, {
        errors: [
          {
            message: `The request is larger than ${config.limits.maxQueryBytes} bytes.`,
            extensions: { code: "QUERY_TOO_LARGE" },
          },
        ],
      });
    if ((url.searchParams.get("query")?.length ?? 0) > config.limits.maxQueryBytes)
      return reply(res, 413, {
        errors: [{ message: "The query is too large.", extensions: { code: "QUERY_TOO_LARGE" } }],
      });

    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    let body: unknown = undefined;
    if (raw.length > 0 && (req.headers["content-type"] ?? "").includes("json")) {
      try {
        body = JSON.parse(raw.toString("utf8"));
      } catch {
        return reply(res, 400, {
          errors: [{ message: "The body is not valid JSON.", extensions: { code: "BAD_REQUEST" } }],
        });
      }
    }
    const context = contextFor(req.headers);
    const answerKey =
      answers && req.method === "POST" && body && typeof body === "object"
        ? await answers.key(body, context)
        : undefined;
    const kept = answerKey && (await answers!.get(answerKey));
    if (kept) {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8", "x-gateway-cache": "hit" });
      res.end(kept);
      return;
    }
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search: url.search, body },
      context: () => Promise.resolve(context),
    });
    if (answerKey && (answer.status ?? 200) === 200 && answer.body.kind === "complete")
      await answers!.keep(answerKey, answer.body.string, context);
    const outgoing: Record<string, string> = {};
    for (const [key, value] of answer.headers) outgoing[key] = value;
    res.writeHead(answer.status ?? 200, outgoing);
    if (answer.body.kind === "complete") res.end(answer.body.string);
    else {
      for await (const chunk of answer.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await apollo.stop();
      await store?.close();
    },
  };
}

/** Says so when part of an answer came from the cache past its time to live (`extensions.cache`). */
const staleAnswers: ApolloServerPlugin<GatewayContext> = {
  requestDidStart: () =>
    Promise.resolve({
      willSendResponse({ contextValue, response }) {
        const age = contextValue.scope.staleAgeMs;
        if (age === 0 || response.body.kind !== "single") return Promise.resolve();
        const result = response.body.singleResult;
        result.extensions = {
          ...result.extensions,
          cache: { stale: true, ageSeconds: Math.round(age / 1000) },
        };
        return Promise.resolve();
      },
    }),
};

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

/** The body, or undefined past `limit` bytes (the rest is drained, not kept). */
async function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size > limit ? undefined : Buffer.concat(chunks);
}
