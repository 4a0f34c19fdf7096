import type { UpstreamRequest, UpstreamResponse } from "../../http/types.js";
import { UpstreamError } from "../../http/upstream-error.js";
import type { UpstreamHttp } from "../../http/upstream-http.js";
import type { RequestScope } from "../../http/request-scope.js";
import type { Contracts } from "../contracts.js";
import { RestClient } from "../rest-client.js";
import type { components } from "./contract.gen.js";
import type { TokenSource } from "./session.js";
import type {
  GetManyRequestDto,
  GitProtectRepositoryDto,
  ModifyAzurePlanDto,
  ModifyGitPlanDto,
  OrganizationDto,
  PageDto,
  PlanDto,
} from "./types.js";

type Schemas = components["schemas"];

export interface GitProtectCredentials {
  tokens: TokenSource;
  /** Who signs in: the account (server and e-mail) or the given token; cache keys hash it. */
  identity: string;
  email?: string;
  password?: string;
}

const listing = { read: true, cache: "listing" } as const;

/** GitProtect's management API: every call a POST with a JSON body and a bearer token. */
export class GitProtectClient extends RestClient {
  protected readonly upstream = "GitProtect";

  constructor(
    http: UpstreamHttp,
    baseUrl: string,
    private readonly credentials: GitProtectCredentials,
    scope?: RequestScope,
    contracts?: Contracts,
  ) {
    super(http, baseUrl, scope, contracts);
  }

  /** Signing in only reads (it changes nothing kept), so it may be retried; it is never cached. */
  login(email: string, password: string, rememberMe = false): Promise<Schemas["LoginResponse"]> {
    return this.post(["account", "login"], {
      body: { email, password, rememberMe },
      read: true,
      operation: "login",
    });
  }

  getOrganizations(request: GetManyRequestDto): Promise<PageDto<OrganizationDto>> {
    return this.post(["git", "organizations", "getmany"], {
      body: request,
      ...listing,
      operation: "getOrganizations",
    });
  }

  synchronizeOrganization(id: string): Promise<void> {
    return this.post(["git", "organizations", "synchronize"], { body: { id } });
  }

  listPlansAssignedToOrganization(
    organizationid: string,
    page: number,
    limit: number,
  ): Promise<PageDto<PlanDto>> {
    return this.post(["plans", "listassignedtoorganization"], {
      body: { organizationid, page, limit },
      ...listing,
      operation: "listPlansAssignedToOrganization",
    });
  }

  attachGitRepository(planid: string, repositoryid: string): Promise<void> {
    return this.post(["plans", "attachgitrepository"], { body: { planid, repositoryid } });
  }

  detachGitRepository(planid: string, repositoryid: string): Promise<void> {
    return this.post(["plans", "detachgitrepository"], { body: { planid, repositoryid } });
  }

  attachAzureProject(planId: string, projectId: string): Promise<void> {
    return this.post(["plans", "AttachAzureProject"], { body: { planId, projectId } });
  }

  detachAzureProject(planId: string, projectId: string): Promise<void> {
    return this.post(["plans", "DetachAzureProject"], { body: { planId, projectId } });
  }

  modifyGitPlan(plan: ModifyGitPlanDto): Promise<PlanDto> {
    return this.post(["plans", "modifygitplan"], { body: plan, operation: "modifyGitPlan" });
  }

  modifyAzurePlan(plan: ModifyAzurePlanDto): Promise<PlanDto> {
    return this.post(["plans", "ModifyAzurePlanAsync"], { body: plan, operation: "modifyAzurePlan" });
  }

  getRepositories(request: GetManyRequestDto & { id: string }): Promise<PageDto<GitProtectRepositoryDto>> {
    return this.post(["git", "repositories", "getmany"], {
      body: request,
      ...listing,
      operation: "getRepositories",
    });
  }

  activateRepositories(ids: string[]): Promise<void> {
    return this.post(["git", "repositories", "activate"], { body: { Ids: ids } });
  }

  deactivateRepositories(ids: string[]): Promise<void> {
    return this.post(["git", "repositories", "deactivate"], { body: { Ids: ids } });
  }

  removeRepository(id: string, removedata: boolean): Promise<void> {
    return this.post(["git", "repositories", "remove"], { body: { id, removedata } });
  }

  /** Every call but the sign-in carries the token, fetched (and signed in for) only when the call is made. */
  protected override authorize(path: readonly string[]) {
    if (path.join("/") === "account/login") return {};
    return {
      identity: this.credentials.identity,
      lazyHeaders: async () => ({ authorization: `Bearer ${await this.token()}` }),
    };
  }

  /** The kept token expired or was revoked: sign in again, once. */
  protected override async request(request: UpstreamRequest): Promise<UpstreamResponse> {
    const response = await super.request(request);
    if (response.status !== 401 || !request.lazyHeaders || !this.credentials.email) return response;
    this.credentials.tokens.forget();
    return super.request(request);
  }

  protected override reasonOf(response: UpstreamResponse): string | undefined {
    return problemField(response);
  }

  private token(): Promise<string> {
    const { email, password, tokens } = this.credentials;
    return tokens.token(async () => {
      if (!email || !password)
        throw new UpstreamError("GitProtect", "UNAUTHENTICATED", 401, "no credentials");
      try {
        return (await this.login(email, password, true)).accessToken;
      } catch (error) {
        if (!(error instanceof UpstreamError) || !["UNAUTHENTICATED", "REJECTED"].includes(error.kind))
          throw error;
        throw new UpstreamError(
          "GitProtect",
          "UNAUTHENTICATED",
          error.status,
          "its sign-in was refused; nothing else was sent",
        );
      }
    });
  }
}

/** The first field name a 400 problem-details answer complains about: safe to show, useful to read. */
function problemField(response: UpstreamResponse): string | undefined {
  if (response.status !== 400) return undefined;
  try {
    const problem = JSON.parse(response.body.toString("utf8")) as { errors?: Record<string, unknown> };
    const field = Object.keys(problem.errors ?? {})[0];
    return field && /^[\w.$[\]]{1,64}$/.test(field) ? `invalid ${field}` : undefined;
  } catch {
    return undefined;
  }
}
