import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { SpanKind, SpanStatusCode } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startHarness, type Harness } from "../support/gateway.js";

/** OpenTelemetry: a span per operation and per upstream call, and `traceparent` carried both ways. */

const exporter = new InMemorySpanExporter();
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ gateway: { spanExporter: exporter } });
});
afterAll(() => h.close());

const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
const callerSpan = "00f067aa0ba902b7";
const query = `query Overview { repositories(first: 3, host: SCM_MANAGER) { nodes { name branches(first: 2) { nodes { name } } } } }`;

/** The request's span once it ended (after the answer was sent), and the spans under it. */
async function spansOf(trace: string): Promise<{ request: ReadableSpan; calls: ReadableSpan[] }> {
  const request = await vi.waitFor(
    () => {
      const found = exporter
        .getFinishedSpans()
        .find((s) => s.kind === SpanKind.SERVER && s.spanContext().traceId === trace);
      if (!found) throw new Error("no request span yet");
      return found;
    },
    { timeout: 5_000 },
  );
  const calls = exporter
    .getFinishedSpans()
    .filter((s) => s.parentSpanContext?.spanId === request.spanContext().spanId);
  return { request, calls };
}

describe("traces", () => {
  it("make the operation a child of the caller's trace, and each upstream call a child of the operation, whose traceparent the upstream gets", async () => {
    h.resetCalls();
    const answer = await h.query(query, undefined, { traceparent: `00-${traceId}-${callerSpan}-01` });
    expect(answer.errors).toBeUndefined();
    const { request, calls } = await spansOf(traceId);
    expect(request.name).toBe("query Overview");
    expect(request.parentSpanContext?.spanId).toBe(callerSpan);
    expect(request.attributes).toMatchObject({
      "graphql.operation.name": "Overview",
      "graphql.operation.type": "query",
      "http.response.status_code": 200,
      "gateway.answer_cached": false,
    });
    const made = h.calls();
    expect(made.length).toBeGreaterThan(1);
    expect(calls).toHaveLength(made.length);
    expect(calls.every((c) => c.kind === SpanKind.CLIENT)).toBe(true);
    const operations = (list: unknown[]) => list.map(String).sort();
    expect(operations(calls.map((c) => c.attributes["upstream.operation"]))).toEqual(
      operations(made.map((c) => c.operation)),
    );
    // Each call's traceparent names its own span, in the caller's trace.
    const callIds = new Set(calls.map((c) => c.spanContext().spanId));
    for (const call of made) {
      const [, trace, parent] = call.traceparent!.split("-");
      expect(trace).toBe(traceId);
      expect(callIds.has(parent!)).toBe(true);
    }
  });

  it("mark failed upstream calls and the codes of the answer, and a kept answer as such", async () => {
    const trace = "0af7651916cd43dd8448eb211c80319c";
    h.sim.gitprotect.faults.setRules([{ operation: "getOrganizations", status: 500 }]);
    try {
      await h.query(`{ organizations(first: 2) { totalCount } }`, undefined, {
        traceparent: `00-${trace}-${callerSpan}-01`,
      });
    } finally {
      h.sim.gitprotect.faults.setRules([]);
    }
    const { request, calls } = await spansOf(trace);
    expect(request.attributes["graphql.error.codes"]).toEqual(["UPSTREAM_ERROR"]);
    expect(request.status.code).toBe(SpanStatusCode.ERROR);
    const failed = calls.find((c) => c.attributes["upstream.operation"] === "getOrganizations");
    expect(failed?.status.code).toBe(SpanStatusCode.ERROR);
    expect(failed?.attributes).toMatchObject({
      "upstream.name": "GitProtect",
      "upstream.outcome": "server_error",
      "http.response.status_code": 500,
    });

    const again = "1af7651916cd43dd8448eb211c80319c";
    await h.query(query, undefined, { traceparent: `00-${again}-${callerSpan}-01` });
    const kept = await spansOf(again);
    expect(kept.request.attributes["gateway.answer_cached"]).toBe(true);
    expect(kept.calls).toHaveLength(0);
  });
});

describe("with OTEL_EXPORTER_OTLP_ENDPOINT", () => {
  let collector: Server;
  const received: string[] = [];
  beforeAll(async () => {
    collector = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        received.push(`${req.method} ${req.url} ${body}`);
        res.writeHead(200, { "content-type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise((resolve) => collector.close(resolve)));

  it("sends the spans over OTLP/HTTP to the collector, by the time the gateway has stopped", async () => {
    const { port } = collector.address() as AddressInfo;
    const g = await startHarness({
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
        OTEL_SERVICE_NAME: "gateway-under-test",
      },
    });
    try {
      expect(
        (await g.query(`query Count { organizations(first: 1) { totalCount } }`)).errors,
      ).toBeUndefined();
    } finally {
      await g.close();
    }
    const sent = received.join("\n");
    expect(sent).toContain("POST /v1/traces");
    expect(sent).toContain("query Count");
    expect(sent).toContain("gateway-under-test");
  });
});
