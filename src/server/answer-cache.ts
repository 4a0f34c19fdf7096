import { hash } from "node:crypto";
import { Kind, OperationTypeNode, parse } from "graphql";
import type { GatewayContext } from "../context/context.js";
import type { CacheStore } from "../http/cache-store.js";
import type { ResponseCache } from "../http/response-cache.js";
import { BoundedLru } from "../http/bounded-lru.js";
import { onTurnOfItsOwn } from "../http/turns.js";
import { compress, type Encoding } from "./compression.js";
import { readErrors } from "./request-report.js";

interface Request {
  query?: unknown;
  variables?: unknown;
  extensions?: unknown;
  operationName?: unknown;
}

/**
 * How long an answer made of entries past their time to live is kept: entries served while they
 * are refreshed, or while their upstream fails (stale-if-error). Long enough that a crowd asking
 * meanwhile is not each answered by a recomputation; short enough that it is never served more
 * than a second past what the entries themselves would give (its `extensions.cache.ageSeconds`
 * is the age when it was made). Without it, 64 clients of a warm overview fell from about 3,300 to
 * 23 answers a second for eight seconds whenever it expired: each recomputed it from stale
 * entries, and the refresh waited behind them for the CPU.
 */
const staleAnswerMs = 1_000;

/**
 * Whole answers to queries, kept as the JSON sent. A key holds the operation, its variables,
 * a keyed hash of every credential the request acts with, and every upstream's generation: one
 * user's answer never reaches another, and any write anywhere leaves every answer behind. Only
 * complete answers are kept (no error), for the shortest time any upstream answer is kept (a
 * second when made of stale entries). While one request computes an answer, identical requests
 * wait for it rather than compute it again, and get it complete or not: when a kept answer
 * expires under load, or an upstream hangs, the upstreams see one request, not one per client
 * (recomputed all at once when a hung call failed, they held every other request for a third of a
 * second in the soak).
 *
 * An answer whose only failures were refusals of open breakers is kept too, in this replica (whose
 * breakers refused) and only while they all still refuse: made again, it would be the same. While
 * an upstream is down, queries touching it cost no more than kept answers, and the queries that do
 * not touch it keep their speed (in the soak, their p99 more than doubled while each was recomputed).
 */
export class AnswerCache {
  private readonly computing = new Map<string, Flight>();
  /** Kept answers as sent compressed, per encoding, beside the answer they were made from: a warm answer is compressed once per replica. */
  private readonly compressedAnswers = new BoundedLru<{ body: string; bytes: Buffer }>(
    2_000,
    32 * 1024 * 1024,
    (made) => made.body.length * 2 + made.bytes.byteLength,
  );
  private readonly queryKinds = new BoundedLru<boolean>(1_000, 8 * 1024 * 1024);
  private readonly refusedAnswers = new BoundedLru<{ body: string; until: number; holds: () => boolean }>(
    1_000,
    16 * 1024 * 1024,
  );

  constructor(
    private readonly store: CacheStore,
    private readonly responses: ResponseCache,
    private readonly namespace: string,
    private readonly ttlMs: number,
  ) {}

  /** Whether the operation run is a query, parsed once per distinct document (a warm hit parsed it every time). */
  private isQuery(source: string, operationName: unknown): boolean {
    const memo = `${typeof operationName === "string" ? operationName : ""}\n${source}`;
    let known = this.queryKinds.get(memo);
    if (known === undefined) this.queryKinds.set(memo, (known = isQuery(source, operationName)));
    return known;
  }

  /** The key for this request, or undefined when it is no plain query or the store does not answer. */
  async key(request: Request, context: GatewayContext): Promise<string | undefined> {
    // Only a well-formed request may be answered from the cache: Apollo refuses the others.
    if (!wellFormed(request) || !this.isQuery(request.query as string, request.operationName))
      return undefined;
    const generations = await this.responses.generations(context.scope);
    if (generations === undefined) return undefined;
    const what = hash(
      "sha256",
      JSON.stringify([request.query, request.variables ?? null, request.operationName ?? null]),
      "base64url",
    );
    return `${this.namespace}:answer:${hash("sha256", generations, "base64url").slice(0, 22)}:${this.responses.identityHash(context.identity)}:${what}`;
  }

