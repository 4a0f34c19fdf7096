import { createHash } from "node:crypto";
import { Kind, OperationTypeNode, parse } from "graphql";
import type { GatewayContext } from "../context/context.js";
import type { CacheStore } from "../http/cache-store.js";
import type { ResponseCache } from "../http/response-cache.js";

interface Request {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/**
 * Whole answers to queries, kept as the JSON sent. A key holds the operation, its variables,
 * a keyed hash of every credential the request acts with, and every upstream's generation: one
 * user's answer never reaches another, and any write anywhere leaves every answer behind. Only
 * complete answers are kept (no error, nothing stale), for the shortest time any upstream answer
 * is kept.
 */
export class AnswerCache {
  constructor(
    private readonly store: CacheStore,
    private readonly responses: ResponseCache,
    private readonly namespace: string,
    private readonly ttlMs: number,
  ) {}

  /** The key for this request, or undefined when it is no plain query or the store does not answer. */
  async key(request: Request, context: GatewayContext): Promise<string | undefined> {
    if (typeof request.query !== "string" || !isQuery(request.query, request.operationName)) return undefined;
    const generations = await this.responses.generations(context.scope);
    if (generations === undefined) return undefined;
    const what = createHash("sha256")
      .update(JSON.stringify([request.query, request.variables ?? null, request.operationName ?? null]))
      .digest("base64url");
    return `${this.namespace}:answer:${createHash("sha256").update(generations).digest("base64url").slice(0, 22)}:${this.responses.identityHash(context.identity)}:${what}`;
  }

  get(key: string): Promise<string | undefined> {
    return this.store.get<string>(key);
  }

  async keep(key: string, body: string, context: GatewayContext): Promise<void> {
    if (context.scope.staleAgeMs > 0 || (JSON.parse(body) as { errors?: unknown }).errors !== undefined)
      return;
    await this.store.set(key, body, this.ttlMs);
  }
}

function isQuery(source: string, operationName: unknown): boolean {
  try {
    const operations = parse(source).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    const chosen =
      operations.length === 1 ? operations[0] : operations.find((o) => o.name?.value === operationName);
    return chosen?.operation === OperationTypeNode.QUERY;
  } catch {
    return false;
  }
}
