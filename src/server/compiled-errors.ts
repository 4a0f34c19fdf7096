import { GraphQLError, type ExecutionResult } from "graphql";

/**
 * A compiled operation's errors as graphql-js reports them: one for each null an error caused, each
 * a graphql-js GraphQLError.
 */
export function asInterpreted(result: ExecutionResult): ExecutionResult {
  if (!result.errors) return result;
  const nulls = new Set<string>();
  const explaining = result.errors.filter((error) => {
    const where = nulledBy(result.data, error.path ?? []);
    return !nulls.has(where) && nulls.add(where);
  });
  return { ...result, errors: explaining.map(asGraphQLError) };
}

/**
 * Where an error's null is in the answer: the first null along its path. graphql-jit reports every
 * failed field: two non-null fields failing together (a repository's `id` and `name`, both from
 * one failed listing) give two errors for the one repository they null, where graphql-js reports
 * the first, which explains the null.
 */
function nulledBy(data: unknown, path: ReadonlyArray<string | number>): string {
  let value = data;
  let depth = 0;
  while (value !== null && value !== undefined && depth < path.length)
    value = (value as Record<string | number, unknown>)[path[depth++]!];
  return path.slice(0, depth).join(".");
}

/**
 * graphql-jit's errors are look-alikes whose `extensions` is missing when what a resolver threw had
 * none (an upstream's failure): Apollo and the error formatter expect graphql-js's, which always
 * have them. The same error as graphql-js makes it, with graphql-jit's locations (graphql-js
 * computes them from the field's nodes, which the compiled operation does not keep).
 */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const { message, path, originalError, extensions, locations } = error;
  return Object.assign(new GraphQLError(message, { path, originalError, extensions }), { locations });
}
