import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeId } from "../../src/graphql/global-id.js";
import { gatewayEnvironment, startSimulators, type Simulators } from "../../simulators/start-simulators.js";
import { post, startGatewayProcess, type GatewayProcess } from "../support/processes.js";

/** Two gateway processes sharing the Redis of this machine (127.0.0.1:6379), as replicas behind a load balancer do. */

let sim: Simulators;
let a: GatewayProcess;
let b: GatewayProcess;
const calls = () =>
  [sim.gitprotect, sim.azureDevOps, sim.scmManager].reduce((n, s) => n + s.stats.snapshot().total, 0);
const resetCalls = () => [sim.gitprotect, sim.azureDevOps, sim.scmManager].forEach((s) => s.stats.reset());

const overview = `{ organizations(first: 20) { nodes { name repositories(first: 50) { nodes { name backup { licenceActive plans { name } } defaultBranch { name } branches(first: 100) { nodes { name head { author { name } date } } } } } } } }`;

beforeAll(async () => {
  sim = await startSimulators({ ports: { gitprotect: 0, azureDevOps: 0, scmManager: 0 } });
  const env = {
    ...gatewayEnvironment(sim),
    CACHE_URL: "redis://127.0.0.1:6379",
    CACHE_KEY_SECRET: "replica-shared-secret-0123456789",
    CACHE_NAMESPACE: `test-${randomUUID()}`,
  };
  [a, b] = await Promise.all([startGatewayProcess(env), startGatewayProcess(env)]);
}, 60_000);
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await sim?.close();
});

describe("two replicas sharing Redis", () => {
  it("a query on replica A warms the same query on replica B: no upstream call", async () => {
    const cold = await post(a.url, overview);
    expect(cold.errors).toBeUndefined();
    resetCalls();
    const warm = await post(b.url, overview);
    expect(warm.errors).toBeUndefined();
    expect(warm.data).toEqual(cold.data);
    expect(calls()).toBe(0);
  });

  it("a rename through replica A is seen at once by a query on replica B", async () => {
    const repo = [...sim.world.azure.repositories.values()].find((r) => r.name === "web")!;
    const id = encodeId({ type: "Repository", host: "azure", repositoryId: repo.id });
    const read = `query($id: ID!) { repository(id: $id) { name } repositories(first: 100, host: AZURE_DEVOPS) { nodes { name } } }`;
    expect((await post<{ repository: { name: string } }>(b.url, read, { id })).data.repository.name).toBe(
      "web",
    );
    const renamed = await post(
      a.url,
      `mutation($input: UpdateAzureDevOpsRepositoryInput!) { updateAzureDevOpsRepository(input: $input) { errors { code } } }`,
      { input: { repositoryId: id, name: "web-on-a" } },
    );
    expect(renamed.errors).toBeUndefined();
    const after = await post<{
      repository: { name: string };
      repositories: { nodes: Array<{ name: string }> };
    }>(b.url, read, { id });
    expect(after.data.repository.name).toBe("web-on-a");
    expect(after.data.repositories.nodes.map((n) => n.name)).toContain("web-on-a");
  });
});
