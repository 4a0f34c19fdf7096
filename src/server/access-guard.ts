import type { IncomingHttpHeaders } from "node:http";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Caller } from "../context/context.js";
import { credentialHeaders } from "../context/credentials.js";
import { Refused, type Authenticator } from "./authenticate.js";
import type { RateLimit } from "./rate-limit.js";
import { errorBody } from "./routes.js";

/** The explorer's page (a browser asking for HTML, no operation): static, served to anyone. */
const isExplorerPage = (request: FastifyRequest) =>
  request.method === "GET" &&
  (request.headers.accept ?? "").includes("text/html") &&
  !(request.query as { query?: unknown }).query;

/** An upstream account given in part: never completed with the configured one. */
function incompleteCredentials(headers: IncomingHttpHeaders): string | undefined {
  const user = headers[credentialHeaders.scmUsername];
  const password = headers[credentialHeaders.scmPassword];
  if ((user === undefined) !== (password === undefined))
    return `Send ${credentialHeaders.scmUsername} and ${credentialHeaders.scmPassword} together.`;
  return undefined;
}

/**
 * Before any GraphQL work: who is calling (401 when the credentials are wrong, or missing where
 * anonymous callers may not call), whether they may read at all (403), whether they are past their
 * rate (429 with Retry-After), and whether the upstream credentials they bring are complete (400).
 */
export function accessGuard(authenticator: Authenticator, rateLimit: RateLimit) {
  const callers = new WeakMap<FastifyRequest, Caller>();
  async function onRequest(request: FastifyRequest, reply: FastifyReply) {
    if (isExplorerPage(request)) return;
    const incomplete = incompleteCredentials(request.headers);
    if (incomplete) return reply.code(400).send(errorBody(incomplete, "BAD_USER_INPUT"));
    try {
      const caller = await authenticator.caller(request.headers, request.ip);
      if (!caller.scopes.has("read"))
        return reply.code(403).send(errorBody("These credentials may not read.", "FORBIDDEN"));
      const wait = await rateLimit.take(caller.id);
      if (wait !== undefined)
        return reply
          .code(429)
          .header("retry-after", String(wait))
          .send(errorBody(`Too many requests; try again in ${wait} s.`, "RATE_LIMITED"));
      callers.set(request, caller);
    } catch (error) {
      if (!(error instanceof Refused)) throw error;
      return reply
        .code(401)
        .header("www-authenticate", 'Bearer realm="graphql"')
        .send(errorBody(error.message, "UNAUTHENTICATED"));
    }
  }
  const nobody: Caller = { id: "nobody", scopes: new Set() };
  return { onRequest, callerOf: (request: FastifyRequest) => callers.get(request) ?? nobody };
}
