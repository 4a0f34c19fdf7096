import type { IncomingHttpHeaders } from "node:http";
import { request, type Dispatcher } from "undici";
import type { AnswerHeaders } from "./types.js";

/** What came back from one HTTP exchange, before the gateway reads its body. */
export interface Exchange {
  status: number;
  headers: AnswerHeaders;
  /** How many bytes the answer says it has, when it says. */
  declaredLength?: number;
  body: AsyncIterable<Uint8Array>;
  /** Lets go of a body that will not be read. */
  discard(): void;
}

/**
 * One exchange through undici's `request` (no redirect followed): about a third of the gateway's
 * CPU on a cold overview went to Node's `fetch` machinery (WHATWG streams, Request and Response
 * objects) around the same undici underneath. A timeout rejects with the signal's reason.
 */
export async function sendRequest(
  url: string,
  options: {
    method: string;
    headers?: Record<string, string>;
    body?: string;
    signal: AbortSignal;
    dispatcher?: Dispatcher;
  },
): Promise<Exchange> {
  const answer = await request(url, {
    method: options.method,
    headers: options.headers,
    body: options.body,
    signal: options.signal,
    ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
  });
  const length = answer.headers["content-length"];
  return {
    status: answer.statusCode,
    headers: headersOf(answer.headers),
    declaredLength: typeof length === "string" ? Number(length) : undefined,
    body: answer.body,
    // Destroyed unread, undici's body reports an abort: nobody is left to hear it.
    discard: () => answer.body.once("error", () => undefined).destroy(),
  };
}

/**
 * Headers as parsed (names lower-cased), read where they are: a WHATWG `Headers` filled per call
 * checked and sorted every name and value again (about 2 % of the gateway's CPU on a cold overview
 * of 288 calls), for the three or four the gateway ever reads. Read as `Headers.get` reads them:
 * values without the whitespace around them (an ETag sent back with a trailing space would not
 * match), several joined by ", ", strings only (a record's prototype has a "constructor"; a
 * cached entry read back from Redis is whatever the store gave).
 */
export function headersOf(parsed: IncomingHttpHeaders | undefined): AnswerHeaders {
  return {
    get(name) {
      const value: unknown = parsed?.[name.toLowerCase()];
      if (typeof value === "string") return trimmed(value);
      return Array.isArray(value) ? value.map(trimmed).join(", ") : null;
    },
  };
}

/** Without HTTP's whitespace (tab, space, CR, LF) at either end, as `Headers` normalizes a value. */
const trimmed = (value: string) => value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
