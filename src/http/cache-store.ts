import KeyvRedis from "@keyv/redis";
import { Keyv } from "keyv";
import { BoundedLru } from "./bounded-lru.js";

/**
 * The shared store behind the response cache: keyv over a bounded in-memory map, or over Redis
 * so that replicas share it. A store that fails or is slow is skipped, never waited on for
 * long: the gateway goes on without a cache, says so once, and uses it again once it answers.
 */
export interface CacheStore {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface CacheStoreOptions {
  url?: string;
  /** Longest wait for one store operation. */
  timeoutMs: number;
  maxEntries: number;
  maxBytes: number;
}

const pauseAfterFailureMs = 1_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/** With Redis, connects before answering (at most a few seconds): the first request should not pay for it. */
export async function createCacheStore(options: CacheStoreOptions): Promise<CacheStore> {
  const redis = options.url
    ? new KeyvRedis(
        {
          url: options.url,
          disableOfflineQueue: true,
          socket: {
            connectTimeout: options.timeoutMs * 10,
            reconnectStrategy: (retries: number) => Math.min(100 * (retries + 1), 2_000),
          },
        },
        { throwOnConnectError: false, throwOnErrors: true },
      )
    : undefined;
  const keyv = redis
    ? new Keyv({ store: redis, throwOnErrors: true, useKeyPrefix: false })
    : // In memory, entries are kept as objects: no JSON round trip on every hit.
      new Keyv({
        store: new BoundedLru<unknown>(options.maxEntries, options.maxBytes),
        serialize: undefined,
        deserialize: undefined,
      });
  keyv.on("error", () => undefined);
  if (redis) {
    const connected = await Promise.race([
      redis.getClient().then(
        () => true,
        () => false,
      ),
      sleep(options.timeoutMs * 30).then(() => false),
    ]);
    if (!connected)
      console.warn("cache store unavailable at start: going on without a cache until it answers");
  }

  let skipUntil = 0;
  let down = false;
  const guarded = async <T>(operation: () => Promise<T>, fallback: T): Promise<T> => {
    if (Date.now() < skipUntil) return fallback;
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([
        operation(),
        new Promise<never>(
          (_, reject) =>
            (timer = setTimeout(() => reject(new Error("cache store too slow")), options.timeoutMs)),
        ),
      ]);
      if (down) {
        down = false;
        console.warn("cache store reachable again: caching resumes");
      }
      return result;
    } catch (error) {
      skipUntil = Date.now() + pauseAfterFailureMs;
      if (!down) {
        down = true;
        console.warn(
          `cache store unavailable (${error instanceof Error ? error.message : "error"}): going on without a cache`,
        );
      }
      return fallback;
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    get: <T>(key: string) => guarded(() => keyv.get<T>(key), undefined),
    set: (key, value, ttlMs) => guarded(() => keyv.set(key, value, ttlMs), false),
    async close() {
      await keyv.disconnect().catch(() => undefined);
    },
  };
}
