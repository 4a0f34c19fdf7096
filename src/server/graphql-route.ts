import { fastifyApolloHandler } from "@as-integrations/fastify";
import type { ApolloServer } from "@apollo/server";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { GatewayContext } from "../context/context.js";
import type { AnswerCache } from "./answer-cache.js";
import { errorBody } from "./routes.js";

interface Route {
  apollo: ApolloServer<GatewayContext>;
  contextFor: (headers: FastifyRequest["headers"]) => GatewayContext;
  answers?: AnswerCache;
  maxQueryBytes: number;
}

/**
 * GraphQL at `/graphql`, GET and POST, through Apollo's Fastify integration. Whole answers to
 * queries are served from the answer cache before Apollo runs, and kept after it answered.
 */
export function registerGraphQL(app: FastifyInstance, route: Route): void {
  const requests = new WeakMap<FastifyRequest, { context: GatewayContext; answerKey?: string }>();
  const handler = fastifyApolloHandler(route.apollo, {
    context: (request) =>
      Promise.resolve(requests.get(request)?.context ?? route.contextFor(request.headers)),
  });

  async function preHandler(request: FastifyRequest, reply: FastifyReply) {
    const query = (request.query as { query?: string | string[] }).query;
    if ([query ?? ""].flat().join("").length > route.maxQueryBytes)
      return reply.code(413).send(errorBody("The query is too large.", "QUERY_TOO_LARGE"));
    const context = route.contextFor(request.headers);
    const body = request.body;
    const answerKey =
      route.answers && request.method === "POST" && body && typeof body === "object"
        ? await route.answers.key(body, context)
        : undefined;
    requests.set(request, { context, answerKey });
    const kept = answerKey && (await route.answers!.get(answerKey));
    if (kept)
      return reply.header("x-gateway-cache", "hit").type("application/json; charset=utf-8").send(kept);
  }

  async function keepAnswer(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const state = requests.get(request);
    if (
      state?.answerKey &&
      reply.statusCode === 200 &&
      typeof payload === "string" &&
      !reply.hasHeader("x-gateway-cache")
    )
      await route.answers!.keep(state.answerKey, payload, state.context);
    return payload;
  }

  app.route({ method: ["GET", "POST"], url: "/graphql", preHandler, onSend: keepAnswer, handler });
  app.route({
    method: ["PUT", "PATCH", "DELETE", "OPTIONS"],
    url: "/graphql",
    handler: (_, reply) =>
      reply.code(405).header("allow", "GET, POST").send(errorBody("Use GET or POST.", "METHOD_NOT_ALLOWED")),
  });
}
