import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scmManagerContract } from "../../simulators/scm-manager/scm-manager-simulator.js";
import { startSimulators, type Simulators } from "../../simulators/start-simulators.js";
import { basic, contractClient } from "../support/contract-client.js";

let sim: Simulators;
let client: ReturnType<typeof contractClient>;

type Repository = {
  id: string;
  name: string;
  type: string;
  permissions: unknown;
  properties: unknown;
  healthCheckFailures: unknown;
  archived: boolean;
  public: boolean;
  lastModified: number;
  description: string | null;
};
const as = (user: string, password: string) => ({ authorization: basic(user, password) });
const admin = as("scmadmin", "scmadmin");
const alice = as("alice", "alice-secret");
const bob = as("bob", "bob-secret");

beforeAll(async () => {
  sim = await startSimulators({ ports: { gitprotect: 0, azureDevOps: 0, scmManager: 0 } });
  client = contractClient(scmManagerContract, sim.scmManager, `${sim.scmManager.url}/api/rest`);
});
afterAll(() => sim.close());

const list = async (headers: HeadersInit, query = "") =>
  (await client.call("listRepositories", `/repositories${query}`, { headers })).body as Repository[];
const gitRepository = async () => (await list(admin)).find((r) => r.type === "git" && !r.archived)!;

