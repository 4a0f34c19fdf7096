import { UpstreamError } from "../../http/upstream-error.js";
import { orNull } from "../../loaders/loader-kit.js";
import type { ScmManagerLoaders } from "../../loaders/scm-manager-loaders.js";
import type { ScmManagerClient } from "../../upstreams/scm-manager/client.js";
import { scmVersion } from "../../upstreams/scm-manager/repository-version.js";
import {
  changedRepository,
  newRepository,
  type ScmRepositoryChanges,
} from "../../upstreams/scm-manager/repository-changes.js";
import { fromScmRepository } from "../host-models.js";
import type { HostedRepositoryModel } from "../models.js";
import { attempt, confirmedName, done, refused, type Outcome } from "./outcome.js";

const missing = {
  code: "NOT_FOUND" as const,
  message: "SCM-Manager has no such repository (or you may not see it).",
  subject: "repository" as const,
};
const notOwner = { code: "FORBIDDEN" as const, message: "Only the repository's owners may do this." };

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
    const input = newRepository(name, type, changes);
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
    // Written back whole: an answer about another repository must never become this one's record.
    if (current.id !== id)
      throw new UpstreamError("SCM-Manager", "MALFORMED", undefined, "it answered about another repository");
    if (current.permissions === null) return refused(notOwner.code, notOwner.message);
    if (expectedVersion !== undefined && scmVersion(current) !== expectedVersion)
      return refused(
        "CONFLICT",
        "The repository changed since that version was read; read it again and reapply your change.",
        "version",
      );
    const outcome = await attempt(
      () => this.client.modifyRepository(id, changedRepository(current, changes)),
      {
        NOT_FOUND: missing,
        FORBIDDEN: notOwner,
        REJECTED: { code: "INVALID_INPUT", message: "SCM-Manager refused the change." },
      },
    );
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
