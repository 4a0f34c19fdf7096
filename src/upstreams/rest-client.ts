import type { RequestScope } from "../http/request-scope.js";
import type { CacheKind, UpstreamName, UpstreamRequest, UpstreamResponse } from "../http/types.js";
import { UpstreamError } from "../http/upstream-error.js";
import type { UpstreamHttp } from "../http/upstream-http.js";
import type { Contracts } from "./contracts.js";
import { parseJson } from "./parsed-answers.js";
import { buildPath, buildQuery, type QueryValues } from "./path.js";

type Method = UpstreamRequest["method"];

export interface CallOptions {
  query?: QueryValues;
  body?: unknown;
  accept?: string;
  headers?: Record<string, string>;
  /** What a read is, for how long the cache keeps it; a read without one is never cached. */
  cache?: CacheKind;
  /** A POST that only reads (GitProtect's reads are POSTs): it may be retried and cached. */
  read?: boolean;
  /** The contract's operation: its JSON answer is checked against what the contract promises. */
  operation?: string;
}

/**
 * The base of every upstream client, in the manner of `@apollo/datasource-rest`: short verbs,
 * one path builder, and hooks for what differs between APIs (credentials, default query
 * parameters, how a refusal reads). Statuses outside 2xx become an `UpstreamError`; a JSON answer
 * that does not parse, or is not what its contract promises, is `MALFORMED`: never data, never cached.
 */
export abstract class RestClient {
  protected abstract readonly upstream: UpstreamName;
  /** Answers already parsed and checked (the cache checks an answer before keeping it). */
  private readonly checked = new WeakMap<UpstreamResponse, unknown>();

  constructor(
    private readonly http: UpstreamHttp,
    private readonly baseUrl: string,
    /** The GraphQL request's cache scope; reads are cached only with one. */
    private readonly scope?: RequestScope,
    private readonly contracts?: Contracts,
  ) {}

  protected get<T>(path: readonly string[], options: CallOptions = {}): Promise<T> {
    return this.json<T>("GET", path, options);
  }

  protected post<T>(path: readonly string[], options: CallOptions = {}): Promise<T> {
    return this.json<T>("POST", path, options);
  }

  protected put<T>(path: readonly string[], options: CallOptions = {}): Promise<T> {
    return this.json<T>("PUT", path, options);
  }

  protected patch<T>(path: readonly string[], options: CallOptions = {}): Promise<T> {
    return this.json<T>("PATCH", path, options);
  }

  protected delete(path: readonly string[], options: CallOptions = {}): Promise<void> {
    return this.perform("DELETE", path, options);
  }

  /** A write whose answer carries nothing the gateway reads: only its status is checked. */
  protected async perform(method: Method, path: readonly string[], options: CallOptions = {}): Promise<void> {
    await this.send(method, path, options);
  }

  /** The whole answer, its status checked: for bytes and headers. */
  protected async send(method: Method, path: readonly string[], options: CallOptions = {}) {
    const response = await this.request(this.build(method, path, options));
    const error = this.errorFor(response);
    if (error) throw error;
    return response;
  }

  /** The call itself; a client may wrap it (GitProtect signs in again once on a 401). */
  protected request(request: UpstreamRequest): Promise<UpstreamResponse> {
    return this.http.send(request, this.scope);
  }

  /** Credentials of the call: headers, or headers resolved only when the call is made. */
  protected authorize(
    _path: readonly string[],
  ): Pick<UpstreamRequest, "headers" | "lazyHeaders" | "identity"> {
    return {};
  }

  /** Parameters every call to this path carries (Azure DevOps's `api-version`). */
  protected defaultQuery(_path: readonly string[]): QueryValues {
    return {};
  }

  /** The error an answer stands for, or undefined when it is an answer. */
  protected errorFor(response: UpstreamResponse): UpstreamError | undefined {
    if (response.status >= 200 && response.status < 300) return undefined;
    return UpstreamError.fromStatus(this.upstream, response.status, this.reasonOf(response));
  }

  /** A short, safe reason from a refusal's body; never the body itself. */
  protected reasonOf(_response: UpstreamResponse): string | undefined {
    return undefined;
  }

  private build(method: Method, path: readonly string[], options: CallOptions): UpstreamRequest {
    const url =
      this.baseUrl +
      buildPath(this.upstream, path) +
      buildQuery({ ...options.query, ...this.defaultQuery(path) });
    const auth = this.authorize(path);
    return {
      method,
      url,
      headers: {
        accept: options.accept ?? "application/json",
        ...(options.body !== undefined ? { "content-type": "application/json" } : {}),
        ...auth.headers,
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      idempotent: method === "GET" || options.read === true,
      cache: options.cache,
      operation: options.operation ?? method.toLowerCase(),
      ...(auth.identity ? { identity: auth.identity } : {}),
      ...(auth.lazyHeaders ? { lazyHeaders: auth.lazyHeaders } : {}),
      ...(options.operation
        ? { keep: (response) => this.keepable(response, options.operation!, options.cache !== undefined) }
        : {}),
    };
  }

  /** Refusals are kept as they are; answers only when they are what the contract promises. */
  private keepable(response: UpstreamResponse, operation: string, shared: boolean): boolean {
    if (response.status < 200 || response.status >= 300) return true;
    try {
      this.parse(response, operation, shared);
      return true;
    } catch {
      return false;
    }
  }

  private async json<T>(method: Method, path: readonly string[], options: CallOptions): Promise<T> {
    const response = await this.send(method, path, options);
    const isRead = method === "GET" || options.read === true;
    // Writes may answer nothing (204, or an empty 200); a read that answers nothing is malformed.
    if (!isRead && response.body.length === 0) return undefined as T;
    return this.parse<T>(response, options.operation, options.cache !== undefined);
  }

  /**
   * A JSON answer parsed and checked; anything else where JSON was due is malformed, not data. A
   * cacheable read's value (`shared`) is the one every request given the same bytes gets, frozen.
   */
  protected parse<T>(response: UpstreamResponse, operation?: string, shared = false): T {
    if (this.checked.has(response)) return this.checked.get(response) as T;
    if (!(response.headers.get("content-type") ?? "").includes("json"))
      throw new UpstreamError(this.upstream, "MALFORMED", response.status);
    const checked =
      operation && this.contracts
        ? this.contracts.read(this.upstream, operation, response.status, response.body, shared)
        : parseJson(response.body.toString("utf8"));
    if (!checked.ok) throw new UpstreamError(this.upstream, "MALFORMED", response.status, checked.problem);
    this.checked.set(response, checked.value);
    return checked.value as T;
  }
}
