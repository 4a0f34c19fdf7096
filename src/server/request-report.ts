import type { ApolloServerPlugin } from "@apollo/server";
import type { FastifyReply } from "fastify";
import type { GatewayContext } from "../context/context.js";
import type { RequestOutcome } from "../http/metrics.js";

/** What a GraphQL request came to, for its metrics and its access log line. */
export interface RequestReport {
  operation?: string;
  /** query, mutation or subscription, once the document was read. */
  type?: string;
  /** Each error's `extensions.code`, in order. */
  codes: string[];
  hasData: boolean;
}

/** Keyed by the request's scope: Apollo hands resolvers a shallow copy of the context, not the context itself. */
const reports = new WeakMap<GatewayContext["scope"], RequestReport>();

/** Apollo plugin: notes each answer's operation and error codes against its context. */
export const requestReports: ApolloServerPlugin<GatewayContext> = {
  requestDidStart: () =>
    Promise.resolve({
      willSendResponse({ contextValue, operationName, operation, response }) {
        if (response.body.kind !== "single") return Promise.resolve();
        const { errors, data } = response.body.singleResult;
        reports.set(contextValue.scope, {
          operation: operationName ?? undefined,
          type: operation?.operation,
          codes: (errors ?? []).map((error) => codeOf(error.extensions?.code)),
          hasData: data !== undefined && data !== null,
        });
        return Promise.resolve();
      },
    }),
};

/**
 * An answer served from the answer cache, which Apollo did not compute: complete ones need no
 * report; one with errors (an open breaker's refusals, or shared while in flight) is read for them,
 * so that an outage answered from memory still counts as one.
 */
export function reportServed(context: GatewayContext, body: string, operation?: string): void {
  const { errors, data } = readErrors(body);
  if (!errors) return;
  reports.set(context.scope, {
    operation,
    codes: errors.map((error) => codeOf(error.extensions?.code)),
    hasData: data !== undefined && data !== null,
  });
}

export function reportOf(context: GatewayContext | undefined): RequestReport | undefined {
  return context && reports.get(context.scope);
}

/** Refused before GraphQL ran (no report and a 4xx or 5xx), or how complete its answer was. */
export function outcomeOf(report: RequestReport | undefined, reply: FastifyReply): RequestOutcome {
  if (!report) return reply.statusCode >= 400 ? "refused" : "ok";
  if (report.codes.length === 0) return "ok";
  return report.hasData ? "partial" : "failed";
}

/** Codes are ours or Apollo's; anything else is not a label value. */
const codeOf = (code: unknown) => (typeof code === "string" && /^[A-Z_]{1,40}$/.test(code) ? code : "OTHER");

/**
 * An answer's errors (and data), parsed only when it may have errors: without the text `"errors"`
 * it has none, and an overview of every organization is megabytes to parse.
 */
export function readErrors(body: string): {
  errors?: Array<{ extensions?: { code?: unknown } }>;
  data?: unknown;
} {
  return body.includes('"errors"') ? (JSON.parse(body) as ReturnType<typeof readErrors>) : {};
}
