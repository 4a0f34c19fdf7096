import type { RequestScope } from "../../http/request-scope.js";
import type { CacheKind } from "../../http/response-cache.js";
import { UpstreamError } from "../../http/upstream-error.js";
import { parseJson, type UpstreamHttp, type UpstreamResponse } from "../../http/upstream-http.js";
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

/** GitProtect's management API: every call a POST with a JSON body and a bearer token. */
export class GitProtectClient {
  constructor(
    private readonly http: UpstreamHttp,
    private readonly baseUrl: string,
    private readonly credentials: GitProtectCredentials,
    /** The GraphQL request's cache scope; reads are cached only with one. */
    private readonly scope?: RequestScope,
  ) {}

  login(email: string, password: string, rememberMe = false): Promise<Schemas["LoginResponse"]> {
    return this.call("/account/login", { email, password, rememberMe }, { write: false, anonymous: true });
  }

  getOrganizations(request: GetManyRequestDto): Promise<PageDto<OrganizationDto>> {
    return this.call("/git/organizations/getmany", request, { cache: "listing" });
  }

  synchronizeOrganization(id: string): Promise<void> {
    return this.call("/git/organizations/synchronize", { id }, { write: true });
  }

  listPlansAssignedToOrganization(
    organizationid: string,
    page: number,
    limit: number,
  ): Promise<PageDto<PlanDto>> {
    return this.call(
      "/plans/listassignedtoorganization",
      { organizationid, page, limit },
      { cache: "listing" },
    );
  }

  attachGitRepository(planid: string, repositoryid: string): Promise<void> {
    return this.call("/plans/attachgitrepository", { planid, repositoryid }, { write: true });
  }

  detachGitRepository(planid: string, repositoryid: string): Promise<void> {
    return this.call("/plans/detachgitrepository", { planid, repositoryid }, { write: true });
  }

  attachAzureProject(planId: string, projectId: string): Promise<void> {
    return this.call("/plans/AttachAzureProject", { planId, projectId }, { write: true });
  }

  detachAzureProject(planId: string, projectId: string): Promise<void> {
    return this.call("/plans/DetachAzureProject", { planId, projectId }, { write: true });
  }

  modifyGitPlan(plan: ModifyGitPlanDto): Promise<PlanDto> {
    return this.call("/plans/modifygitplan", plan, { write: true });
  }

  modifyAzurePlan(plan: ModifyAzurePlanDto): Promise<PlanDto> {
    return this.call("/plans/ModifyAzurePlanAsync", plan, { write: true });
  }

  getRepositories(request: GetManyRequestDto & { id: string }): Promise<PageDto<GitProtectRepositoryDto>> {
    return this.call("/git/repositories/getmany", request, { cache: "listing" });
  }

  activateRepositories(ids: string[]): Promise<void> {
    return this.call("/git/repositories/activate", { Ids: ids }, { write: true });
  }

  deactivateRepositories(ids: string[]): Promise<void> {
    return this.call("/git/repositories/deactivate", { Ids: ids }, { write: true });
  }

  removeRepository(id: string, removedata: boolean): Promise<void> {
    return this.call("/git/repositories/remove", { id, removedata }, { write: true });
  }

  private async call<T>(
    path: string,
    body: unknown,
    options: { write?: boolean; anonymous?: boolean; cache?: CacheKind } = {},
  ): Promise<T> {
    const send = () =>
      this.http.send(
        {
          method: "POST",
          url: this.baseUrl + path,
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify(body),
          // Reads are POSTs here too; only the writes must never be repeated.
          idempotent: !options.write,
          cache: options.cache,
          identity: this.credentials.identity,
          // The token is fetched (and signed in for) only when the call is really made, not for cached answers.
          ...(options.anonymous
            ? {}
            : { lazyHeaders: async () => ({ authorization: `Bearer ${await this.token()}` }) }),
        },
        this.scope,
      );
    let response = await send();
    if (response.status === 401 && !options.anonymous && this.credentials.email) {
      // The kept token expired or was revoked: sign in again, once.
      this.credentials.tokens.forget();
      response = await send();
    }
    return this.answer<T>(response);
  }

  private token(): Promise<string> {
    const { email, password, tokens } = this.credentials;
    return tokens.token(async () => {
      if (!email || !password)
        throw new UpstreamError("GitProtect", "UNAUTHENTICATED", 401, "no credentials");
      return (await this.login(email, password, true)).accessToken;
    });
  }

  private answer<T>(response: UpstreamResponse): T {
    if (response.status >= 200 && response.status < 300) {
      return (response.body.length === 0 ? undefined : parseJson<T>("GitProtect", response)) as T;
    }
    throw UpstreamError.fromStatus("GitProtect", response.status, problemField(response));
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
