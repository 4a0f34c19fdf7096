import { fastifyApolloDrainPlugin } from "@as-integrations/fastify";
import type { ApolloServerPlugin } from "@apollo/server";
import type { SpanExporter } from "@opentelemetry/sdk-trace-base";
import cors from "@fastify/cors";
import Fastify, { LogController } from "fastify";
import type { AddressInfo } from "node:net";
import type { Config } from "../config/config.js";
import { contextFactory, type GatewayContext, type Shared } from "../context/context.js";
import { createCaches, createShared, type Caches, type ContextOptions } from "../context/shared.js";
import { Metrics } from "../http/metrics.js";
import { accessGuard } from "./access-guard.js";
import { AnswerCache } from "./answer-cache.js";
import { Authenticator } from "./authenticate.js";
import { nestsTooDeep } from "./json-guard.js";
import { createLogger, requestIdOf } from "./logger.js";
import { registerGraphiQL } from "./explorer/graphiql.js";
import { createRateLimit } from "./rate-limit.js";
import { readiness, type ReadinessSources } from "./readiness.js";
import { trustedDocuments } from "./trusted-documents.js";
import { createApollo } from "./apollo.js";
import { registerGraphQL } from "./graphql-route.js";
import { registerRoutes } from "./routes.js";
import { Tracing } from "./tracing.js";

export interface Gateway {
  url: string;
  close(): Promise<void>;
}

export interface GatewayOptions extends ContextOptions {
  /** Apollo plugins beside the gateway's own (the tests record which fields were resolved). */
  plugins?: Array<ApolloServerPlugin<GatewayContext>>;
  /** Where spans go instead of the OTLP endpoint (the tests keep them in memory). */
  spanExporter?: SpanExporter;
}

/** The gateway: Apollo Server on Fastify, GraphQL at `/graphql`, beside `/health` and `/metrics`. */
export async function startGateway(config: Config, options: GatewayOptions = {}): Promise<Gateway> {
  const metrics = new Metrics();
  const caches = await createCaches(config, metrics);
  const shared = createShared(config, metrics, caches, options);
  const contextFor = contextFactory(config, shared);
  const { store, responses, answerTtlMs } = caches;
  const answers =
    store && responses && answerTtlMs > 0
      ? new AnswerCache(store, responses, config.cache.namespace, answerTtlMs)
      : undefined;
  const app = createApp(config);
  const tracing = Tracing.create(config.tracing, options.spanExporter);
  const apollo = createApollo(config, [fastifyApolloDrainPlugin(app), ...(options.plugins ?? [])], store);
  await apollo.start();
  await app.register(cors, corsOptions(config.access.corsOrigins));
  const rateLimit = await createRateLimit({
    ...config.access.rateLimit,
    redisUrl: config.cache.url,
    namespace: config.cache.namespace,
  });
  if (config.access.explorer) registerGraphiQL(app, config.access.explorerHeaders);
  registerRoutes(app, {
    metrics: config.access.metrics ? metrics : undefined,
    ready: readiness(readinessSources(config, shared, caches)),
    maxBytes: config.limits.maxQueryBytes,
  });
  registerGraphQL(app, {
    apollo,
    contextFor,
    guard: accessGuard(new Authenticator(config.access), rateLimit),
    trusted: config.limits.trustedDocuments ? trustedDocuments(config.limits.trustedDocuments) : undefined,
    answers,
    maxQueryBytes: config.limits.maxQueryBytes,
    metrics,
    tracing,
  });
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as AddressInfo;
  const shownHost = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    /** Stops accepting, lets requests in flight finish within the configured bound, then lets go of Redis. */
    close: () =>
      closeGateway(app, config.shutdownMs, tracing, [
        () => apollo.stop(),
        async () => caches.store?.close(),
        () => rateLimit.close(),
      ]),
  };
}

