import { normalizeCloneUrl } from "../clone-url.js";
import type { GlobalId } from "../global-id.js";
import type { GitProtectLoaders } from "../loaders/gitprotect-loaders.js";
import type { RepositoryIndex } from "../loaders/repository-index.js";
import type { GitProtectClient } from "../upstreams/gitprotect/client.js";
import { planVersion } from "../upstreams/gitprotect/plan-version.js";
import { tokenExpiry } from "../upstreams/gitprotect/session.js";
import type { GitProtectRepositoryDto, ModifyAzurePlanDto, PlanDto } from "../upstreams/gitprotect/types.js";
import { attempt, done, refused, type MutationErrorModel, type Outcome } from "./mutation-result.js";

type RepositoryId = Extract<GlobalId, { type: "Repository" }>;

/** Plan changes as the gateway's input gives them; absent fields keep their value. */
export interface PlanChanges {
  name?: string;
  isActive?: boolean;
  backupType?: 1 | 2 | 3;
  schedule?: PlanDto["schedule"];
  compressionSettings?: PlanDto["compressionSettings"];
  encryptionSettings?: { enabled: boolean; algorithm?: "AES128" | "AES256"; password?: string };
  customActions?: PlanDto["customActions"];
  includeMetadata?: boolean;
  inculdeAllReposistories?: boolean;
  advancedOptions?: Record<string, string>;
  azure?: { gitChoiceMode?: 1 | 2 | 3; projectsIds?: string[]; excludedRepositoriesIds?: string[] };
}

export interface ItemResult {
  record: GitProtectRepositoryDto | null;
  errors: MutationErrorModel[];
}

const notInGitProtect = (field: string): MutationErrorModel => ({
  code: "NOT_FOUND",
  message: "GitProtect knows no such repository.",
  field,
});
const missingRole = {
  code: "FORBIDDEN" as const,
  message: "The GitProtect account lacks the role DataRemoveManagement or GitManagement.",
};

