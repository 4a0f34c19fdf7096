import { UpstreamError } from "../../http/upstream-error.js";
import { backupStatus, provider, type BackupStatus, type Provider } from "./codec.js";
import type { GetManyRequestDto, GitProtectRepositoryDto, OrganizationDto } from "./types.js";

/**
 * The order and filters of a `getmany` listing. The filter element's shape is an assumption (see
 * the contract), so every filter comes with the test it stands for: a page holding a record its
 * filters exclude was not filtered, and is refused rather than shown as the answer.
 */

export type Direction = "ASC" | "DESC";

export interface OrganizationListing {
  order?: { field: "NAME" | "TOTAL_REPOSITORIES"; direction: Direction };
  nameContains?: string;
  provider?: Provider;
}

export interface RepositoryListing {
  order?: { field: "NAME" | "SIZE" | "LAST_BACKUP"; direction: Direction };
  nameContains?: string;
  licenceActive?: boolean;
  status?: BackupStatus;
}

type Filter = NonNullable<GetManyRequestDto["filters"]>[number];
interface Condition<T> {
  filter: Filter;
  holds(record: T): boolean;
}
export interface ListingQuery<T> {
  request: Pick<GetManyRequestDto, "orderby" | "ordertype" | "filters">;
  /** Throws when a record of the answer is one the filters exclude. */
  check: (records: T[]) => void;
}

const organizationFields = { NAME: "name", TOTAL_REPOSITORIES: "totalRepositories" } as const;
const repositoryFields = { NAME: "name", SIZE: "sizeBytes", LAST_BACKUP: "lastBackupDate" } as const;

const contains = <T extends { name: string }>(text: string): Condition<T> => ({
  filter: { field: "name", operator: "contains", value: text },
  holds: (record) => record.name.toLowerCase().includes(text.toLowerCase()),
});

function equals<T, K extends keyof T & string>(
  field: K,
  value: T[K] & (string | number | boolean),
): Condition<T> {
  return { filter: { field, operator: "eq", value }, holds: (record) => record[field] === value };
}

function query<T>(orderby: string, direction: Direction, conditions: Array<Condition<T>>): ListingQuery<T> {
  return {
    request: {
      orderby,
      ordertype: direction === "DESC" ? "desc" : "asc",
      ...(conditions.length ? { filters: conditions.map((c) => c.filter) } : {}),
    },
    check(records) {
      if (records.some((record) => conditions.some((c) => !c.holds(record))))
        throw new UpstreamError(
          "GitProtect",
          "MALFORMED",
          undefined,
          "it answered records its filter excludes",
        );
    },
  };
}

export function organizationQuery(listing: OrganizationListing = {}): ListingQuery<OrganizationDto> {
  const conditions: Array<Condition<OrganizationDto>> = [];
  if (listing.nameContains) conditions.push(contains(listing.nameContains));
  if (listing.provider) conditions.push(equals("driver", provider.code(listing.provider)));
  const { field = "NAME", direction = "ASC" } = listing.order ?? {};
  return query(organizationFields[field], direction, conditions);
}

export function repositoryQuery(listing: RepositoryListing = {}): ListingQuery<GitProtectRepositoryDto> {
  const conditions: Array<Condition<GitProtectRepositoryDto>> = [];
  if (listing.nameContains) conditions.push(contains(listing.nameContains));
  if (listing.licenceActive !== undefined) conditions.push(equals("isLicenceActive", listing.licenceActive));
  if (listing.status) conditions.push(equals("lastBackupStatus", backupStatus.code(listing.status)));
  const { field = "NAME", direction = "ASC" } = listing.order ?? {};
  return query(repositoryFields[field], direction, conditions);
}
