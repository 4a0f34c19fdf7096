import { createServer, type IncomingMessage, type ServerResponse, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { setImmediate as nextTurn } from "node:timers/promises";
import type { Contract, Operation } from "./contract.js";
import { describeErrors } from "./contract.js";
import { FaultPlan, parseFaultRule, type FaultAction, type Latency } from "./faults.js";
import { RequestStats } from "./stats.js";
import { CapacityModel, parseCapacity } from "./capacity.js";
import { ReplyError, type Reply, json } from "./reply.js";

/** The operation name logged for a call that matches no operation of the API. */
export const unmatched = "(no such operation)";

export interface RequestContext<P> {
  operation: Operation;
  params: Record<string, string>;
  query: Record<string, unknown>;
  headers: IncomingHttpHeaders;
  body: unknown;
  principal: P;
  /** The simulator's own base URL, as clients reach it (scheme, host, port). */
  origin: string;
}

export type Handler<P> = (context: RequestContext<P>) => Reply | Promise<Reply>;

/** What makes one simulator differ from the others. */
export interface SimulatorDefinition<P> {
  name: string;
  contract: Contract;
  /** Path prefix before the contract's paths, e.g. "/scm/api/rest". */
  basePath: string;
  caseInsensitivePaths?: boolean;
  /** SCM-Manager accepts a `.json` suffix on the last segment. */
  jsonSuffix?: boolean;
  handlers: Record<string, Handler<P>>;
  /** Who is asking; throws a ReplyError (401/403/203) when the credentials fail. */
  authenticate(headers: IncomingHttpHeaders, operation: Operation): P;
  principalName(principal: P): string | null;
  /** GitProtect binds JSON property names case-insensitively. */
  normalizeBody?(body: unknown, operation: Operation): unknown;
  parseBody?(raw: Buffer, mediaType: string): unknown;
  badRequest(errors: string[], operation: Operation | undefined): Reply;
  notFound(path: string): Reply;
  /** Simulator-specific settings changeable through the control API. */
  settings?: { get(): Record<string, unknown>; set(values: Record<string, unknown>): void };
}

export interface SimulatorServer {
  /** Scheme, host and port; the definition's base path follows. */
  origin: string;
  faults: FaultPlan;
  stats: RequestStats;
  capacity: CapacityModel;
  close(): Promise<void>;
}

const maxBodyBytes = 1024 * 1024;

/**
 * Listens at once, and serves once `pending` resolves: the world's clone URLs need every
 * simulator's port before it can be built. Requests that arrive earlier wait.
 */
export async function startSimulatorServer<P>(
  pending: Promise<SimulatorDefinition<P>>,
  options: { port: number; host?: string; seed: number; latency?: Latency },
): Promise<SimulatorServer> {
  let definition!: SimulatorDefinition<P>;
  const ready = pending.then((resolved) => (definition = resolved));
  ready.catch(() => undefined);
  const faults = new FaultPlan(options.seed);
  if (options.latency) faults.setLatency(options.latency);
  const stats = new RequestStats();
  const capacity = new CapacityModel();
  const sockets = new Set<Socket>();
  const host = options.host ?? "127.0.0.1";
  let origin = "";

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(`simulator handler failure`, error);
      if (!res.headersSent) send(res, json(500, { message: "simulator failure" }));
    });
  });
  server.keepAliveTimeout = 5_000;
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    await ready;
    const url = new URL(req.url ?? "/", origin);
    if (url.pathname.startsWith("/_simulator/")) return send(res, await control(req, url));

    const method = req.method ?? "GET";
    const path = routedPath(url.pathname);
    const match = path === undefined ? undefined : definition.contract.match(method, path);
    if (!match) {
      // Logged too: a call that reached no resource of the API is a call the tests must see.
      const now = performance.now();
      const record = {
        method,
        path: url.pathname,
        query: url.search,
        principal: null,
        requestId: null,
        traceparent: null,
        startedAt: now,
      };
      stats.finish({ ...record, operation: unmatched, status: 404, endedAt: now });
      return send(res, definition.notFound(url.pathname));
    }

    const { operation, params } = match;
    const startedAt = performance.now();
    stats.begin(operation.id);
    let principal: string | null = null;
    const finish = (status: number) =>
      stats.finish({
        operation: operation.id,
        method,
        path: url.pathname,
        query: url.search,
        principal,
        requestId: typeof req.headers["x-request-id"] === "string" ? req.headers["x-request-id"] : null,
        traceparent: typeof req.headers.traceparent === "string" ? req.headers.traceparent : null,
        status,
        startedAt,
        endedAt: performance.now(),
      });

    // A call the server turns away never reaches the fault rules: it uses none of their `times`.
    const admission = capacity.admit();
    if (admission.refused) {
      finish(admission.status);
      return send(res, {
        ...json(admission.status, { message: "the server is busy" }),
        headers: { "retry-after": String(admission.retryAfterSeconds) },
      });
    }
    res.once("close", () => capacity.done());
    const { delayMs, action } = faults.take(operation.id);
    const raw = await readBody(req);
    const answerAfterMs = delayMs * admission.slowdown;
    if (action.kind !== "none") {
      await sleep(answerAfterMs);
      return answerFault(action, req, res, finish);
    }

    // Calls sent together are all taken in before any is worked on, as a server with a thread per
    // call serves them side by side: otherwise the second of two listings sent at once was only
    // stamped once the first had been rendered, 4 ms later. A turn of the loop takes in what
    // arrived with this call; a call with time to spare waits a millisecond, for those sent a
    // moment after (a walk page's SCM-Manager listing, sent 0.1 ms after Azure DevOps's, was read
    // 1.4 ms late: after the first slice of the other's listing).
    const leftMs = answerAfterMs - (performance.now() - startedAt);
    await (leftMs > 2 * takeInMs ? sleep(takeInMs) : nextTurn());
    const reply = await serve({ operation, params, url, req, raw }, (name) => (principal = name));
    // The latency is the server's whole time to answer, its own work within it: a listing it takes
    // 10 ms to render answers at its latency, not 10 ms past it (later only when the work is longer).
    const answer = render(reply);
    await sleep(answerAfterMs - (performance.now() - startedAt));
    finish(answer.status);
    write(res, answer);
  }

  /** The operation's reply to a call, or the refusal its credentials or its contract check threw. */
  async function serve(
    call: {
      operation: Operation;
      params: Record<string, string>;
      url: URL;
      req: IncomingMessage;
      raw: Buffer;
    },
    signedIn: (principal: string | null) => void,
  ): Promise<Reply> {
    const { operation, params, url, req, raw } = call;
    try {
      const authenticated = definition.authenticate(req.headers, operation);
      signedIn(definition.principalName(authenticated));
      return await definition.handlers[operation.id]!({
        operation,
        params,
        query: validated(operation, params, Object.fromEntries(url.searchParams), req.headers),
        headers: req.headers,
        body: parsedBody(operation, raw, req.headers["content-type"]),
        principal: authenticated,
        origin,
      });
    } catch (error) {
      if (!(error instanceof ReplyError)) throw error;
      return error.reply;
    }
  }

  function routedPath(pathname: string): string | undefined {
    const base = definition.basePath;
    const matchesBase = definition.caseInsensitivePaths
      ? pathname.toLowerCase().startsWith(base.toLowerCase())
      : pathname.startsWith(base);
    if (!matchesBase) return undefined;
    let path = pathname.slice(base.length) || "/";
    if (definition.jsonSuffix && path.endsWith(".json")) path = path.slice(0, -".json".length);
    return path;
  }

  /** Checks path, query and header parameters against the contract; returns the coerced query. */
  function validated(
    operation: Operation,
    params: Record<string, string>,
    query: Record<string, string>,
    headers: IncomingHttpHeaders,
  ): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const p of operation.parameters) {
      const value =
        p.in === "path" ? params[p.name] : p.in === "query" ? query[p.name] : headers[p.name.toLowerCase()];
      if (value !== undefined) values[`${p.in}:${p.name}`] = value;
    }
    if (!operation.validateParams(values)) {
      throw new ReplyError(definition.badRequest(describeErrors(operation.validateParams.errors), operation));
    }
    const coerced: Record<string, unknown> = { ...query };
    for (const [key, value] of Object.entries(values))
      if (key.startsWith("query:")) coerced[key.slice(6)] = value;
    return coerced;
  }

  function parsedBody(operation: Operation, raw: Buffer, contentType: string | undefined): unknown {
    if (!operation.body) return undefined;
    if (raw.length > maxBodyBytes) throw new ReplyError(definition.badRequest(["body too large"], operation));
    if (raw.length === 0) {
      if (operation.body.required)
        throw new ReplyError(definition.badRequest(["a body is required"], operation));
      return undefined;
    }
    let body: unknown;
    try {
      body = definition.parseBody
        ? definition.parseBody(raw, contentType ?? operation.body.mediaType)
        : JSON.parse(raw.toString("utf8"));
    } catch {
      throw new ReplyError(definition.badRequest(["the body is not valid JSON"], operation));
    }
    if (definition.normalizeBody) body = definition.normalizeBody(body, operation);
    if (operation.validateBody && !operation.validateBody(body)) {
      throw new ReplyError(definition.badRequest(describeErrors(operation.validateBody.errors), operation));
    }
    return body;
  }

  async function control(req: IncomingMessage, url: URL): Promise<Reply> {
    const method = req.method ?? "GET";
    const route = `${method} ${url.pathname.slice("/_simulator".length)}`;
    const input = async () => {
      const raw = await readBody(req);
      return raw.length ? (JSON.parse(raw.toString("utf8")) as unknown) : undefined;
    };
    try {
      switch (route) {
        case "GET /stats":
          return json(200, stats.snapshot());
        case "DELETE /stats":
          stats.reset();
          capacity.reset();
          return json(200, stats.snapshot());
        case "GET /faults":
          return json(200, { latency: faults.getLatency(), rules: faults.listRules() });
        case "PUT /faults": {
          const body = await input();
          if (!Array.isArray(body)) throw new Error("PUT /_simulator/faults takes an array of rules");
          faults.setRules(body.map(parseFaultRule));
          return json(200, { rules: faults.listRules() });
        }
        case "POST /faults":
          faults.addRule(parseFaultRule(await input()));
          return json(200, { rules: faults.listRules() });
        case "DELETE /faults":
          faults.setRules([]);
          return json(200, { rules: [] });
        case "PUT /latency": {
          const body = (await input()) as Partial<Latency> | undefined;
          const latency = { fixedMs: Number(body?.fixedMs ?? 0), jitterMs: Number(body?.jitterMs ?? 0) };
          if (![latency.fixedMs, latency.jitterMs].every((n) => Number.isInteger(n) && n >= 0))
            throw new Error("fixedMs and jitterMs are non-negative integers");
          faults.setLatency(latency);
          return json(200, latency);
        }
        case "GET /capacity":
          return json(200, { capacity: capacity.get(), ...capacity.snapshot() });
        case "PUT /capacity":
          capacity.set(parseCapacity(await input()));
          return json(200, { capacity: capacity.get(), ...capacity.snapshot() });
        case "DELETE /capacity":
          capacity.set(undefined);
          return json(200, { capacity: null, ...capacity.snapshot() });
        case "GET /settings":
          return json(200, definition.settings?.get() ?? {});
        case "PATCH /settings":
          definition.settings?.set(((await input()) ?? {}) as Record<string, unknown>);
          return json(200, definition.settings?.get() ?? {});
        case "GET /operations":
          return json(
            200,
            definition.contract.operations.map((o) => ({ id: o.id, method: o.method, path: o.template })),
          );
        default:
          return json(404, { message: `no control route ${route}` });
      }
    } catch (error) {
      return json(400, { message: error instanceof Error ? error.message : String(error) });
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  origin = `http://${host}:${address.port}`;

  return {
    origin,
    faults,
    stats,
    capacity,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A fault rule's answer instead of the operation's. */
function answerFault(
  action: Exclude<FaultAction, { kind: "none" }>,
  req: IncomingMessage,
  res: ServerResponse,
  finish: (status: number) => void,
): void {
  switch (action.kind) {
    case "reset":
      finish(0);
      req.socket.destroy();
      return;
    case "hang":
      // Never answers; the socket closes when the client gives up or the server stops.
      res.on("close", () => finish(0));
      return;
    case "malformed":
      finish(200);
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      res.end('{"count": 3, "value": [{"id": "');
      return;
    case "html":
      finish(200);
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end("<!DOCTYPE html><html><body>Sign in</body></html>");
      return;
    case "status":
      finish(action.status);
      return send(res, {
        ...json(action.status, action.body ?? { message: "injected failure" }),
        headers: action.headers,
      });
  }
}

/**
 * A reply as bytes and headers, ready to write: encoded here, within the latency, so that a large
 * answer leaves when its latency is up (a thousand-repository listing written as a string was
 * encoded as it was written, after the wait: the write took 1.3 ms, median of a hundred).
 */
interface Rendered {
  status: number;
  headers: Record<string, string | string[]>;
  payload?: Buffer;
}

function render(reply: Reply): Rendered {
  const headers: Record<string, string | string[]> = { ...reply.headers };
  let payload = reply.raw;
  if (reply.json !== undefined) {
    payload = JSON.stringify(reply.json);
    headers["content-type"] ??= reply.contentType ?? "application/json; charset=utf-8";
  } else if (payload !== undefined && reply.contentType) {
    headers["content-type"] = reply.contentType;
  }
  const bytes = typeof payload === "string" ? Buffer.from(payload) : payload;
  if (bytes !== undefined) headers["content-length"] = String(bytes.byteLength);
  else if (reply.status !== 204 && reply.status !== 304) headers["content-length"] = "0";
  return { status: reply.status, headers, payload: bytes };
}

function write(res: ServerResponse, rendered: Rendered): void {
  res.writeHead(rendered.status, rendered.headers);
  res.end(rendered.payload);
}

const send = (res: ServerResponse, reply: Reply): void => write(res, render(reply));

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Keep reading past the limit only to count; the caller answers 400.
    if (size <= maxBodyBytes + 1) chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** How long a call with time to spare waits for the calls sent a moment after it, before its own work. */
const takeInMs = 1;

/** A wait of `ms`, none when it is not positive. */
const sleep = (ms: number) => new Promise<void>((resolve) => (ms > 0 ? setTimeout(resolve, ms) : resolve()));
