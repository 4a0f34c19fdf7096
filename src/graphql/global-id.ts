import { GraphQLError } from "graphql";
import type { NodeKey } from "../services/keys.js";
import { isRevision } from "./arguments.js";

/**
 * Opaque global ids: which kind of record, from which upstream, with which key. They encode a
 * short JSON array as base64url, so clients treat them as opaque while the gateway reads them
 * back without asking any upstream.
 */
export type GlobalId = NodeKey;

const shapes: Record<string, number[]> = {
  Organization: [2],
  BackupPlan: [3],
  Repository: [3, 4],
  Changeset: [4],
  Branch: [4],
  AzureDevOpsProject: [2],
};

export function encodeId(id: GlobalId): string {
  return Buffer.from(JSON.stringify(Object.values(id))).toString("base64url");
}

export function decodeId(raw: string): GlobalId {
  const id = parse(raw);
  if (!id || !wellFormed(id)) throw invalidId(raw);
  return id;
}

/** The parts of an id by their kind, before checking what each part may be. */
function parse(raw: string): GlobalId | undefined {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parts) || !parts.every((p) => typeof p === "string" && p.length > 0 && p.length <= 512))
    return undefined;
  const [type, ...rest] = parts as string[];
  if (!type || !shapes[type]?.includes(parts.length)) return undefined;
  const [a, b, c] = rest as [string, string, string];
  switch (type) {
    case "Organization":
      return { type, organizationId: a };
    case "BackupPlan":
      return { type, organizationId: a, planId: b };
    case "Repository":
      if (a === "gitprotect" && rest.length === 3)
        return { type, host: "gitprotect", organizationId: b, repositoryId: c };
      return (a === "azure" || a === "scm") && rest.length === 2
        ? { type, host: a, repositoryId: b }
        : undefined;
    case "Changeset":
    case "Branch":
      if (a !== "azure" && a !== "scm") return undefined;
      return type === "Changeset"
        ? { type, host: a, repositoryId: b, revision: c }
        : { type, host: a, repositoryId: b, name: c };
    default:
      return { type: "AzureDevOpsProject", projectId: a };
  }
}

/**
 * Anyone can forge an id: each part must be of the form its upstream gives. GitProtect's and
 * Azure DevOps's ids are GUIDs; SCM-Manager's are letters and digits; revisions and branch
 * names are names git accepts.
 */
function wellFormed(id: GlobalId): boolean {
  const hostId = (host: "azure" | "scm", value: string) =>
    host === "azure" ? guid.test(value) : scmId.test(value);
  switch (id.type) {
    case "Organization":
      return guid.test(id.organizationId);
    case "BackupPlan":
      return guid.test(id.organizationId) && guid.test(id.planId);
    case "Repository":
      return id.host === "gitprotect"
        ? guid.test(id.organizationId) && guid.test(id.repositoryId)
        : hostId(id.host, id.repositoryId);
    case "Changeset":
      return hostId(id.host, id.repositoryId) && isRevision(id.host, id.revision);
    case "Branch":
      return hostId(id.host, id.repositoryId) && isRevision(id.host, id.name);
    case "AzureDevOpsProject":
      return guid.test(id.projectId);
  }
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A GUID, the form of GitProtect's and Azure DevOps's ids. */
export const isGuid = (value: string): boolean => guid.test(value);
const scmId = /^[A-Za-z0-9]{1,64}$/;

/** Decodes and checks the kind: `repository(id:)` given a plan's id is bad input, not a miss. */
export function decodeIdOf<T extends GlobalId["type"]>(raw: string, type: T): Extract<GlobalId, { type: T }> {
  const id = decodeId(raw);
  if (id.type !== type) throw new GraphQLError(`The id is a ${id.type} id, not a ${type} id.`, badInput);
  return id as Extract<GlobalId, { type: T }>;
}

const badInput = { extensions: { code: "BAD_USER_INPUT" } };
const invalidId = (raw: string) =>
  new GraphQLError(`"${raw.slice(0, 40)}" is not an id this gateway issued.`, badInput);
