import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import type { Config } from "../config/config.js";

type QueryLimits = Pick<Config["limits"], "maxDepth" | "maxAliases" | "maxDirectives" | "maxRootFields">;

const tooComplex = (message: string) =>
  new GraphQLError(message.replace(/^Syntax Error: /, ""), { extensions: { code: "QUERY_TOO_COMPLEX" } });

/**
 * What one document may hold, checked before execution. graphql-armor's rules count each
 * fragment once however often it is spread, so a document of fragments spreading each other is
 * checked in time linear in its size. Depth counts fields through fragments (a spread adds no
 * level); the introspection field `__schema` is not counted, so the standard introspection query
 * passes (aliases and tokens still bound what it may repeat).
 */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  const report = (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(tooComplex(error.message));
  const common = { exposeLimits: true, propagateOnRejection: false, onReject: [report] };
  return [
    maxDepthRule({ ...common, n: limits.maxDepth, flattenFragments: true }),
    maxAliasesRule({ ...common, n: limits.maxAliases }),
    maxDirectivesRule({ ...common, n: limits.maxDirectives }),
    rootFieldsRule(limits.maxRootFields),
  ];
}

/** At most `max` fields at the root of an operation (through fragments, each counted once). */
function rootFieldsRule(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const counted = new Map<string, number>();
    const count = (set: SelectionSetNode): number =>
      set.selections.reduce((sum, selection) => {
        if (selection.kind === Kind.FIELD) return sum + (selection.name.value === "__typename" ? 0 : 1);
        if (selection.kind === Kind.INLINE_FRAGMENT) return sum + count(selection.selectionSet);
        const name = selection.name.value;
        if (!counted.has(name)) {
          counted.set(name, 0); // a cycle is refused by graphql-js's own rules
          const fragment = context.getFragment(name);
          counted.set(name, fragment ? count(fragment.selectionSet) : 0);
        }
        return sum + counted.get(name)!;
      }, 0);
    return {
      OperationDefinition(operation) {
        const found = count(operation.selectionSet);
        if (found > max)
          context.reportError(tooComplex(`Root field limit of ${max} exceeded, found ${found}.`));
      },
    };
  };
}
