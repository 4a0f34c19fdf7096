import type { IncomingHttpHeaders } from "node:http";
import type { components } from "../../src/upstreams/gitprotect/contract.gen.js";
import { loadContract } from "../http/contract.js";
import { empty, json, ReplyError } from "../http/reply.js";
import type { Handler, SimulatorDefinition } from "../http/simulator-server.js";
import { mapInTurns } from "../http/turns.js";
import { hostedCloneUrl } from "../world/clone-urls.js";
import type { GitProtectPlan, GitProtectRepository, World } from "../world/model.js";
import { signToken, verifyToken, type TokenClaims } from "./access-token.js";
import { bindCaseInsensitive } from "./bind-case-insensitive.js";
import { organizationDto, planDto, repositoryDto } from "./dto.js";
import { pageOf } from "./paging.js";
import { planMembership } from "./plan-membership.js";
import { fail, problem, validationProblem } from "./problems.js";

type Schemas = components["schemas"];
/** The contract requires these (checked before a handler runs); the generated allOf types leave them optional. */
type PlanInput = Schemas["ModifyGitPlanRequest"] &
  Partial<Schemas["ModifyAzurePlanRequest"]> &
  Required<
    Pick<
      Schemas["PlanCommon"],
      "id" | "name" | "backupType" | "storageId" | "workerId" | "schedule" | "organizationId"
    >
  >;
type Principal = TokenClaims | null;

export const gitprotectContract = loadContract(
  new URL("../../schema/upstreams/gitprotect.openapi.yaml", import.meta.url),
  {
    caseInsensitivePaths: true,
  },
);
const managementRoles = ["DataRemoveManagement", "GitManagement"];

