import KeyvRedis from "@keyv/redis";
import { Keyv } from "keyv";
import { BoundedLru } from "./bounded-lru.js";

/**
 * The shared store behind the response cache: keyv over a bounded in-memory map, or over Redis
 * so that replicas share it. A store that fails or is slow is skipped, never waited on for
 * long: the gateway goes on without a cache, says so once, and uses it again once it answers.
 */
export interface CacheStore {
  /** Values are kept as given (in memory), not serialized: a Buffer stays a Buffer. */
  readonly keepsObjects: boolean;
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs?: number): Promise<boolean>;
  close(): Promise<void>;
  /** Whether the store answers now (asked directly, not through the guard that skips it). */
  reachable(): Promise<boolean>;
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
  if (!options.url)
    // In memory, entries are kept as objects: no JSON round trip on every hit; and no timer per
    // operation, since a map answers at once (two timers a warm hit were a tenth of its cost).
    return new GuardedStore(
      new Keyv({
        store: new BoundedLru<unknown>(options.maxEntries, options.maxBytes),
        serialize: undefined,
        deserialize: undefined,
      }),
      options.timeoutMs,
      false,
    );
  const redis = new KeyvRedis(
    {
      url: options.url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: options.timeoutMs * 10,
        reconnectStrategy: (retries: number) => Math.min(100 * (retries + 1), 2_000),
      },
    },
    { throwOnConnectError: false, throwOnErrors: true },
  );
  const store = new GuardedStore(
    new Keyv({ store: redis, throwOnErrors: true, useKeyPrefix: false }),
    options.timeoutMs,
  );
  const connected = await Promise.race([
    redis.getClient().then(
      () => true,
      () => false,
    ),
    sleep(options.timeoutMs * 30).then(() => false),
  ]);
  if (!connected) console.warn("cache store unavailable at start: going on without a cache until it answers");
  return store;
}

/** A store whose failures and slowness cost a skipped cache, never an error; it says so once, and once again when back. */
class GuardedStore implements CacheStore {
  private skipUntil = 0;
  private down = false;

  constructor(
    private readonly keyv: Keyv,
    private readonly timeoutMs: number,
    /** Across the network, where an operation may hang: each one is given `timeoutMs`. */
    private readonly remote = true,
  ) {
    keyv.on("error", () => undefined);
  }

  /** In memory, values are kept as given; across the network, serialized. */
  get keepsObjects(): boolean {
    return !this.remote;
  }

  get<T>(key: string): Promise<T | undefined> {
    return this.guarded(() => this.keyv.get<T>(key), undefined);
  }

  set(key: string, value: unknown, ttlMs?: number): Promise<boolean> {
    return this.guarded(() => this.keyv.set(key, value, ttlMs), false);
  }

  async close(): Promise<void> {
    await this.keyv.disconnect().catch(() => undefined);
  }

  async reachable(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const tooSlow = new Promise<boolean>(
      (resolve) => (timer = setTimeout(() => resolve(false), this.timeoutMs * 10)),
    );
    const answered = this.keyv.get("ready-probe").then(
      () => true,
      () => false,
    );
    const result = await Promise.race([answered, tooSlow]);
    clearTimeout(timer);
    return result;
  }

  private async guarded<T>(operation: () => Promise<T>, fallback: T): Promise<T> {
    if (Date.now() < this.skipUntil) return fallback;
    let timer: NodeJS.Timeout | undefined;
    const tooSlow = () =>
      new Promise<never>(
        (_, reject) => (timer = setTimeout(() => reject(new Error("cache store too slow")), this.timeoutMs)),
      );
    try {
      const result = await (this.remote ? Promise.race([operation(), tooSlow()]) : operation());
      if (this.down) console.warn("cache store reachable again: caching resumes");
      this.down = false;
      return result;
    } catch (error) {
      this.skipUntil = Date.now() + pauseAfterFailureMs;
      if (!this.down)
        console.warn(
          `cache store unavailable (${error instanceof Error ? error.message : "error"}): going on without a cache`,
        );
      this.down = true;
      return fallback;
    } finally {
      clearTimeout(timer);
    }
  }
}
