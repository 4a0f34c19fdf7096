import type { RequestScope } from "../../http/request-scope.js";
import type { CacheKind, UpstreamResponse } from "../../http/types.js";
import { UpstreamError } from "../../http/upstream-error.js";
import type { UpstreamHttp } from "../../http/upstream-http.js";
import { isCommitId } from "../git.js";
import type { Contracts } from "../contracts.js";
import { RestClient } from "../rest-client.js";
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

/** What names a commit never changes; what names a branch (or nothing: the default) does. */
const atRevision = (revision: string | undefined): CacheKind =>
  isCommitId(revision) ? "immutable" : "history";

const repositories = "repositories";

/** SCM-Manager 1.x's repository resource, with HTTP Basic on every call. */
export class ScmManagerClient extends RestClient {
  protected readonly upstream = "SCM-Manager";

  constructor(
    http: UpstreamHttp,
    /** Server URL with its context path, e.g. https://scm.example.com/scm */
    serverUrl: string,
    private readonly credentials: ScmCredentials | undefined,
    scope?: RequestScope,
    contracts?: Contracts,
  ) {
    super(http, `${serverUrl}/api/rest`, scope, contracts);
  }

  listRepositories(
    query: { start?: number; limit?: number; sortby?: string; desc?: boolean } = {},
  ): Promise<ScmRepositoryDto[]> {
    return this.get([repositories], { query, cache: "listing", operation: "listRepositories" });
  }

  /** Answers the new repository's id, read from the Location header (the answer has no body). */
  async createRepository(input: ScmRepositoryInputDto): Promise<string> {
    const response = await this.send("POST", [repositories], { body: input });
    const id = response.headers.get("location")?.split("/").pop();
    if (!id) throw new UpstreamError("SCM-Manager", "MALFORMED", response.status, "no Location");
    return decodeURIComponent(id);
  }

  getRepository(id: string): Promise<ScmRepositoryDto> {
    return this.get([repositories, id], { cache: "listing", operation: "getRepository" });
  }

  /** The repository's whole name, slashes included, is the rest of the path. */
  getRepositoryByTypeAndName(type: string, name: string): Promise<ScmRepositoryDto> {
    return this.get([repositories, type, ...name.split("/")], {
      cache: "listing",
      operation: "getRepositoryByTypeAndName",
    });
  }

  modifyRepository(id: string, repository: ScmRepositoryInputDto): Promise<void> {
    return this.perform("PUT", [repositories, id], { body: repository });
  }

  deleteRepository(id: string): Promise<void> {
    return this.delete([repositories, id]);
  }

  runHealthCheck(id: string): Promise<void> {
    return this.perform("POST", [repositories, id, "healthcheck"]);
  }

  getBlame(id: string, path: string, revision?: string): Promise<ScmBlameResultDto> {
    return this.get([repositories, id, "blame"], {
      operation: "getBlame",
      query: { path, revision },
      cache: atRevision(revision),
    });
  }

  async getBranches(id: string): Promise<ScmNamedRevisionDto[]> {
    return (
      await this.get<{ branch: ScmNamedRevisionDto[] }>([repositories, id, "branches"], {
        operation: "getBranches",
        cache: "refs",
      })
    ).branch;
  }

  async getTags(id: string): Promise<ScmNamedRevisionDto[]> {
    return (
      await this.get<{ tag: ScmNamedRevisionDto[] }>([repositories, id, "tags"], {
        operation: "getTags",
        cache: "refs",
      })
    ).tag;
  }

  browse(
    id: string,
    query: { path?: string; revision?: string; recursive?: boolean; disableLastCommit?: boolean },
  ): Promise<ScmBrowserResultDto> {
    const { recursive, disableLastCommit, ...rest } = query;
    return this.get([repositories, id, "browse"], {
      operation: "browse",
      // Flags go only when set (their default is false); sub-repositories are never shown.
      query: {
        ...rest,
        recursive: recursive || undefined,
        disableLastCommit: disableLastCommit || undefined,
        disableSubRepositoryDetection: true,
      },
      cache: atRevision(query.revision),
    });
  }

  getChangesets(
    id: string,
    query: { branch?: string; path?: string; revision?: string; start?: number; limit?: number },
  ): Promise<ScmChangesetPageDto> {
    return this.get([repositories, id, "changesets"], {
      operation: "getChangesets",
      query,
      cache: "history",
    });
  }

  getChangeset(id: string, revision: string): Promise<ScmChangesetDto> {
    return this.get([repositories, id, "changeset", revision], {
      operation: "getChangeset",
      cache: atRevision(revision),
    });
  }

  async getContent(id: string, path: string, revision?: string): Promise<Buffer> {
    const response = await this.send("GET", [repositories, id, "content"], {
      query: { path, revision },
      accept: "application/octet-stream",
      cache: atRevision(revision),
    });
    return response.body;
  }

  async getDiff(id: string, revision: string, path?: string): Promise<string> {
    const response = await this.send("GET", [repositories, id, "diff"], {
      query: { revision, path, format: "GIT" },
      accept: "application/octet-stream",
      cache: atRevision(revision),
    });
    return response.body.toString("utf8");
  }

  protected override authorize() {
    if (!this.credentials) return {};
    const { username, password } = this.credentials;
    return {
      headers: { authorization: `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}` },
    };
  }

  /** A 500 carries a Java stack trace in its body: never passed on. */
  protected override reasonOf(response: UpstreamResponse): string | undefined {
    return response.status === 400 ? "not supported or invalid" : undefined;
  }
}
