import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { FastifyBaseLogger } from "fastify";
import pino from "pino";

/**
 * Structured JSON logs (pino). Headers are never logged; should a credential-bearing header ever
 * reach a log line through a serializer, it is redacted.
 */
export function createLogger(level: string): FastifyBaseLogger {
  return pino({
    level,
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        'req.headers["x-api-key"]',
        'req.headers["x-gitprotect-token"]',
        'req.headers["x-azure-devops-pat"]',
        'req.headers["x-scm-manager-password"]',
      ],
      censor: "[redacted]",
    },
  });
}

const acceptable = /^[A-Za-z0-9._:-]{1,128}$/;
const traceparent = /^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * A request's id: the caller's `x-request-id` when it is a plain token, else the trace id of its
 * `traceparent`, else a new one. It names the request's log lines and goes with its upstream calls.
 */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers["x-request-id"];
  if (typeof given === "string" && acceptable.test(given)) return given;
  const trace = traceparent.exec(String(request.headers.traceparent ?? ""));
  if (trace && !/^0+$/.test(trace[1]!)) return trace[1]!;
  return randomUUID();
}
