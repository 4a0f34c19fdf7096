import { execute, type GatewayClient } from "./client.js";
import { BackupDashboardDocument, RepositoryPageDocument, type RepositoryPageQuery } from "./gql/graphql.js";

/**
 * What a backup dashboard shows, from the generated operations (operations.graphql): every field
 * below is checked against the schema when `npm run codegen` runs and when the project compiles.
 */

export interface OrganizationRow {
  id: string;
  name: string;
  repositories: number;
  /** Protected repositories, in percent of all. */
  coverage: number;
  missingLicences: number;
}

/** One row per organization, least covered first. */
export async function loadDashboard(client: GatewayClient): Promise<OrganizationRow[]> {
  const { data, errors } = await execute(client, BackupDashboardDocument, { first: 100 });
  if (!data?.organizations) throw new Error(errors[0]?.message ?? "no organizations");
  return data.organizations.nodes
    .map((o) => ({
      id: o.id,
      name: o.name,
      repositories: o.repositoryCount,
      coverage:
        o.repositoryCount === 0 ? 100 : Math.round((100 * o.protectedRepositoryCount) / o.repositoryCount),
      missingLicences: o.missingLicenceCount,
    }))
    .sort((a, b) => a.coverage - b.coverage || a.name.localeCompare(b.name));
}

export type RepositoryView = NonNullable<RepositoryPageQuery["repository"]>;

/** A repository's page: branches, latest changesets, backup state; null when there is no such repository. */
export async function loadRepository(client: GatewayClient, id: string): Promise<RepositoryView | null> {
  const { data, errors } = await execute(client, RepositoryPageDocument, { id, changesets: 10 });
  if (errors.length > 0 && !data?.repository) throw new Error(errors[0]!.message);
  return data?.repository ?? null;
}
