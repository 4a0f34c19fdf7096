import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { UpstreamError } from "../../src/http/upstream-error.js";
import { RequestScope } from "../../src/http/request-scope.js";
import { UpstreamHttp } from "../../src/http/upstream-http.js";

/** One upstream's way out, against a server of the test's own that hangs or answers as told. */
let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function upstream(
  answer: (url: string) => string /* or "hang" */,
): Promise<{ url: string; asked: string[] }> {
  const asked: string[] = [];
  server = createServer((req, res) => {
    asked.push(req.url!);
    const body = answer(req.url!);
    if (body !== "hang") res.end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked };
}

const http = (options: Partial<ConstructorParameters<typeof UpstreamHttp>[1]> = {}) =>
  new UpstreamHttp("SCM-Manager", {
    timeoutMs: 200,
    maxResponseBytes: 1_000,
    concurrency: { floor: 1, ceiling: 1 },
    maxWaiting: 10,
    retries: 0,
    breaker: { failures: 1, cooldownMs: 60_000 },
    ...options,
  });
const get = (url: string) => ({ method: "GET", url, headers: {}, idempotent: true }) as const;

describe("the way out to an upstream", () => {
  it("turns away the calls that queued before its breaker opened, without asking the failing upstream", async () => {
    const { url, asked } = await upstream(() => "hang");
    const way = http();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, (_, n) => way.send(get(`${url}/${n}`))),
    );
    server!.closeAllConnections();
    expect(asked).toEqual(["/0"]);
    expect(
      outcomes.map((o) => (o.status === "rejected" ? (o.reason as UpstreamError).kind : "answered")),
    ).toEqual(["TIMEOUT", "UNAVAILABLE", "UNAVAILABLE", "UNAVAILABLE", "UNAVAILABLE"]);
    expect(way.breaker.state).toBe("open");
  });

  it("closes its breaker when the probe is answered, even with an answer too large to read", async () => {
    let hang = true;
    const { url } = await upstream(() => (hang ? "hang" : "x".repeat(2_000)));
    const way = http({ breaker: { failures: 1, cooldownMs: 100 } });
    await expect(way.send(get(url))).rejects.toMatchObject({ kind: "TIMEOUT" });
    server!.closeAllConnections();
    hang = false;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(way.breaker.state).toBe("half-open");
    await expect(way.send(get(url))).rejects.toMatchObject({ kind: "TOO_LARGE" });
    expect(way.breaker.state).toBe("closed");
    expect(way.breaker.allows()).toBe(true);
  });

  it("gives no verdict on the upstream for a call its request's deadline cut short", async () => {
    const { url } = await upstream(() => "hang");
    const way = http({ timeoutMs: 5_000 });
    const scope = RequestScope.create(Number.POSITIVE_INFINITY, 150);
    await expect(way.send(get(url), scope)).rejects.toMatchObject({ kind: "TIMEOUT" });
    server!.closeAllConnections();
    expect(way.breaker.state).toBe("closed");
  });
});
