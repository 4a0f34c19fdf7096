import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { Ajv2020, type ValidateFunction, type ErrorObject } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

type Json = Record<string, unknown>;

export interface ParameterSpec {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema: Json;
  /** A path parameter that may span segments (`name` of SCM-Manager's `{type}/{name}`). */
  "x-greedy"?: boolean;
}

export interface ResponseSpec {
  status: string;
  content: Record<string, { schema?: Json }>;
}

/** One operation of an OpenAPI document, ready to route and validate. */
export interface Operation {
  id: string;
  method: string;
  template: string;
  pattern: RegExp;
  pathParams: string[];
  parameters: ParameterSpec[];
  secured: boolean;
  body?: { mediaType: string; schema: Json; required: boolean };
  responses: ResponseSpec[];
  validateParams: ValidateFunction;
  validateBody?: ValidateFunction;
}

export interface Contract {
  document: Json;
  operations: Operation[];
  match(method: string, path: string): { operation: Operation; params: Record<string, string> } | undefined;
  operation(id: string): Operation;
  /** Validates an answer against the operation's response schema; returns error texts, empty when valid. */
  validateResponse(
    operationId: string,
    status: number,
    contentType: string | undefined,
    body: unknown,
  ): string[];
}

export interface ContractOptions {
  /** ASP.NET and IIS route without regard to case; JAX-RS does not. */
  caseInsensitivePaths?: boolean;
}

const methods = ["get", "put", "post", "delete", "options", "head", "patch"] as const;

export function loadContract(file: URL, options: ContractOptions = {}): Contract {
  const document = dereference(parse(readFileSync(file, "utf8")) as Json) as Json;
  const ajv = new Ajv2020({ strict: false, allErrors: true, coerceTypes: false });
  addFormats(ajv);
  ajv.addFormat("binary", true);
  const paramAjv = new Ajv2020({ strict: false, allErrors: true, coerceTypes: "array" });
  addFormats(paramAjv);

  const globalSecurity = (document.security as unknown[] | undefined) ?? [];
  const operations: Operation[] = [];
  for (const [template, pathItem] of Object.entries(document.paths as Record<string, Json>)) {
    const shared = (pathItem.parameters as ParameterSpec[] | undefined) ?? [];
    for (const method of methods) {
      const spec = pathItem[method] as Json | undefined;
      if (!spec) continue;
      const parameters = [...shared, ...((spec.parameters as ParameterSpec[] | undefined) ?? [])].map(
        (p) => ({
          ...p,
          required: p.in === "path" ? true : Boolean(p.required),
        }),
      );
      const greedy = new Set(parameters.filter((p) => p.in === "path" && p["x-greedy"]).map((p) => p.name));
      const { pattern, names } = compileTemplate(template, options.caseInsensitivePaths ?? false, greedy);
      const body = requestBody(spec.requestBody as Json | undefined);
      operations.push({
        id: spec.operationId as string,
        method: method.toUpperCase(),
        template,
        pattern,
        pathParams: names,
        parameters,
        secured: ((spec.security as unknown[] | undefined) ?? globalSecurity).length > 0,
        body,
        responses: Object.entries((spec.responses as Record<string, Json>) ?? {}).map(([status, r]) => ({
          status,
          content: (r.content as ResponseSpec["content"]) ?? {},
        })),
        validateParams: paramAjv.compile(parameterSchema(parameters)),
        validateBody: body ? ajv.compile(body.schema) : undefined,
      });
    }
  }
  // Literal segments win over variables, as in JAX-RS and ASP.NET routing.
  operations.sort((a, b) => specificity(b.template) - specificity(a.template));

  return {
    document,
    operations,
    match(method, path) {
      for (const operation of operations) {
        if (operation.method !== method) continue;
        const found = operation.pattern.exec(path);
        if (!found) continue;
        const params: Record<string, string> = {};
        operation.pathParams.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1] ?? "")));
        return { operation, params };
      }
      return undefined;
    },
    operation(id) {
      const found = operations.find((o) => o.id === id);
      if (!found) throw new Error(`no operation ${id}`);
      return found;
    },
    validateResponse(operationId, status, contentType, body) {
      const operation = this.operation(operationId);
      const response =
        operation.responses.find((r) => r.status === String(status)) ??
        operation.responses.find((r) => r.status === "default");
      if (!response) return [`status ${status} is not in the contract of ${operationId}`];
      const mediaTypes = Object.keys(response.content);
      if (mediaTypes.length === 0) return [];
      const mediaType = (contentType ?? "").split(";")[0]!.trim();
      const content = response.content[mediaType];
      if (!content) return [`content type ${contentType} is not one of ${mediaTypes.join(", ")}`];
      if (!content.schema || !mediaType.includes("json")) return [];
      const validate = ajv.compile(content.schema);
      return validate(body) ? [] : describeErrors(validate.errors);
    },
  };
}

export function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message ?? "is invalid"}`);
}

function requestBody(spec: Json | undefined): Operation["body"] {
  if (!spec) return undefined;
  const [mediaType, media] = Object.entries(spec.content as Record<string, Json>)[0]!;
  return { mediaType, schema: media.schema as Json, required: Boolean(spec.required) };
}

function parameterSchema(parameters: ParameterSpec[]): Json {
  return {
    type: "object",
    properties: Object.fromEntries(parameters.map((p) => [`${p.in}:${p.name}`, p.schema])),
    required: parameters.filter((p) => p.required).map((p) => `${p.in}:${p.name}`),
  };
}

function compileTemplate(
  template: string,
  caseInsensitive: boolean,
  greedy: Set<string>,
): { pattern: RegExp; names: string[] } {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const variable = /^\{(.+)\}$/.exec(part);
      if (!variable) return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
      names.push(variable[1]!);
      return greedy.has(variable[1]!) ? "(.+)" : "([^/]+)";
    })
    .join("");
  return { pattern: new RegExp(`^${source}/?$`, caseInsensitive ? "i" : ""), names };
}

function specificity(template: string): number {
  return template.split("/").reduce((score, part) => score + (part.startsWith("{") ? 1 : 3), 0);
}

/** Replaces every local `$ref` by the object it names (the contracts have no cycles). */
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
