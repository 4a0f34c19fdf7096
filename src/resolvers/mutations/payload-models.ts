import type { MutationErrorCode } from "../../generated/resolvers-types.js";
import type { Subject, WriteError } from "../../services/writes/outcome.js";

/** A payload's error as the schema gives it: the input field at fault, by its GraphQL name. */
export interface MutationErrorModel {
  code: MutationErrorCode;
  message: string;
  field?: string | null;
}

/** The input field each subject of a refusal stands for (bulk mutations name their list). */
export type InputFields = Partial<Record<Subject, string>>;

const inputFields: Record<Subject, string> = {
  plan: "planId",
  repository: "repositoryId",
  project: "projectId",
  organization: "organizationId",
  name: "name",
  defaultBranch: "defaultBranch",
  version: "expectedVersion",
  confirmation: "confirmName",
  azureDevOpsSettings: "azureDevOps",
  repositorySelection: "includeAllRepositories",
};

export const payloadErrors = (errors: WriteError[], fields: InputFields = {}): MutationErrorModel[] =>
  errors.map(({ code, message, subject }) => ({
    code,
    message,
    ...(subject ? { field: fields[subject] ?? inputFields[subject] } : {}),
  }));

/** One repository's outcome in a bulk change; its repository is read again only when asked. */
export interface RepositoryChangeResultModel {
  /** The id as the client gave it. */
  repositoryId: string;
  /** GitProtect's record, when found. */
  record: { organizationId: string; id: string } | null;
  ok: boolean;
  errors: MutationErrorModel[];
}
