import type { FastifyReply } from "fastify";
import type { IncomingHttpHeaders } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from "node:zlib";
import Negotiator from "negotiator";

export type Encoding = "br" | "gzip";

const ours: Encoding[] = ["br", "gzip"];
/** negotiator 1's tie-break by the server's order, which @types/negotiator does not declare yet. */
type WithPreferred = {
  encoding(available: readonly string[], options: { preferred: readonly string[] }): string | undefined;
};

/** Below this, compressing costs more than the bytes it saves. */
const minBytes = 1024;
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * The encoding a client prefers among ours by the q-values of its `Accept-Encoding`, brotli where
 * it weighs both alike (browsers list gzip first without weights: by their order alone, every
 * browser was answered gzip, larger and, past a few KB, slower to make); none for a small body.
 */
export function encodingFor(headers: IncomingHttpHeaders, size: number): Encoding | undefined {
  if (size < minBytes) return undefined;
  const chosen = (new Negotiator({ headers }) as unknown as WithPreferred).encoding(ours, {
    preferred: ours,
  });
  return chosen === "br" || chosen === "gzip" ? chosen : undefined;
}

/** Adds `Accept-Encoding` to `Vary`, keeping what is there (CORS's `Origin`). */
export function varyOnEncoding(reply: FastifyReply): void {
  const current = reply.getHeader("vary");
  const listed = typeof current === "string" ? current : Array.isArray(current) ? current.join(", ") : "";
  if (!/\baccept-encoding\b/i.test(listed))
    reply.header("vary", listed ? `${listed}, Accept-Encoding` : "Accept-Encoding");
}

/**
 * Past this many bytes an answer is compressed in zlib's thread pool, off the event loop; below
 * it, on the loop, where it costs less than the hand-off. Measured at quality 4 before quality 3
 * was chosen: 20 KB took 0.15 ms and 64 KB about 0.5 ms, while the pool added 0.3 ms to any size on
 * an idle machine, and a cold walk page's 20 KB answer took 1.5 ms from the hand-off to its bytes
 * (0.7-0.9 on the loop). Larger ones, such as a blame's 400 KB (3 ms at quality 4), would hold every
 * other request for that long.
 */
const onLoopBelowBytes = 64 * 1024;

/**
 * Brotli at quality 3, a fit for answers made per request (11, its default, is for files
 * compressed once). On the benchmark's answers (walk page, repository page, overview, blame of 20,
 * 7, 246 and 408 KB) it makes bytes within 1-8 % of quality 4's, the walk page and the repository
 * page in 55-70 % of quality 4's time and the blame in 80 % (the overview, which compresses a
 * hundredfold, about as long); in the gateway, between a cold walk page's other work, 0.4 ms
 * against 0.7-0.9.
 */
const brotliOptions = { params: { [constants.BROTLI_PARAM_QUALITY]: 3 } };
const gzipOptions = { level: 6 };

export async function compress(body: string | Buffer, encoding: Encoding): Promise<Buffer> {
  // As bytes, which zlib would make of a string anyway: text outside ASCII is up to three per character.
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  const onLoop = bytes.byteLength < onLoopBelowBytes;
  if (encoding === "br")
    return onLoop ? brotliCompressSync(bytes, brotliOptions) : brotli(bytes, brotliOptions);
  return onLoop ? gzipSync(bytes, gzipOptions) : gzipped(bytes, gzipOptions);
}
