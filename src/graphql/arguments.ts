import { GraphQLError } from "graphql";

/** Checks of arguments that reach an upstream, made before any call. */

export const badInput = (message: string) =>
  new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT" } });

/** A path inside a repository: bounded, without NUL bytes or `..` segments. */
export function checkedPath(path: string): string {
  if (path.length > 1024 || path.includes("\u0000") || path.split("/").includes(".."))
    throw badInput("The path is not valid.");
  return path;
}

export const optionalPath = (path: string | null | undefined) => (path ? checkedPath(path) : undefined);

/** A revision: a commit id, a branch or a tag name, bounded. */
export function checkedRevision(revision: string): string {
  if (revision.length > 256) throw badInput("The revision is not valid.");
  return revision;
}
