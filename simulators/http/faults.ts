import { createRandom } from "../world/random.js";

/**
 * A fault applied to matching requests: added latency, an error status, a hang, a connection
 * reset or a malformed body. Rules apply in order; `times` makes a rule expire after that many hits.
 */
export interface FaultRule {
  /** operationId from the contract, or "*" for every operation. */
  operation: string;
  latencyMs?: number;
  jitterMs?: number;
  status?: number;
  body?: unknown;
  /** Headers of the injected answer, e.g. `{ "retry-after": "1" }`. */
  headers?: Record<string, string>;
  hang?: boolean;
  reset?: boolean;
  malformed?: boolean;
  /** A 200 with an HTML page, as a proxy or a sign-in wall answers. */
  html?: boolean;
  times?: number;
}

export interface Latency {
  fixedMs: number;
  jitterMs: number;
}

export type FaultAction =
  | { kind: "none" }
  | { kind: "status"; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: "hang" }
  | { kind: "reset" }
  | { kind: "malformed" }
  | { kind: "html" };

const ruleKeys = new Set([
  "operation",
  "latencyMs",
  "jitterMs",
  "status",
  "body",
  "headers",
  "hang",
  "reset",
  "malformed",
  "html",
  "times",
]);

export function parseFaultRule(input: unknown): FaultRule {
  if (!input || typeof input !== "object" || Array.isArray(input))
    throw new Error("a fault rule is an object");
  const rule = input as Record<string, unknown>;
  for (const key of Object.keys(rule))
    if (!ruleKeys.has(key)) throw new Error(`unknown fault rule field ${key}`);
  if (typeof rule.operation !== "string" || rule.operation === "") throw new Error("operation is required");
  for (const key of ["latencyMs", "jitterMs", "times"]) {
    const value = rule[key];
    if (value !== undefined && (typeof value !== "number" || !Number.isInteger(value) || value < 0))
      throw new Error(`${key} must be a non-negative integer`);
  }
  if (
    rule.status !== undefined &&
    (typeof rule.status !== "number" || rule.status < 100 || rule.status > 599)
  )
    throw new Error("status must be an HTTP status code");
  return rule as unknown as FaultRule;
}

export class FaultPlan {
  private rules: FaultRule[] = [];
  private latency: Latency = { fixedMs: 0, jitterMs: 0 };
  private readonly random;

  constructor(seed: number) {
    this.random = createRandom(seed);
  }

  setLatency(latency: Latency): void {
    this.latency = latency;
  }

  getLatency(): Latency {
    return this.latency;
  }

  setRules(rules: FaultRule[]): void {
    this.rules = rules.map((r) => ({ ...r }));
  }

  addRule(rule: FaultRule): void {
    this.rules.push({ ...rule });
  }

  listRules(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** Consumes the rules matching this operation: the delay to wait, then what to do instead of answering. */
  take(operationId: string): { delayMs: number; action: FaultAction } {
    let delayMs = this.jittered(this.latency.fixedMs, this.latency.jitterMs);
    let action: FaultAction = { kind: "none" };
    for (const rule of this.rules) {
      if (rule.operation !== "*" && rule.operation !== operationId) continue;
      if (rule.times !== undefined) rule.times -= 1;
      delayMs += this.jittered(rule.latencyMs ?? 0, rule.jitterMs ?? 0);
      if (action.kind !== "none") continue;
      if (rule.reset) action = { kind: "reset" };
      else if (rule.hang) action = { kind: "hang" };
      else if (rule.malformed) action = { kind: "malformed" };
      else if (rule.html) action = { kind: "html" };
      else if (rule.status)
        action = { kind: "status", status: rule.status, body: rule.body, headers: rule.headers };
    }
    this.rules = this.rules.filter((r) => r.times === undefined || r.times > 0);
    return { delayMs, action };
  }

  private jittered(fixedMs: number, jitterMs: number): number {
    return fixedMs + (jitterMs > 0 ? this.random.int(0, jitterMs) : 0);
  }
}
