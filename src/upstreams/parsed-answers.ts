import { crc32 } from "node:zlib";
import { BoundedLru } from "../http/bounded-lru.js";
import { deepFreeze } from "./shared-values.js";

/** What a JSON answer turned out to be: its value, or why it is not what was promised. */
export type Checked = { ok: true; value: unknown } | { ok: false; problem?: string };

/**
 * JSON answers parsed and checked once per distinct content, for every request of one gateway.
 * A cold request reads its upstreams again, but most of what they answer is what they answered
 * before (a listing changes when a repository does): parsed anew, a thousand-repository listing
 * was megabytes of objects that outlived a dozen young collections and was copied through each
 * (in a profile of one cold overview, 34 ms of collection in the 60 ms after the listings came).
 *
 * An answer is found by its length and a fingerprint of its ends under what it was checked as, and
 * given only when all its bytes are the very bytes of the call asking (compared, not hashed: a
 * SHA-256 of every answer read 1.7 GB/s, half a millisecond of a cold walk page's CPU, against about 40
 * for the comparison): nothing passes between callers that each did not receive. Two answers alike
 * in length and ends take turns in one place, each then parsed anew as if never kept (a CRC-32 can
 * be matched on purpose: that costs a parse, never a wrong value). Values are frozen whole, since
 * every request that receives the same bytes shares them; only successes are kept. A large answer
 * is parsed each time, neither kept nor shared, so not frozen. What the services make of a kept
 * listing hangs off its value in WeakMaps (repository-index.ts) and goes with it: the heap held can
 * be a few times the count below.
 */
export class ParsedAnswers {
  private readonly kept = new BoundedLru<{ value: unknown; bytes: Uint8Array }>(
    maxEntries,
    maxKeptBytes,
    (entry) => entry.bytes.byteLength * (heapPerByte + 1),
  );

  /** The answer as `check` makes it of the body's text, from the last time the same bytes were checked so when there was one. */
  read(checkedAs: string, body: Buffer, check: (text: string) => Checked): Checked {
    if (body.byteLength > maxAnswerBytes) return check(body.toString("utf8"));
    const key = `${checkedAs} ${body.byteLength} ${fingerprint(body)}`;
    const known = this.kept.get(key);
    if (known && body.equals(known.bytes)) return { ok: true, value: known.value };
    const checked = check(body.toString("utf8"));
    // A copy of its own: a small body is a slice of a pool that is written over once the call is done.
    if (checked.ok) this.kept.set(key, { value: deepFreeze(checked.value), bytes: new Uint8Array(body) });
    return checked;
  }
}

/** A CRC-32 of the first and last 4 KB: where a listing or a record begins and ends. */
function fingerprint(body: Buffer): number {
  const end = 4096;
  if (body.byteLength <= 2 * end) return crc32(body);
  return crc32(body.subarray(-end), crc32(body.subarray(0, end)));
}

/** About the heap one byte of JSON becomes once parsed (objects, strings, their maps). */
const heapPerByte = 4;
/** What is kept in all, as heap and bytes: the answers of a cold overview of the default world, with room. */
const maxKeptBytes = 30 * 1024 * 1024;
/** A bound on the small ones too (a commit's answer is a kilobyte): a blame names a hundred, an overview hundreds. */
const maxEntries = 20_000;
/** An answer larger than this (a listing of thousands of repositories) is parsed each time: kept, it would hold its size for good. */
const maxAnswerBytes = 1024 * 1024;

/** JSON text as a value, or why not. */
export function parseJson(text: string): Checked {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
