import { describe, expect, it } from "vitest";
import type { CacheStore } from "../../src/http/cache-store.js";
import type { ResponseCache } from "../../src/http/response-cache.js";
import type { GatewayContext } from "../../src/context/context.js";
import { AnswerCache } from "../../src/server/answer-cache.js";

const storeOf = (kept: Record<string, string>) =>
  ({ get: (key: string) => Promise.resolve(kept[key]) }) as unknown as CacheStore;

describe("AnswerCache.lookup", () => {
  it("says an answer from the store is complete: the store keeps only answers without errors", async () => {
    const answers = new AnswerCache(storeOf({ k: '{"data":{"n":1}}' }), {} as ResponseCache, "t", 1_000);
    expect(await answers.lookup("k")).toEqual({ body: '{"data":{"n":1}}', complete: true });
    expect(await answers.lookup("other")).toBeUndefined();
  });

  it("says an answer shared while in flight may have errors, so it is read for them", async () => {
    const answers = new AnswerCache(storeOf({}), {} as ResponseCache, "t", 1_000);
    const flight = answers.begin("k")!;
    const waiting = answers.lookup("k");
    await new Promise((resolve) => setImmediate(resolve)); // it has found the flight and waits on it
    const body = '{"errors":[{"message":"x","extensions":{"code":"UPSTREAM_UNAVAILABLE"}}],"data":null}';
    answers.finish(flight, body);
    expect(await waiting).toEqual({ body, complete: false });
  });
});

describe("AnswerCache.keep", () => {
  it("keeps a complete answer its time to live, one made of stale entries a second, one with errors not at all", async () => {
    const kept: Array<[string, number | undefined]> = [];
    const store = {
      set: (key: string, _: unknown, ttlMs?: number) => Promise.resolve(kept.push([key, ttlMs]) > 0),
    } as unknown as CacheStore;
    const answers = new AnswerCache(store, {} as ResponseCache, "t", 15_000);
    const context = (staleAgeMs: number) => ({ scope: { staleAgeMs } }) as unknown as GatewayContext;
    const failed = '{"errors":[{"message":"x","extensions":{"code":"UPSTREAM_ERROR"}}],"data":null}';
    await answers.keep(answers.begin("fresh")!, '{"data":{"n":1}}', context(0));
    await answers.keep(answers.begin("stale")!, '{"data":{"n":1}}', context(4_000));
    await answers.keep(answers.begin("stale, failed")!, failed, context(4_000));
    await answers.keep(answers.begin("failed")!, failed, context(0));
    expect(kept).toEqual([
      ["fresh", 15_000],
      ["stale", 1_000],
    ]);
  });
});
