import type { GitProtectLoaders, OwnedKey } from "../../loaders/gitprotect-loaders.js";
import type { GitProtectClient } from "../../upstreams/gitprotect/client.js";
import { planModification, type PlanChanges } from "../../upstreams/gitprotect/plan-changes.js";
import { planVersion } from "../../upstreams/gitprotect/plan-version.js";
import { tokenExpiry } from "../../upstreams/gitprotect/session.js";
import type { GitProtectRepositoryDto, PlanDto } from "../../upstreams/gitprotect/types.js";
import { toPlan } from "../gitprotect-models.js";
import type { RepositoryKey } from "../keys.js";
import type { BackupPlanModel } from "../models.js";
import type { Repositories } from "../repositories.js";
import { attempt, done, refused, type Outcome, type WriteError } from "./outcome.js";
import { RecordFinder } from "./record-finder.js";

/** One repository's outcome in a bulk change: its record when found, and what went wrong. */
export interface ItemResult {
  record: OwnedKey | null;
  errors: WriteError[];
}

const noPlan = () => refused("NOT_FOUND", "GitProtect has no such backup plan.", "plan");
const notInGitProtect: WriteError = {
  code: "NOT_FOUND",
  message: "GitProtect knows no such repository.",
  subject: "repository",
};
const missingRole = {
  code: "FORBIDDEN" as const,
  message: "The GitProtect account lacks the role DataRemoveManagement or GitManagement.",
};
const ownedKey = (r: GitProtectRepositoryDto): OwnedKey => ({ organizationId: r.organizationId, id: r.id });

/** GitProtect's writes, with the reads they need to find records and keep what a change does not mention. */
export class GitProtectWrites {
  private readonly records: RecordFinder;

  constructor(
    private readonly client: GitProtectClient,
    private readonly loaders: GitProtectLoaders,
    repositories: Repositories,
  ) {
    this.records = new RecordFinder(loaders, repositories);
  }

  /** The access token, its owner and when it expires. */
  async signIn(email: string, password: string, rememberMe: boolean) {
    const wrong = { code: "INVALID_CREDENTIALS" as const, message: "Wrong e-mail address or password." };
    const outcome = await attempt(() => this.client.login(email, password, rememberMe), {
      UNAUTHENTICATED: wrong,
      REJECTED: wrong,
    });
    return outcome.ok
      ? done({ ...outcome.value, expiresAt: tokenExpiry(outcome.value.accessToken) })
      : outcome;
  }

  /** Attaches or detaches each repository on its own, so that one failure hides no other. */
  async changePlanMembership(
    plan: OwnedKey,
    keys: RepositoryKey[],
    attach: boolean,
  ): Promise<Outcome<ItemResult[]>> {
    // The listing names only the plans that hold some of the organization's repositories, as its
    // document says: an empty plan is missing from it. Attaching goes on and lets GitProtect say
    // whether the plan exists; detaching from a plan that holds none of them has nothing to do.
    if (!attach && !(await this.loaders.plan.load(plan))) return noPlan();
    const results = await Promise.all(
      keys.map(async (key): Promise<ItemResult> => {
        const found = await this.records.find(key, plan.organizationId);
        if (!found) return { record: null, errors: [notInGitProtect] };
        const change = () =>
          attach
            ? this.client.attachGitRepository(plan.id, found.id)
            : this.client.detachGitRepository(plan.id, found.id);
        const outcome = await attempt(change, {
          NOT_FOUND: {
            code: "NOT_FOUND",
            message: "GitProtect has no such plan, or no longer the repository.",
          },
          REJECTED: {
            code: "UNSUPPORTED",
            message: "GitProtect refused to put this repository in this plan.",
          },
        });
        return { record: ownedKey(found), errors: outcome.ok ? [] : outcome.errors };
      }),
    );
    return done(results);
  }

