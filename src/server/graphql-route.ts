import { fastifyApolloHandler } from "@as-integrations/fastify";
import type { ApolloServer } from "@apollo/server";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Caller, GatewayContext } from "../context/context.js";
import type { accessGuard } from "./access-guard.js";
import type { trustedDocuments } from "./trusted-documents.js";
import type { AnswerCache, Flight } from "./answer-cache.js";
import { nestsTooDeep } from "./json-guard.js";
import type { Metrics } from "../http/metrics.js";
import type { RequestTrace } from "../http/types.js";
import { compress, encodingFor, varyOnEncoding } from "./compression.js";
import { outcomeOf, reportOf, reportServed } from "./request-report.js";
import { errorBody } from "./routes.js";
import type { RequestSpan, Tracing } from "./tracing.js";

/** What each request is to this route: its context, the answer it computes, or the kept answer it was served. */
type States = WeakMap<FastifyRequest, { context: GatewayContext; flight?: Flight; kept?: string }>;

interface Route {
  apollo: ApolloServer<GatewayContext>;
  contextFor: (headers: FastifyRequest["headers"], caller: Caller, trace?: RequestTrace) => GatewayContext;
  guard: ReturnType<typeof accessGuard>;
  /** Only the manifest's operations run, when one is configured. */
  trusted?: ReturnType<typeof trustedDocuments>;
  answers?: AnswerCache;
  maxQueryBytes: number;
  metrics: Metrics;
  tracing?: Tracing;
}

/**
 * GraphQL at `/graphql`, GET and POST, through Apollo's Fastify integration. Whole answers to
 * queries are served from the answer cache before Apollo runs, and kept after it answered.
 */
export function registerGraphQL(app: FastifyInstance, route: Route): void {
  const requests: States = new WeakMap();
  const spans = requestSpans(route.tracing);
  const traceOf = (request: FastifyRequest): RequestTrace => ({
    requestId: request.id,
    log: request.log,
    call: spans.of(request)?.call,
  });
  const handler = fastifyApolloHandler(route.apollo, {
    context: (request) =>
      Promise.resolve(
        requests.get(request)?.context ??
          route.contextFor(request.headers, route.guard.callerOf(request), traceOf(request)),
      ),
  });

  async function preHandler(request: FastifyRequest, reply: FastifyReply) {
    const refusal = urlRefusal(request, route.maxQueryBytes);
    if (refusal) return reply.code(refusal.status).send(refusal.body);
    const context = route.contextFor(request.headers, route.guard.callerOf(request), traceOf(request));
    const body = request.body;
    const answerKey =
      route.answers && request.method === "POST" && body && typeof body === "object"
        ? await route.answers.key(body, context)
        : undefined;
    const kept = answerKey && (await route.answers!.lookup(answerKey));
    if (answerKey) route.metrics.cacheLookup("answers", kept ? "hit" : "miss");
    if (kept) {
      requests.set(request, { context, kept: answerKey });
      if (!kept.complete) reportServed(context, kept.body, operationNameOf(body));
      return reply.header("x-gateway-cache", "hit").type("application/json; charset=utf-8").send(kept.body);
    }
    const flight = answerKey === undefined ? undefined : route.answers!.begin(answerKey);
    requests.set(request, { context, flight });
  }

  /** However a request ended, those waiting on its answer are let go. */
  const release = (request: FastifyRequest) => {
    const flight = requests.get(request)?.flight;
    if (flight) route.answers!.finish(flight);
  };

  app.route({
    method: ["GET", "POST"],
    url: "/graphql",
    onRequest: [spans.start, route.guard.onRequest],
    preHandler: route.trusted ? [route.trusted, preHandler] : preHandler,
    onSend: [keepAnswer(route, requests), compressAnswer(route, requests)],
    onResponse: (request, reply, done) => {
      release(request);
      observe(route.metrics, request, reply, requests.get(request)?.context, spans.of(request));
      done();
    },
    onRequestAbort: (request, done) => (release(request), done()),
    handler,
  });
  refuseOtherMethods(app);
}

