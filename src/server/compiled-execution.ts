import type { GatewayExecutor, GatewayInterface } from "@apollo/server-gateway-interface";
import {
  Kind,
  execute,
  getVariableValues,
  printSchema,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import { BoundedLru } from "../http/bounded-lru.js";
import { asInterpreted } from "./compiled-errors.js";

/**
 * Execution of the operations a client asks again, compiled to JavaScript once (graphql-jit)
 * instead of interpreted field by field by graphql-js: an answer of thousands of fields (an
 * overview, a blame) spends most of its CPU in graphql-js's per-field work, which a compiled
 * operation does in a tenth of the time (see README, Performance).
 *
 * An operation runs with graphql-js the first time it is seen and is compiled the second, so a
 * query asked once (a person's, an attacker's stream of new ones) never pays for a compile; what
 * cannot be compiled keeps running with graphql-js. Variables are coerced by graphql-js either
 * way, and errors reported as graphql-js reports them (compiled-errors.ts).
 */

/** Operations remembered (seen once, or compiled), least recently asked forgotten first. */
const remembered = 1_000;

/**
 * The most fields, fragments expanded, an operation may run to be compiled. A compile costs about
 * a quarter of a millisecond a field, whatever the data, and fragments nested in pairs double the
 * fields at each level: ten levels of 760 bytes compiled in a second. An overview runs 20 fields.
 */
const maxCompiledFields = 200;

type Plan = "seen" | "interpreted" | CompiledQuery;

/** Apollo's hook for an executor of its own (the interface its federation gateway implements). */
export function compiledExecution(schema: GraphQLSchema): GatewayInterface {
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    load: () => Promise.resolve({ executor: executorFor(schema) }),
    stop: () => Promise.resolve(),
  };
}

function executorFor(schema: GraphQLSchema): GatewayExecutor {
  const plans = new BoundedLru<Plan>(remembered, Number.POSITIVE_INFINITY, () => 0);
  return async ({ document, operation, operationName, queryHash, request, context }) => {
    const key = `${queryHash} ${operationName ?? ""}`;
    const before = plans.get(key);
    const plan = planFor(before, () =>
      fieldsRun(document, operation) > maxCompiledFields
        ? undefined
        : compileQuery(schema, document, operationName ?? undefined),
    );
    if (plan !== before) plans.set(key, plan);
    const variableValues = request.variables ?? {};
    if (typeof plan === "string")
      return execute({ schema, document, operationName, contextValue: context, variableValues });
    // graphql-js coerces the variables (graphql-jit's own misses an input field's default); graphql-jit
    // coerces them again, to the same values: the schema's scalars and enums take their own output.
    const { errors, coerced } = getVariableValues(
      schema,
      operation.variableDefinitions ?? [],
      variableValues,
    );
    if (errors) return { errors };
    return asInterpreted(await plan.query(undefined, context, coerced));
  };
}

/** The plan after one more ask: seen the first time, compiled the second (or interpreted for good). */
function planFor(before: Plan | undefined, compile: () => CompiledQuery | ExecutionResult | undefined): Plan {
  if (before === undefined) return "seen";
  if (before !== "seen") return before;
  const compiled = compile();
  return compiled && isCompiledQuery(compiled) ? compiled : "interpreted";
}

/** The fields an operation runs with its fragments expanded, counted once per fragment (linear time). */
function fieldsRun(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map<string, SelectionSetNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION)
      fragments.set(definition.name.value, definition.selectionSet);
  const counted = new Map<string, number>();
  const count = (set: SelectionSetNode | undefined): number =>
    (set?.selections ?? []).reduce((sum, selection) => {
      if (selection.kind === Kind.FIELD) return sum + 1 + count(selection.selectionSet);
      if (selection.kind === Kind.INLINE_FRAGMENT) return sum + count(selection.selectionSet);
      const name = selection.name.value;
      if (!counted.has(name)) counted.set(name, count(fragments.get(name)));
      return sum + counted.get(name)!;
    }, 0);
  return count(operation.selectionSet);
}
