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

/** An abbreviated commit id that more than one commit starts with: the client must say more. */
export const ambiguousRevision = (revision: string) =>
  new GraphQLError(`The abbreviated commit id ${revision} names more than one commit; give more of it.`, {
    extensions: { code: "BAD_USER_INPUT" },
  });
