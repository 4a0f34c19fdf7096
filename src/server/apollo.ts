import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { GraphQLError, OperationTypeNode } from "graphql";
import type { Config } from "../config/config.js";
import type { GatewayContext } from "../context/context.js";
import { fanOutCost, tooCostly } from "./fan-out-cost.js";
import { formatError } from "./format-error.js";
import type { CacheStore } from "../http/cache-store.js";
import { persistedQueryCache } from "./persisted-queries.js";
import { queryLimitRules } from "./query-limits.js";
import { sandboxLandingPage } from "./explorer/sandbox.js";
import { requestReports } from "./request-report.js";
import { gatewaySchema } from "./schema.js";

/** Apollo Server over the gateway's schema: errors formatted, cost limited, Sandbox as the landing page. */
export function createApollo(
  config: Config,
  plugins: Array<ApolloServerPlugin<GatewayContext>>,
  store?: CacheStore,
) {
  return new ApolloServer<GatewayContext>({
    persistedQueries: store ? { cache: persistedQueryCache(store, config.cache.namespace) } : {},
    schema: gatewaySchema(),
    introspection: config.access.introspection,
    includeStacktraceInErrorResponses: false,
    // The process stops the gateway itself on SIGTERM (src/main.ts); Apollo's own handler would
    // send the signal again once stopped and end the process with 143, cutting what is in flight.
    stopOnTerminationSignals: false,
    formatError,
    validationRules: queryLimitRules(config.limits),
    parseOptions: { maxTokens: config.limits.maxTokens },
    plugins: [
      // Apollo Sandbox at /graphql where the explorer is on (EXPLORER; off in production by default).
      config.access.explorer ? sandboxLandingPage() : ApolloServerPluginLandingPageDisabled(),
      // The gateway caches upstream answers; Apollo's per-field cache hints would only cost time.
      ApolloServerPluginCacheControlDisabled(),
      staleAnswers,
      costLimit(config.limits.maxCost),
      scopes,
      requestReports,
      ...plugins,
    ],
  });
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

/** Refuses, before it runs, a query whose estimated upstream calls pass `max`. */
const costLimit = (max: number): ApolloServerPlugin<GatewayContext> => ({
  requestDidStart: () =>
    Promise.resolve({
      didResolveOperation({ schema, document, operation, request }) {
        if (!operation) return Promise.resolve();
        const cost = fanOutCost(schema, document, operation, request.variables ?? {});
        return cost > max ? Promise.reject(tooCostly(cost, max)) : Promise.resolve();
      },
    }),
});

/** Mutations need the `write` scope (reading was checked before GraphQL ran). */
const scopes: ApolloServerPlugin<GatewayContext> = {
  requestDidStart: () =>
    Promise.resolve({
      didResolveOperation({ operation, contextValue }) {
        if (operation?.operation !== OperationTypeNode.MUTATION || contextValue.caller.scopes.has("write"))
          return Promise.resolve();
        return Promise.reject(
          new GraphQLError("These credentials may read, not write.", {
            extensions: { code: "FORBIDDEN", http: { status: 403 } },
          }),
        );
      },
    }),
};
