import type { AzureDevOpsLoaders } from "../../loaders/azure-devops-loaders.js";
import type { AzureDevOpsClient } from "../../upstreams/azure-devops/client.js";
import { fromAzureRepository } from "../host-models.js";
import type { HostedRepositoryModel } from "../models.js";
import { attempt, confirmedName, done, refused, type Outcome } from "./outcome.js";

const missing = {
  code: "NOT_FOUND" as const,
  message: "Azure DevOps has no such repository.",
  subject: "repository" as const,
};
const nameTaken = (name: string | undefined) => ({
  code: "NAME_TAKEN" as const,
  message: `A repository named "${name}" already exists in this project.`,
  subject: "name" as const,
});

/** Azure DevOps's writes. PATCH changes only what it names, so no read is needed to keep the rest. */
export class AzureDevOpsWrites {
  constructor(
    private readonly client: AzureDevOpsClient,
    private readonly loaders: AzureDevOpsLoaders,
  ) {}

  async create(projectId: string, name: string): Promise<Outcome<HostedRepositoryModel>> {
    const outcome = await attempt(() => this.client.createRepository(projectId, name), {
      CONFLICT: nameTaken(name),
      NOT_FOUND: { code: "NOT_FOUND", message: "Azure DevOps has no such project.", subject: "project" },
      REJECTED: { code: "INVALID_INPUT", message: "Azure DevOps refused the name.", subject: "name" },
    });
    return outcome.ok ? done(fromAzureRepository(outcome.value)) : outcome;
  }

  async update(
    id: string,
    change: { name?: string; defaultBranch?: string },
  ): Promise<Outcome<HostedRepositoryModel>> {
    if (change.defaultBranch) {
      // The branch must exist: say so per field instead of as an upstream refusal.
      const heads = await this.loaders.heads.load(id);
      if (heads === null) return refused(missing.code, missing.message, missing.subject);
      if (!(await this.loaders.head.load({ id, name: change.defaultBranch })))
        return refused("INVALID_INPUT", `There is no branch "${change.defaultBranch}".`, "defaultBranch");
    }
    const outcome = await attempt(() => this.client.updateRepository(id, change), {
      NOT_FOUND: missing,
      CONFLICT: nameTaken(change.name),
      REJECTED: {
        code: "INVALID_INPUT",
        message: "Azure DevOps refused the change.",
        subject: change.name ? "name" : "defaultBranch",
      },
    });
    return outcome.ok ? done(fromAzureRepository(outcome.value)) : outcome;
  }

  /** Deletes only when `confirmName` is the repository's current name. */
  async delete(id: string, confirmName: string): Promise<Outcome<void>> {
    const current = await this.loaders.repository.load(id);
    if (!current) return refused(missing.code, missing.message, missing.subject);
    const unconfirmed = confirmedName(current.name, confirmName);
    if (unconfirmed) return unconfirmed;
    return attempt(() => this.client.deleteRepository(id), { NOT_FOUND: missing });
  }
}
