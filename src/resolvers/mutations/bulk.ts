import type { RepositoryKey } from "../../services/keys.js";
import type { ItemResult } from "../../services/writes/gitprotect-writes.js";
import type { InputCheck } from "./input-check.js";
import {
  payloadErrors,
  type MutationErrorModel,
  type RepositoryChangeResultModel,
} from "./payload-models.js";

/**
 * The repository ids of a bulk change: the decoded ones go to the write; one that does not decode
 * is its own item's problem, never a failure of the whole.
 */
export class BulkIds {
  private readonly decoded: Array<RepositoryKey | MutationErrorModel>;

  constructor(
    check: InputCheck,
    private readonly raws: readonly string[],
    /** The input field of the ids: a list, or the one id of a single change. */
    private readonly field: "repositoryIds" | "repositoryId" = "repositoryIds",
  ) {
    this.decoded = check.idsOf(raws, "Repository", field, field === "repositoryIds");
  }

  get keys(): RepositoryKey[] {
    return this.decoded.filter((id): id is RepositoryKey => !("code" in id));
  }

  /** One result per id, in the order given: the write's `results` follow the order of `keys`. */
  results(results: ItemResult[]): RepositoryChangeResultModel[] {
    let next = 0;
    return this.decoded.map((id, i) => {
      const result = "code" in id ? { record: null, errors: [id] } : this.item(results[next++]!);
      return { repositoryId: this.raws[i]!, ...result, ok: result.errors.length === 0 };
    });
  }

  private item(result: ItemResult) {
    return { record: result.record, errors: payloadErrors(result.errors, { repository: this.field }) };
  }
}
