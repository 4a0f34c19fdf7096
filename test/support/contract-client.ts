import { expect } from "vitest";
import type { Contract } from "../../simulators/http/contract.js";
import type { SimulatorServer } from "../../simulators/http/simulator-server.js";

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

/**
 * Calls a simulator over HTTP and checks the answer against the operation's contract: the route
 * must reach that operation (the simulator's own log says which it served) and the status, content
 * type and body must be ones the contract allows. Keeps a list of operations exercised.
 */
export function contractClient(
  contract: Contract,
  server: SimulatorServer,
  base: string,
  defaults: HeadersInit = {},
) {
  const exercised = new Set<string>();
  async function call(
    operationId: string,
    path: string,
    init: { method?: string; body?: unknown; headers?: HeadersInit; form?: Record<string, string> } = {},
  ): Promise<Answer> {
    const headers = new Headers(defaults);
    for (const [k, v] of new Headers(init.headers)) headers.set(k, v);
    let body: string | undefined;
    if (init.form) {
      body = new URLSearchParams(init.form).toString();
      headers.set("content-type", "application/x-www-form-urlencoded");
    } else if (init.body !== undefined) {
      body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
      headers.set("content-type", "application/json");
    }
    const response = await fetch(base + path, {
      method: init.method ?? "GET",
      headers,
      body,
      redirect: "manual",
    });
    const text = await response.text();
    const contentType = response.headers.get("content-type") ?? undefined;
    const parsed: unknown = contentType?.includes("json") && text ? JSON.parse(text) : undefined;
    const served = server.stats.snapshot().requests.at(-1);
    expect(served?.operation, `${path} reached ${served?.operation}`).toBe(operationId);
    expect(
      contract.validateResponse(operationId, response.status, contentType, parsed),
      `${operationId} ${response.status} ${text.slice(0, 300)}`,
    ).toEqual([]);
    exercised.add(operationId);
    return { status: response.status, headers: response.headers, text, body: parsed };
  }
  const unexercised = () => contract.operations.map((o) => o.id).filter((id) => !exercised.has(id));
  return { call, unexercised };
}

export const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
