import type { OrganizationResolvers } from "../generated/resolvers-types.js";
import { orderOf, searchText } from "../graphql/arguments.js";
import { connectionOrNull } from "../graphql/connection.js";
import { offsetWindow } from "../graphql/cursor.js";
import { encodeId } from "../graphql/global-id.js";
import { repositoriesNeedJoin } from "../graphql/lookahead.js";

export const Organization: OrganizationResolvers = {
  id: (o) => encodeId({ type: "Organization", organizationId: o.id }),
  gitprotectId: (o) => o.id,
  async repositories(o, { first, after, orderBy, filter }, { services }, info) {
    const listing = {
      order: orderOf(orderBy, "NAME"),
      nameContains: searchText(filter?.nameContains, "filter.nameContains"),
      licenceActive: filter?.licenceActive ?? undefined,
      status: filter?.lastBackupStatus ?? undefined,
    };
    const window = offsetWindow(first, after);
    const join = repositoriesNeedJoin(info);
    return connectionOrNull(await services.repositories.ofOrganization(o.id, window, listing, join));
  },
  backupPlans: async (o, { first, after }, { services }) =>
    connectionOrNull(await services.backupPlans.ofOrganization(o.id, offsetWindow(first, after))),
};
