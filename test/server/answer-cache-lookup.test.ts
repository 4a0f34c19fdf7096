import { describe, expect, it } from "vitest";
import type { CacheStore } from "../../src/http/cache-store.js";
import type { ResponseCache } from "../../src/http/response-cache.js";
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
