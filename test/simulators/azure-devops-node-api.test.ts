import * as azdev from "azure-devops-node-api";
import type { IGitApi } from "azure-devops-node-api/GitApi.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulators, type Simulators } from "../../simulators/start-simulators.js";

/** The official client, which no one here wrote, as a check that the simulator speaks Azure DevOps. */

let sim: Simulators;
let gitApi: IGitApi;

beforeAll(async () => {
  sim = await startSimulators({ ports: { gitprotect: 0, azureDevOps: 0, scmManager: 0 } });
  const connection = new azdev.WebApi(sim.azureDevOps.url, azdev.getPersonalAccessTokenHandler("demo-pat"));
  gitApi = await connection.getGitApi();
});
afterAll(() => sim.close());

describe("azure-devops-node-api against the Azure DevOps simulator", () => {
  it("discovers the git area and lists repositories of the collection and of a project", async () => {
    const all = await gitApi.getRepositories();
    expect(all).toHaveLength(sim.world.azure.repositories.size);
    const project = [...sim.world.azure.projects.values()][0]!;
    const own = await gitApi.getRepositories(project.name);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((r) => r.project?.id === project.id)).toBe(true);
    const { counts } = sim.azureDevOps.stats.snapshot();
    expect(counts.locationAreaLocations).toBe(1);
    expect(counts.listResourceAreas).toBe(1);
    expect(counts.gitAreaLocations).toBe(1);
  });

  it("gets a repository, and null for one that does not exist", async () => {
    const [first] = await gitApi.getRepositories();
    const repo = await gitApi.getRepository(first!.id!);
    expect(repo.name).toBe(first!.name);
    expect(await gitApi.getRepository("00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("creates, renames and deletes a repository", async () => {
    const project = [...sim.world.azure.projects.values()][0]!;
    const created = await gitApi.createRepository({ name: "made-by-client", project: { id: project.id } });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    const renamed = await gitApi.updateRepository({ name: "renamed-by-client" }, created.id!);
    expect(renamed.name).toBe("renamed-by-client");
    expect(sim.world.azure.repositories.get(created.id!)!.name).toBe("renamed-by-client");
    await gitApi.deleteRepository(created.id!);
    expect(sim.world.azure.repositories.has(created.id!)).toBe(false);
    await expect(gitApi.createRepository({ name: "bad:name", project: { id: project.id } })).rejects.toThrow(
      /TF401025/,
    );
  });

  it("lists refs and commits with the client's own query encoding", async () => {
    const repo = [...sim.world.azure.repositories.values()].find((r) => r.name === "web")!;
    const heads = await gitApi.getRefs(repo.id, undefined, "heads/");
    expect(heads.map((h) => h.name)).toContain("refs/heads/main");
    const commits = await gitApi.getCommits(repo.id, { itemVersion: { version: "main" }, $top: 7 });
    expect(commits).toHaveLength(7);
    expect(commits[0]!.author?.date).toBeInstanceOf(Date);
    const skipped = await gitApi.getCommits(repo.id, { itemVersion: { version: "main" }, $top: 3, $skip: 2 });
    expect(skipped.map((c) => c.commitId)).toEqual(commits.slice(2, 5).map((c) => c.commitId));
  });
});
