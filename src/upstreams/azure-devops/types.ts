import type { components } from "./contract.gen.js";

type Schemas = components["schemas"];

/**
 * A repository as the gateway keeps it: its `_links` are never read, and a collection's listing is
 * held for the whole of a request (on a large server the links were a twentieth of an overview's heap).
 */
export type AzureRepositoryDto = Omit<Schemas["GitRepository"], "_links">;
export type AzureProjectDto = Schemas["TeamProjectReference"];
/** A ref as the gateway keeps it: its creator and URL are never read, and a page of branches is held for a request. */
export type AzureRefDto = Pick<Schemas["GitRef"], "name" | "objectId" | "peeledObjectId">;
export type AzureCommitRefDto = Schemas["GitCommitRef"];
export type AzureCommitDto = Schemas["GitCommit"];
export type AzureCommitChangesDto = Schemas["GitCommitChanges"];
export type AzureItemDto = Schemas["GitItem"];
export type AzureVersionType = Schemas["VersionType"];
export type AzureList<T> = { count: number; value: T[] };
