import type { AzureDevOpsLoaders } from "../loaders/azure-devops-loaders.js";
import type { AzureDevOpsClient } from "../upstreams/azure-devops/client.js";
import type { AzureRepositoryDto } from "../upstreams/azure-devops/types.js";
import { attempt, confirmedName, refused, type Outcome } from "./mutation-result.js";

const missing = {
  code: "NOT_FOUND" as const,
  message: "Azure DevOps has no such repository.",
  field: "repositoryId",
};

/** Azure DevOps's writes. PATCH changes only what it names, so no read is needed to keep the rest. */
export function azureDevOpsWrites(client: AzureDevOpsClient, loaders: AzureDevOpsLoaders) {
  return {
    async create(projectId: string, name: string): Promise<Outcome<AzureRepositoryDto>> {
      return attempt(() => client.createRepository(projectId, name), {
        CONFLICT: {
          code: "NAME_TAKEN",
          message: `A repository named "${name}" already exists in this project.`,
          field: "name",
        },
        NOT_FOUND: { code: "NOT_FOUND", message: "Azure DevOps has no such project.", field: "projectId" },
        REJECTED: { code: "INVALID_INPUT", message: "Azure DevOps refused the name.", field: "name" },
      });
    },

    async update(
      id: string,
      change: { name?: string; defaultBranch?: string },
    ): Promise<Outcome<AzureRepositoryDto>> {
      if (change.defaultBranch) {
        // The branch must exist: say so per field instead of as an upstream refusal.
        const heads = await loaders.heads.load(id);
        if (heads === null) return refused(missing.code, missing.message, missing.field);
        if (!heads.some((h) => h.name === `refs/heads/${change.defaultBranch}`))
          return refused("INVALID_INPUT", `There is no branch "${change.defaultBranch}".`, "defaultBranch");
      }
      return attempt(
        () =>
          client.updateRepository(id, {
            ...change,
            ...(change.defaultBranch ? { defaultBranch: `refs/heads/${change.defaultBranch}` } : {}),
          }),
        {
          NOT_FOUND: missing,
          CONFLICT: {
            code: "NAME_TAKEN",
            message: `A repository named "${change.name}" already exists in this project.`,
            field: "name",
          },
          REJECTED: {
            code: "INVALID_INPUT",
            message: "Azure DevOps refused the change.",
            field: change.name ? "name" : "defaultBranch",
          },
        },
      );
    },

    /** Deletes only when `confirmName` is the repository's current name. */
    async delete(id: string, confirmName: string): Promise<Outcome<void>> {
      const current = await loaders.repository.load(id);
      if (!current) return refused(missing.code, missing.message, missing.field);
      const unconfirmed = confirmedName(current.name, confirmName);
      if (unconfirmed) return unconfirmed;
      return attempt(() => client.deleteRepository(id), { NOT_FOUND: missing });
    },
  };
}

export type AzureDevOpsWrites = ReturnType<typeof azureDevOpsWrites>;
