import type { ServicesOf } from "../../services/services.js";
import type { Outcome } from "../../services/writes/outcome.js";
import type { InputCheck } from "./input-check.js";
import { payloadErrors, type MutationErrorModel } from "./payload-models.js";

/**
 * The one path of every mutation: the input checked (a problem is a payload error, and nothing
 * is asked of any upstream) → the write → the request's reads renewed, so that nothing read
 * before the change is served after it → the payload.
 */
export async function runMutation<T, P extends object, E extends object>(
  { services }: ServicesOf,
  check: InputCheck,
  write: false | undefined | (() => Promise<Outcome<T>>),
  payload: (value: T) => P | Promise<P>,
  /** The payload's fields when nothing was changed. */
  empty: E,
): Promise<(P | E) & { errors: MutationErrorModel[] }> {
  if (!check.ok || !write) return { ...empty, errors: check.problems };
  let outcome: Outcome<T>;
  try {
    outcome = await write();
  } finally {
    // Made, refused or unknown: what this request read before may be out of date now.
    services.renew();
  }
  if (!outcome.ok) return { ...empty, errors: payloadErrors(outcome.errors) };
  return { ...(await payload(outcome.value)), errors: [] };
}
