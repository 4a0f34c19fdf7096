import type { MutationErrorModel } from "../../services/writes/outcome.js";

/** One repository's outcome in a bulk change; its repository is read again only when asked. */
export interface RepositoryChangeResultModel {
  /** The id as the client gave it. */
  repositoryId: string;
  /** GitProtect's record, when found. */
  record: { organizationId: string; id: string } | null;
  ok: boolean;
  errors: MutationErrorModel[];
}
