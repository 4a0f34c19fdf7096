import { offsetWindow } from "../cursor.js";
import { encodeId } from "../global-id.js";
import type { OrganizationResolvers } from "../generated/resolvers-types.js";
import { need, offsetConnection } from "./support.js";

const providers = { 1: "GITHUB", 2: "BITBUCKET", 3: "GITLAB", 4: "AZURE_DEVOPS", 5: "GENERIC_GIT" } as const;

export const Organization: OrganizationResolvers = {
  id: (o) => encodeId({ type: "Organization", organizationId: o.id }),
  gitprotectId: (o) => o.id,
  provider: (o) => providers[o.driver],
  readOnly: (o) => o.isReadOnly,
  createdByMarketplace: (o) => o.isCreatedByMarketplace,
  protectedRepositoryCount: (o) => o.protectedRepositories,
  repositoryCount: (o) => o.totalRepositories,
  missingLicenceCount: (o) => o.missingLicences,
  removedRepositoryCount: (o) => o.removedRepositories,
  async repositories(o, args, { loaders }) {
    const window = offsetWindow(args.first, args.after);
    const page = await need(loaders.gitprotect, "GitProtect").repositoriesPage.load({
      organizationId: o.id,
      ...window,
    });
    if (!page) return null;
    const repositories = await Promise.all(page.items.map((record) => loaders.index.fromRecord(record)));
    return offsetConnection(repositories, window.offset, page.total);
  },
  async backupPlans(o, args, { loaders }) {
    const window = offsetWindow(args.first, args.after);
    const page = await need(loaders.gitprotect, "GitProtect").plansPage.load({
      organizationId: o.id,
      ...window,
    });
    if (!page) return null;
    const plans = page.items.map((plan) => ({ organizationId: o.id, id: plan.id, name: plan.name, plan }));
    return offsetConnection(plans, window.offset, page.total);
  },
};
