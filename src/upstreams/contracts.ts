import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";
import type { UpstreamName } from "../http/types.js";

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

type Json = Record<string, unknown>;

const documents: Record<UpstreamName, string> = {
  GitProtect: "gitprotect.openapi.yaml",
  "Azure DevOps": "azure-devops.openapi.yaml",
  "SCM-Manager": "scm-manager.openapi.yaml",
};

/**
 * The answers the contracts promise (schema/upstreams), as validators compiled once when the
 * gateway starts: an answer is used, and cached, only when it is what its operation promises.
 */
export class Contracts {
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(folder = new URL("../../schema/upstreams/", import.meta.url)) {
    const ajv = new Ajv2020({ strict: false, allErrors: false });
    addFormats(ajv);
    ajv.addFormat("binary", true);
    for (const [upstream, file] of Object.entries(documents)) {
      const document = dereference(parse(readFileSync(new URL(file, folder), "utf8")) as Json) as Json;
      for (const [operationId, status, schema] of jsonAnswers(document))
        this.validators.set(`${upstream} ${operationId} ${status}`, ajv.compile(schema));
    }
  }

  /** Why a JSON answer is not what the operation promises for its status; undefined when it is. */
  problem(upstream: UpstreamName, operationId: string, status: number, body: unknown): string | undefined {
    const validate = this.validators.get(`${upstream} ${operationId} ${status}`);
    if (!validate) return undefined;
    if (validate(body)) return undefined;
    const [first] = validate.errors ?? [];
    return `${operationId} answered ${first?.instancePath || "its body"} ${first?.message ?? "unlike its contract"}`;
  }
}

/** Each operation's 2xx JSON answer schemas. */
function* jsonAnswers(document: Json): Generator<[string, string, Json]> {
  for (const pathItem of Object.values(document.paths as Record<string, Json>))
    for (const operation of Object.values(pathItem)) {
      const spec = operation as { operationId?: string; responses?: Record<string, { content?: Json }> };
      if (!spec?.operationId || !spec.responses) continue;
      for (const [status, response] of Object.entries(spec.responses)) {
        const schema = (response.content?.["application/json"] as { schema?: Json } | undefined)?.schema;
        if (status.startsWith("2") && schema) yield [spec.operationId, status, schema];
      }
    }
}

function dereference(node: unknown, root: unknown = node): unknown {
  if (Array.isArray(node)) return node.map((item) => dereference(item, root));
  if (node === null || typeof node !== "object") return node;
  const ref = (node as Json).$ref;
  if (typeof ref === "string") {
    const target = ref
      .slice(2)
      .split("/")
      .reduce<unknown>((at, key) => (at as Json)[key.replace(/~1/g, "/").replace(/~0/g, "~")], root);
    const { $ref: _ignored, ...siblings } = node as Json;
    return { ...(dereference(target, root) as Json), ...siblings };
  }
  return Object.fromEntries(Object.entries(node as Json).map(([k, v]) => [k, dereference(v, root)]));
}
