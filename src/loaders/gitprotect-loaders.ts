import type { GitProtectClient } from "../upstreams/gitprotect/client.js";
import type {
  GitProtectRepositoryDto,
  OrganizationDto,
  PageDto,
  PlanDto,
} from "../upstreams/gitprotect/types.js";
import { UpstreamError } from "../http/upstream-error.js";
import {
  organizationQuery,
  repositoryQuery,
  type OrganizationListing,
  type RepositoryListing,
} from "../upstreams/gitprotect/listing-options.js";
import { orNull, type LoaderKit } from "./loader-kit.js";
import { pageWindow } from "./page-window.js";

const maxLimit = 1000;

export interface OffsetPage<T> {
  items: T[];
  total: number;
}

export interface Window {
  offset: number;
  first: number;
}

/** A record of an organization: plans and repositories are listed per organization. */
export interface OwnedKey {
  organizationId: string;
  id: string;
}

/** Reads one offset window through page/limit calls. */
async function windowOf<T>(
  window: Window,
  fetch: (page: number, limit: number) => Promise<PageDto<T>>,
): Promise<OffsetPage<T>> {
  const { pages, skip } = pageWindow(window.offset, window.first, maxLimit);
  const answers = await Promise.all(pages.map((p) => fetch(p.page, p.limit)));
  return {
    items: answers.flatMap((a) => a.result).slice(skip, skip + window.first),
    total: answers[0]!.totalEntries,
  };
}

/**
 * Every record, a thousand per call (or as many as the server gives a page). The number of pages
 * is what the total implies at that page size, not what the answer declares; past `maxPages` the
 * listing is refused rather than read, and records that do not add up to the total are no answer.
 */
async function everything<T>(
  fetch: (page: number, limit: number) => Promise<PageDto<T>>,
  maxPages: number,
): Promise<T[]> {
  const first = await fetch(1, maxLimit);
  const size = Math.max(first.result.length, 1);
  const pages = Math.ceil(first.totalEntries / size);
  if (pages > maxPages)
    throw new UpstreamError(
      "GitProtect",
      "TOO_LARGE",
      undefined,
      `${first.totalEntries} records in ${pages} pages; at most ${maxPages} are read`,
    );
  const rest = await Promise.all(
    Array.from({ length: Math.max(0, pages - 1) }, (_, i) => fetch(i + 2, size)),
  );
  const all = [first, ...rest].flatMap((p) => p.result);
  if (all.length < first.totalEntries && rest.some((p) => p.result.length < size))
    throw new UpstreamError("GitProtect", "MALFORMED", undefined, "its pages do not add up to its total");
  return all;
}

/** An organization's records, listed whole, and one record by organization and id, primed from them. */
function ownedBy<V extends { id: string }>(
  kit: LoaderKit,
  list: (organizationId: string) => Promise<V[] | null>,
) {
  const all = kit.perKey(async (organizationId: string) => {
    const records = await list(organizationId);
    for (const r of records ?? []) one.prime({ organizationId, id: r.id }, r);
    return records;
  });
  const one = kit.perKey(
    async (key: OwnedKey): Promise<V | null> =>
      (await all.load(key.organizationId))?.find((r) => r.id === key.id) ?? null,
  );
  return { all, one };
}

/** Organizations: all of them, pages (which prime them), and one by id. */
function organizationLoaders(client: GitProtectClient, kit: LoaderKit, maxPages: number) {
  const fetch = (page: number, limit: number) => client.getOrganizations({ page, limit, orderby: "name" });
  const allOrganizations = kit.once(() => everything(fetch, maxPages));
  const organization = kit.batched<string, OrganizationDto | null>(async (ids) => {
    // One id: ask for it alone; several: one listing serves them all.
    if (ids.length === 1) {
      const filter = { field: "id", operator: "eq" as const, value: ids[0]! };
      const answer = await client.getOrganizations({ page: 1, limit: 1, filters: [filter] });
      // The filter's shape is assumed: an answer that is not this organization is not trusted.
      const found = answer.result.find((o) => o.id === ids[0]);
      // Nothing answered: no such organization. Another one answered: the filter was not applied.
      if (found || answer.result.length === 0) return [found ?? null];
      return [(await allOrganizations.load()).find((o) => o.id === ids[0]) ?? null];
    }
    const all = await allOrganizations.load();
    return ids.map((id) => all.find((o) => o.id === id) ?? null);
  });
  const organizationsPage = kit.perKey(
    async ({ listing, ...window }: Window & { listing?: OrganizationListing }) => {
      const { request, check } = organizationQuery(listing);
      const page = await windowOf(window, (page, limit) =>
        client.getOrganizations({ page, limit, ...request }),
      );
      check(page.items);
      for (const o of page.items) organization.prime(o.id, o);
      return page;
    },
  );
  return { organization, organizationsPage, allOrganizations };
}

type OwnedWindow = Window & { organizationId: string };
type RepositoryWindow = OwnedWindow & { listing?: RepositoryListing };

/** GitProtect's reads for one request: listings, and records by id primed from them. */
export function gitprotectLoaders(client: GitProtectClient, kit: LoaderKit, maxPages: number) {
  const repositories = (organizationId: string) => (page: number, limit: number) =>
    client.getRepositories({ id: organizationId, page, limit, orderby: "name" });
  const plans = (organizationId: string) => (page: number, limit: number) =>
    client.listPlansAssignedToOrganization(organizationId, page, limit);
  const organizations = organizationLoaders(client, kit, maxPages);
  const records = ownedBy(kit, async (organizationId) => {
    const all = await orNull(everything(repositories(organizationId), maxPages));
    if (all?.some((r) => r.organizationId.toLowerCase() !== organizationId.toLowerCase()))
      throw new UpstreamError(
        "GitProtect",
        "MALFORMED",
        undefined,
        "it listed another organization's repositories",
      );
    return all;
  });
  const planRecords = ownedBy(kit, (organizationId) =>
    orNull(everything<PlanDto>(plans(organizationId), maxPages)),
  );
  return {
    ...organizations,
    repositoriesPage: kit.perKey(async ({ organizationId, listing, ...window }: RepositoryWindow) => {
      const { request, check } = repositoryQuery(listing);
      const fetch = (page: number, limit: number) =>
        client.getRepositories({ id: organizationId, page, limit, ...request });
      const page = await orNull(windowOf(window, fetch));
      if (page) check(page.items);
      return page;
    }),
    repositoriesOf: records.all,
    record: records.one,
    plansPage: kit.perKey(({ organizationId, ...window }: OwnedWindow) =>
      orNull(windowOf(window, plans(organizationId))),
    ),
    plansOf: planRecords.all,
    plan: planRecords.one,
    /** Every GitProtect repository record, for finding the backups of hosted repositories by clone URL. */
    allRepositories: kit.once(async (): Promise<GitProtectRepositoryDto[]> => {
      const all = await organizations.allOrganizations.load();
      const lists = await Promise.all(all.map((o) => records.all.load(o.id)));
      return lists.flatMap((list) => list ?? []);
    }),
  };
}

export type GitProtectLoaders = ReturnType<typeof gitprotectLoaders>;
