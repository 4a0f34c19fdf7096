import { createServer, type Server } from "node:http";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { Agent, MockAgent, getGlobalDispatcher, setGlobalDispatcher } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { AnswerTooLarge, headersOf, sendRequest, timeoutName } from "../../src/http/send-request.js";

let server: Server | undefined;
afterEach(
  () =>
    new Promise<void>((resolve) => {
      server?.closeAllConnections();
      return server ? server.close(() => resolve()) : resolve();
    }),
);

/** A server of the test's own on a free port; its URL. */
async function serve(handle: Parameters<typeof createServer>[1]): Promise<string> {
  server = createServer(handle);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

const get = { method: "GET", timeoutMs: 5_000, maxBytes: 1_000 };

describe("one exchange with an upstream", () => {
  it("reads the answer's headers by name in any case, several values of one name joined as Headers joins them", async () => {
    const url = await serve((_req, res) => {
      res.setHeader("ETag", '"v1"');
      res.setHeader("X-Ms-ContinuationToken", "next");
      res.setHeader("Link", ["<a>; rel=first", "<b>; rel=next"]);
      res.setHeader("Location", "/repositories/42 \t");
      res.end("{}");
    });

    const answer = await sendRequest(url, get);

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
    expect(answer.body.toString()).toBe("{}");
  });

  it("sends the method, path, query, headers and body asked, and reads the whole answer as it comes in pieces", async () => {
    let asked = "";
    const url = await serve((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        asked = `${req.method} ${req.url} ${String(req.headers["x-one"])} ${body}`;
        res.write("[1,");
        setTimeout(() => res.end("2]"), 20);
      });
    });
    const answer = await sendRequest(`${url}a%20b/c?x=1&y=%2F`, {
      ...get,
      method: "POST",
      headers: { "x-one": "1", "content-type": "application/json" },
      body: '{"a":1}',
    });
    expect(asked).toBe('POST /a%20b/c?x=1&y=%2F 1 {"a":1}');
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe("[1,2]");
  });

  it("reads past an informational answer to the answer itself", async () => {
    const raw = createNetServer((socket) =>
      socket.once("data", () =>
        socket.end(
          "HTTP/1.1 103 Early Hints\r\ncontent-length: 99999\r\nlink: </a>\r\n\r\n" +
            'HTTP/1.1 200 OK\r\ncontent-length: 2\r\netag: "v2"\r\n\r\nok',
        ),
      ),
    );
    await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
    try {
      const answer = await sendRequest(`http://127.0.0.1:${(raw.address() as AddressInfo).port}/`, get);
      expect([answer.status, answer.body.toString(), answer.headers.get("etag")]).toEqual([
        200,
        "ok",
        '"v2"',
      ]);
      expect(answer.headers.get("link")).toBeNull();
    } finally {
      raw.close();
    }
  });

  it("refuses an answer larger than allowed, declared or as it comes, with its status, and lets go of its connection", async () => {
    const closed: string[] = [];
    const url = await serve((req, res) => {
      req.socket.once("close", () => closed.push(req.url!));
      if (req.url === "/declared") return res.writeHead(404, { "content-length": 1_001 }).write("x");
      res.writeHead(200);
      res.write("x".repeat(600));
      setTimeout(() => res.write("x".repeat(600)), 20);
    });
    for (const [path, status] of [
      ["declared", 404],
      ["streamed", 200],
    ] as const) {
      const refusal = await sendRequest(`${url}${path}`, get).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(AnswerTooLarge);
      expect((refusal as AnswerTooLarge).status).toBe(status);
      await expect.poll(() => closed).toContain(`/${path}`);
    }
  });

  it("ends an exchange past its time, waiting for its answer or for a connection, and lets go of its connection", async () => {
    const asked: string[] = [];
    let closed = 0;
    const url = await serve((req) => {
      asked.push(req.url!);
      req.socket.once("close", () => (closed += 1));
    });
    const oneConnection = new Agent({ connections: 1 });
    const timedOut = (error: unknown) => error instanceof DOMException && error.name === timeoutName;
    const failure = (call: Promise<unknown>) => call.catch((error: unknown) => error);
    const answering = failure(
      sendRequest(`${url}first`, { ...get, timeoutMs: 1_000, dispatcher: oneConnection }),
    );
    // The first holds the one connection before the second is sent: no race with a busy machine.
    await expect.poll(() => asked).toEqual(["/first"]);
    const waiting = failure(
      sendRequest(`${url}second`, { ...get, timeoutMs: 50, dispatcher: oneConnection }),
    );
    // The second ends at its time, though it never had the connection; the first at its own.
    expect(timedOut(await waiting)).toBe(true);
    expect(asked).toEqual(["/first"]);
    expect(timedOut(await answering)).toBe(true);
    await expect.poll(() => closed).toBe(1);
    // Given the connection afterwards, the second goes no further than that.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(asked).toEqual(["/first"]);
    await oneConnection.close();
  });

  it("goes through connections of its own, whatever dispatcher the process has set globally", async () => {
    const url = await serve((_req, res) => res.end("ok"));
    const previous = getGlobalDispatcher();
    const nothingGoesOut = new MockAgent();
    nothingGoesOut.disableNetConnect();
    // As Node's own fetch, used first in a process, sets one that knows no handler of this kind.
    setGlobalDispatcher(nothingGoesOut);
    try {
      expect((await sendRequest(url, get)).body.toString()).toBe("ok");
    } finally {
      setGlobalDispatcher(previous);
    }
  });

  it("fails on a connection refused, and not as a timeout", async () => {
    const url = await serve(() => undefined);
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const refused = await sendRequest(url, get).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).name).not.toBe(timeoutName);
  });

  it("reads a cached entry's headers the same way, an entry read back without any as empty", () => {
    expect(headersOf({ etag: ' "v1" ' }).get("ETag")).toBe('"v1"');
    expect(headersOf(undefined).get("etag")).toBeNull();
    expect(headersOf({}).get("toString")).toBeNull();
  });
});
