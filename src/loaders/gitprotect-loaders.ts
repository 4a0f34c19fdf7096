import type { GitProtectClient } from "../upstreams/gitprotect/client.js";
import type {
  GitProtectRepositoryDto,
  OrganizationDto,
  PageDto,
  PlanDto,
} from "../upstreams/gitprotect/types.js";
import { orNull, type LoaderKit } from "./loader-kit.js";
import { pageWindow } from "./page-window.js";

const maxLimit = 1000;

export interface OffsetPage<T> {
  items: T[];
  total: number;
}

/** Reads one offset window through page/limit calls. */
async function windowOf<T>(
  offset: number,
  first: number,
  fetch: (page: number, limit: number) => Promise<PageDto<T>>,
): Promise<OffsetPage<T>> {
  const { pages, skip } = pageWindow(offset, first, maxLimit);
  const answers = await Promise.all(pages.map((p) => fetch(p.page, p.limit)));
  return {
    items: answers.flatMap((a) => a.result).slice(skip, skip + first),
    total: answers[0]!.totalEntries,
  };
}

/** Every record, a thousand per call. */
async function everything<T>(fetch: (page: number, limit: number) => Promise<PageDto<T>>): Promise<T[]> {
  const first = await fetch(1, maxLimit);
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, first.pageCount - 1) }, (_, i) => fetch(i + 2, maxLimit)),
  );
  return [first, ...rest].flatMap((p) => p.result);
}

export function gitprotectLoaders(client: GitProtectClient, kit: LoaderKit) {
  const allOrganizations = kit.once(() =>
    everything((page, limit) => client.getOrganizations({ page, limit, orderby: "name" })),
  );

  const organization = kit.batched<string, OrganizationDto | null>(async (ids) => {
    // One id: ask for it alone; several: one listing serves them all.
    if (ids.length === 1) {
      const answer = await client.getOrganizations({
        page: 1,
        limit: 1,
        filters: [{ field: "id", operator: "eq", value: ids[0]! }],
      });
      return [answer.result[0] ?? null];
    }
    const all = await allOrganizations.load();
    return ids.map((id) => all.find((o) => o.id === id) ?? null);
  });

  const organizationsPage = kit.perKey(async ({ offset, first }: { offset: number; first: number }) => {
    const page = await windowOf(offset, first, (p, limit) =>
      client.getOrganizations({ page: p, limit, orderby: "name" }),
    );
    for (const o of page.items) organization.prime(o.id, o);
    return page;
  });

  const repositoriesPage = kit.perKey(
    ({ organizationId, offset, first }: { organizationId: string; offset: number; first: number }) =>
      orNull(
        windowOf(offset, first, (page, limit) =>
          client.getRepositories({ id: organizationId, page, limit, orderby: "name" }),
        ),
      ),
  );

  const repositoriesOf = kit.perKey((organizationId: string) =>
    orNull(
      everything((page, limit) =>
        client.getRepositories({ id: organizationId, page, limit, orderby: "name" }),
      ),
    ),
  );

  const plansPage = kit.perKey(
    ({ organizationId, offset, first }: { organizationId: string; offset: number; first: number }) =>
      orNull(
        windowOf(offset, first, (page, limit) =>
          client.listPlansAssignedToOrganization(organizationId, page, limit),
        ),
      ),
  );

  const plansOf = kit.perKey((organizationId: string) =>
    orNull(
      everything<PlanDto>((page, limit) =>
        client.listPlansAssignedToOrganization(organizationId, page, limit),
      ),
    ),
  );

  /** Every GitProtect repository record, for finding the backups of hosted repositories by clone URL. */
  const allRepositories = kit.once(async (): Promise<GitProtectRepositoryDto[]> => {
    const organizations = await allOrganizations.load();
    const lists = await Promise.all(organizations.map((o) => repositoriesOf.load(o.id)));
    return lists.flatMap((list) => list ?? []);
  });

  return {
    organization,
    organizationsPage,
    allOrganizations,
    repositoriesPage,
    repositoriesOf,
    plansPage,
    plansOf,
    allRepositories,
  };
}

export type GitProtectLoaders = ReturnType<typeof gitprotectLoaders>;
