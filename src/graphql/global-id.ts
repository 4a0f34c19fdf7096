import { GraphQLError } from "graphql";
import type { NodeKey } from "../services/keys.js";
import { isRefName } from "./arguments.js";

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
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw invalidId(raw);
  }
  if (!Array.isArray(parts) || !parts.every((p) => typeof p === "string" && p.length > 0 && p.length <= 512))
    throw invalidId(raw);
  const [type, ...rest] = parts as string[];
  if (!type || !shapes[type]?.includes(parts.length)) throw invalidId(raw);
  switch (type) {
    case "Organization":
      return { type, organizationId: rest[0]! };
    case "BackupPlan":
      return { type, organizationId: rest[0]!, planId: rest[1]! };
    case "Repository":
      if (rest[0] === "gitprotect" && rest.length === 3)
        return { type, host: "gitprotect", organizationId: rest[1]!, repositoryId: rest[2]! };
      if ((rest[0] === "azure" || rest[0] === "scm") && rest.length === 2)
        return { type, host: rest[0], repositoryId: rest[1]! };
      throw invalidId(raw);
    case "Changeset":
    case "Branch":
      if ((rest[0] !== "azure" && rest[0] !== "scm") || !isRefName(rest[2]!)) throw invalidId(raw);
      return type === "Changeset"
        ? { type, host: rest[0], repositoryId: rest[1]!, revision: rest[2]! }
        : { type, host: rest[0], repositoryId: rest[1]!, name: rest[2]! };
    default:
      return { type: "AzureDevOpsProject", projectId: rest[0]! };
  }
}

/** Decodes and checks the kind: `repository(id:)` given a plan's id is bad input, not a miss. */
export function decodeIdOf<T extends GlobalId["type"]>(raw: string, type: T): Extract<GlobalId, { type: T }> {
  const id = decodeId(raw);
  if (id.type !== type) throw new GraphQLError(`The id is a ${id.type} id, not a ${type} id.`, badInput);
  return id as Extract<GlobalId, { type: T }>;
}

const badInput = { extensions: { code: "BAD_USER_INPUT" } };
const invalidId = (raw: string) =>
  new GraphQLError(`"${raw.slice(0, 40)}" is not an id this gateway issued.`, badInput);
