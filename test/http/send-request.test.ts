import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { headersOf, sendRequest } from "../../src/http/send-request.js";

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

describe("one exchange with an upstream", () => {
  it("reads the answer's headers by name in any case, several values of one name joined as Headers joins them", async () => {
    server = createServer((_req, res) => {
      res.setHeader("ETag", '"v1"');
      res.setHeader("X-Ms-ContinuationToken", "next");
      res.setHeader("Link", ["<a>; rel=first", "<b>; rel=next"]);
      res.setHeader("Location", "/repositories/42 \t");
      res.end("{}");
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

    const answer = await sendRequest(url, { method: "GET", signal: new AbortController().signal });
    for await (const _chunk of answer.body) void _chunk;

    const same = new Headers({ link: "<a>; rel=first" });
    same.append("link", "<b>; rel=next");
    expect(answer.headers.get("etag")).toBe('"v1"');
    expect(answer.headers.get("x-ms-continuationtoken")).toBe("next");
    expect(answer.headers.get("X-MS-ContinuationToken")).toBe("next");
    expect(answer.headers.get("link")).toBe(same.get("link"));
    expect(answer.headers.get("location")).toBe(
      new Headers({ location: "/repositories/42 \t" }).get("location"),
    );
    expect(answer.headers.get("content-location")).toBeNull();
    expect(answer.headers.get("constructor")).toBeNull();
    expect(answer.declaredLength).toBe(2);
  });

  it("reads a cached entry's headers the same way, an entry read back without any as empty", () => {
    expect(headersOf({ etag: ' "v1" ' }).get("ETag")).toBe('"v1"');
    expect(headersOf(undefined).get("etag")).toBeNull();
    expect(headersOf({}).get("toString")).toBeNull();
  });
});
