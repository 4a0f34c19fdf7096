import type { components } from "./contract.gen.js";

type Schemas = components["schemas"];

export type AzureRepositoryDto = Schemas["GitRepository"];
export type AzureProjectDto = Schemas["TeamProjectReference"];
export type AzureRefDto = Schemas["GitRef"];
export type AzureCommitRefDto = Schemas["GitCommitRef"];
export type AzureCommitDto = Schemas["GitCommit"];
export type AzureCommitChangesDto = Schemas["GitCommitChanges"];
export type AzureItemDto = Schemas["GitItem"];
export type AzureVersionType = Schemas["VersionType"];
export type AzureList<T> = { count: number; value: T[] };
