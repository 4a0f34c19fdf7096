import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";
import type { UpstreamName } from "../http/types.js";
import { ParsedAnswers, parseJson, type Checked } from "./parsed-answers.js";

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

type Json = Record<string, unknown>;

/** The contract of each upstream, in schema/upstreams. */
export const contractFiles: Record<UpstreamName, string> = {
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
  /** The operations that answer JSON: a 2xx status their contract does not list is no promised answer. */
  private readonly operations = new Set<string>();
  private readonly parsed = new ParsedAnswers();

  constructor(folder = new URL("../../schema/upstreams/", import.meta.url)) {
    const ajv = new Ajv2020({ strict: false, allErrors: false });
    addFormats(ajv);
    ajv.addFormat("binary", true);
    for (const [upstream, file] of Object.entries(contractFiles)) {
      const document = parse(readFileSync(new URL(file, folder), "utf8")) as Json;
      // ajv resolves the document's own `$ref`s: each answer schema is compiled where it stands.
      ajv.addSchema(document, file);
      for (const [operationId, status, pointer] of jsonAnswers(document)) {
        this.operations.add(`${upstream} ${operationId}`);
        this.validators.set(
          answerOf(upstream as UpstreamName, operationId, status),
          ajv.compile({ $ref: `${file}#${pointer}` }),
        );
      }
    }
  }

  /**
   * A JSON answer's value when it is what the operation promises for its status. A read that may be
   * cached (`shared`) is parsed and checked once per distinct content, its value shared and frozen;
   * any other answer (a sign-in with its token, a write's answer) is checked and kept nowhere.
   */
  read(upstream: UpstreamName, operationId: string, status: number, body: Buffer, shared: boolean): Checked {
    const check = (text: string): Checked => {
      const parsed = parseJson(text);
      const problem = parsed.ok ? this.problem(upstream, operationId, status, parsed.value) : undefined;
      return problem ? { ok: false, problem } : parsed;
    };
    if (!shared) return check(body.toString("utf8"));
    return this.parsed.read(answerOf(upstream, operationId, status), body, check);
  }

  /** Why a JSON answer is not what the operation promises for its status; undefined when it is. */
  private problem(
    upstream: UpstreamName,
    operationId: string,
    status: number,
    body: unknown,
  ): string | undefined {
    const validate = this.validators.get(answerOf(upstream, operationId, status));
    if (!validate)
      return this.operations.has(`${upstream} ${operationId}`) && status >= 200 && status < 300
        ? `${operationId} answered HTTP ${status}, which its contract does not list`
        : undefined;
    if (validate(body)) return undefined;
    const [first] = validate.errors ?? [];
    return `${operationId} answered ${first?.instancePath || "its body"} ${first?.message ?? "unlike its contract"}`;
  }
}

/** One answer of one operation, as validators and parsed answers name it. */
const answerOf = (upstream: UpstreamName, operationId: string, status: number | string) =>
  `${upstream} ${operationId} ${status}`;

const escape = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");

/** Each operation's 2xx JSON answer, as a JSON pointer to its schema (a shared response followed). */
function* jsonAnswers(document: Json): Generator<[string, string, string]> {
  for (const [path, pathItem] of Object.entries(document.paths as Record<string, Json>))
    for (const [method, operation] of Object.entries(pathItem)) {
      const spec = operation as { operationId?: string; responses?: Record<string, Json> };
      if (!spec?.operationId || !spec.responses) continue;
      for (const [status, response] of Object.entries(spec.responses)) {
        if (!status.startsWith("2")) continue;
        const ref = typeof response.$ref === "string" ? response.$ref.slice(1) : undefined;
        const at = ref ?? `/paths/${escape(path)}/${method}/responses/${status}`;
        const target = ref ? pointerTo(document, ref) : response;
        if ((target.content as Json | undefined)?.["application/json"])
          yield [spec.operationId, status, `${at}/content/application~1json/schema`];
      }
    }
}

function pointerTo(document: Json, pointer: string): Json {
  return pointer
    .split("/")
    .slice(1)
    .reduce<Json>((at, key) => at[key.replace(/~1/g, "/").replace(/~0/g, "~")] as Json, document);
}
