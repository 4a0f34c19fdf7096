import type { ServicesOf } from "../../services/services.js";
import type { MutationResolvers, RepositoryChangeResultResolvers } from "../../generated/resolvers-types.js";
import { BulkIds } from "./bulk.js";
import { InputCheck } from "./input-check.js";
import type { RepositoryChangeResultModel } from "./payload-models.js";
import { runMutation } from "./run-mutation.js";

export const RepositoryChangeResult: RepositoryChangeResultResolvers = {
  repository: (result, _, { services }) => result.record && services.repositories.byRecord(result.record),
};

function licences(context: ServicesOf, raws: readonly string[], active: boolean) {
  const check = new InputCheck();
  const ids = new BulkIds(check, raws);
  const write = async () => ({
    ok: true as const,
    value: await context.services.writes.gitprotect.setLicences(ids.keys, active),
  });
  return runMutation(context, check, write, (results) => ({ results: ids.results(results) }), {
    results: [] as RepositoryChangeResultModel[],
  });
}

/** GitProtect's account, organization and licence writes. */
export const gitprotectMutations: MutationResolvers = {
  signInToGitProtect(_, { input }, context) {
    const check = new InputCheck();
    check.text(input.email, "email", 256, 3);
    check.text(input.password, "password", 256, 1);
    const write = () =>
      context.services.writes.gitprotect.signIn(input.email, input.password, input.rememberMe ?? false);
    return runMutation(
      context,
      check,
      write,
      (session) => ({ ...session, expiresAt: new Date(session.expiresAt).toISOString() }),
      {},
    );
  },

  activateLicences: (_, { input }, context) => licences(context, input.repositoryIds, true),
  deactivateLicences: (_, { input }, context) => licences(context, input.repositoryIds, false),

  removeRepositoryFromGitProtect(_, { input }, context) {
    const check = new InputCheck();
    const id = check.id(input.repositoryId, "Repository", "repositoryId");
    const write = id && (() => context.services.writes.gitprotect.remove(id, input.removeBackupData));
    return runMutation(
      context,
      check,
      write,
      async (record) => ({
        removedGitprotectId: record.id,
        repository: await context.services.repositories.byRecord(record),
      }),
      {},
    );
  },

  synchronizeOrganization(_, { input }, context) {
    const check = new InputCheck();
    const id = check.id(input.organizationId, "Organization", "organizationId");
    const write = id && (() => context.services.writes.gitprotect.synchronize(id.organizationId));
    return runMutation(
      context,
      check,
      write,
      async () => ({ organization: await context.services.organizations.byId(id!.organizationId) }),
      { organization: null },
    );
  },
};