export function gitprotectSimulator(world: World): SimulatorDefinition<Principal> {
  const store = world.gitprotect;
  const now = () => Math.floor(Date.now() / 1000);

  const organization = (id: string) =>
    store.organizations.get(id.toLowerCase()) ?? fail(404, `Organization ${id} was not found.`);
  const plan = (id: string) =>
    store.plans.get(id.toLowerCase()) ?? fail(404, `Backup plan ${id} was not found.`);
  const repository = (id: string) =>
    store.repositories.get(id.toLowerCase()) ?? fail(404, `Repository ${id} was not found.`);
  /** The records a licence change names: all must exist, and none twice (what a server does then is unknown). */
  const licensed = ({ Ids }: Schemas["IdsRequest"]) => {
    if (new Set(Ids.map((id) => id.toLowerCase())).size !== Ids.length)
      fail(400, "The same repository is named twice.", { Ids: ["Repeated id."] });
    return Ids.map(repository);
  };
  const requireRole = (principal: Principal) => {
    if (!principal?.roles.some((role) => managementRoles.includes(role)))
      throw new ReplyError(problem(403, "Requires the role DataRemoveManagement or GitManagement."));
  };
  const detachEverywhere = (repositoryId: string) => {
    for (const p of store.plans.values())
      p.repositoriesIds = p.repositoriesIds.filter((id) => id !== repositoryId);
  };

  const handlers: Record<string, Handler<Principal>> = {
    login({ body }) {
      const { email, password } = body as Schemas["LoginRequest"];
      const user = store.users.find(
        (u) => u.email.toLowerCase() === email.toLowerCase() && u.password === password,
      );
      if (!user) return problem(401, "Invalid email or password.");
      const accessToken = signToken(store.tokenSecret, {
        sub: user.id,
        email: user.email,
        roles: user.roles,
        exp: now() + store.tokenTtlSeconds,
      });
      return json(200, { userId: user.id, accessToken });
    },
    async getOrganizations({ body }) {
      const request = (body ?? {}) as Schemas["GetManyRequest"];
      const membership = planMembership(world);
      // An organization at a time: each reads every repository against every plan.
      const records = await mapInTurns(
        [...store.organizations.values()],
        (o) => organizationDto(world, o, membership),
        1,
      );
      return json(200, pageOf(records, request));
    },
    synchronizeOrganization({ body }) {
      synchronize(world, organization((body as Schemas["IdRequest"]).id).id);
      return empty(200);
    },
    listPlansAssignedToOrganization({ body }) {
      const request = body as Schemas["ListPlansRequest"];
      const org = organization(request.organizationid);
      // As the document words it: the plans the organization's repositories are assigned to. A
      // plan that holds none of them (yet) is not listed.
      const orgRecords = [...store.repositories.values()].filter((r) => r.organizationId === org.id);
      const membership = planMembership(world);
      const plans = [...store.plans.values()]
        .filter((p) => orgRecords.some((r) => membership.holds(p, r)))
        .map(planDto);
      return json(200, pageOf(plans, { page: request.page, limit: request.limit }));
    },
    attachGitRepository({ body }) {
      const { planid, repositoryid } = body as Schemas["PlanRepositoryRequest"];
      const target = plan(planid);
      const repo = repository(repositoryid);
      if (repo.isRemoved) fail(404, `Repository ${repositoryid} was removed.`);
      if (repo.organizationId !== target.organizationId)
        fail(400, "The repository belongs to another organization than the plan.", {
          repositoryid: ["The repository belongs to another organization than the plan."],
        });
      if (!target.repositoriesIds.includes(repo.id)) target.repositoriesIds.push(repo.id);
      return empty(200);
    },
    detachGitRepository({ body }) {
      const { planid, repositoryid } = body as Schemas["PlanRepositoryRequest"];
      const target = plan(planid);
      const repo = repository(repositoryid);
      target.repositoriesIds = target.repositoriesIds.filter((id) => id !== repo.id);
      return empty(200);
    },
    attachAzureProject({ body }) {
      const { target, projectId } = azureProjectTarget(body as Schemas["PlanProjectRequest"]);
      if (!target.projectsIds.includes(projectId)) target.projectsIds.push(projectId);
      return empty(200);
    },
    detachAzureProject({ body }) {
      const { target, projectId } = azureProjectTarget(body as Schemas["PlanProjectRequest"]);
      target.projectsIds = target.projectsIds.filter((id) => id !== projectId);
      return empty(200);
    },
    modifyGitPlan({ body }) {
      return json(200, planDto(replacePlan(body as PlanInput, 1)));
    },
    modifyAzurePlan({ body }) {
      return json(200, planDto(replacePlan(body as PlanInput, 2)));
    },
    getRepositories({ body }) {
      const request = body as Schemas["GetRepositoriesRequest"];
      const org = organization(request.id);
      const membership = planMembership(world);
      const records = [...store.repositories.values()]
        .filter((r) => r.organizationId === org.id)
        .map((r) => repositoryDto(world, r, membership));
      return json(200, pageOf(records, request));
    },
    activateRepositories({ body, principal }) {
      requireRole(principal);
      for (const repo of licensed(body as Schemas["IdsRequest"])) repo.isLicenceActive = true;
      return empty(200);
    },
    deactivateRepositories({ body, principal }) {
      requireRole(principal);
      for (const repo of licensed(body as Schemas["IdsRequest"])) repo.isLicenceActive = false;
      return empty(200);
    },
    removeRepository({ body, principal }) {
      requireRole(principal);
      const { id, removedata } = body as Schemas["RemoveRepositoryRequest"];
      const repo = repository(id);
      detachEverywhere(repo.id);
      if (removedata) store.repositories.delete(repo.id);
      else Object.assign(repo, { isRemoved: true, isLicenceActive: false });
      return empty(200);
    },
  };

  function azureProjectTarget({ planId, projectId }: Schemas["PlanProjectRequest"]) {
    const target = plan(planId);
    if (!target.azure || target.azure.gitChoiceMode !== 2)
      fail(400, "Projects can be attached only to Azure DevOps plans with individual project selection.", {
        planId: ["The plan does not use individual project selection."],
      });
    const id = projectId.toLowerCase();
    if (!world.azure.projects.has(id)) fail(404, `Project ${projectId} was not found.`);
    return { target: target.azure!, projectId: id };
  }

  /** The body replaces the stored plan: what it leaves out is gone, as the real API does. */
  function replacePlan(input: PlanInput, type: 1 | 2) {
    const stored = plan(input.id);
    if ((stored.type === 2) !== (type === 2))
      fail(400, `Plan ${input.id} is ${stored.type === 2 ? "an Azure DevOps" : "a Git"} plan.`, {
        id: ["Wrong plan kind for this call."],
      });
    if (input.organizationId.toLowerCase() !== stored.organizationId)
      fail(400, "A plan cannot move to another organization.", {
        organizationId: ["Does not match the plan."],
      });
    const repositoriesIds = (input.repositoriesIds ?? []).map((id) => repository(id).id);
    const encryption = input.encryptionSettings ?? { enabled: false };
    const replaced: GitProtectPlan = {
      id: stored.id,
      isActive: input.isActive ?? false,
      name: input.name,
      type,
      backupType: input.backupType,
      storageId: input.storageId,
      repositoriesIds: [...new Set(repositoriesIds)],
      workerId: input.workerId,
      schedule: input.schedule,
      advancedOptions: input.advancedOptions ?? {},
      compressionSettings: input.compressionSettings ?? { enabled: false },
      encryptionSettings: {
        ...encryption,
        // The password is write-only: a body that enables encryption without one keeps the stored one.
        ...(encryption.enabled && !encryption.password && stored.encryptionSettings.password
          ? { password: stored.encryptionSettings.password }
          : {}),
      },
      customActions: input.customActions ?? {},
      organizationId: stored.organizationId,
      includeMetadata: input.includeMetadata ?? false,
      inculdeAllReposistories: input.inculdeAllReposistories ?? false,
      ...(type === 2
        ? {
            azure: {
              excludedRepositoriesIds: input.excludedRepositoriesIds ?? [],
              projectsIds: input.projectsIds ?? [],
              wikisIds: input.wikisIds ?? [],
              notificationSettings: {
                onSuccess: input.notificationSettings?.onSuccess ?? false,
                onFailure: input.notificationSettings?.onFailure ?? false,
                emails: input.notificationSettings?.emails ?? [],
              },
              useExtraCredentials: input.useExtraCredentials ?? false,
              additionalCredentials: input.additionalCredentials ?? [],
              resourceKindsToIgnore: input.resourceKindsToIgnore ?? [],
              gitChoiceMode: input.gitChoiceMode ?? 1,
              rules: input.rules ?? [],
            },
          }
        : {}),
    };
    store.plans.set(stored.id, replaced);
    return replaced;
  }

  return {
    name: "gitprotect",
    contract: gitprotectContract,
    basePath: "",
    caseInsensitivePaths: true,
    handlers,
    authenticate(headers: IncomingHttpHeaders, operation) {
      if (!operation.secured) return null;
      const match = /^Bearer\s+(\S+)$/i.exec(headers.authorization ?? "");
      const claims = match ? verifyToken(store.tokenSecret, match[1]!, now()) : undefined;
      if (!claims) throw new ReplyError(empty(401, { "www-authenticate": 'Bearer error="invalid_token"' }));
      return claims;
    },
    principalName: (principal) => principal?.email ?? null,
    normalizeBody: (body, operation) => bindCaseInsensitive(body, operation.body?.schema),
    badRequest: (errors) => validationProblem(errors),
    notFound: () => empty(404),
    settings: {
      get: () => ({ tokenTtlSeconds: store.tokenTtlSeconds }),
      set(values) {
        const ttl = values.tokenTtlSeconds;
        if (ttl !== undefined) {
          if (typeof ttl !== "number" || !Number.isInteger(ttl) || ttl < -86_400)
            throw new Error("tokenTtlSeconds must be an integer");
          store.tokenTtlSeconds = ttl;
        }
      },
    },
  };
}

