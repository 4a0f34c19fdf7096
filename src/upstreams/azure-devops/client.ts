import type { RequestScope } from "../../http/request-scope.js";
import type { CacheKind } from "../../http/response-cache.js";
import { UpstreamError } from "../../http/upstream-error.js";
import {
  parseJson,
  type UpstreamHttp,
  type UpstreamRequest,
  type UpstreamResponse,
} from "../../http/upstream-http.js";
import type {
  AzureCommitChangesDto,
  AzureCommitDto,
  AzureCommitRefDto,
  AzureItemDto,
  AzureList,
  AzureRefDto,
  AzureRepositoryDto,
  AzureVersionType,
  AzureVstsInfoDto,
} from "./types.js";

const apiVersion = "1.0";

export interface CommitCriteria {
  version?: string;
  versionType?: AzureVersionType;
  itemPath?: string;
  skip?: number;
  top?: number;
}

/** The Git API of an Azure DevOps Server collection, with a personal access token. */
export class AzureDevOpsClient {
  constructor(
    private readonly http: UpstreamHttp,
    /** The collection URL, e.g. https://tfs.example.com/DefaultCollection */
    private readonly collectionUrl: string,
    private readonly pat: string | undefined,
    /** The GraphQL request's cache scope; reads are cached only with one. */
    private readonly scope?: RequestScope,
  ) {}

  listRepositories(): Promise<AzureList<AzureRepositoryDto>> {
    return this.json("GET", "/_apis/git/repositories", { cache: "listing" });
  }

  listProjectRepositories(project: string): Promise<AzureList<AzureRepositoryDto>> {
    return this.json("GET", `/${encodeURIComponent(project)}/_apis/git/repositories`, { cache: "listing" });
  }

  getRepository(id: string): Promise<AzureRepositoryDto> {
    return this.json("GET", `/_apis/git/repositories/${encodeURIComponent(id)}`, { cache: "listing" });
  }

  createRepository(projectId: string, name: string): Promise<AzureRepositoryDto> {
    return this.json("POST", "/_apis/git/repositories", { body: { name, project: { id: projectId } } });
  }

  updateRepository(
    id: string,
    change: { name?: string; defaultBranch?: string },
  ): Promise<AzureRepositoryDto> {
    return this.json("PATCH", `/_apis/git/repositories/${encodeURIComponent(id)}`, { body: change });
  }

  async deleteRepository(id: string): Promise<void> {
    await this.send({
      method: "DELETE",
      path: `/_apis/git/repositories/${encodeURIComponent(id)}`,
      idempotent: false,
    });
  }

