import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { azureDevOpsContract } from "../../simulators/azure-devops/azure-devops-simulator.js";
import { startSimulators, type Simulators } from "../../simulators/start-simulators.js";
import { basic, contractClient } from "../support/contract-client.js";

let sim: Simulators;
let plain: ReturnType<typeof contractClient>;
/** Every `_apis` call names its api-version, as the server requires; what names one keeps it. */
const client = {
  call: (operationId: string, path: string, init?: Parameters<typeof plain.call>[2]) =>
    plain.call(
      operationId,
      path.includes("/_apis/") && !path.includes("api-version") && init?.method !== "OPTIONS"
        ? `${path}${path.includes("?") ? "&" : "?"}api-version=1.0`
        : path,
      init,
    ),
  unexercised: () => plain.unexercised(),
};

type Repository = {
  id: string;
  name: string;
  remoteUrl: string;
  defaultBranch?: string;
  project: { id: string; name: string };
};
type List<T> = { count: number; value: T[] };

beforeAll(async () => {
  sim = await startSimulators({ ports: { gitprotect: 0, azureDevOps: 0, scmManager: 0 } });
  plain = contractClient(azureDevOpsContract, sim.azureDevOps, sim.azureDevOps.url, {
    authorization: basic("", "demo-pat"),
  });
});
afterAll(() => sim.close());

const repositories = async () =>
  (
    (await client.call("listRepositories", "/_apis/git/repositories?api-version=1.0"))
      .body as List<Repository>
  ).value;
const withHistory = async () =>
  (await repositories()).find((r) => r.defaultBranch && r.name !== r.project.name)!;

