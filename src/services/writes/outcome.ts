import { UpstreamError, type UpstreamErrorKind } from "../../http/upstream-error.js";

/** Why a change was not made, when that is an expected outcome (the schema's MutationErrorCode). */
export type MutationErrorCode =
  | "INVALID_INPUT"
  | "NOT_FOUND"
  | "NAME_TAKEN"
  | "FORBIDDEN"
  | "INVALID_CREDENTIALS"
  | "NOT_ARCHIVED"
  | "CONFLICT"
  | "UNSUPPORTED";

/** What a refusal is about, in the gateway's terms; resolvers name the input field it stands for. */
export type Subject =
  | "plan"
  | "repository"
  | "project"
  | "organization"
  | "name"
  | "defaultBranch"
  | "version"
  | "confirmation"
  | "azureDevOpsSettings"
  | "repositorySelection";

/** An expected reason why a change was not made: data in the payload, not a GraphQL error. */
export interface WriteError {
  code: MutationErrorCode;
  message: string;
  subject?: Subject;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; errors: WriteError[] };

export const done = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refused = (code: MutationErrorCode, message: string, subject?: Subject): Outcome<never> => ({
  ok: false,
  errors: [{ code, message, ...(subject ? { subject } : {}) }],
});

/**
 * Runs a write; turns the upstream refusals listed in `expected` into payload errors. Anything
 * else (the upstream down, a malformed answer, an unknown outcome) stays an error.
 */
export async function attempt<T>(
  write: () => Promise<T>,
  expected: Partial<Record<UpstreamErrorKind, WriteError>>,
): Promise<Outcome<T>> {
  try {
    return done(await write());
  } catch (error) {
    const known = error instanceof UpstreamError ? expected[error.kind] : undefined;
    if (!known) throw error;
    return refused(known.code, known.message, known.subject);
  }
}

/** Deleting is deliberate: the caller names the repository's current name, or nothing is deleted. */
export function confirmedName(current: string, confirmName: string): Outcome<void> | undefined {
  if (current === confirmName) return undefined;
  return refused(
    "INVALID_INPUT",
    `The repository is named "${current}", not "${confirmName}"; nothing was deleted.`,
    "confirmation",
  );
}
