import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config/config.js";
import { UpstreamHttp } from "../../../src/http/upstream-http.js";
import { AzureDevOpsClient } from "../../../src/upstreams/azure-devops/client.js";
import { Contracts } from "../../../src/upstreams/contracts.js";
import {
  gatewayEnvironment,
  startSimulators,
  type Simulators,
} from "../../../simulators/start-simulators.js";

/**
 * Listings are held for the whole of a request: the client keeps of each record only what the
 * gateway reads, over real HTTP against the simulator (which answers every field a current server has).
 */
let sim: Simulators;
let client: AzureDevOpsClient;
let checked: AzureDevOpsClient;

beforeAll(async () => {
  sim = await startSimulators({
    ports: { gitprotect: 0, azureDevOps: 0, scmManager: 0 },
    world: { organizations: 1, repositoriesPerOrganization: 6, branches: 3, commits: 5 },
  });
  const config = loadConfig(gatewayEnvironment(sim));
  client = new AzureDevOpsClient(
    new UpstreamHttp("Azure DevOps", config.upstream),
    config.azure!.url,
    config.azure!.pat,
  );
  checked = new AzureDevOpsClient(
    new UpstreamHttp("Azure DevOps", config.upstream),
    config.azure!.url,
    config.azure!.pat,
    undefined,
    new Contracts(),
  );
});
afterAll(() => sim.close());

describe("Azure DevOps records as the gateway keeps them", () => {
  it("repositories lose their links and keep the rest; refs keep their name and commits", async () => {
    const listed = await client.listRepositories();
    expect(listed.count).toBeGreaterThan(0);
    const full = listed.value.find((r) => r.sshUrl)!;
    for (const field of [full.id, full.name, full.remoteUrl, full.project.id, full.project.name])
      expect(field).toEqual(expect.stringMatching(/./));
    for (const repository of listed.value) expect(repository).not.toHaveProperty("_links");
    expect(await client.getRepository(full.id)).toEqual(full);

    const { refs } = await client.listRefs(full.id, { filter: "heads/" });
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(Object.keys(ref).sort()).toEqual(["name", "objectId"]);
      expect(ref.objectId).toMatch(/^[0-9a-f]{40}$/);
    }
    const { refs: tags } = await client.listRefs(full.id, { filter: "tags/", peelTags: true });
    for (const tag of tags)
      expect(Object.keys(tag).every((k) => ["name", "objectId", "peeledObjectId"].includes(k))).toBe(true);
  });

  it("shares, frozen, what a read answered once per content, never what a write did", async () => {
    const listed = await checked.listRepositories();
    expect(await checked.listRepositories()).toBe(listed);
    const repository = listed.value.find((r) => r.name !== "")!;
    expect(Object.isFrozen(repository.project)).toBe(true);
    // Every answer is checked (its metrics ask whether it is malformed), a write's too: kept nowhere.
    const renamed = await checked.updateRepository(repository.id, { name: `${repository.name}-renamed` });
    expect(Object.isFrozen(renamed.project)).toBe(false);
    await checked.updateRepository(repository.id, { name: repository.name });
  });
});
