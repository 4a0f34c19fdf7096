import type { OrganizationResolvers } from "../generated/resolvers-types.js";
import { connectionOrNull } from "../graphql/connection.js";
import { offsetWindow } from "../graphql/cursor.js";
import { encodeId } from "../graphql/global-id.js";

export const Organization: OrganizationResolvers = {
  id: (o) => encodeId({ type: "Organization", organizationId: o.id }),
  gitprotectId: (o) => o.id,
  repositories: async (o, { first, after }, { services }) =>
    connectionOrNull(await services.repositories.ofOrganization(o.id, offsetWindow(first, after))),
  backupPlans: async (o, { first, after }, { services }) =>
    connectionOrNull(await services.backupPlans.ofOrganization(o.id, offsetWindow(first, after))),
};
