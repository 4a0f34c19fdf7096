import { createClient } from "@redis/client";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";

export interface RateLimitOptions {
  /** Requests one caller may make per window; 0 turns limiting off. */
  points: number;
  windowSeconds: number;
  /** Redis shared by the replicas (CACHE_URL); in memory, per process, without it. */
  redisUrl?: string;
  namespace: string;
}

export interface RateLimit {
  /** Counts a request; the seconds to wait when the caller is past its limit, else undefined. */
  take(callerId: string): Promise<number | undefined>;
  close(): Promise<void>;
}

/**
 * Requests per caller per window, through rate-limiter-flexible: in Redis when replicas share one
 * (atomic there), with a per-process limiter standing in while Redis cannot be reached.
 */
export async function createRateLimit(options: RateLimitOptions): Promise<RateLimit> {
  const { points, windowSeconds: duration } = options;
  const memory = new RateLimiterMemory({ points, duration, keyPrefix: options.namespace });
  let limiter: RateLimiterAbstract = memory;
  let client: ReturnType<typeof createClient> | undefined;
  if (options.redisUrl && points > 0) {
    client = createClient({
      url: options.redisUrl,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: 1_000,
        reconnectStrategy: (retries: number) => Math.min(100 * (retries + 1), 2_000),
      },
    });
    client.on("error", () => undefined); // the insurance limiter answers meanwhile
    await client.connect().catch(() => undefined);
    limiter = new RateLimiterRedis({
      storeClient: client,
      useRedisPackage: true,
      points,
      duration,
      keyPrefix: `${options.namespace}:rate`,
      insuranceLimiter: memory,
    });
  }
  return {
    async take(callerId) {
      if (points <= 0) return undefined;
      try {
        await limiter.consume(callerId);
        return undefined;
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        return undefined; // a limiter that failed (both stores) lets the request through
      }
    },
    async close() {
      if (client?.isOpen) await client.quit().catch(() => undefined);
    },
  };
}
