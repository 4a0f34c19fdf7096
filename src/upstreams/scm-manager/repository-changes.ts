import type { Maybe } from "../input.js";
import type { ScmRepositoryDto, ScmRepositoryInputDto } from "./types.js";

/** A new repository's settings, or a change to one, in the gateway's terms. */
export interface ScmRepositoryChanges {
  description?: Maybe<string>;
  contact?: Maybe<string>;
  public?: Maybe<boolean>;
  archived?: Maybe<boolean>;
  permissions?: Maybe<ReadonlyArray<{ name: string; type: string; group?: Maybe<boolean> }>>;
  properties?: Maybe<ReadonlyArray<{ key: string; value?: Maybe<string> }>>;
}

const permissionsOf = (changes: ScmRepositoryChanges) =>
  changes.permissions?.map((p) => ({
    name: p.name,
    type: p.type as "READ",
    groupPermission: p.group ?? false,
  }));
const propertiesOf = (changes: ScmRepositoryChanges) =>
  changes.properties?.map((p) => ({ key: p.key, value: p.value ?? null }));

/** The body that creates a repository: what is not given takes SCM-Manager's defaults. */
export function newRepository(
  name: string,
  type: string,
  changes: ScmRepositoryChanges,
): ScmRepositoryInputDto {
  return {
    name,
    type,
    description: changes.description ?? null,
    contact: changes.contact ?? null,
    public: changes.public ?? false,
    archived: false,
    permissions: permissionsOf(changes) ?? [],
    properties: propertiesOf(changes) ?? [],
  };
}

/**
 * The whole record to PUT: a PUT replaces the repository and erases what its body leaves out, so
 * everything the record had is sent back, with the changes given (null clears a field).
 */
export function changedRepository(
  current: ScmRepositoryDto,
  changes: ScmRepositoryChanges,
): ScmRepositoryInputDto {
  const given = (key: keyof ScmRepositoryChanges) => Object.prototype.hasOwnProperty.call(changes, key);
  return {
    id: current.id,
    name: current.name,
    type: current.type,
    contact: given("contact") ? (changes.contact ?? null) : current.contact,
    description: given("description") ? (changes.description ?? null) : current.description,
    public: changes.public ?? current.public,
    archived: changes.archived ?? current.archived,
    permissions: permissionsOf(changes) ?? current.permissions ?? [],
    properties: propertiesOf(changes) ?? current.properties ?? [],
    creationDate: current.creationDate,
    lastModified: current.lastModified ?? null,
    healthCheckFailures: current.healthCheckFailures ?? null,
    ...(current.url !== undefined ? { url: current.url } : {}),
  };
}