  /**
   * `{remoteUrl}/vsts/info`. Only for clone URLs of the configured collection: the token must
   * never travel to a host a caller names.
   */
  getRepositoryInfo(remoteUrl: string): Promise<AzureVstsInfoDto> {
    const base = this.collectionUrl.toLowerCase();
    if (!remoteUrl.toLowerCase().startsWith(`${base}/`) || /[?#]/.test(remoteUrl))
      return Promise.reject(new UpstreamError("Azure DevOps", "NOT_FOUND", 404, "foreign clone URL"));
    return this.json("GET", `${remoteUrl.slice(this.collectionUrl.length)}/vsts/info`, {
      withVersion: false,
      cache: "listing",
    });
  }

  async listRefs(
    id: string,
    options: { filter?: string; top?: number; continuationToken?: string; peelTags?: boolean } = {},
  ): Promise<{ refs: AzureRefDto[]; continuationToken?: string }> {
    const query = new URLSearchParams();
    if (options.filter) query.set("filter", options.filter);
    if (options.top) query.set("$top", String(options.top));
    if (options.continuationToken) query.set("continuationToken", options.continuationToken);
    if (options.peelTags) query.set("peelTags", "true");
    const response = await this.send({
      method: "GET",
      path: `/_apis/git/repositories/${encodeURIComponent(id)}/refs`,
      query,
      idempotent: true,
      cache: "refs",
    });
    const list = this.parse<AzureList<AzureRefDto>>(response);
    return {
      refs: list.value,
      continuationToken: response.headers.get("x-ms-continuationtoken") ?? undefined,
    };
  }

  listCommits(id: string, criteria: CommitCriteria): Promise<AzureList<AzureCommitRefDto>> {
    const query = new URLSearchParams();
    if (criteria.version) query.set("searchCriteria.itemVersion.version", criteria.version);
    if (criteria.versionType) query.set("searchCriteria.itemVersion.versionType", criteria.versionType);
    if (criteria.itemPath) query.set("searchCriteria.itemPath", criteria.itemPath);
    if (criteria.skip) query.set("searchCriteria.$skip", String(criteria.skip));
    if (criteria.top !== undefined) query.set("searchCriteria.$top", String(criteria.top));
    return this.json("GET", `/_apis/git/repositories/${encodeURIComponent(id)}/commits`, {
      query,
      cache: criteria.versionType === "commit" ? "immutable" : "history",
    });
  }

  getCommit(id: string, commitId: string): Promise<AzureCommitDto> {
    return this.json(
      "GET",
      `/_apis/git/repositories/${encodeURIComponent(id)}/commits/${encodeURIComponent(commitId)}`,
      { cache: "immutable" },
    );
  }

  getCommitChanges(id: string, commitId: string): Promise<AzureCommitChangesDto> {
    return this.json(
      "GET",
      `/_apis/git/repositories/${encodeURIComponent(id)}/commits/${encodeURIComponent(commitId)}/changes`,
      { cache: "immutable" },
    );
  }

  async getItemContent(
    id: string,
    path: string,
    version?: { version: string; versionType: AzureVersionType },
  ): Promise<Buffer> {
    const query = new URLSearchParams({ path });
    if (version) {
      query.set("versionDescriptor.version", version.version);
      query.set("versionDescriptor.versionType", version.versionType);
    }
    const response = await this.send({
      method: "GET",
      path: `/_apis/git/repositories/${encodeURIComponent(id)}/items`,
      query,
      accept: "application/octet-stream",
      idempotent: true,
      cache: version?.versionType === "commit" ? "immutable" : "history",
    });
    this.check(response);
    return response.body;
  }

  listItems(
    id: string,
    scopePath: string,
    recursionLevel: "OneLevel" | "Full",
    version?: { version: string; versionType: AzureVersionType },
  ): Promise<AzureList<AzureItemDto>> {
    const query = new URLSearchParams({ scopePath, recursionLevel });
    if (version) {
      query.set("versionDescriptor.version", version.version);
      query.set("versionDescriptor.versionType", version.versionType);
    }
    return this.json("GET", `/_apis/git/repositories/${encodeURIComponent(id)}/items`, {
      query,
      cache: version?.versionType === "commit" ? "immutable" : "history",
    });
  }

  private async json<T>(
    method: UpstreamRequest["method"],
    path: string,
    options: { body?: unknown; withVersion?: boolean; query?: URLSearchParams; cache?: CacheKind } = {},
  ): Promise<T> {
    const query = options.query ?? new URLSearchParams();
    if (options.withVersion !== false) query.set("api-version", apiVersion);
    const response = await this.send({
      method,
      path,
      query,
      body: options.body,
      idempotent: method === "GET",
      cache: options.cache,
    });
    return this.parse<T>(response);
  }

  private send(request: {
    method: UpstreamRequest["method"];
    path: string;
    query?: URLSearchParams;
    body?: unknown;
    accept?: string;
    idempotent: boolean;
    cache?: CacheKind;
  }) {
    const search = request.query?.toString();
    return this.http.send(
      {
        method: request.method,
        url: `${this.collectionUrl}${request.path}${search ? `?${search}` : ""}`,
        headers: {
          accept: request.accept ?? "application/json",
          "x-tfs-fedauthredirect": "Suppress",
          ...(this.pat ? { authorization: `Basic ${Buffer.from(`:${this.pat}`).toString("base64")}` } : {}),
          ...(request.body !== undefined ? { "content-type": "application/json" } : {}),
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        idempotent: request.idempotent,
        cache: request.cache,
      },
      this.scope,
    );
  }

  private parse<T>(response: UpstreamResponse): T {
    this.check(response);
    return parseJson<T>("Azure DevOps", response);
  }

  private check(response: UpstreamResponse): void {
    // An expired token may get a 203 sign-in page rather than a 401: that is no data.
    const isJson = (response.headers.get("content-type") ?? "").includes("json");
    if (
      response.status === 203 ||
      (response.status < 300 && !isJson && response.headers.get("content-type")?.includes("html"))
    )
      throw new UpstreamError("Azure DevOps", "UNAUTHENTICATED", response.status, "sign-in page");
    if (response.status >= 200 && response.status < 300) return;
    throw UpstreamError.fromStatus("Azure DevOps", response.status, tfCode(response));
  }
}

/** The TF code of an error body (e.g. TF401019): safe to show, unlike its message, which names things. */
function tfCode(response: UpstreamResponse): string | undefined {
  return /"message"\s*:\s*"(TF\d{6})/.exec(response.body.toString("utf8").slice(0, 2000))?.[1];
}