/**
 * Brings GitProtect's records of an organization in line with its host: new hosted repositories
 * appear (without a licence), renamed ones follow, deleted ones are marked removed.
 */
export function synchronize(world: World, organizationId: string): void {
  const org = world.gitprotect.organizations.get(organizationId)!;
  const known = [...world.gitprotect.repositories.values()].filter((r) => r.organizationId === org.id);
  const hosted: Array<{ host: "azure" | "scm"; id: string; name: string; fullName: string }> = [];
  if (org.host.kind === "azure") {
    const projects = new Set(org.host.projectIds);
    for (const repo of world.azure.repositories.values())
      if (projects.has(repo.projectId))
        hosted.push({
          host: "azure",
          id: repo.id,
          name: repo.name,
          fullName: `${world.azure.projects.get(repo.projectId)!.name}/${repo.name}`,
        });
  } else if (org.host.kind === "scm") {
    const prefix = `${org.host.namespace}/`;
    for (const repo of world.scm.repositories.values())
      if (repo.name.startsWith(prefix))
        hosted.push({ host: "scm", id: repo.id, name: repo.name.slice(prefix.length), fullName: repo.name });
  } else {
    return;
  }
  for (const record of known) {
    if (!record.hosted) continue;
    const url = hostedCloneUrl(world, record.hosted);
    const current = hosted.find((h) => h.id === record.hosted!.id);
    if (!url || !current) {
      Object.assign(record, { isRemoved: true, isLicenceActive: false });
      continue;
    }
    if (record.name !== current.name)
      Object.assign(record, { name: current.name, fullName: current.fullName, url });
  }
  for (const repo of hosted) {
    if (known.some((r) => r.hosted?.id === repo.id)) continue;
    const record: GitProtectRepository = {
      id: world.random.uuid(),
      organizationId: org.id,
      name: repo.name,
      fullName: repo.fullName,
      url: hostedCloneUrl(world, repo)!,
      isLicenceActive: false,
      isRemoved: false,
      sizeBytes: 0,
      lastBackupDate: null,
      lastBackupStatus: "None",
      hosted: { host: repo.host, id: repo.id },
    };
    world.gitprotect.repositories.set(record.id, record);
  }
}
