import { request as httpRequest } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CacheStore } from "../../src/http/cache-store.js";
import type { ResponseCache } from "../../src/http/response-cache.js";
import { AnswerCache } from "../../src/server/answer-cache.js";
import { startHarness, type Harness } from "../support/gateway.js";

/** Answers compressed per Accept-Encoding; kept answers compressed once, not on every hit. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** The raw exchange, bytes as sent (fetch would decompress them out of sight). */
function raw(path: string, acceptEncoding: string, body?: unknown) {
  return new Promise<{ headers: Record<string, string | string[] | undefined>; bytes: Buffer }>(
    (resolve, reject) => {
      const url = new URL(path, h.gateway.url);
      const outgoing = httpRequest(
        url,
        {
          method: body ? "POST" : "GET",
          headers: {
            "accept-encoding": acceptEncoding,
            ...(body ? { "content-type": "application/json" } : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ headers: response.headers, bytes: Buffer.concat(chunks) }));
        },
      );
      outgoing.on("error", reject);
      outgoing.end(body ? JSON.stringify(body) : undefined);
    },
  );
}

const large = {
  query: `{ repositories(first: 100) { nodes { name host cloneUrl defaultBranch { name } } } }`,
};
const lookups = async (result: string) => {
  const text = await (await fetch(new URL("/metrics", h.gateway.url))).text();
  const line = text
    .split("\n")
    .find((l) => l.startsWith(`gateway_cache_lookups_total{cache="compressed_answers",result="${result}"}`));
  return Number(line?.split(" ")[1] ?? 0);
};

describe("compression", () => {
  it("answers in brotli or gzip as the client prefers, the same JSON, much smaller", async () => {
    const plain = await raw("/graphql", "identity", large);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const br = await raw("/graphql", "gzip;q=0.5, br", large);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(br.bytes).toString()).toBe(plain.bytes.toString());
    expect(br.bytes.length).toBeLessThan(plain.bytes.length / 3);
    const gz = await raw("/graphql", "br;q=0, gzip", large);
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.bytes).toString()).toBe(plain.bytes.toString());
  });

  it("prefers brotli where the client weighs both alike, whatever order it lists them in", async () => {
    // As browsers ask: gzip listed first, no weights.
    const browser = await raw("/graphql", "gzip, deflate, br, zstd", large);
    expect(browser.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(browser.bytes).toString()).toBe(
      (await raw("/graphql", "identity", large)).bytes.toString(),
    );
    const weighed = await raw("/graphql", "gzip;q=1, br;q=0.8", large);
    expect(weighed.headers["content-encoding"]).toBe("gzip");
  });

  it("leaves a small answer as it is", async () => {
    const small = await raw("/graphql", "br, gzip", { query: "{ __typename }" });
    expect(small.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(small.bytes.toString())).toEqual({ data: { __typename: "Query" } });
  });

  it("compresses a kept answer once: later hits send the same bytes without compressing again", async () => {
    const query = { query: large.query.replace("nodes {", "totalCount nodes {") };
    await raw("/graphql", "br", query); // computes and keeps the answer
    const [missesBefore, hitsBefore] = [await lookups("miss"), await lookups("hit")];
    const first = await raw("/graphql", "br", query);
    const second = await raw("/graphql", "br", query);
    expect(first.headers).toMatchObject({ "x-gateway-cache": "hit", "content-encoding": "br" });
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(await lookups("miss")).toBe(missesBefore + 1);
    expect(await lookups("hit")).toBe(hitsBefore + 1);
  });

  it("serves GraphiQL's scripts compressed", async () => {
    const script = await raw("/graphiql/assets/graphiql.js", "br");
    expect(script.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(script.bytes).length).toBeGreaterThan(script.bytes.length * 3);
  });

  it("never sends the compressed bytes of another answer kept under the same key", async () => {
    const answers = new AnswerCache({} as CacheStore, {} as ResponseCache, "test", 1_000);
    const [before, after] = ['{"data":{"n":1}}', '{"data":{"n":2}}'];
    const first = await answers.compressed("key", "gzip", before);
    const second = await answers.compressed("key", "gzip", after);
    expect(gunzipSync(second.bytes).toString()).toBe(after);
    expect([first.reused, second.reused]).toEqual([false, false]);
  });

  it("keeps a small answer's compressed bytes without the larger buffer zlib made them in", async () => {
    const answers = new AnswerCache({} as CacheStore, {} as ResponseCache, "test", 1_000);
    for (const encoding of ["br", "gzip"] as const) {
      const { bytes } = await answers.compressed("key", encoding, '{"data":{"n":1}}');
      expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
    }
  });

  it("keeps CORS's Vary: Origin beside Accept-Encoding", async () => {
    const cors = await startHarness({ env: { CORS_ORIGINS: "https://app.example.com" } });
    try {
      const response = await fetch(cors.gateway.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: "https://app.example.com",
          "accept-encoding": "br",
        },
        body: JSON.stringify(large),
      });
      expect(response.headers.get("vary")?.toLowerCase()).toMatch(/origin.*accept-encoding/);
    } finally {
      await cors.close();
    }
  });
});
