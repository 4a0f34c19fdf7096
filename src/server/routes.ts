import type { FastifyError, FastifyInstance } from "fastify";
import type { Metrics } from "../http/metrics.js";
import type { readiness } from "./readiness.js";

/** A body in the shape of a GraphQL error answer, for what fails before GraphQL runs. */
export const errorBody = (message: string, code: string) => ({ errors: [{ message, extensions: { code } }] });

interface Routes {
  /** Served at /metrics when given (see METRICS). */
  metrics?: Metrics;
  ready: ReturnType<typeof readiness>;
  maxBytes: number;
}

/** `/health`, `/ready`, `/metrics`, the way to GraphQL from `/`, and errors that never show what failed inside. */
export function registerRoutes(app: FastifyInstance, { metrics, ready, maxBytes }: Routes): void {
  // Alive: the process answers. Ready: it can serve (see readiness.ts); 503 while it cannot.
  app.get("/health", () => ({ status: "ok" }));
  app.get("/ready", async (_, reply) => {
    const state = await ready();
    return reply.code(state.ready ? 200 : 503).send(state);
  });
  if (metrics)
    app.get("/metrics", async (_, reply) => reply.type(metrics.contentType).send(await metrics.render()));
  app.get("/", (_, reply) => reply.redirect("/graphql", 302));
  app.setNotFoundHandler((_, reply) =>
    reply.code(404).send(errorBody("Not found; GraphQL is at /graphql.", "NOT_FOUND")),
  );
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE")
      return reply
        .code(413)
        .send(errorBody(`The request is larger than ${maxBytes} bytes.`, "QUERY_TOO_LARGE"));
    if (error.code === "FST_ERR_CTP_INVALID_JSON_BODY" || error.code === "FST_ERR_CTP_EMPTY_JSON_BODY")
      return reply.code(400).send(errorBody("The body is not valid JSON.", "BAD_REQUEST"));
    if (error.code === "BODY_NESTS_TOO_DEEP")
      return reply.code(400).send(errorBody("The JSON body nests too deep.", "BAD_REQUEST"));
    if (error.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE")
      return reply
        .code(415)
        .send(errorBody("Send GraphQL requests as application/json.", "UNSUPPORTED_MEDIA_TYPE"));
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500)
      return reply.code(status).send(errorBody("The request could not be read.", "BAD_REQUEST"));
    request.log.error({ error: error.message }, "request failed");
    return reply.code(500).send(errorBody("Internal error.", "INTERNAL_SERVER_ERROR"));
  });
}
