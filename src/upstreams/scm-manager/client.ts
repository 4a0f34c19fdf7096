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
  ScmBlameResultDto,
  ScmBrowserResultDto,
  ScmChangesetDto,
  ScmChangesetPageDto,
  ScmNamedRevisionDto,
  ScmRepositoryDto,
  ScmRepositoryInputDto,
} from "./types.js";

export interface ScmCredentials {
  username: string;
  password: string;
}

/** SCM-Manager 1.x's repository resource, with HTTP Basic on every call. */
export class ScmManagerClient {
  private readonly apiUrl: string;

  constructor(
    private readonly http: UpstreamHttp,
    /** Server URL with its context path, e.g. https://scm.example.com/scm */
    serverUrl: string,
    private readonly credentials: ScmCredentials | undefined,
    /** The GraphQL request's cache scope; reads are cached only with one. */
    private readonly scope?: RequestScope,
  ) {
    this.apiUrl = `${serverUrl}/api/rest`;
  }

  listRepositories(
    options: { start?: number; limit?: number; sortby?: string; desc?: boolean } = {},
  ): Promise<ScmRepositoryDto[]> {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(options))
      if (value !== undefined) query.set(key, String(value));
    return this.json("/repositories", query, "listing");
  }

  /** Answers the new repository's id, read from the Location header (the answer has no body). */
  async createRepository(input: ScmRepositoryInputDto): Promise<string> {
    const response = await this.send({
      method: "POST",
      path: "/repositories",
      body: input,
      idempotent: false,
    });
    this.check(response);
    const id = response.headers.get("location")?.split("/").pop();
    if (!id) throw new UpstreamError("SCM-Manager", "MALFORMED", response.status, "no Location");
    return decodeURIComponent(id);
  }

  /** With `etag`, answers undefined when the repository did not change since. */
  async getRepository(
    id: string,
    etag?: string,
  ): Promise<{ repository: ScmRepositoryDto; etag?: string } | undefined> {
    const response = await this.send({
      method: "GET",
      path: `/repositories/${encodeURIComponent(id)}`,
      idempotent: true,
      headers: etag ? { "if-none-match": etag } : {},
      cache: "listing",
    });
    if (response.status === 304) return undefined;
    return {
      repository: this.parse<ScmRepositoryDto>(response),
      etag: response.headers.get("etag") ?? undefined,
    };
  }

  getRepositoryByTypeAndName(type: string, name: string): Promise<ScmRepositoryDto> {
    return this.json(
      `/repositories/${encodeURIComponent(type)}/${name.split("/").map(encodeURIComponent).join("/")}`,
      undefined,
      "listing",
    );
  }

  async modifyRepository(id: string, repository: ScmRepositoryInputDto): Promise<void> {
    this.check(
      await this.send({
        method: "PUT",
        path: `/repositories/${encodeURIComponent(id)}`,
        body: repository,
        idempotent: false,
      }),
    );
  }

  async deleteRepository(id: string): Promise<void> {
    this.check(
      await this.send({
        method: "DELETE",
        path: `/repositories/${encodeURIComponent(id)}`,
        idempotent: false,
      }),
    );
  }

  async runHealthCheck(id: string): Promise<void> {
    this.check(
      await this.send({
        method: "POST",
        path: `/repositories/${encodeURIComponent(id)}/healthcheck`,
        idempotent: false,
      }),
    );
  }

  getBlame(id: string, path: string, revision?: string): Promise<ScmBlameResultDto> {
    return this.json(
      `/repositories/${encodeURIComponent(id)}/blame`,
      params({ path, revision }),
      atRevision(revision),
    );
  }

  async getBranches(id: string): Promise<ScmNamedRevisionDto[]> {
    return (
      await this.json<{ branch: ScmNamedRevisionDto[] }>(
        `/repositories/${encodeURIComponent(id)}/branches`,
        undefined,
        "refs",
      )
    ).branch;
  }

  async getTags(id: string): Promise<ScmNamedRevisionDto[]> {
    return (
      await this.json<{ tag: ScmNamedRevisionDto[] }>(
        `/repositories/${encodeURIComponent(id)}/tags`,
        undefined,
        "refs",
      )
    ).tag;
  }

  browse(
    id: string,
    options: { path?: string; revision?: string; recursive?: boolean; disableLastCommit?: boolean },
  ): Promise<ScmBrowserResultDto> {
    return this.json(
      `/repositories/${encodeURIComponent(id)}/browse`,
      params(options),
      atRevision(options.revision),
    );
  }

  getChangesets(
    id: string,
    options: { branch?: string; path?: string; revision?: string; start?: number; limit?: number },
  ): Promise<ScmChangesetPageDto> {
    return this.json(`/repositories/${encodeURIComponent(id)}/changesets`, params(options), "history");
  }

  getChangeset(id: string, revision: string): Promise<ScmChangesetDto> {
    return this.json(
      `/repositories/${encodeURIComponent(id)}/changeset/${encodeURIComponent(revision)}`,
      undefined,
      atRevision(revision),
    );
  }

  async getContent(id: string, path: string, revision?: string): Promise<Buffer> {
    const response = await this.send({
      method: "GET",
      path: `/repositories/${encodeURIComponent(id)}/content`,
      query: params({ path, revision }),
      idempotent: true,
      accept: "application/octet-stream",
      cache: atRevision(revision),
    });
    this.check(response);
    return response.body;
  }

  async getDiff(id: string, revision: string, path?: string): Promise<string> {
    const response = await this.send({
      method: "GET",
      path: `/repositories/${encodeURIComponent(id)}/diff`,
      query: params({ revision, path, format: "GIT" }),
      idempotent: true,
      accept: "application/octet-stream",
      cache: atRevision(revision),
    });
    this.check(response);
    return response.body.toString("utf8");
  }

  private async json<T>(path: string, query?: URLSearchParams, cache?: CacheKind): Promise<T> {
    return this.parse<T>(await this.send({ method: "GET", path, query, idempotent: true, cache }));
  }

  private send(request: {
    method: UpstreamRequest["method"];
    path: string;
    query?: URLSearchParams;
    body?: unknown;
    headers?: Record<string, string>;
    accept?: string;
    idempotent: boolean;
    cache?: CacheKind;
  }) {
    const search = request.query?.toString();
    const { username, password } = this.credentials ?? {};
    return this.http.send(
      {
        method: request.method,
        url: `${this.apiUrl}${request.path}${search ? `?${search}` : ""}`,
        headers: {
          accept: request.accept ?? "application/json",
          ...(username !== undefined
            ? { authorization: `Basic ${Buffer.from(`${username}:${password ?? ""}`).toString("base64")}` }
            : {}),
          ...(request.body !== undefined ? { "content-type": "application/json" } : {}),
          ...request.headers,
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
    return parseJson<T>("SCM-Manager", response);
  }

  private check(response: UpstreamResponse): void {
    if (response.status >= 200 && response.status < 300) return;
    // A 500 carries a Java stack trace in its body: never passed on.
    throw UpstreamError.fromStatus(
      "SCM-Manager",
      response.status,
      response.status === 400 ? "not supported or invalid" : undefined,
    );
  }
}

/** What names a commit never changes; what names a branch (or nothing: the default) does. */
const atRevision = (revision: string | undefined): CacheKind =>
  revision && /^[0-9a-f]{40}$/i.test(revision) ? "immutable" : "history";

function params(values: Record<string, string | number | boolean | undefined>): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== "") query.set(key, String(value));
  return query;
}
