import type { components } from "./contract.gen.js";

type Schemas = components["schemas"];

export type OrganizationDto = Schemas["Organization"];
export type GitProtectRepositoryDto = Schemas["Repository"];
/** The contract requires these on a stored plan; the generated allOf type leaves them optional. */
export type PlanDto = Schemas["Plan"] &
  Required<
    Pick<
      Schemas["PlanCommon"],
      | "id"
      | "isActive"
      | "name"
      | "type"
      | "backupType"
      | "storageId"
      | "repositoriesIds"
      | "workerId"
      | "schedule"
      | "advancedOptions"
      | "compressionSettings"
      | "encryptionSettings"
      | "customActions"
      | "organizationId"
      | "includeMetadata"
    >
  >;
export type PlanRefDto = Schemas["PlanRef"];
/** Fields with defaults come out required in the generated type; a request may leave them out. */
export type GetManyRequestDto = Partial<Schemas["GetManyRequest"]>;
export type ModifyGitPlanDto = Schemas["ModifyGitPlanRequest"];
export type ModifyAzurePlanDto = Schemas["ModifyAzurePlanRequest"];
export type PageDto<T> = { currentPage: number; pageCount: number; totalEntries: number; result: T[] };
