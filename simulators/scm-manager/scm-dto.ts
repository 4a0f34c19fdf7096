import type { components } from "../../src/upstreams/scm-manager/contract.gen.js";
import type { Commit, Ref } from "../git/git-queries.js";
import { scmCloneUrl } from "../world/clone-urls.js";
import type { ScmRepository, World } from "../world/model.js";

type Schemas = components["schemas"];

/** Owner-only fields come back null for everyone else, as SCM-Manager answers. */
export function repositoryDto(world: World, repo: ScmRepository, owner: boolean): Schemas["Repository"] {
  return {
    id: repo.id,
    name: repo.name,
    type: repo.type,
    contact: repo.contact,
    description: repo.description,
    creationDate: repo.creationDate,
    lastModified: repo.lastModified,
    public: repo.public,
    archived: repo.archived,
    ...(repo.sampleFieldsOnly ? {} : { url: scmCloneUrl(world.urls.scmServer, repo) }),
    healthCheckFailures: owner ? repo.healthCheckFailures : null,
    permissions: owner ? repo.permissions : null,
    properties: owner ? repo.properties : null,
  };
}

export function changesetDto(commit: Commit, heads: Ref[], tags: Ref[]): Schemas["Changeset"] {
  const names = (refs: Ref[], prefix: string) =>
    refs.filter((r) => (r.peeledId ?? r.objectId) === commit.id).map((r) => r.name.slice(prefix.length));
  const paths = (kind: string) => commit.changes.filter((c) => c.kind === kind).map((c) => c.path);
  return {
    id: commit.id,
    author: { name: commit.author.name, mail: commit.author.email },
    date: commit.author.time * 1000,
    description: commit.message,
    parents: commit.parents,
    branches: names(heads, "refs/heads/"),
    tags: names(tags, "refs/tags/"),
    modifications: { added: paths("added"), modified: paths("modified"), removed: paths("removed") },
    properties: [],
  };
}
