import type { ScmManagerLoaders } from "../loaders/scm-manager-loaders.js";
import type { ScmManagerClient } from "../upstreams/scm-manager/client.js";
import type { ScmRepositoryDto, ScmRepositoryInputDto } from "../upstreams/scm-manager/types.js";
import { orNull } from "../loaders/loader-kit.js";
import { scmVersion } from "../upstreams/scm-manager/repository-version.js";
import { attempt, confirmedName, done, refused, type Outcome } from "./mutation-result.js";

const missing = {
  code: "NOT_FOUND" as const,
  message: "SCM-Manager has no such repository (or you may not see it).",
  field: "repositoryId",
};
const notOwner = { code: "FORBIDDEN" as const, message: "Only the repository's owners may do this." };

export type ScmChanges = Partial<
  Pick<
    ScmRepositoryInputDto,
    "description" | "contact" | "public" | "archived" | "permissions" | "properties"
  >
>;

/** SCM-Manager's writes. PUT replaces a repository whole: updates read, merge and write. */
export function scmManagerWrites(client: ScmManagerClient, loaders: ScmManagerLoaders) {
  return {
    async create(input: ScmRepositoryInputDto): Promise<Outcome<ScmRepositoryDto>> {
      const outcome = await attempt(() => client.createRepository(input), {
        FORBIDDEN: { code: "FORBIDDEN", message: "Only SCM-Manager administrators may create repositories." },
        REJECTED: { code: "INVALID_INPUT", message: "SCM-Manager refused the name or type.", field: "name" },
        // SCM-Manager answers a taken name with a bare 500; checked below before calling it so.
        ERROR: {
          code: "NAME_TAKEN",
          message: `A repository named "${input.name}" may already exist.`,
          field: "name",
        },
      });
      if (!outcome.ok) {
        if (outcome.errors[0]?.code !== "NAME_TAKEN") return outcome;
        const taken = await client.getRepositoryByTypeAndName(input.type, input.name).then(
          () => true,
          () => false,
        );
        if (!taken) throw new Error("SCM-Manager failed to create the repository");
        return refused("NAME_TAKEN", `A repository named "${input.name}" already exists.`, "name");
      }
      const created = await client.getRepository(outcome.value);
      return done(created!.repository);
    },

    /** Reads the repository, applies the changes, writes it whole: permissions and properties left out stay. */
    async update(
      id: string,
      changes: ScmChanges,
      expectedVersion?: string,
    ): Promise<Outcome<ScmRepositoryDto>> {
      const current = (await orNull(client.getRepository(id)))?.repository;
      if (!current) return refused(missing.code, missing.message, missing.field);
      if (current.permissions === null) return refused(notOwner.code, notOwner.message);
      if (expectedVersion !== undefined && scmVersion(current) !== expectedVersion)
        return refused(
          "CONFLICT",
          "The repository changed since that version was read; read it again and reapply your change.",
          "expectedVersion",
        );
      const merged: ScmRepositoryInputDto = {
        id: current.id,
        name: current.name,
        type: current.type,
        contact: "contact" in changes ? (changes.contact ?? null) : current.contact,
        description: "description" in changes ? (changes.description ?? null) : current.description,
        public: changes.public ?? current.public,
        archived: changes.archived ?? current.archived,
        permissions: changes.permissions ?? current.permissions ?? [],
        properties: changes.properties ?? current.properties ?? [],
      };
      const outcome = await attempt(() => client.modifyRepository(id, merged), {
        NOT_FOUND: missing,
        FORBIDDEN: notOwner,
        REJECTED: { code: "INVALID_INPUT", message: "SCM-Manager refused the change." },
      });
      if (!outcome.ok) return outcome;
      return done((await client.getRepository(id))!.repository);
    },

    /** Deletes only when `confirmName` is the current name; archiving rules are SCM-Manager's. */
    async delete(id: string, confirmName: string): Promise<Outcome<void>> {
      const current = await loaders.repository.load(id);
      if (!current) return refused(missing.code, missing.message, missing.field);
      const unconfirmed = confirmedName(current.name, confirmName);
      if (unconfirmed) return unconfirmed;
      return attempt(() => client.deleteRepository(id), {
        NOT_FOUND: missing,
        FORBIDDEN: notOwner,
        REJECTED: {
          code: "NOT_ARCHIVED",
          message: "Archiving is enabled on this server: archive the repository first, then delete it.",
        },
      });
    },

    async runHealthCheck(id: string): Promise<Outcome<ScmRepositoryDto>> {
      const outcome = await attempt(() => client.runHealthCheck(id), {
        NOT_FOUND: missing,
        FORBIDDEN: notOwner,
      });
      if (!outcome.ok) return outcome;
      return done((await client.getRepository(id))!.repository);
    },
  };
}

export type ScmManagerWrites = ReturnType<typeof scmManagerWrites>;
