import { GraphQLError } from "graphql";

/** Errors a service raises itself, with the stable codes clients read. */

export const notConfigured = (upstream: string) =>
  new GraphQLError(`${upstream} is not configured on this gateway.`, {
    extensions: { code: "UPSTREAM_NOT_CONFIGURED", upstream },
  });

/** What an upstream's configuration provides, or an error saying it is not configured. */
export function configured<T>(value: T | undefined, upstream: string): T {
  if (value === undefined) throw notConfigured(upstream);
  return value;
}
