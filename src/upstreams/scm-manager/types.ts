import type { components } from "./contract.gen.js";

type Schemas = components["schemas"];

export type ScmRepositoryDto = Schemas["Repository"];
export type ScmRepositoryInputDto = Schemas["RepositoryInput"];
export type ScmChangesetDto = Schemas["Changeset"];
export type ScmBlameResultDto = Schemas["BlameResult"];
export type ScmBrowserResultDto = Schemas["BrowserResult"];
export type ScmNamedRevisionDto = Schemas["NamedRevision"];
export type ScmChangesetPageDto = { changesets: ScmChangesetDto[]; total: number };
