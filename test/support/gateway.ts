import { loadConfig } from "../../src/config/config.js";
import { startGateway, type Gateway, type GatewayOptions } from "../../src/server/gateway.js";
import {
  gatewayEnvironment,
  startSimulators,
  type SimulatorOptions,
  type Simulators,
} from "../../simulators/start-simulators.js";
import type { RequestRecord } from "../../simulators/http/stats.js";
import { saveCoverage, schemaCoverage } from "./schema-coverage.js";

export interface Harness {
  sim: Simulators;
  gateway: Gateway;
  /** Posts a GraphQL request; answers the status and the parsed body. */
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLAnswer<T>>;
  /** Every upstream call since the last reset, across the three simulators. */
  calls(): RequestRecord[];
  resetCalls(): void;
  close(): Promise<void>;
}

export interface GraphQLAnswer<T> {
  status: number;
  data: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  text: string;
}

/** The simulators and a gateway configured for them, as an operator would, over real HTTP. */
export async function startHarness(
  options: { simulators?: SimulatorOptions; env?: Record<string, string>; gateway?: GatewayOptions } = {},
): Promise<Harness> {
  const sim = await startSimulators({
    ports: { gitprotect: 0, azureDevOps: 0, scmManager: 0 },
    ...options.simulators,
  });
  const config = loadConfig({
    PORT: "0",
    // Tests call from one address far faster than a client would: limited where a test says so.
    RATE_LIMIT: "0",
    LOG_LEVEL: "silent",
    ...gatewayEnvironment(sim),
    ...options.env,
  });
  const gateway = await startGateway(config, { ...options.gateway, plugins: [schemaCoverage as never] });
  const servers = [sim.gitprotect, sim.azureDevOps, sim.scmManager];
  return {
    sim,
    gateway,
    async query<T>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
      const response = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      const body = JSON.parse(text) as { data: T; errors?: GraphQLAnswer<T>["errors"] };
      return { status: response.status, data: body.data, errors: body.errors, text };
    },
    calls: () =>
      servers.flatMap((s) => s.stats.snapshot().requests).sort((a, b) => a.startedAt - b.startedAt),
    resetCalls: () => servers.forEach((s) => s.stats.reset()),
    async close() {
      saveCoverage();
      await gateway.close();
      await sim.close();
    },
  };
}

/** Calls per operation, e.g. `{ getOrganizations: 1, getBranches: 4 }`. */
export function countByOperation(calls: RequestRecord[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const call of calls) counts[call.operation] = (counts[call.operation] ?? 0) + 1;
  return counts;
}

/**
 * Sequential rounds in a log of calls: the longest chain of calls each of which started only
 * after the one before it ended. Parallel calls share a round.
 */
export function sequentialRounds(calls: RequestRecord[]): number {
  const depth = new Map<RequestRecord, number>();
  for (const call of [...calls].sort((a, b) => a.startedAt - b.startedAt)) {
    const before = calls.filter((c) => c.endedAt <= call.startedAt).map((c) => depth.get(c) ?? 1);
    depth.set(call, 1 + Math.max(0, ...before));
  }
  return Math.max(0, ...depth.values());
}