/** GitProtect's writes, with the reads they need to find records and keep what a change does not mention. */
export function gitprotectWrites(
  client: GitProtectClient,
  loaders: GitProtectLoaders,
  index: RepositoryIndex,
) {
  async function plan(organizationId: string, planId: string): Promise<PlanDto | null> {
    return (await loaders.plansOf.load(organizationId))?.find((p) => p.id === planId) ?? null;
  }

  /** GitProtect's record of a repository; within one organization when given (a plan's). */
  async function record(id: RepositoryId, organizationId?: string): Promise<GitProtectRepositoryDto | null> {
    if (id.host === "gitprotect") {
      if (organizationId && organizationId !== id.organizationId) return null;
      return (
        (await loaders.repositoriesOf.load(id.organizationId))?.find((r) => r.id === id.repositoryId) ?? null
      );
    }
    const hosted = await index.hostedRepository({ host: id.host, id: id.repositoryId });
    if (!hosted) return null;
    if (!organizationId) return index.backupOf(hosted);
    const urls = new Set(
      (hosted.host === "azure" ? [hosted.dto.remoteUrl, hosted.dto.sshUrl] : [hosted.dto.url]).map((u) =>
        u ? normalizeCloneUrl(u) : undefined,
      ),
    );
    return (
      (await loaders.repositoriesOf.load(organizationId))?.find((r) => urls.has(normalizeCloneUrl(r.url))) ??
      null
    );
  }

  /** Attaches or detaches each repository on its own, so that one failure hides no other. */
  async function changePlanMembership(
    organizationId: string,
    planId: string,
    ids: Array<RepositoryId | MutationErrorModel>,
    attach: boolean,
  ) {
    const target = await plan(organizationId, planId);
    if (!target) return refused("NOT_FOUND", "GitProtect has no such backup plan.", "planId");
    const results = await Promise.all(
      ids.map(async (id): Promise<ItemResult> => {
        if ("code" in id) return { record: null, errors: [id] };
        const found = await record(id, organizationId);
        if (!found) return { record: null, errors: [notInGitProtect("repositoryIds")] };
        const outcome = await attempt(
          () =>
            attach
              ? client.attachGitRepository(planId, found.id)
              : client.detachGitRepository(planId, found.id),
          {
            NOT_FOUND: { code: "NOT_FOUND", message: "GitProtect no longer has the plan or the repository." },
            REJECTED: {
              code: "UNSUPPORTED",
              message: "GitProtect refused to put this repository in this plan.",
            },
          },
        );
        return { record: found, errors: outcome.ok ? [] : outcome.errors };
      }),
    );
    return done(results);
  }

  return {
    plan,
    record,
    changePlanMembership,

    /** The access token, its owner and when it expires. */
    async signIn(email: string, password: string, rememberMe: boolean) {
      const outcome = await attempt(() => client.login(email, password, rememberMe), {
        UNAUTHENTICATED: { code: "INVALID_CREDENTIALS", message: "Wrong e-mail address or password." },
        REJECTED: { code: "INVALID_CREDENTIALS", message: "Wrong e-mail address or password." },
      });
      return outcome.ok
        ? done({ ...outcome.value, expiresAt: tokenExpiry(outcome.value.accessToken) })
        : outcome;
    },

    async changeAzureProject(organizationId: string, planId: string, projectId: string, attach: boolean) {
      const target = await plan(organizationId, planId);
      if (!target) return refused("NOT_FOUND", "GitProtect has no such backup plan.", "planId");
      if (target.type !== 2 || target.gitChoiceMode !== 2)
        return refused(
          "UNSUPPORTED",
          "Projects can be attached only to Azure DevOps plans with individual project selection.",
          "planId",
        );
      return attempt(
        () =>
          attach
            ? client.attachAzureProject(planId, projectId)
            : client.detachAzureProject(planId, projectId),
        {
          NOT_FOUND: { code: "NOT_FOUND", message: "GitProtect knows no such project.", field: "projectId" },
          REJECTED: { code: "UNSUPPORTED", message: "GitProtect refused the project for this plan." },
        },
      );
    },

    /** Reads the plan, applies the changes, writes the whole plan back: nothing unmentioned is lost. */
    async updatePlan(
      organizationId: string,
      planId: string,
      changes: PlanChanges,
      expectedVersion?: string,
    ): Promise<Outcome<PlanDto>> {
      const current = await plan(organizationId, planId);
      if (!current) return refused("NOT_FOUND", "GitProtect has no such backup plan.", "planId");
      if (expectedVersion !== undefined && planVersion(current) !== expectedVersion)
        return refused(
          "CONFLICT",
          "The plan changed since that version was read; read it again and reapply your change.",
          "expectedVersion",
        );
      if (changes.azure && current.type !== 2)
        return refused("INVALID_INPUT", "Only Azure DevOps plans have these settings.", "azureDevOps");
      const { password: _never, ...encryption } = current.encryptionSettings;
      const body = {
        id: current.id,
        organizationId: current.organizationId,
        type: current.type,
        name: changes.name ?? current.name,
        isActive: changes.isActive ?? current.isActive,
        backupType: changes.backupType ?? current.backupType,
        storageId: current.storageId,
        workerId: current.workerId,
        repositoriesIds: current.repositoriesIds,
        schedule: changes.schedule ?? current.schedule,
        advancedOptions: changes.advancedOptions ?? current.advancedOptions,
        compressionSettings: changes.compressionSettings ?? current.compressionSettings,
        // GitProtect never answers the password; sending none keeps the stored one.
        encryptionSettings: changes.encryptionSettings ?? encryption,
        customActions: changes.customActions ?? current.customActions,
        includeMetadata: changes.includeMetadata ?? current.includeMetadata,
        inculdeAllReposistories: changes.inculdeAllReposistories ?? current.inculdeAllReposistories,
      };
      const expected = {
        NOT_FOUND: { code: "NOT_FOUND" as const, message: "GitProtect no longer has this plan." },
      };
      if (current.type !== 2) return attempt(() => client.modifyGitPlan(body), expected);
      const azure: ModifyAzurePlanDto = {
        ...body,
        excludedRepositoriesIds:
          changes.azure?.excludedRepositoriesIds ?? current.excludedRepositoriesIds ?? [],
        projectsIds: changes.azure?.projectsIds ?? current.projectsIds ?? [],
        wikisIds: current.wikisIds ?? [],
        notificationSettings: current.notificationSettings,
        useExtraCredentials: current.useExtraCredentials ?? false,
        additionalCredentials: current.additionalCredentials ?? [],
        resourceKindsToIgnore: current.resourceKindsToIgnore ?? [],
        gitChoiceMode: changes.azure?.gitChoiceMode ?? current.gitChoiceMode ?? 1,
        rules: current.rules ?? [],
      };
      return attempt(() => client.modifyAzurePlan(azure), expected);
    },

    /** One call for every repository found; those not found get their own result and are not sent. */
    async setLicences(ids: Array<RepositoryId | MutationErrorModel>, active: boolean): Promise<ItemResult[]> {
      const found = await Promise.all(ids.map((id) => ("code" in id ? Promise.resolve(id) : record(id))));
      const records = found.filter((r): r is GitProtectRepositoryDto => r !== null && !("code" in r));
      const outcome = records.length
        ? await attempt(
            () =>
              active
                ? client.activateRepositories(records.map((r) => r.id))
                : client.deactivateRepositories(records.map((r) => r.id)),
            {
              FORBIDDEN: missingRole,
              NOT_FOUND: {
                code: "NOT_FOUND",
                message: "GitProtect no longer has one of these repositories; none was changed.",
              },
            },
          )
        : done(undefined);
      return found.map((r) => {
        if (r === null) return { record: null, errors: [notInGitProtect("repositoryIds")] };
        if ("code" in r) return { record: null, errors: [r] };
        return { record: r, errors: outcome.ok ? [] : outcome.errors };
      });
    },

    async remove(id: RepositoryId, removeBackupData: boolean) {
      const found = await record(id);
      if (!found) return refused("NOT_FOUND", "GitProtect knows no such repository.", "repositoryId");
      const outcome = await attempt(() => client.removeRepository(found.id, removeBackupData), {
        FORBIDDEN: missingRole,
        NOT_FOUND: { code: "NOT_FOUND", message: "GitProtect no longer has this repository." },
      });
      return outcome.ok ? done(found) : outcome;
    },

    async synchronize(organizationId: string) {
      return attempt(() => client.synchronizeOrganization(organizationId), {
        NOT_FOUND: {
          code: "NOT_FOUND",
          message: "GitProtect has no such organization.",
          field: "organizationId",
        },
      });
    },
  };
}

export type GitProtectWrites = ReturnType<typeof gitprotectWrites>;
