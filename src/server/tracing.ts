import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  defaultTextMapGetter,
  defaultTextMapSetter,
  trace,
  type Context,
  type Span,
  type Tracer,
} from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
} from "@opentelemetry/sdk-trace-base";
import type { IncomingHttpHeaders } from "node:http";
import type { TracingConfig } from "../config/config.js";
import type { CallSpan, UpstreamName } from "../http/types.js";
import type { RequestOutcome } from "../http/metrics.js";

const propagator = new W3CTraceContextPropagator();

/** A GraphQL request's span, and the spans of its upstream calls under it. */
export interface RequestSpan {
  /** The trace id, for the request's log lines. */
  traceId: string;
  call: (upstream: UpstreamName, operation: string, method: string) => CallSpan;
  end: (summary: RequestSummary) => void;
}

/**
 * OpenTelemetry traces, when an OTLP endpoint is configured: a span per GraphQL operation (a child
 * of the caller's `traceparent`) and one per upstream call (whose `traceparent` the upstream gets).
 * Spans are made by hand rather than by auto-instrumentation: they name what the gateway knows
 * (the operation, the upstream, the contract's operation, how the call ended), never a URL.
 */
export class Tracing {
  private readonly tracer: Tracer;

  private constructor(private readonly provider: BasicTracerProvider) {
    this.tracer = provider.getTracer("repo-graph-gateway");
  }

  /** `exporter` replaces the OTLP one (the tests keep spans in memory); none and no endpoint: no traces. */
  static create(config: TracingConfig, exporter?: SpanExporter): Tracing | undefined {
    if (!exporter && !config.endpoint) return undefined;
    const processor = exporter
      ? new SimpleSpanProcessor(exporter)
      : new BatchSpanProcessor(new OTLPTraceExporter({ url: config.endpoint }), {
          // On stop, spans still held wait this long for the collector at most.
          exportTimeoutMillis: 5_000,
        });
    const resource = resourceFromAttributes({ "service.name": config.serviceName });
    return new Tracing(new BasicTracerProvider({ resource, spanProcessors: [processor] }));
  }

  startRequest(method: string, headers: IncomingHttpHeaders): RequestSpan {
    const parent = propagator.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
    const span = this.tracer.startSpan(
      "GraphQL operation",
      { kind: SpanKind.SERVER, attributes: { "http.request.method": method } },
      parent,
    );
    const context = trace.setSpan(parent, span);
    return {
      traceId: span.spanContext().traceId,
      call: (upstream, operation, callMethod) => this.startCall(context, upstream, operation, callMethod),
      end: (summary) => endRequest(span, summary),
    };
  }

  /** Sends the spans still held; then no more are made. */
  shutdown(): Promise<void> {
    return this.provider.shutdown();
  }

  private startCall(parent: Context, upstream: UpstreamName, operation: string, method: string): CallSpan {
    const span = this.tracer.startSpan(
      `${method} ${upstream} ${operation}`,
      {
        kind: SpanKind.CLIENT,
        attributes: {
          "http.request.method": method,
          "upstream.name": upstream,
          "upstream.operation": operation,
        },
      },
      parent,
    );
    const headers: Record<string, string> = {};
    propagator.inject(trace.setSpan(parent, span), headers, defaultTextMapSetter);
    return {
      headers,
      end(outcome, status) {
        span.setAttribute("upstream.outcome", outcome);
        if (status !== undefined) span.setAttribute("http.response.status_code", status);
        if (outcome !== "ok" && outcome !== "client_error") span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      },
    };
  }
}

/** How a request ended, as its access line says it. */
export interface RequestSummary {
  operation?: string;
  type?: string;
  codes: string[];
  outcome: RequestOutcome;
  status: number;
  cached: boolean;
}

/** Named as GraphQL's conventions ask (`query RepositoryPage`) once the operation is known. */
function endRequest(span: Span, summary: RequestSummary): void {
  const { operation, type, codes, outcome, status, cached } = summary;
  if (type) span.updateName(operation ? `${type} ${operation}` : type);
  span.setAttributes({
    ...(type && { "graphql.operation.type": type }),
    ...(operation && { "graphql.operation.name": operation }),
    ...(codes.length > 0 && { "graphql.error.codes": codes }),
    "http.response.status_code": status,
    "gateway.outcome": outcome,
    "gateway.answer_cached": cached,
  });
  if (status >= 500 || outcome === "failed" || outcome === "partial")
    span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}
