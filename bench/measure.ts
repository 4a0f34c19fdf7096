import { request } from "undici";
import { readdirSync, readFileSync } from "node:fs";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

export interface LatencySummary {
  samples: number;
  p50: number;
  p95: number;
  p99: number;
}

export function summarize(durationsMs: number[]): LatencySummary {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { samples: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

export interface GraphQLResult {
  errors?: unknown[];
  data?: unknown;
}

/**
 * A request's body, its operation named as clients name them: the gateway's metrics tell the
 * operations apart by it, and the same question asked once and under load is the same body (an
 * answer cache that keys on the name must see one question, not two).
 */
const requestBody = (query: string, variables?: Record<string, unknown>) =>
  JSON.stringify({ query, variables, operationName: /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] });

/** The answer's bytes as sent before `content-encoding` was applied. */
function decoded(bytes: Buffer, encoding: string | string[] | undefined): Buffer {
  switch (encoding ?? "identity") {
    case "br":
      return brotliDecompressSync(bytes);
    case "gzip":
      return gunzipSync(bytes);
    case "identity":
      return bytes;
    default:
      throw new Error(`an answer in an encoding not asked for: ${String(encoding)}`);
  }
}

/**
 * One GraphQL request over HTTP, with the caller's `headers`; its duration in milliseconds and
 * whether it had errors. The client accepts gzip and brotli, as browsers over HTTPS do, and the
 * duration ends when the whole answer has arrived and is decompressed; parsing it is the client's
 * time, not the server's (a 400 KB answer parsed here, beside the simulators, is a few ms).
 * undici's `request` rather than `fetch`: fetch's streams cost the client, on the cores the
 * gateway uses too, 1.1-1.5 ms per small answer (thirty cold walk pages and repository pages each,
 * asked both ways by turns), and took 6.6 ms after the last byte of the 400 KB blame.
 */
export async function timed(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ ms: number; errors: number; body: GraphQLResult }> {
  const started = performance.now();
  const response = await request(url, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json", "accept-encoding": "gzip, br" },
    body: requestBody(query, variables),
  });
  const bytes = Buffer.from(await response.body.arrayBuffer());
  const text = decoded(bytes, response.headers["content-encoding"]).toString("utf8");
  const ms = performance.now() - started;
  const body = JSON.parse(text) as GraphQLResult;
  const ok = response.statusCode >= 200 && response.statusCode < 300;
  return { ms, errors: body.errors?.length ?? (ok ? 0 : 1), body };
}

/**
 * Unmeasured passes over every question before any is measured, as a benchmark warms up: the
 * simulated hosts read git once per object and keep it (a real server's caches are warm too), the
 * processes have compiled their hot code, and a running gateway has found its upstreams' capacity
 * (its adaptive limit starts at 16 calls). Even, so that a write asked by turns (attach, detach)
 * leaves the world as it found it.
 */
export const primingPasses = 4;

/**
 * Requests per second at a concurrency, over a fixed time, and the errors seen (any status but 200).
 * The load client accepts gzip and brotli (as browsers over HTTPS do) and reads each answer's bytes
 * without decompressing or parsing them: the figure is what the gateway serves, not what a client
 * on the same two cores can parse (a 245 KB overview parsed per answer held the client at its limit).
 */
export async function throughput(
  url: string,
  query: string,
  variables: Record<string, unknown> | undefined,
  concurrency: number,
  durationMs: number,
  headers: Record<string, string> = {},
): Promise<{ rps: number; errors: number }> {
  const deadline = performance.now() + durationMs;
  const body = requestBody(query, variables);
  let done = 0;
  let errors = 0;
  const ask = async () => {
    const answer = await request(url, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json", "accept-encoding": "gzip, br" },
      body,
    });
    await answer.body.arrayBuffer();
    return answer.statusCode === 200 ? 0 : 1;
  };
  const worker = async () => {
    while (performance.now() < deadline) {
      errors += await ask().catch(() => 1);
      done += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { rps: done / ((performance.now() - started) / 1000), errors };
}

/** Peak resident memory of a process since it started (Linux: VmHWM), in megabytes. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return Math.round(kb / 102.4) / 10;
}

/**
 * CPU time a process has had so far, all its threads (garbage collection's helpers too), in
 * milliseconds: the scheduler's own count, to the nanosecond, read from outside the process so
 * that reading it costs the process nothing. A thread that ended since is no longer counted.
 */
export function cpuMs(pid: number): number {
  let ns = 0;
  for (const thread of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${thread}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // It ended between the listing and the read.
    }
  }
  return ns / 1e6;
}

/** CPU time this process (the simulators and the client) has had so far, in milliseconds. */
export const ownCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** The middle value; NaN for none. */
export const median = (values: number[]) => summarize(values).p50;
