import { GraphQLError } from "graphql";
import type { HostName } from "../services/keys.js";

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

/** An `orderBy` argument with its defaults filled in; undefined when not given. */
export function orderOf<F extends string>(
  order: { field?: F | null; direction?: "ASC" | "DESC" | null } | null | undefined,
  byDefault: F,
): { field: F; direction: "ASC" | "DESC" } | undefined {
  return order ? { field: order.field ?? byDefault, direction: order.direction ?? "ASC" } : undefined;
}

/** Text to search names for: 1 to 256 characters, none of them a control character; absent when not given. */
export function searchText(text: string | null | undefined, argument: string): string | undefined {
  if (text === null || text === undefined) return undefined;
  // eslint-disable-next-line no-control-regex
  if (text.length < 1 || text.length > 256 || /[\u0000-\u001f\u007f]/.test(text))
    throw badInput(`\`${argument}\` is 1 to 256 characters, without control characters.`);
  return text;
}

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

/**
 * A revision of a repository on `host`: on Azure DevOps what git accepts; on SCM-Manager, whose
 * Mercurial branches may hold spaces, anything but `.`, `..`, control characters and over 256
 * characters (it travels as one encoded path segment or a query parameter).
 */
export function isRevision(host: HostName, name: string): boolean {
  if (host === "azure") return isRefName(name);
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u001f\u007f]/;
  return name.length > 0 && name.length <= 256 && name !== "." && name !== ".." && !control.test(name);
}

/** A revision: a commit id, a branch or a tag name. */
export function checkedRevision(revision: string, host: HostName): string {
  if (!isRevision(host, revision)) throw badInput("The revision is not a commit id or a branch or tag name.");
  return revision;
}

/** A revision when one is given; none (the default branch) when left out or empty. */
export const optionalRevision = (revision: string | null | undefined, host: HostName) =>
  revision ? checkedRevision(revision, host) : undefined;
