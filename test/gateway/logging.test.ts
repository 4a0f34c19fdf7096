import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayEnvironment, startSimulators, type Simulators } from "../../simulators/start-simulators.js";
import { post, startGatewayProcess, type GatewayProcess } from "../support/processes.js";

/** The gateway's JSON log lines, read from a gateway process as an operator's collector would. */

let sim: Simulators;
let gateway: GatewayProcess;
const apiKey = "logging-test-key-0123456789";
const sha256 = createHash("sha256").update(apiKey).digest("hex");

beforeAll(async () => {
  sim = await startSimulators({ ports: { gitprotect: 0, azureDevOps: 0, scmManager: 0 } });
  gateway = await startGatewayProcess({
    ...gatewayEnvironment(sim),
    ANONYMOUS_ACCESS: "off",
    API_KEYS: `tools:read+write:${sha256}`,
    CACHE: "off",
  });
}, 60_000);
afterAll(async () => {
  await gateway?.stop();
  await sim?.close();
});

interface Line {
  level: number;
  msg: string;
  requestId?: string;
  [field: string]: unknown;
}

const lines = (): Line[] =>
  gateway
    .output()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Line);
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe("logs", () => {
  it("write one access line per request under the caller's request id, which goes with every upstream call", async () => {
    sim.scmManager.stats.reset();
    const headers = { "x-api-key": apiKey, "x-request-id": "ticket-4711" };
    const answer = await post(
      gateway.url,
      `query Repos { repositories(first: 2, host: SCM_MANAGER) { totalCount } }`,
      {},
      headers,
    );
    expect(answer.errors).toBeUndefined();
    await settle();
    const access = lines().filter((l) => l.requestId === "ticket-4711" && l.msg === "graphql request");
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({
      operation: "Repos",
      status: 200,
      outcome: "ok",
      codes: [],
      caller: "key:tools",
    });
    expect(access[0]!.upstreamCalls).toBeGreaterThan(0);
    const made = sim.scmManager.stats.snapshot().requests;
    expect(made.length).toBeGreaterThan(0);
    expect(made.every((call) => call.requestId === "ticket-4711")).toBe(true);
  });

  it("log an upstream failure and a bad input under the request's id, taken from traceparent when given", async () => {
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    sim.scmManager.faults.setRules([{ operation: "listRepositories", status: 500 }]);
    try {
      await post(
        gateway.url,
        `{ repositories(first: 2, host: SCM_MANAGER) { totalCount } }`,
        {},
        {
          "x-api-key": apiKey,
          traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
        },
      );
    } finally {
      sim.scmManager.faults.setRules([]);
    }
    await post(
      gateway.url,
      `{ repository(id: "forged") { name } }`,
      {},
      { "x-api-key": apiKey, "x-request-id": "bad-1" },
    );
    await settle();
    const ofTrace = lines().filter((l) => l.requestId === traceId);
    expect(ofTrace).toContainEqual(
      expect.objectContaining({
        msg: "upstream call failed",
        upstream: "SCM-Manager",
        outcome: "server_error",
        status: 500,
      }),
    );
    expect(ofTrace).toContainEqual(
      expect.objectContaining({ msg: "graphql request", codes: ["UPSTREAM_ERROR"] }),
    );
    const bad = lines().find((l) => l.requestId === "bad-1" && l.msg === "graphql request");
    expect(bad?.codes).toEqual(["BAD_USER_INPUT"]);
  });

  it("never hold a credential: not the caller's, not per-request ones, not the configured accounts'", async () => {
    await post(
      gateway.url,
      `{ repositories(first: 1, host: SCM_MANAGER) { totalCount } }`,
      {},
      {
        "x-api-key": apiKey,
        "x-scm-manager-username": "bob",
        "x-scm-manager-password": "bob-secret",
      },
    );
    await post(gateway.url, `{ organizations { totalCount } }`, {}, { authorization: "Bearer not.a.jwt" });
    await settle();
    const output = lines()
      .map((line) => JSON.stringify(line))
      .join("\n");
    const env = gatewayEnvironment(sim);
    for (const secret of [
      apiKey,
      sha256,
      "bob-secret",
      "not.a.jwt",
      env.GITPROTECT_PASSWORD!,
      env.AZURE_DEVOPS_PAT!,
      env.SCM_MANAGER_PASSWORD!,
    ])
      expect(output).not.toContain(secret);
    expect(lines().some((l) => l.status === 401 && l.outcome === "refused")).toBe(true);
  });
});
