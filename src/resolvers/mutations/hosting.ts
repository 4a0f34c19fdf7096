import type { MutationResolvers, UpdateScmManagerRepositoryInput } from "../../generated/resolvers-types.js";
import { isRefName } from "../../graphql/arguments.js";
import { encodeId } from "../../graphql/global-id.js";
import type { HostedRepositoryModel } from "../../services/models.js";
import { InputCheck } from "./input-check.js";
import { runMutation } from "./run-mutation.js";

const repository = (hosted: HostedRepositoryModel) => ({
  repository: {
    __typename: "Repository" as const,
    key: { host: hosted.host, repositoryId: hosted.id },
    hosted,
  },
});
const noRepository = { repository: null };

/** The writes of the two hosts: Azure DevOps and SCM-Manager repositories. */
export const hostMutations: MutationResolvers = {
  createAzureDevOpsRepository(_, { input }, context) {
    const check = new InputCheck();
    const project = check.id(input.projectId, "AzureDevOpsProject", "projectId");
    check.azureRepositoryName(input.name, "name");
    const write = project && (() => context.services.writes.azure.create(project.projectId, input.name));
    return runMutation(context, check, write, repository, noRepository);
  },

  updateAzureDevOpsRepository(_, { input }, context) {
    const check = new InputCheck();
    const id = check.repositoryOn(input.repositoryId, "azure");
    check.azureRepositoryName(input.name, "name");
    check.text(input.defaultBranch, "defaultBranch", 250, 1);
    if (input.defaultBranch && !isRefName(input.defaultBranch))
      check.fail("defaultBranch", "Give a branch name git accepts.");
    if (input.name == null && input.defaultBranch == null)
      check.fail("name", "Give a new name, a new default branch, or both.");
    const change = { name: input.name ?? undefined, defaultBranch: input.defaultBranch ?? undefined };
    const write = id && (() => context.services.writes.azure.update(id.repositoryId, change));
    return runMutation(context, check, write, repository, noRepository);
  },

  deleteAzureDevOpsRepository(_, { input }, context) {
    const check = new InputCheck();
    const id = check.repositoryOn(input.repositoryId, "azure");
    const write = id && (() => context.services.writes.azure.delete(id.repositoryId, input.confirmName));
    return runMutation(context, check, write, () => ({ deletedRepositoryId: input.repositoryId }), {});
  },

  createScmManagerRepository(_, { input }, context) {
    const check = new InputCheck();
    const { name, type = "git", ...rest } = input;
    check.scmRepositoryName(name, "name");
    if (!["git", "hg", "svn"].includes(type ?? "git")) check.fail("type", "Give git, hg or svn.");
    checkScmFields(check, input);
    const write = () => context.services.writes.scm.create(name, type ?? "git", rest);
    return runMutation(context, check, write, repository, noRepository);
  },

  updateScmManagerRepository(_, { input }, context) {
    const check = new InputCheck();
    const { repositoryId, expectedVersion, ...changes } = input;
    const id = check.repositoryOn(repositoryId, "scm");
    checkScmFields(check, input);
    const write =
      id &&
      (() => context.services.writes.scm.update(id.repositoryId, changes, expectedVersion ?? undefined));
    return runMutation(context, check, write, repository, noRepository);
  },

  deleteScmManagerRepository(_, { input }, context) {
    const check = new InputCheck();
    const id = check.repositoryOn(input.repositoryId, "scm");
    const write = id && (() => context.services.writes.scm.delete(id.repositoryId, input.confirmName));
    return runMutation(context, check, write, () => ({ deletedRepositoryId: encodeId(id!) }), {});
  },

  runScmManagerHealthCheck(_, { input }, context) {
    const check = new InputCheck();
    const id = check.repositoryOn(input.repositoryId, "scm");
    const write = id && (() => context.services.writes.scm.runHealthCheck(id.repositoryId));
    return runMutation(context, check, write, repository, noRepository);
  },
};

function checkScmFields(
  check: InputCheck,
  input: Pick<UpdateScmManagerRepositoryInput, "description" | "contact" | "permissions" | "properties">,
): void {
  check.text(input.description, "description", 1000);
  check.text(input.contact, "contact", 256);
  check.permissions(input.permissions, "permissions");
  check.properties(input.properties, "properties");
}