describe("Azure DevOps simulator", () => {
  it("answers discovery as an on-premises server does", async () => {
    const location = await client.call("locationAreaLocations", "/_apis/Location", { method: "OPTIONS" });
    expect((location.body as List<{ resourceName: string }>).value[0]!.resourceName).toBe("ResourceAreas");
    const git = await client.call("gitAreaLocations", "/_apis/git", { method: "OPTIONS" });
    expect((git.body as List<{ id: string }>).value.map((l) => l.id)).toContain(
      "225f7195-f9c7-4d14-ab28-a83f7ff77e1f",
    );
    expect((await client.call("listResourceAreas", "/_apis/ResourceAreas")).body).toEqual({
      count: 0,
      value: null,
    });
  });

  it("refuses missing credentials with TF400813 and answers expired ones with a sign-in page", async () => {
    const anonymous = await client.call("listRepositories", "/_apis/git/repositories", {
      headers: { authorization: "" },
    });
    expect(anonymous.status).toBe(401);
    expect((anonymous.body as { message: string }).message).toMatch(/^TF400813/);
    const expired = await client.call("listRepositories", "/_apis/git/repositories", {
      headers: { authorization: basic("me", "expired-pat") },
    });
    expect(expired.status).toBe(203);
    expect(expired.headers.get("content-type")).toMatch(/text\/html/);
    const bearer = await client.call("listRepositories", "/_apis/git/repositories", {
      headers: { authorization: "Bearer demo-pat" },
    });
    expect(bearer.status).toBe(200);
  });

  it("lists repositories of the collection and of one project, in a {count, value} envelope", async () => {
    const all = await repositories();
    expect(all.length).toBe(sim.world.azure.repositories.size);
    const project = all[0]!.project;
    const own = await client.call(
      "listProjectRepositories",
      `/${encodeURIComponent(project.name)}/_apis/git/repositories`,
    );
    expect((own.body as List<Repository>).value.every((r) => r.project.id === project.id)).toBe(true);
    const missing = await client.call("listProjectRepositories", "/NoSuchProject/_apis/git/repositories");
    expect(missing.status).toBe(404);
    expect((missing.body as { message: string }).message).toMatch(/^TF200016/);
  });

  it("lists the collection's projects by name, paged with $top and $skip", async () => {
    type Project = { id: string; name: string };
    const page = async (query: string) =>
      ((await client.call("listProjects", `/_apis/projects${query}`)).body as List<Project>).value;
    const all = await page("");
    expect(all.map((p) => p.id).sort()).toEqual([...sim.world.azure.projects.keys()].sort());
    expect(all.map((p) => p.name)).toEqual([...all.map((p) => p.name)].sort((a, b) => a.localeCompare(b)));
    expect([...(await page("?$top=1")), ...(await page("?$top=1&$skip=1"))]).toEqual(all.slice(0, 2));
  });

  it("gets a repository by id, by name within its project, and by clone URL", async () => {
    const repo = await withHistory();
    expect((await client.call("getRepository", `/_apis/git/repositories/${repo.id}`)).body).toMatchObject({
      id: repo.id,
    });
    const byName = await client.call(
      "getProjectRepository",
      `/${encodeURIComponent(repo.project.name)}/_apis/git/repositories/${encodeURIComponent(repo.name.toUpperCase())}`,
    );
    expect(byName.body).toMatchObject({ id: repo.id });
    const info = await client.call(
      "getRepositoryInfo",
      `${new URL(repo.remoteUrl).pathname.replace(new URL(sim.azureDevOps.url).pathname, "")}/vsts/info`,
    );
    expect(info.body).toMatchObject({ repository: { id: repo.id, project: { state: 1 } } });
    const sameName = (await repositories()).find((r) => r.name === r.project.name)!;
    const collectionInfo = await client.call(
      "getCollectionRepositoryInfo",
      `/_git/${encodeURIComponent(sameName.name)}/vsts/info`,
    );
    expect(collectionInfo.body).toMatchObject({ repository: { id: sameName.id } });
    const missing = await client.call(
      "getRepository",
      "/_apis/git/repositories/00000000-0000-4000-8000-000000000000",
    );
    expect(missing.status).toBe(404);
    expect((missing.body as { typeKey: string }).typeKey).toBe("GitRepositoryNotFoundException");
    expect((await client.call("getCollectionRepositoryInfo", "/_git/nothing-here/vsts/info")).status).toBe(
      404,
    );
  });

  it("creates, renames, re-points and deletes a repository", async () => {
    const project = [...sim.world.azure.projects.values()][0]!;
    const created = await client.call("createRepository", "/_apis/git/repositories?api-version=1.0", {
      method: "POST",
      body: { name: "fresh", project: { id: project.id } },
    });
    expect(created.status).toBe(201);
    const repo = created.body as Repository;
    expect(repo.defaultBranch).toBeUndefined();
    const duplicate = await client.call(
      "createProjectRepository",
      `/${project.name}/_apis/git/repositories`,
      { method: "POST", body: { name: "FRESH" } },
    );
    expect(duplicate.status).toBe(409);
    expect((duplicate.body as { message: string }).message).toMatch(/^TF400948/);
    expect(
      (
        await client.call("createProjectRepository", `/${project.name}/_apis/git/repositories`, {
          method: "POST",
          body: { name: "bad:name" },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await client.call("createProjectRepository", `/${project.name}/_apis/git/repositories`, {
          method: "POST",
          body: { name: "second" },
        })
      ).status,
    ).toBe(201);
    const renamed = await client.call("updateRepository", `/_apis/git/repositories/${repo.id}`, {
      method: "PATCH",
      body: { name: "renamed" },
    });
    expect(renamed.body).toMatchObject({
      name: "renamed",
      remoteUrl: expect.stringMatching(/_git\/renamed$/) as unknown,
    });
    expect(
      (
        await client.call("updateRepository", `/_apis/git/repositories/${repo.id}`, {
          method: "PATCH",
          body: { defaultBranch: "refs/heads/nope" },
        })
      ).status,
    ).toBe(400);
    const existing = await withHistory();
    const repointed = await client.call("updateRepository", `/_apis/git/repositories/${existing.id}`, {
      method: "PATCH",
      body: { defaultBranch: "refs/heads/develop" },
    });
    expect(repointed.body).toMatchObject({ defaultBranch: "refs/heads/develop" });
    await client.call("updateRepository", `/_apis/git/repositories/${existing.id}`, {
      method: "PATCH",
      body: { defaultBranch: "refs/heads/main" },
    });
    expect(
      (await client.call("deleteRepository", `/_apis/git/repositories/${repo.id}`, { method: "DELETE" }))
        .status,
    ).toBe(204);
    expect(
      (await client.call("deleteRepository", `/_apis/git/repositories/${repo.id}`, { method: "DELETE" }))
        .status,
    ).toBe(404);
  });

  it("pages refs with $top and a continuation token, every ref exactly once", async () => {
    const repo = await withHistory();
    const seen: string[] = [];
    let token: string | null = null;
    do {
      const answer: Awaited<ReturnType<typeof client.call>> = await client.call(
        "listRefs",
        `/_apis/git/repositories/${repo.id}/refs?$top=2${token ? `&continuationToken=${encodeURIComponent(token)}` : ""}`,
      );
      seen.push(...(answer.body as List<{ name: string }>).value.map((r) => r.name));
      token = answer.headers.get("x-ms-continuationtoken");
    } while (token);
    const all = (await client.call("listRefs", `/_apis/git/repositories/${repo.id}/refs`)).body as List<{
      name: string;
    }>;
    expect(seen).toEqual(all.value.map((r) => r.name));
    expect(new Set(seen).size).toBe(seen.length);
    const heads = (await client.call("listRefs", `/_apis/git/repositories/${repo.id}/refs?filter=heads/`))
      .body as List<{ name: string }>;
    expect(heads.value.every((r) => r.name.startsWith("refs/heads/"))).toBe(true);
    expect((await client.call("listRefs", `/_apis/git/repositories/${repo.id}/refs?$top=0`)).status).toBe(
      400,
    );
  });

  it("lists commits by version, path and page; gets one commit and its changes", async () => {
    const repo = await withHistory();
    const base = `/_apis/git/repositories/${repo.id}/commits`;
    const first = (await client.call("listCommits", `${base}?searchCriteria.$top=5`)).body as List<{
      commitId: string;
      changeCounts: object;
    }>;
    const second = (await client.call("listCommits", `${base}?searchCriteria.$top=5&searchCriteria.$skip=5`))
      .body as List<{ commitId: string }>;
    expect(first.count).toBe(5);
    expect(new Set([...first.value, ...second.value].map((c) => c.commitId)).size).toBe(10);
    const onBranch = (
      await client.call(
        "listCommits",
        `${base}?searchCriteria.itemVersion.version=develop&searchCriteria.itemVersion.versionType=branch`,
      )
    ).body as List<{ commitId: string }>;
    expect(onBranch.count).toBeGreaterThan(0);
    const byPath = (await client.call("listCommits", `${base}?searchCriteria.itemPath=/README.md`))
      .body as List<unknown>;
    expect(byPath.count).toBeGreaterThan(0);
    expect(
      (await client.call("listCommits", `${base}?searchCriteria.itemVersion.version=no-such-branch`)).status,
    ).toBe(404);
    const commitId = first.value[0]!.commitId;
    const commit = (await client.call("getCommit", `${base}/${commitId}`)).body as {
      parents: string[];
      treeId: string;
    };
    expect(commit.parents.length).toBeGreaterThan(0);
    const changes = (await client.call("getCommitChanges", `${base}/${commitId}/changes`)).body as {
      changes: Array<{ changeType: string }>;
    };
    expect(changes.changes.length).toBeGreaterThan(0);
    expect((await client.call("getCommit", `${base}/${"0".repeat(40)}`)).status).toBe(404);
    expect((await client.call("getCommit", `${base}/not-a-sha`)).status).toBe(400);
    // Commits are named by full id only: an abbreviation names none.
    expect(
      (await client.call("getCommit", `${base}/${commitId.slice(0, 10)}`)).status,
    ).toBeGreaterThanOrEqual(400);
    const items = `/_apis/git/repositories/${repo.id}/items?path=/README.md&versionDescriptor.versionType=commit`;
    expect((await client.call("getItems", `${items}&versionDescriptor.version=${commitId}`)).status).toBe(
      200,
    );
    expect(
      (await client.call("getItems", `${items}&versionDescriptor.version=${commitId.slice(0, 10)}`)).status,
    ).toBe(404);
  });

  it("serves file content and folder listings from items", async () => {
    const repo = await withHistory();
    const base = `/_apis/git/repositories/${repo.id}/items`;
    const file = await client.call("getItems", `${base}?path=/README.md`, {
      headers: { accept: "application/octet-stream" },
    });
    expect(file.text).toMatch(/^# Demo repository/);
    const metadata = await client.call(
      "getItems",
      `${base}?path=/README.md&$format=json&includeContent=true`,
    );
    expect(metadata.body).toMatchObject({ gitObjectType: "blob", path: "/README.md" });
    const folder = (await client.call("getItems", `${base}?scopePath=/src&recursionLevel=OneLevel`))
      .body as List<{ path: string }>;
    expect(folder.value.map((i) => i.path)).toContain("/src/engine.ts");
    const tagged = await client.call(
      "getItems",
      `${base}?path=/README.md&versionDescriptor.version=v0.1.0&versionDescriptor.versionType=tag`,
      { headers: { accept: "text/plain" } },
    );
    expect(tagged.status).toBe(200);
    expect((await client.call("getItems", `${base}?path=/nope.txt`)).status).toBe(404);
  });

  it("refuses an `_apis` call that names no api-version, as the server does", async () => {
    const answer = await plain.call("listRepositories", "/_apis/git/repositories");
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ typeKey: "VssVersionNotSpecifiedException" });
    const write = await plain.call(
      "deleteRepository",
      `/_apis/git/repositories/${(await repositories())[0]!.id}`,
      {
        method: "DELETE",
      },
    );
    expect(write.status).toBe(400);
  });

  it("refuses an api-version newer than it supports", async () => {
    const answer = await client.call("listRepositories", "/_apis/git/repositories?api-version=9.0");
    expect(answer.status).toBe(400);
    expect((answer.body as { typeKey: string }).typeKey).toBe("VssVersionOutOfRangeException");
  });

  it("exercises every operation of the contract", () => {
    expect(client.unexercised()).toEqual([]);
  });
});