describe("SCM-Manager simulator", () => {
  it("refuses anonymous calls and wrong passwords with 401 and a Basic challenge", async () => {
    const anonymous = await client.call("listRepositories", "/repositories");
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toMatch(/^Basic realm=/);
    expect(
      (await client.call("listRepositories", "/repositories", { headers: as("alice", "wrong") })).status,
    ).toBe(401);
  });

  it("signs in with the login form and serves the session cookie", async () => {
    const login = await client.call("login", "/authentication/login", {
      method: "POST",
      form: { username: "alice", password: "alice-secret", rememberMe: "false" },
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    expect((await list({ cookie })).length).toBe((await list(alice)).length);
    expect(
      (
        await client.call("login", "/authentication/login", {
          method: "POST",
          form: { username: "alice", password: "nope" },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await client.call("login", "/authentication/login", {
          method: "POST",
          form: { username: "mallory", password: "mallory-secret" },
        })
      ).status,
    ).toBe(403);
    expect(
      (await client.call("login", "/authentication/login", { method: "POST", form: { username: "alice" } }))
        .status,
    ).toBe(400);
  });

  it("shows each user only the repositories their permissions allow, owner fields only to owners", async () => {
    const all = await list(admin);
    const seenByAlice = await list(alice);
    const seenByBob = await list(bob);
    expect(all.length).toBe(sim.world.scm.repositories.size);
    expect(seenByAlice.map((r) => r.name)).not.toEqual(seenByBob.map((r) => r.name));
    expect(seenByAlice.length).toBeLessThan(all.length);
    const readOnly = seenByBob.find((r) => r.permissions === null)!;
    expect(readOnly).toMatchObject({ permissions: null, properties: null, healthCheckFailures: null });
    expect(all.every((r) => Array.isArray(r.permissions))).toBe(true);
  });

  it("pages and sorts the plain array with start, limit, sortby and desc; accepts the .json suffix", async () => {
    const all = await list(admin);
    const pages = [...(await list(admin, "?start=0&limit=3")), ...(await list(admin, "?start=3&limit=-1"))];
    expect(pages.map((r) => r.id)).toEqual(all.map((r) => r.id));
    expect((await list(admin, "?sortby=name&desc=true")).map((r) => r.name)).toEqual(
      [...all.map((r) => r.name)].reverse(),
    );
    const suffixed = await client.call("listRepositories", "/repositories.json", { headers: admin });
    expect((suffixed.body as Repository[]).length).toBe(all.length);
  });

  it("gets a repository by id and by type and name, with ETag and Last-Modified revalidation", async () => {
    const repo = await gitRepository();
    const answer = await client.call("getRepository", `/repositories/${repo.id}`, { headers: admin });
    const etag = answer.headers.get("etag")!;
    expect(
      (
        await client.call("getRepository", `/repositories/${repo.id}`, {
          headers: { ...admin, "if-none-match": etag },
        })
      ).status,
    ).toBe(304);
    const lastModified = answer.headers.get("last-modified")!;
    expect(
      (
        await client.call("getRepository", `/repositories/${repo.id}`, {
          headers: { ...admin, "if-modified-since": lastModified },
        })
      ).status,
    ).toBe(304);
    expect(
      (await client.call("getRepositoryByTypeAndName", `/repositories/git/${repo.name}`, { headers: admin }))
        .body,
    ).toMatchObject({ id: repo.id });
    expect((await client.call("getRepository", "/repositories/nope", { headers: admin })).status).toBe(404);
    const hidden = (await list(admin)).find(
      (r) =>
        !sim.world.scm.repositories.get(r.id)!.public &&
        !sim.world.scm.repositories.get(r.id)!.permissions.length,
    )!;
    expect(
      (await client.call("getRepository", `/repositories/${hidden.id}`, { headers: alice })).status,
    ).toBe(404);
  });

  it("creates (admins only) with 201 and Location, and answers a duplicate name with 500", async () => {
    const body = {
      name: "team-a/created",
      type: "git",
      description: "new",
      permissions: [{ name: "alice", type: "OWNER", groupPermission: false }],
    };
    expect(
      (await client.call("createRepository", "/repositories", { method: "POST", body, headers: alice }))
        .status,
    ).toBe(403);
    const created = await client.call("createRepository", "/repositories", {
      method: "POST",
      body,
      headers: admin,
    });
    expect(created.status).toBe(201);
    expect(created.text).toBe("");
    const location = created.headers.get("location")!;
    expect(location).toMatch(/\/scm\/api\/rest\/repositories\/[0-9a-f]+$/);
    const duplicate = await client.call("createRepository", "/repositories", {
      method: "POST",
      body,
      headers: admin,
    });
    expect(duplicate.status).toBe(500);
    expect(duplicate.body).toHaveProperty("stacktrace");
    expect(
      (
        await client.call("createRepository", "/repositories", {
          method: "POST",
          body: { ...body, name: "x", type: "cvs" },
          headers: admin,
        })
      ).status,
    ).toBe(400);
    const id = location.split("/").pop()!;
    const fresh = await client.call("getChangesets", `/repositories/${id}/changesets`, { headers: alice });
    expect(fresh.status).toBe(404);
  });

  it("replaces the whole record on PUT (owners only): fields left out are erased", async () => {
    const repo = (await list(alice)).find(
      (r) => Array.isArray(r.permissions) && (r.properties as unknown[]).length > 0,
    )!;
    const put = (headers: HeadersInit, body: unknown) =>
      client.call("modifyRepository", `/repositories/${repo.id}`, { method: "PUT", body, headers });
    expect((await put(alice, { name: repo.name, type: repo.type, description: "only this" })).status).toBe(
      204,
    );
    const after = (await client.call("getRepository", `/repositories/${repo.id}`, { headers: admin }))
      .body as Repository;
    expect(after).toMatchObject({ description: "only this", properties: [], permissions: [] });
    expect(after.lastModified).toBeGreaterThan(repo.lastModified);
    expect((await put(bob, { name: repo.name, type: repo.type })).status).toBe(404);
    expect((await put(admin, { name: "other-name", type: repo.type })).status).toBe(400);
    const readable = (await list(bob)).find((r) => r.permissions === null)!;
    expect(
      (
        await client.call("modifyRepository", `/repositories/${readable.id}`, {
          method: "PUT",
          body: { name: readable.name, type: readable.type },
          headers: bob,
        })
      ).status,
    ).toBe(403);
  });

  it("deletes only archived repositories while archiving is enabled", async () => {
    const live = await gitRepository();
    expect(
      (
        await client.call("deleteRepository", `/repositories/${live.id}`, {
          method: "DELETE",
          headers: admin,
        })
      ).status,
    ).toBe(412);
    const archived = (await list(admin)).find((r) => r.archived)!;
    const readable = (await list(bob)).find((r) => r.permissions === null)!;
    expect(
      (
        await client.call("deleteRepository", `/repositories/${readable.id}`, {
          method: "DELETE",
          headers: bob,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await client.call("deleteRepository", `/repositories/${archived.id}`, {
          method: "DELETE",
          headers: admin,
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await client.call("deleteRepository", `/repositories/${archived.id}`, {
          method: "DELETE",
          headers: admin,
        })
      ).status,
    ).toBe(404);
  });

  it("runs health checks for owners and clears stale failures", async () => {
    const failing = [...sim.world.scm.repositories.values()].find((r) => r.healthCheckFailures.length > 0)!;
    expect(
      (
        await client.call("runHealthCheck", `/repositories/${failing.id}/healthcheck`, {
          method: "POST",
          headers: bob,
        })
      ).status,
    ).toBeOneOf([403, 404]);
    expect(
      (
        await client.call("runHealthCheck", `/repositories/${failing.id}/healthcheck`, {
          method: "POST",
          headers: admin,
        })
      ).status,
    ).toBe(200);
    expect(
      (
        (await client.call("getRepository", `/repositories/${failing.id}`, { headers: admin }))
          .body as Repository
      ).healthCheckFailures,
    ).toEqual([]);
    expect(
      (
        await client.call("runHealthCheck", "/repositories/nope/healthcheck", {
          method: "POST",
          headers: admin,
        })
      ).status,
    ).toBe(404);
  });

  it("answers the read commands from git, 404 for missing paths and 400 for svn's branches and tags", async () => {
    const repo = await gitRepository();
    const base = `/repositories/${repo.id}`;
    const branches = (await client.call("getBranches", `${base}/branches`, { headers: admin })).body as {
      branch: Array<{ name: string; revision: string }>;
    };
    expect(branches.branch.map((b) => b.name)).toContain("main");
    const tags = (await client.call("getTags", `${base}/tags`, { headers: admin })).body as {
      tag: unknown[];
    };
    expect(tags.tag.length).toBeGreaterThan(0);
    const changesets = (await client.call("getChangesets", `${base}/changesets?limit=5`, { headers: admin }))
      .body as { total: number; changesets: Array<{ id: string }> };
    expect(changesets.changesets).toHaveLength(5);
    expect(changesets.total).toBeGreaterThan(5);
    const head = changesets.changesets[0]!.id;
    expect(
      (await client.call("getChangeset", `${base}/changeset/${head}`, { headers: admin })).body,
    ).toMatchObject({ id: head, branches: ["main"] });
    expect(
      (await client.call("getChangeset", `${base}/changeset/${"f".repeat(40)}`, { headers: admin })).status,
    ).toBe(404);
    const blame = (await client.call("getBlame", `${base}/blame?path=src/engine.ts`, { headers: admin }))
      .body as { total: number };
    expect(blame.total).toBeGreaterThan(10);
    expect((await client.call("getBlame", `${base}/blame?path=missing.txt`, { headers: admin })).status).toBe(
      404,
    );
    expect((await client.call("getBlame", `${base}/blame`, { headers: admin })).status).toBe(400);
    const browse = (await client.call("browse", `${base}/browse?path=src`, { headers: admin })).body as {
      files: Array<{ name: string; description: string }>;
    };
    expect(browse.files.map((f) => f.name)).toContain("engine.ts");
    expect(browse.files.every((f) => f.description)).toBe(true);
    expect((await client.call("browse", `${base}/browse?path=nope`, { headers: admin })).status).toBe(404);
    const content = await client.call("getContent", `${base}/content?path=README.md&revision=${head}`, {
      headers: admin,
    });
    expect(content.text).toMatch(/^# Demo repository/);
    const diff = await client.call("getDiff", `${base}/diff?revision=${head}&format=GIT`, { headers: admin });
    expect(diff.text).toMatch(/^diff --git/);
    const svn = [...sim.world.scm.repositories.values()].find((r) => r.type === "svn")!;
    expect(
      (await client.call("getBranches", `/repositories/${svn.id}/branches`, { headers: admin })).status,
    ).toBe(400);
    expect((await client.call("getTags", `/repositories/${svn.id}/tags`, { headers: admin })).status).toBe(
      400,
    );
    expect(
      (await client.call("getChangesets", `/repositories/${svn.id}/changesets`, { headers: admin })).status,
    ).toBe(200);
  });

  it("exercises every operation of the contract", () => {
    expect(client.unexercised()).toEqual([]);
  });
});