async function closeGateway(
  app: ReturnType<typeof createApp>,
  shutdownMs: number,
  tracing: Tracing | undefined,
  releases: Array<() => Promise<unknown>>,
): Promise<void> {
  // A keep-alive connection whose request finished is let go as soon as it is idle.
  const idle = setInterval(() => app.server.closeIdleConnections(), 100);
  const cutOff = setTimeout(() => app.server.closeAllConnections(), shutdownMs);
  try {
    await app.close();
  } finally {
    clearInterval(idle);
    clearTimeout(cutOff);
  }
  try {
    for (const release of releases) await release();
  } finally {
    // The spans of the last requests are sent whatever else failed on the way out.
    await tracing?.shutdown();
  }
}

/** What `/ready` checks: Redis when configured, each configured upstream and its breaker. */
function readinessSources(config: Config, shared: Shared, caches: Caches): ReadinessSources {
  const configured = [
    ["GitProtect", config.gitprotect?.url],
    ["Azure DevOps", config.azure?.url],
    ["SCM-Manager", config.scm?.url],
  ] as const;
  return {
    redis: config.cache.url ? caches.store : undefined,
    upstreams: configured.flatMap(([name, url]) =>
      url
        ? [{ name, url, breaker: shared.http[name].breaker, dispatcher: shared.http[name].dispatcher }]
        : [],
    ),
  };
}

/** Fastify as the gateway needs it: bounded bodies and time, JSON logs by request id, graceful close. */
function createApp(config: Config) {
  const app = Fastify({
    bodyLimit: config.limits.maxQueryBytes,
    // On close, idle keep-alive connections go at once; requests in flight finish (see close()).
    forceCloseConnections: "idle",
    // Behind a load balancer, the caller's address (anonymous callers' rate limit) is the one it forwards.
    trustProxy: config.trustProxy.length > 0 ? config.trustProxy : false,
    loggerInstance: createLogger(config.logLevel),
    // One access line per GraphQL request (graphql-route.ts) instead of Fastify's two per request.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: "requestId" }),
    genReqId: requestIdOf,
    // A body arrives in time or not at all: a client sending a byte a second holds no connection.
    // Node checks that at an interval (30 s by default): often enough that the limit is the limit,
    // and only while the headers' own limit is no longer (60 s by default).
    requestTimeout: config.limits.requestTimeoutMs,
    http: {
      headersTimeout: config.limits.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(1_000, config.limits.requestTimeoutMs),
    },
    // A socket silent while its request runs is not idle: it may stay so for the whole deadline.
    connectionTimeout: config.limits.requestTimeoutMs + config.upstream.deadlineMs,
  });
  app.addHook("onRequest", (request, reply, done) => {
    reply.header("x-request-id", request.id);
    done();
  });
  app.addContentTypeParser("application/json", { parseAs: "string" }, parseJsonBody);
  return app;
}

/** Browsers of the configured origins only (none by default); preflight answered either way. */
const corsOptions = (origins: string[]) => ({
  origin: origins,
  methods: ["GET", "POST"],
  allowedHeaders: [
    "content-type",
    "authorization",
    "x-api-key",
    "apollo-require-preflight",
    "x-apollo-operation-name",
    "x-gitprotect-token",
    "x-azure-devops-pat",
    "x-scm-manager-username",
    "x-scm-manager-password",
  ],
  maxAge: 600,
});

/** JSON bodies, refused (400) when they nest deeper than any request needs. */
function parseJsonBody(
  _: unknown,
  body: string | Buffer,
  done: (error: Error | null, value?: unknown) => void,
) {
  const text = body.toString();
  const refuse = (code: string) => done(Object.assign(new Error(code), { statusCode: 400, code }));
  if (nestsTooDeep(text)) return refuse("BODY_NESTS_TOO_DEEP");
  try {
    done(null, JSON.parse(text));
  } catch {
    refuse("FST_ERR_CTP_INVALID_JSON_BODY");
  }
}
