import type { GatewayContext } from "../context.js";
import { encodeId } from "../global-id.js";
import type { MutationResolvers } from "../generated/resolvers-types.js";
import type { HostedRepository } from "../models.js";
import { InputCheck } from "./mutation-input.js";
import { need } from "./support.js";

const azure = (context: GatewayContext) => need(context.writes.azure, "Azure DevOps");
const scm = (context: GatewayContext) => need(context.writes.scm, "SCM-Manager");
const hosted = (repository: HostedRepository) => ({ hosted: repository });

/** A repository id of the expected host, or the problem with it. */
function repositoryOn(check: InputCheck, raw: string, host: "azure" | "scm") {
  const id = check.id(raw, "Repository", "repositoryId");
  if (id && id.host !== host) {
    check.fail(
      "repositoryId",
      `This repository is not hosted on ${host === "azure" ? "Azure DevOps" : "SCM-Manager"}.`,
    );
    return undefined;
  }
  return id;
}

export const hostMutations: MutationResolvers = {
  async createAzureDevOpsRepository(_, { input }, context) {
    const check = new InputCheck();
    const project = check.id(input.projectId, "AzureDevOpsProject", "projectId");
    check.azureRepositoryName(input.name, "name");
    if (!project || !check.ok) return { repository: null, errors: check.problems };
    const outcome = await azure(context).create(project.projectId, input.name);
    context.refresh();
    return outcome.ok
      ? { repository: hosted({ host: "azure", id: outcome.value.id, dto: outcome.value }), errors: [] }
      : { repository: null, errors: outcome.errors };
  },

  async updateAzureDevOpsRepository(_, { input }, context) {
    const check = new InputCheck();
    const id = repositoryOn(check, input.repositoryId, "azure");
    check.azureRepositoryName(input.name, "name");
    check.text(input.defaultBranch, "defaultBranch", 250, 1);
    if (input.name == null && input.defaultBranch == null)
      check.fail("name", "Give a new name, a new default branch, or both.");
    if (!id || !check.ok) return { repository: null, errors: check.problems };
    const outcome = await azure(context).update(id.repositoryId, {
      ...(input.name ? { name: input.name } : {}),
      ...(input.defaultBranch ? { defaultBranch: input.defaultBranch } : {}),
    });
    context.refresh();
    return outcome.ok
      ? { repository: hosted({ host: "azure", id: outcome.value.id, dto: outcome.value }), errors: [] }
      : { repository: null, errors: outcome.errors };
  },

  async deleteAzureDevOpsRepository(_, { input }, context) {
    const check = new InputCheck();
    const id = repositoryOn(check, input.repositoryId, "azure");
    if (!id) return { errors: check.problems };
    const outcome = await azure(context).delete(id.repositoryId, input.confirmName);
    context.refresh();
    return outcome.ok ? { deletedRepositoryId: input.repositoryId, errors: [] } : { errors: outcome.errors };
  },

  async createScmManagerRepository(_, { input }, context) {
    const check = new InputCheck();
    const type = input.type ?? "git";
    check.scmRepositoryName(input.name, "name");
    if (!["git", "hg", "svn"].includes(type)) check.fail("type", "Give git, hg or svn.");
    check.text(input.description, "description", 1000);
    check.text(input.contact, "contact", 256);
    check.permissions(input.permissions, "permissions");
    check.properties(input.properties, "properties");
    if (!check.ok) return { repository: null, errors: check.problems };
    const outcome = await scm(context).create({
      name: input.name,
      type,
      description: input.description ?? null,
      contact: input.contact ?? null,
      public: input.public ?? false,
      archived: false,
      permissions: (input.permissions ?? []).map((p) => ({
        name: p.name,
        type: p.type as "READ",
        groupPermission: p.group ?? false,
      })),
      properties: (input.properties ?? []).map((p) => ({ key: p.key, value: p.value ?? null })),
    });
    context.refresh();
    return outcome.ok
      ? { repository: hosted({ host: "scm", id: outcome.value.id, dto: outcome.value }), errors: [] }
      : { repository: null, errors: outcome.errors };
  },

  async updateScmManagerRepository(_, { input }, context) {
    const check = new InputCheck();
    const id = repositoryOn(check, input.repositoryId, "scm");
    check.text(input.description, "description", 1000);
    check.text(input.contact, "contact", 256);
    check.permissions(input.permissions, "permissions");
    check.properties(input.properties, "properties");
    if (!id || !check.ok) return { repository: null, errors: check.problems };
    const given = (key: keyof typeof input) => Object.prototype.hasOwnProperty.call(input, key);
    const outcome = await scm(context).update(
      id.repositoryId,
      {
        ...(given("description") ? { description: input.description ?? null } : {}),
        ...(given("contact") ? { contact: input.contact ?? null } : {}),
        ...(input.public != null ? { public: input.public } : {}),
        ...(input.archived != null ? { archived: input.archived } : {}),
        ...(input.permissions
          ? {
              permissions: input.permissions.map((p) => ({
                name: p.name,
                type: p.type as "READ",
                groupPermission: p.group ?? false,
              })),
            }
          : {}),
        ...(input.properties
          ? { properties: input.properties.map((p) => ({ key: p.key, value: p.value ?? null })) }
          : {}),
      },
      input.expectedVersion ?? undefined,
    );
    context.refresh();
    return outcome.ok
      ? { repository: hosted({ host: "scm", id: outcome.value.id, dto: outcome.value }), errors: [] }
      : { repository: null, errors: outcome.errors };
  },

  async deleteScmManagerRepository(_, { input }, context) {
    const check = new InputCheck();
    const id = repositoryOn(check, input.repositoryId, "scm");
    if (!id) return { errors: check.problems };
    const outcome = await scm(context).delete(id.repositoryId, input.confirmName);
    context.refresh();
    return outcome.ok ? { deletedRepositoryId: encodeId(id), errors: [] } : { errors: outcome.errors };
  },

  async runScmManagerHealthCheck(_, { input }, context) {
    const check = new InputCheck();
    const id = repositoryOn(check, input.repositoryId, "scm");
    if (!id) return { repository: null, errors: check.problems };
    const outcome = await scm(context).runHealthCheck(id.repositoryId);
    context.refresh();
    return outcome.ok
      ? { repository: hosted({ host: "scm", id: outcome.value.id, dto: outcome.value }), errors: [] }
      : { repository: null, errors: outcome.errors };
  },
};
