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

/**
 * A name git accepts for a branch or tag (`git check-ref-format`): no `..`, no control
 * characters, space, `~ ^ : ? * [ \`, no part starting with `.` or ending with `.lock`, no `@{`,
 * not `@`, no empty part. A commit id is one too.
 */
export function isRefName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 256 &&
    name !== "@" &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u0020\u007f~^:?*[\\]|\.\.|@\{|\/\/|^\/|\/$|\.$/.test(name) &&
    name.split("/").every((part) => !part.startsWith(".") && !part.endsWith(".lock"))
  );
}

/** A revision: a commit id, a branch or a tag name. */
export function checkedRevision(revision: string): string {
  if (!isRefName(revision)) throw badInput("The revision is not a commit id or a branch or tag name.");
  return revision;
}

export const optionalRevision = (revision: string | null | undefined) =>
  revision == null ? undefined : checkedRevision(revision);