/** Each request's span when traced: from the start, so that refusals (401, 429) are spans too. */
function requestSpans(tracing?: Tracing) {
  const spans = new WeakMap<FastifyRequest, RequestSpan>();
  return {
    start: (request: FastifyRequest, _: FastifyReply, done: () => void) => {
      if (tracing) spans.set(request, tracing.startRequest(request.method, request.headers));
      done();
    },
    of: (request: FastifyRequest) => spans.get(request),
  };
}

function refuseOtherMethods(app: FastifyInstance): void {
  app.route({
    method: ["PUT", "PATCH", "DELETE"],
    url: "/graphql",
    handler: (_, reply) =>
      reply.code(405).header("allow", "GET, POST").send(errorBody("Use GET or POST.", "METHOD_NOT_ALLOWED")),
  });
}

/** After Apollo answered: the answer shared with identical requests waiting on it, and kept when complete. */
function keepAnswer(route: Route, requests: States) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const state = requests.get(request);
    if (!state?.flight) return payload;
    if (reply.statusCode === 200 && typeof payload === "string")
      await route.answers!.keep(state.flight, payload, state.context);
    else route.answers!.finish(state.flight);
    return payload;
  };
}

/** Per `Accept-Encoding`; a kept answer's compressed bytes are reused, not made again. */
function compressAnswer(route: Route, requests: States) {
  return async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (typeof payload !== "string" || reply.hasHeader("content-encoding")) return payload;
    varyOnEncoding(reply);
    const encoding = encodingFor(request.headers, payload.length);
    if (!encoding) return payload;
    const kept = requests.get(request)?.kept;
    let bytes: Buffer;
    if (kept) {
      const compressed = await route.answers!.compressed(kept, encoding, payload);
      route.metrics.cacheLookup("compressed answers", compressed.reused ? "hit" : "miss");
      bytes = compressed.bytes;
    } else bytes = await compress(payload, encoding);
    // Only once the bytes exist: a failure on the way must not label plain JSON as compressed.
    reply.header("content-encoding", encoding);
    return bytes;
  };
}

/** GET carries the request in its URL: the same bounds as a body. */
function urlRefusal(request: FastifyRequest, maxBytes: number) {
  const params = Object.values(request.query as Record<string, string | string[]>).flat();
  if (params.join("").length > maxBytes)
    return { status: 413, body: errorBody("The query is too large.", "QUERY_TOO_LARGE") };
  if (params.some((p) => nestsTooDeep(p)))
    return { status: 400, body: errorBody("The request nests too deep.", "BAD_REQUEST") };
  return undefined;
}

/** Once answered: the request's metrics, span and access line (no header, query or variable in it). */
function observe(
  metrics: Metrics,
  request: FastifyRequest,
  reply: FastifyReply,
  context?: GatewayContext,
  span?: RequestSpan,
) {
  const report = reportOf(context);
  const operation = report ? report.operation : operationNameOf(request.body);
  const outcome = outcomeOf(report, reply);
  const codes = report?.codes ?? [];
  const cached = reply.getHeader("x-gateway-cache") === "hit";
  metrics.request(operation, outcome, reply.elapsedTime / 1000, codes);
  span?.end({ operation, type: report?.type, codes, outcome, status: reply.statusCode, cached });
  request.log.info(
    {
      traceId: span?.traceId,
      method: request.method,
      operation: operation ?? null,
      status: reply.statusCode,
      outcome,
      ms: Math.round(reply.elapsedTime),
      codes,
      upstreamCalls: context?.scope.calls ?? 0,
      cached,
      caller: context?.caller.id ?? null,
    },
    "graphql request",
  );
}

/** The operation name a request gave, when it gave one as a string (an answer from the cache, a refusal). */
function operationNameOf(body: unknown): string | undefined {
  const name = (body as { operationName?: unknown } | undefined)?.operationName;
  return typeof name === "string" ? name : undefined;
}
