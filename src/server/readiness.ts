import type { CircuitBreaker } from "../http/circuit-breaker.js";
import type { CacheStore } from "../http/cache-store.js";
import type { UpstreamName } from "../http/types.js";
import type { Dispatcher } from "undici";
import { AnswerTooLarge, sendRequest } from "../http/send-request.js";

export interface ReadinessSources {
  /** The shared store, when Redis is configured (the in-memory one is always there). */
  redis?: CacheStore;
  /** Each configured upstream, its breaker, and the proxy it is reached through, if any. */
  upstreams: Array<{ name: UpstreamName; url: string; breaker: CircuitBreaker; dispatcher?: Dispatcher }>;
}

type CacheCheck = "memory" | "reachable" | "unreachable";

interface Readiness {
  ready: boolean;
  cache: CacheCheck;
  upstreams: Record<string, { answering: boolean; breaker: CircuitBreaker["state"] }>;
}

/** Checks are remembered this long: a load balancer polling every second asks each upstream seldom. */
const rememberMs = 5_000;
const probeTimeoutMs = 2_000;
/** A probe's answer is read no further: whether the upstream answers is all it asks. */
const maxBytes = 64 * 1024;

/**
 * `/ready`, apart from `/health` (alive): ready when Redis (if configured) answers and each
 * configured upstream answers HTTP at its base URL (any status below 500; no credentials sent)
 * with its breaker not open. The answer names upstreams, never their URLs. Once the gateway is
 * stopping, Fastify answers 503 to every request itself, this one included.
 */
export function readiness(sources: ReadinessSources): () => Promise<Readiness> {
  let remembered: { at: number; answer: Promise<Readiness> } | undefined;
  return () => {
    if (!remembered || Date.now() - remembered.at > rememberMs)
      remembered = { at: Date.now(), answer: check(sources) };
    return remembered.answer;
  };
}

async function check(sources: ReadinessSources): Promise<Readiness> {
  const [cache, answering] = await Promise.all([
    sources.redis
      ? sources.redis.reachable().then((up): CacheCheck => (up ? "reachable" : "unreachable"))
      : ("memory" as const),
    Promise.all(sources.upstreams.map(({ url, dispatcher }) => answers(url, dispatcher))),
  ]);
  const upstreams = Object.fromEntries(
    sources.upstreams.map(({ name, breaker }, i) => [
      name,
      { answering: answering[i]!, breaker: breaker.state },
    ]),
  );
  const ready =
    cache !== "unreachable" && Object.values(upstreams).every((u) => u.answering && u.breaker !== "open");
  return { ready, cache, upstreams };
}

async function answers(url: string, dispatcher?: Dispatcher): Promise<boolean> {
  try {
    const answer = await sendRequest(url, { method: "GET", timeoutMs: probeTimeoutMs, maxBytes, dispatcher });
    return answer.status < 500;
  } catch (error) {
    // An answer too large to read is an answer all the same.
    return error instanceof AnswerTooLarge && error.status < 500;
  }
}
