import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startHarness, type Harness } from "../support/gateway.js";

/** What arrives before GraphQL runs: slow, oversized, deeply nested or forged requests are the client's fault, answered fast. */

let h: Harness;
let port: number;

beforeAll(async () => {
  h = await startHarness({ env: { CACHE: "off", REQUEST_TIMEOUT_MS: "1000" } });
  port = Number(new URL(h.gateway.url).port);
});
afterAll(() => h.close());

/** Writes `head` (and `body`) on a raw connection; resolves with what the server answered when it closed. */
function raw(head: string, body = ""): Promise<{ answer: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect(port, "127.0.0.1", () => socket.write(head + body));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString()));
    socket.on("error", reject);
    socket.on("close", () => resolve({ answer, ms: performance.now() - started }));
    socket.setTimeout(15_000, () => socket.destroy());
  });
}

const post = (body: string) =>
  fetch(h.gateway.url, { method: "POST", headers: { "content-type": "application/json" }, body });

describe("requests before GraphQL", () => {
  it("closes a body that does not arrive in time, and refuses a declared size past the limit unread", async () => {
    const slow = await raw(
      "POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n",
      "{",
    );
    // Closed once the time is up (with a 408 where Node still can send one), not held open.
    expect(slow.answer).toMatch(/^$|^HTTP\/1.1 408/);
    expect(slow.ms).toBeGreaterThan(900);
    expect(slow.ms).toBeLessThan(10_000);
    const huge = await raw(
      "POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 10000000\r\nconnection: close\r\n\r\n",
    );
    expect(huge.answer).toMatch(/^HTTP\/1.1 413/);
    expect(huge.answer).toContain("QUERY_TOO_LARGE");
  });

  it("answers a request that arrived in time however long its upstream calls take within the deadline", async () => {
    h.sim.scmManager.faults.setLatency({ fixedMs: 1_500, jitterMs: 0 });
    try {
      const answer = await h.query(`{ repositories(first: 1, host: SCM_MANAGER) { nodes { name } } }`);
      expect(answer.errors).toBeUndefined();
    } finally {
      h.sim.scmManager.faults.setLatency({ fixedMs: 0, jitterMs: 0 });
    }
  });

  it("refuses variables nested deeper than any request needs with 400, in a body or in a URL", async () => {
    const deep = "[".repeat(9_000) + "]".repeat(9_000);
    const body = await post(`{"query":"query($v: Int) { __typename }","variables":{"v":${deep}}}`);
    expect(body.status).toBe(400);
    const url = `${h.gateway.url}?query=${encodeURIComponent("{ __typename }")}&variables=${encodeURIComponent(`{"v":${"[".repeat(100)}${"]".repeat(100)}}`)}`;
    const get = await fetch(url, { headers: { "apollo-require-preflight": "1" } });
    expect(get.status).toBe(400);
  });

  it("answers a forged persisted-query hash as the client's fault, without a log line", async () => {
    const errors = vi.spyOn(console, "error");
    try {
      const answer = await post(
        JSON.stringify({
          query: "{ __typename }",
          extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
        }),
      );
      expect(answer.status).toBe(400);
      const body = (await answer.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(body.errors[0]!.extensions.code).toBe("BAD_REQUEST");
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});