  /**
   * The kept answer; or, while an identical request computes it, its answer. Those who waited are
   * answered one per turn, so a crowd of them does not hold other requests. `complete`: kept as an
   * answer without errors, so it need not be read for them (scanning a large answer on every hit
   * was most of what a warm overview cost).
   */
  async lookup(key: string): Promise<{ body: string; complete: boolean } | undefined> {
    const kept = await this.store.get<string>(key);
    if (kept !== undefined) return { body: kept, complete: true };
    const refused = this.keptRefusal(key);
    if (refused !== undefined) return { body: refused, complete: false };
    const flight = this.computing.get(key);
    const shared = flight && (await onTurnOfItsOwn(flight.answer));
    return shared === undefined ? undefined : { body: shared, complete: false };
  }

  /**
   * The kept answer under `key`, compressed: from memory after the first time (`reused`). Reused
   * only for the very answer it was made from, so an answer recomputed under the same key (expired,
   * or an error shared in flight) is never sent as the bytes of another. Comparing the answer is
   * free when the store hands back the same string, as the in-memory one does; hashing it read
   * the whole answer on every hit.
   */
  async compressed(
    key: string,
    encoding: Encoding,
    body: string,
  ): Promise<{ bytes: Buffer; reused: boolean }> {
    const memo = `${encoding}:${key}`;
    const known = this.compressedAnswers.get(memo);
    if (known?.body === body) return { bytes: known.bytes, reused: true };
    const bytes = ownBytes(await compress(body, encoding));
    this.compressedAnswers.set(memo, { body, bytes });
    return { bytes, reused: false };
  }

  /** This request computes the answer; undefined when another already does (both then go on alone). */
  begin(key: string): Flight | undefined {
    if (this.computing.has(key)) return undefined;
    let settle!: (body?: string) => void;
    const flight: Flight = {
      key,
      answer: new Promise((resolve) => (settle = resolve)),
      settle: (b) => settle(b),
    };
    this.computing.set(key, flight);
    return flight;
  }

  /**
   * The answer of the request that began `flight`: shared with those waiting, and kept when
   * complete, or when made only of open breakers' refusals.
   */
  async keep(flight: Flight, body: string, { scope }: GatewayContext): Promise<void> {
    this.finish(flight, body);
    const { errors } = readErrors(body);
    if (errors === undefined) {
      await this.store.set(flight.key, body, scope.staleAgeMs > 0 ? staleAnswerMs : this.ttlMs);
      return;
    }
    if (scope.staleAgeMs > 0) return;
    const whileRefused = scope.whileRefused;
    if (!whileRefused || errors.some((e) => e.extensions?.code !== "UPSTREAM_UNAVAILABLE")) return;
    this.refusedAnswers.set(flight.key, { body, until: Date.now() + this.ttlMs, holds: whileRefused });
  }

  /**
   * The answer kept under `key` of refusals that still hold. Kept on while a breaker half-opens:
   * the first request then asks the upstream, and those after it are refused again while it does.
   */
  private keptRefusal(key: string): string | undefined {
    const kept = this.refusedAnswers.get(key);
    if (kept && Date.now() >= kept.until) this.refusedAnswers.delete(key);
    else if (kept?.holds()) return kept.body;
    return undefined;
  }

  /** The request that began `flight` ended; those waiting on it go on by themselves unless given its answer (no answer: it failed or was cut off). */
  finish(flight: Flight, body?: string): void {
    flight.settle(body);
    if (this.computing.get(flight.key) === flight) this.computing.delete(flight.key);
  }
}

/** One request computing an answer that identical requests wait for. */
export interface Flight {
  key: string;
  answer: Promise<string | undefined>;
  settle(body?: string): void;
}

/**
 * Bytes that hold only themselves, as they are counted: zlib hands a small output back as a view on
 * a 16 KB buffer, which kept, would be held whole (45 bytes of a compressed answer held 16 KB).
 */
function ownBytes(bytes: Buffer): Buffer {
  if (bytes.buffer.byteLength <= 2 * bytes.byteLength) return bytes;
  const own = Buffer.allocUnsafeSlow(bytes.byteLength);
  bytes.copy(own);
  return own;
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

const isObject = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value);

/** A query string; variables and extensions objects (or absent); an operation name string (or absent). */
function wellFormed(request: Request): boolean {
  const { query, variables, extensions, operationName } = request;
  return (
    typeof query === "string" &&
    (variables == null || isObject(variables)) &&
    (extensions === undefined || isObject(extensions)) &&
    (operationName == null || typeof operationName === "string")
  );
}