  async changeAzureProject(plan: OwnedKey, projectId: string, attach: boolean): Promise<Outcome<void>> {
    const target = await this.loaders.plan.load(plan);
    if (!target) return noPlan();
    if (target.type !== 2 || target.gitChoiceMode !== 2)
      return refused(
        "UNSUPPORTED",
        "Projects can be attached only to Azure DevOps plans with individual project selection.",
        "plan",
      );
    const change = () =>
      attach
        ? this.client.attachAzureProject(plan.id, projectId)
        : this.client.detachAzureProject(plan.id, projectId);
    return attempt(change, {
      NOT_FOUND: { code: "NOT_FOUND", message: "GitProtect knows no such project.", subject: "project" },
      REJECTED: { code: "UNSUPPORTED", message: "GitProtect refused the project for this plan." },
    });
  }

  /** Reads the plan, merges the changes, writes the whole plan back: nothing unmentioned is lost. */
  async updatePlan(
    plan: OwnedKey,
    changes: PlanChanges,
    expectedVersion?: string,
  ): Promise<Outcome<BackupPlanModel>> {
    const current = await this.loaders.plan.load(plan);
    if (!current) return noPlan();
    if (expectedVersion !== undefined && planVersion(current) !== expectedVersion)
      return refused(
        "CONFLICT",
        "The plan changed since that version was read; read it again and reapply your change.",
        "version",
      );
    if (changes.azureDevOps && current.type !== 2)
      return refused("INVALID_INPUT", "Only Azure DevOps plans have these settings.", "azureDevOpsSettings");
    if (changes.includeAllRepositories != null && current.type === 2)
      return refused(
        "INVALID_INPUT",
        "Azure DevOps plans choose their repositories by azureDevOps.choiceMode.",
        "repositorySelection",
      );
    const modification = planModification(current, changes);
    const expected = {
      NOT_FOUND: { code: "NOT_FOUND" as const, message: "GitProtect no longer has this plan." },
    };
    const outcome: Outcome<PlanDto> = await attempt(
      () =>
        modification.kind === "git"
          ? this.client.modifyGitPlan(modification.body)
          : this.client.modifyAzurePlan(modification.body),
      expected,
    );
    return outcome.ok ? done(toPlan(plan.organizationId, outcome.value)) : outcome;
  }

  /** One call for every repository found; those not found get their own result and are not sent. */
  async setLicences(keys: RepositoryKey[], active: boolean): Promise<ItemResult[]> {
    const found = await Promise.all(keys.map((key) => this.records.find(key)));
    const records = found.filter((r) => r !== null);
    const recordIds = [...new Set(records.map((r) => r.id))];
    const change = () =>
      active ? this.client.activateRepositories(recordIds) : this.client.deactivateRepositories(recordIds);
    const outcome = recordIds.length
      ? await attempt(change, {
          FORBIDDEN: missingRole,
          NOT_FOUND: {
            code: "NOT_FOUND",
            message: "GitProtect no longer has one of these repositories; none was changed.",
          },
        })
      : done(undefined);
    return found.map((r) =>
      r === null
        ? { record: null, errors: [notInGitProtect] }
        : { record: ownedKey(r), errors: outcome.ok ? [] : outcome.errors },
    );
  }

  async remove(id: RepositoryKey, removeBackupData: boolean): Promise<Outcome<OwnedKey>> {
    const found = await this.records.find(id);
    if (!found) return refused(notInGitProtect.code, notInGitProtect.message, "repository");
    const outcome = await attempt(() => this.client.removeRepository(found.id, removeBackupData), {
      FORBIDDEN: missingRole,
      NOT_FOUND: { code: "NOT_FOUND", message: "GitProtect no longer has this repository." },
    });
    return outcome.ok ? done(ownedKey(found)) : outcome;
  }

  async synchronize(organizationId: string): Promise<Outcome<void>> {
    return attempt(() => this.client.synchronizeOrganization(organizationId), {
      NOT_FOUND: {
        code: "NOT_FOUND",
        message: "GitProtect has no such organization.",
        subject: "organization",
      },
    });
  }
}
