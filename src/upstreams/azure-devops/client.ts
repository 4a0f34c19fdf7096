import type { RequestScope } from "../../http/request-scope.js";
import type { UpstreamResponse } from "../../http/types.js";
import { UpstreamError } from "../../http/upstream-error.js";
import type { UpstreamHttp } from "../../http/upstream-http.js";
import type { QueryValues } from "../path.js";
import type { Contracts } from "../contracts.js";
import { deepFreeze, oncePer } from "../shared-values.js";
import { RestClient } from "../rest-client.js";
import type { components } from "./contract.gen.js";
import { branchRef } from "./refs.js";
import type {
  AzureCommitChangesDto,
  AzureCommitDto,
  AzureCommitRefDto,
  AzureItemDto,
  AzureList,
  AzureProjectDto,
  AzureRefDto,
  AzureRepositoryDto,
  AzureVersionType,
} from "./types.js";

type Schemas = components["schemas"];

export interface CommitCriteria {
  version?: string;
  versionType?: AzureVersionType;
  itemPath?: string;
  skip?: number;
  top?: number;
}

export type AzureVersion = { version: string; versionType: AzureVersionType };

const repositories = ["_apis", "git", "repositories"];
const at = (version: AzureVersion | undefined) =>
  version?.versionType === "commit" ? ("immutable" as const) : ("history" as const);
const descriptor = (version: AzureVersion | undefined): QueryValues => ({
  "versionDescriptor.version": version?.version,
  "versionDescriptor.versionType": version?.versionType,
});

/** Records as the gateway keeps them (see types.ts): what it never reads is let go on arrival. */
const keptRepository = ({ _links: _, ...repository }: Schemas["GitRepository"]): AzureRepositoryDto =>
  repository;
/**
 * Kept once per listing as parsed: a listing the gateway parsed before is the very object it was
 * (see parsed-answers.ts), and so, frozen, is what is kept of it.
 */
const keptRepositories = oncePer((list: AzureList<Schemas["GitRepository"]>): AzureList<AzureRepositoryDto> =>
  deepFreeze({ count: list.count, value: list.value.map(keptRepository) }),
);
const keptRef = ({ name, objectId, peeledObjectId }: Schemas["GitRef"]): AzureRefDto =>
  peeledObjectId ? { name, objectId, peeledObjectId } : { name, objectId };

/** The Git API of an Azure DevOps Server collection, with a personal access token. */
export class AzureDevOpsClient extends RestClient {
  protected readonly upstream = "Azure DevOps";

  constructor(
    http: UpstreamHttp,
    /** The collection URL, e.g. https://tfs.example.com/DefaultCollection */
    private readonly collectionUrl: string,
    private readonly pat: string | undefined,
    scope?: RequestScope,
    contracts?: Contracts,
  ) {
    super(http, collectionUrl, scope, contracts);
  }

  async listRepositories(): Promise<AzureList<AzureRepositoryDto>> {
    return keptRepositories(
      await this.get(repositories, { cache: "listing", operation: "listRepositories" }),
    );
  }

  /** One page of the collection's projects (the core API: see the contract). */
  listProjects(top: number, skip: number): Promise<AzureList<AzureProjectDto>> {
    return this.get(["_apis", "projects"], {
      cache: "listing",
      operation: "listProjects",
      query: { $top: top, $skip: skip || undefined },
    });
  }

  async listProjectRepositories(project: string): Promise<AzureList<AzureRepositoryDto>> {
    return keptRepositories(
      await this.get([project, ...repositories], { cache: "listing", operation: "listProjectRepositories" }),
    );
  }

  async getRepository(id: string): Promise<AzureRepositoryDto> {
    return keptRepository(
      await this.get([...repositories, id], { cache: "listing", operation: "getRepository" }),
    );
  }

  async createRepository(projectId: string, name: string): Promise<AzureRepositoryDto> {
    return keptRepository(
      await this.post(repositories, {
        body: { name, project: { id: projectId } },
        operation: "createRepository",
      }),
    );
  }

  /** A new name, or a new default branch named as git users do (`main`). */
  async updateRepository(
    id: string,
    change: { name?: string; defaultBranch?: string },
  ): Promise<AzureRepositoryDto> {
    const { name, defaultBranch } = change;
    return keptRepository(
      await this.patch([...repositories, id], {
        operation: "updateRepository",
        body: { name, ...(defaultBranch ? { defaultBranch: branchRef(defaultBranch) } : {}) },
      }),
    );
  }

