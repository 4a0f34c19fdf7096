import { orNull } from "../../loaders/loader-kit.js";
import type { ScmManagerLoaders } from "../../loaders/scm-manager-loaders.js";
import type { ScmManagerClient } from "../../upstreams/scm-manager/client.js";
import { scmVersion } from "../../upstreams/scm-manager/repository-version.js";
import type { ScmRepositoryDto, ScmRepositoryInputDto } from "../../upstreams/scm-manager/types.js";
import { fromScmRepository } from "../host-models.js";
import type { HostedRepositoryModel } from "../models.js";
import { attempt, confirmedName, done, refused, type Outcome } from "./outcome.js";

const missing = {
  code: "NOT_FOUND" as const,
  message: "SCM-Manager has no such repository (or you may not see it).",
  subject: "repository" as const,
};
const notOwner = { code: "FORBIDDEN" as const, message: "Only the repository's owners may do this." };

type Maybe<T> = T | null | undefined;

/** A new repository, or a change to one, in the gateway's terms. */
export interface ScmRepositoryChanges {
  description?: Maybe<string>;
  contact?: Maybe<string>;
  public?: Maybe<boolean>;
  archived?: Maybe<boolean>;
  permissions?: Maybe<ReadonlyArray<{ name: string; type: string; group?: Maybe<boolean> }>>;
  properties?: Maybe<ReadonlyArray<{ key: string; value?: Maybe<string> }>>;
}

const permissionsOf = (changes: ScmRepositoryChanges) =>
  changes.permissions?.map((p) => ({
    name: p.name,
    type: p.type as "READ",
    groupPermission: p.group ?? false,
  }));
const propertiesOf = (changes: ScmRepositoryChanges) =>
  changes.properties?.map((p) => ({ key: p.key, value: p.value ?? null }));

/** SCM-Manager's writes. PUT replaces a repository whole: updates read, merge and write. */
export class ScmManagerWrites {
  constructor(
    private readonly client: ScmManagerClient,
    private readonly loaders: ScmManagerLoaders,
  ) {}

  async create(
    name: string,
    type: string,
    changes: ScmRepositoryChanges,
  ): Promise<Outcome<HostedRepositoryModel>> {
    const input: ScmRepositoryInputDto = {
      name,
      type,
      description: changes.description ?? null,
      contact: changes.contact ?? null,
      public: changes.public ?? false,
      archived: false,
      permissions: permissionsOf(changes) ?? [],
      properties: propertiesOf(changes) ?? [],
    };
    const outcome = await attempt(() => this.client.createRepository(input), {
      FORBIDDEN: { code: "FORBIDDEN", message: "Only SCM-Manager administrators may create repositories." },
      REJECTED: { code: "INVALID_INPUT", message: "SCM-Manager refused the name or type.", subject: "name" },
      // SCM-Manager answers a taken name with a bare 500: checked below before calling it so.
      ERROR: {
        code: "NAME_TAKEN",
        message: `A repository named "${name}" may already exist.`,
        subject: "name",
      },
    });
    if (outcome.ok) return done(fromScmRepository(await this.client.getRepository(outcome.value)));
    if (outcome.errors[0]?.code !== "NAME_TAKEN") return outcome;
    const taken = await this.client.getRepositoryByTypeAndName(type, name).then(
      () => true,
      () => false,
    );
    if (!taken) throw new Error("SCM-Manager failed to create the repository");
    return refused("NAME_TAKEN", `A repository named "${name}" already exists.`, "name");
  }

  /** Reads the repository, applies the changes, writes it whole: what the changes leave out stays. */
  async update(
    id: string,
    changes: ScmRepositoryChanges,
    expectedVersion?: string,
  ): Promise<Outcome<HostedRepositoryModel>> {
    const current = await orNull(this.client.getRepository(id));
    if (!current) return refused(missing.code, missing.message, missing.subject);
    if (current.permissions === null) return refused(notOwner.code, notOwner.message);
    if (expectedVersion !== undefined && scmVersion(current) !== expectedVersion)
      return refused(
        "CONFLICT",
        "The repository changed since that version was read; read it again and reapply your change.",
        "version",
      );
    const outcome = await attempt(() => this.client.modifyRepository(id, merged(current, changes)), {
      NOT_FOUND: missing,
      FORBIDDEN: notOwner,
      REJECTED: { code: "INVALID_INPUT", message: "SCM-Manager refused the change." },
    });
    return outcome.ok ? done(fromScmRepository(await this.client.getRepository(id))) : outcome;
  }

  /** Deletes only when `confirmName` is the current name; archiving rules are SCM-Manager's. */
  async delete(id: string, confirmName: string): Promise<Outcome<void>> {
    const current = await this.loaders.repository.load(id);
    if (!current) return refused(missing.code, missing.message, missing.subject);
    const unconfirmed = confirmedName(current.name, confirmName);
    if (unconfirmed) return unconfirmed;
    return attempt(() => this.client.deleteRepository(id), {
      NOT_FOUND: missing,
      FORBIDDEN: notOwner,
      REJECTED: {
        code: "NOT_ARCHIVED",
        message: "Archiving is enabled on this server: archive the repository first, then delete it.",
      },
    });
  }

  async runHealthCheck(id: string): Promise<Outcome<HostedRepositoryModel>> {
    const outcome = await attempt(() => this.client.runHealthCheck(id), {
      NOT_FOUND: missing,
      FORBIDDEN: notOwner,
    });
    return outcome.ok ? done(fromScmRepository(await this.client.getRepository(id))) : outcome;
  }
}

/** The whole record to PUT: the current one with the changes given (a field given as null is cleared). */
function merged(current: ScmRepositoryDto, changes: ScmRepositoryChanges): ScmRepositoryInputDto {
  const given = (key: keyof ScmRepositoryChanges) => Object.prototype.hasOwnProperty.call(changes, key);
  return {
    id: current.id,
    name: current.name,
    type: current.type,
    contact: given("contact") ? (changes.contact ?? null) : current.contact,
    description: given("description") ? (changes.description ?? null) : current.description,
    public: changes.public ?? current.public,
    archived: changes.archived ?? current.archived,
    permissions: permissionsOf(changes) ?? current.permissions ?? [],
    properties: propertiesOf(changes) ?? current.properties ?? [],
  };
}
