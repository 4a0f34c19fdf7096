import { createHash } from "node:crypto";
import type { PlanDto } from "./types.js";

/**
 * GitProtect gives plans no version: this fingerprint of a plan's settings stands in for one, so
 * a client's update can say which state it was made against.
 */
export function planVersion(plan: PlanDto): string {
  return createHash("sha256").update(canonical(plan)).digest("base64url").slice(0, 22);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value ?? null);
}