  deleteRepository(id: string): Promise<void> {
    return this.delete([...repositories, id]);
  }

  async listRefs(
    id: string,
    options: { filter?: string; top?: number; continuationToken?: string; peelTags?: boolean } = {},
  ): Promise<{ refs: AzureRefDto[]; continuationToken?: string }> {
    const response = await this.send("GET", [...repositories, id, "refs"], {
      operation: "listRefs",
      query: {
        filter: options.filter,
        $top: options.top,
        continuationToken: options.continuationToken,
        peelTags: options.peelTags || undefined,
      },
      cache: "refs",
    });
    const list = this.parse<AzureList<Schemas["GitRef"]>>(response, "listRefs", true);
    return {
      refs: list.value.map(keptRef),
      continuationToken: response.headers.get("x-ms-continuationtoken") ?? undefined,
    };
  }

  listCommits(id: string, criteria: CommitCriteria): Promise<AzureList<AzureCommitRefDto>> {
    return this.get([...repositories, id, "commits"], {
      operation: "listCommits",
      query: {
        "searchCriteria.itemVersion.version": criteria.version,
        "searchCriteria.itemVersion.versionType": criteria.versionType,
        "searchCriteria.itemPath": criteria.itemPath,
        "searchCriteria.$skip": criteria.skip || undefined,
        "searchCriteria.$top": criteria.top,
      },
      cache: criteria.versionType === "commit" ? "immutable" : "history",
    });
  }

  getCommit(id: string, commitId: string): Promise<AzureCommitDto> {
    return this.get([...repositories, id, "commits", commitId], {
      cache: "immutable",
      operation: "getCommit",
    });
  }

  getCommitChanges(id: string, commitId: string): Promise<AzureCommitChangesDto> {
    return this.get([...repositories, id, "commits", commitId, "changes"], {
      cache: "immutable",
      operation: "getCommitChanges",
    });
  }

  async getItemContent(id: string, path: string, version?: AzureVersion): Promise<Buffer> {
    const response = await this.send("GET", [...repositories, id, "items"], {
      query: { path, ...descriptor(version) },
      accept: "application/octet-stream",
      cache: at(version),
    });
    // A folder answers its listing as JSON whatever was asked for: that is no file's content.
    if ((response.headers.get("content-type") ?? "").includes("application/json"))
      throw new UpstreamError(this.upstream, "NOT_FOUND", 404, "a folder, not a file");
    return response.body;
  }

  listItems(
    id: string,
    scopePath: string,
    recursionLevel: "OneLevel" | "Full",
    version?: AzureVersion,
  ): Promise<AzureList<AzureItemDto>> {
    return this.get([...repositories, id, "items"], {
      operation: "getItems",
      query: { scopePath, recursionLevel, ...descriptor(version) },
      cache: at(version),
    });
  }

  protected override authorize() {
    return {
      headers: {
        "x-tfs-fedauthredirect": "Suppress",
        ...(this.pat ? { authorization: `Basic ${Buffer.from(`:${this.pat}`).toString("base64")}` } : {}),
      },
    };
  }

  /** Every call under `_apis` names the API version; the clone-URL lookup lives outside it. */
  protected override defaultQuery(path: readonly string[]): QueryValues {
    return path.includes("_apis") ? { "api-version": "1.0" } : {};
  }

  /** An expired token may get a 203 sign-in page rather than a 401: that is no data. */
  protected override errorFor(response: UpstreamResponse): UpstreamError | undefined {
    const type = response.headers.get("content-type") ?? "";
    if (response.status === 203 || (response.status < 300 && !type.includes("json") && type.includes("html")))
      return new UpstreamError("Azure DevOps", "UNAUTHENTICATED", response.status, "sign-in page");
    return super.errorFor(response);
  }

  /** The TF code of an error body (e.g. TF401019): safe to show, unlike its message, which names things. */
  protected override reasonOf(response: UpstreamResponse): string | undefined {
    return /"message"\s*:\s*"(TF\d{6})/.exec(response.body.toString("utf8").slice(0, 2000))?.[1];
  }
}
