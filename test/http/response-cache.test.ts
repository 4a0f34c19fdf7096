import { describe, expect, it } from "vitest";
import { createCacheStore } from "../../src/http/cache-store.js";
import { RequestScope } from "../../src/http/request-scope.js";
import { ResponseCache } from "../../src/http/response-cache.js";
import { headersOf } from "../../src/http/send-request.js";
import type { UpstreamRequest, UpstreamResponse } from "../../src/http/types.js";

/** Keys per credential: one request acts with one credential per upstream, and each keeps its own entries. */

const ttlMs = { listing: 60_000, refs: 60_000, history: 60_000, immutable: 60_000 };

async function cache() {
  const store = await createCacheStore({ timeoutMs: 100, maxEntries: 100, maxBytes: 1 << 20 });
  return new ResponseCache(store, { ttlMs, revalidateMs: 0, staleIfErrorMs: 0 }, "secret", "test");
}

/** An upstream that answers with the credential it was asked with, and counts its calls. */
function upstream() {
  const asked: string[] = [];
  const fetch = (request: UpstreamRequest): Promise<UpstreamResponse> => {
    asked.push(request.identity ?? request.headers?.authorization ?? "");
    return Promise.resolve({
      status: 200,
      headers: headersOf({ "content-type": "application/json" }),
      body: Buffer.from(JSON.stringify({ for: asked.at(-1) })),
    });
  };
  return { asked, fetch };
}

const read = (identity: string): UpstreamRequest & { cache: "listing" } => ({
  method: "GET",
  url: "http://upstream.test/repositories",
  idempotent: true,
  cache: "listing",
  identity,
});

const answerOf = (response: UpstreamResponse) => JSON.parse(response.body.toString("utf8")) as unknown;

describe("response cache keys", () => {
  it("keep two credentials of one request apart, and each finds its own entry in the next request", async () => {
    const responses = await cache();
    const { asked, fetch } = upstream();
    const first = RequestScope.create();
    expect(answerOf(await responses.send("Azure DevOps", read("alice"), first, fetch))).toEqual({
      for: "alice",
    });
    expect(answerOf(await responses.send("Azure DevOps", read("bob"), first, fetch))).toEqual({ for: "bob" });
    expect(asked).toEqual(["alice", "bob"]);

    const next = RequestScope.create();
    expect(answerOf(await responses.send("Azure DevOps", read("bob"), next, fetch))).toEqual({ for: "bob" });
    expect(answerOf(await responses.send("Azure DevOps", read("alice"), next, fetch))).toEqual({
      for: "alice",
    });
    expect(asked).toEqual(["alice", "bob"]);
  });
});
