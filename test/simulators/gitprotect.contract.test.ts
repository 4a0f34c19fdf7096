import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gitprotectContract } from "../../simulators/gitprotect/gitprotect-simulator.js";
import { startSimulators, type Simulators } from "../../simulators/start-simulators.js";
import { contractClient } from "../support/contract-client.js";

let sim: Simulators;
let client: ReturnType<typeof contractClient>;
let admin: string;
let viewer: string;

type Page<T> = { currentPage: number; pageCount: number; totalEntries: number; result: T[] };
type Organization = {
  id: string;
  name: string;
  driver: number;
  removedRepositories: number;
  totalRepositories: number;
};
type Repository = {
  id: string;
  name: string;
  url: string;
  organizationId: string;
  isLicenceActive: boolean;
  isRemoved: boolean;
  plans: Array<{ id: string }>;
};
type Plan = Record<string, unknown> & {
  id: string;
  repositoriesIds: string[];
  organizationId: string;
  type: number;
};

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  sim = await startSimulators({ ports: { gitprotect: 0, azureDevOps: 0, scmManager: 0 } });
  client = contractClient(gitprotectContract, sim.gitprotect, sim.gitprotect.url);
  const signIn = async (email: string, password: string) =>
    (
      (
        await client.call("login", "/account/login", {
          method: "POST",
          body: { email, password, rememberMe: true },
        })
      ).body as { accessToken: string }
    ).accessToken;
  admin = await signIn("admin@gitprotect.test", "Admin-pass-1");
  viewer = await signIn("viewer@gitprotect.test", "Viewer-pass-1");
});
afterAll(() => sim.close());

const post = (operation: string, path: string, body: unknown, token = admin) =>
  client.call(operation, path, { method: "POST", body, headers: auth(token) });

async function organizations(): Promise<Organization[]> {
  return (
    (await post("getOrganizations", "/git/organizations/getmany", { limit: 100 })).body as Page<Organization>
  ).result;
}
async function repositoriesOf(organizationId: string): Promise<Repository[]> {
  return (
    (await post("getRepositories", "/git/repositories/getmany", { id: organizationId, limit: 1000 }))
      .body as Page<Repository>
  ).result;
}
async function plansOf(organizationId: string): Promise<Plan[]> {
  return (
    (
      await post("listPlansAssignedToOrganization", "/plans/listassignedtoorganization", {
        organizationid: organizationId,
        limit: 100,
      })
    ).body as Page<Plan>
  ).result;
}

describe("GitProtect simulator", () => {
  it("signs in with a JWT and refuses wrong passwords with problem details", async () => {
    expect(admin.split(".")).toHaveLength(3);
    const wrong = await client.call("login", "/account/login", {
      method: "POST",
      body: { email: "admin@gitprotect.test", password: "nope" },
    });
    expect(wrong.status).toBe(401);
    const missing = await client.call("login", "/account/login", {
      method: "POST",
      body: { email: "admin@gitprotect.test" },
    });
    expect(missing.status).toBe(400);
    expect((missing.body as { errors: Record<string, string[]> }).errors).toHaveProperty("$");
  });

  it("answers 401 without a token, with a forged one and once the token expired", async () => {
    const none = await client.call("getOrganizations", "/git/organizations/getmany", {
      method: "POST",
      body: {},
    });
    expect(none.status).toBe(401);
    expect(
      (await post("getOrganizations", "/git/organizations/getmany", {}, admin.slice(0, -2) + "xx")).status,
    ).toBe(401);
    await fetch(`${sim.gitprotect.url}/_simulator/settings`, {
      method: "PATCH",
      body: JSON.stringify({ tokenTtlSeconds: -1 }),
    });
    const expired = await client.call("login", "/account/login", {
      method: "POST",
      body: { email: "viewer@gitprotect.test", password: "Viewer-pass-1" },
    });
    await fetch(`${sim.gitprotect.url}/_simulator/settings`, {
      method: "PATCH",
      body: JSON.stringify({ tokenTtlSeconds: 2592000 }),
    });
    expect(
      (
        await post(
          "getOrganizations",
          "/git/organizations/getmany",
          {},
          (expired.body as { accessToken: string }).accessToken,
        )
      ).status,
    ).toBe(401);
  });

  it("binds routes and property names without regard to case", async () => {
    const answer = await client.call("getOrganizations", "/GIT/Organizations/GetMany", {
      method: "POST",
      body: { LIMIT: 1, Page: 2 },
      headers: auth(admin),
    });
    const page = answer.body as Page<Organization>;
    expect(page.currentPage).toBe(2);
    expect(page.result).toHaveLength(1);
    expect(page.pageCount).toBe(page.totalEntries);
  });

  it("pages, orders and filters organizations, and refuses unknown fields", async () => {
    const all = await organizations();
    expect(all.map((o) => o.driver).sort()).toEqual([1, 4, 5]);
    const desc = (
      (
        await post("getOrganizations", "/git/organizations/getmany", {
          orderby: "name",
          ordertype: "desc",
          limit: 100,
        })
      ).body as Page<Organization>
    ).result;
    expect(desc.map((o) => o.name)).toEqual([...all.map((o) => o.name)].reverse());
    const filtered = (
      (
        await post("getOrganizations", "/git/organizations/getmany", {
          filters: [{ field: "Driver", operator: "eq", value: 4 }],
        })
      ).body as Page<Organization>
    ).result;
    expect(filtered.map((o) => o.driver)).toEqual([4]);
    const unknown = await post("getOrganizations", "/git/organizations/getmany", {
      filters: [{ field: "colour", value: "red" }],
    });
    expect(unknown.status).toBe(400);
    // The filter's shape is assumed: one in any other shape is refused, never honoured by a guess.
    for (const filters of [
      [{ name: "driver", value: 4 }],
      [{ driver: 4 }],
      { field: "driver", value: 4 },
      ["driver eq 4"],
    ])
      expect((await post("getOrganizations", "/git/organizations/getmany", { filters })).status).toBe(400);
    expect((await post("getOrganizations", "/git/organizations/getmany", { limit: 0 })).status).toBe(400);
  });

  it("lists an organization's repositories with their plans, and 404 for an unknown organization", async () => {
    for (const organization of await organizations()) {
      const repositories = await repositoriesOf(organization.id);
      expect(repositories.length).toBe(organization.totalRepositories);
    }
    expect(
      (
        await post("getRepositories", "/git/repositories/getmany", {
          id: "00000000-0000-4000-8000-000000000000",
        })
      ).status,
    ).toBe(404);
    expect((await post("getRepositories", "/git/repositories/getmany", { id: "not-a-guid" })).status).toBe(
      400,
    );
  });

  it("attaches and detaches a repository, and refuses unknown ids", async () => {
    const organization = (await organizations()).find((o) => o.driver === 4)!;
    const [plan] = await plansOf(organization.id);
    const repository = (await repositoriesOf(organization.id)).find(
      (r) => !plan!.repositoriesIds.includes(r.id),
    )!;
    expect(
      (
        await post("attachGitRepository", "/plans/AttachGitRepository", {
          PlanId: plan!.id,
          RepositoryId: repository.id,
        })
      ).status,
    ).toBe(200);
    expect((await plansOf(organization.id)).find((p) => p.id === plan!.id)!.repositoriesIds).toContain(
      repository.id,
    );
    expect(
      (
        await post("detachGitRepository", "/plans/detachgitrepository", {
          planid: plan!.id,
          repositoryid: repository.id,
        })
      ).status,
    ).toBe(200);
    expect((await plansOf(organization.id)).find((p) => p.id === plan!.id)!.repositoriesIds).not.toContain(
      repository.id,
    );
    expect(
      (
        await post("attachGitRepository", "/plans/attachgitrepository", {
          planid: "00000000-0000-4000-8000-000000000000",
          repositoryid: repository.id,
        })
      ).status,
    ).toBe(404);
  });

  it("attaches Azure DevOps projects only to plans with individual project selection", async () => {
    const organization = (await organizations()).find((o) => o.driver === 4)!;
    const plans = await plansOf(organization.id);
    const azurePlan = plans.find((p) => p.type === 2)!;
    const gitPlan = plans.find((p) => p.type === 1)!;
    const project = [...sim.world.azure.projects.values()][1]!;
    expect(
      (
        await post("attachAzureProject", "/plans/AttachAzureProject", {
          planId: azurePlan.id,
          projectId: project.id,
        })
      ).status,
    ).toBe(200);
    expect(
      (await plansOf(organization.id)).find((p) => p.id === azurePlan.id)!.projectsIds as string[],
    ).toContain(project.id);
    expect(
      (
        await post("detachAzureProject", "/plans/DetachAzureProject", {
          planId: azurePlan.id,
          projectId: project.id,
        })
      ).status,
    ).toBe(200);
    expect(
      (await plansOf(organization.id)).find((p) => p.id === azurePlan.id)!.projectsIds as string[],
    ).not.toContain(project.id);
    expect(
      (
        await post("attachAzureProject", "/plans/AttachAzureProject", {
          planId: gitPlan.id,
          projectId: project.id,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await post("detachAzureProject", "/plans/DetachAzureProject", {
          planId: azurePlan.id,
          projectId: "00000000-0000-4000-8000-000000000000",
        })
      ).status,
    ).toBe(404);
  });

  it("replaces the whole plan on modification: what the body leaves out is erased", async () => {
    const organization = (await organizations()).find((o) => o.driver === 4)!;
    const plans = await plansOf(organization.id);
    const git = plans.find((p) => p.type === 1 && p.repositoriesIds.length > 0)!;
    const minimal = {
      id: git.id,
      name: "Renamed plan",
      type: 1,
      backupType: 1,
      storageId: git.storageId,
      workerId: git.workerId,
      schedule: { frequency: "Daily", startTime: "03:00" },
      organizationId: git.organizationId,
    };
    const answer = await post("modifyGitPlan", "/plans/modifygitplan", minimal);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ name: "Renamed plan", repositoriesIds: [], advancedOptions: {} });
    const azure = plans.find((p) => p.type === 2)!;
    const modified = await post("modifyAzurePlan", "/plans/ModifyAzurePlanAsync", {
      ...minimal,
      id: azure.id,
      type: 2,
      gitChoiceMode: 2,
      projectsIds: [],
    });
    expect(modified.status).toBe(200);
    expect(
      (await post("modifyAzurePlan", "/plans/ModifyAzurePlanAsync", { ...minimal, type: 2 })).status,
    ).toBe(400);
    expect(
      (
        await post("modifyGitPlan", "/plans/modifygitplan", {
          ...minimal,
          schedule: { frequency: "Daily", startTime: "25:00" },
        })
      ).status,
    ).toBe(400);
  });

  it("needs a management role to activate, deactivate and remove", async () => {
    const organization = (await organizations()).find((o) => o.driver === 5)!;
    const [first, second] = await repositoriesOf(organization.id);
    expect(
      (await post("activateRepositories", "/git/repositories/activate", { Ids: [first!.id] }, viewer)).status,
    ).toBe(403);
    expect(
      (await post("deactivateRepositories", "/git/repositories/deactivate", { ids: [first!.id] })).status,
    ).toBe(200);
    expect((await repositoriesOf(organization.id)).find((r) => r.id === first!.id)!.isLicenceActive).toBe(
      false,
    );
    expect(
      (await post("activateRepositories", "/git/repositories/activate", { ids: [first!.id] })).status,
    ).toBe(200);
    expect((await repositoriesOf(organization.id)).find((r) => r.id === first!.id)!.isLicenceActive).toBe(
      true,
    );
    expect((await post("activateRepositories", "/git/repositories/activate", { ids: [] })).status).toBe(400);
    expect(
      (await post("removeRepository", "/git/repositories/remove", { id: second!.id }, viewer)).status,
    ).toBe(403);
    expect(
      (await post("removeRepository", "/git/repositories/remove", { id: second!.id, removedata: false }))
        .status,
    ).toBe(200);
    const kept = (await repositoriesOf(organization.id)).find((r) => r.id === second!.id)!;
    expect(kept).toMatchObject({ isRemoved: true, plans: [] });
    expect(
      (await post("removeRepository", "/git/repositories/remove", { id: second!.id, removedata: true }))
        .status,
    ).toBe(200);
    expect((await repositoriesOf(organization.id)).some((r) => r.id === second!.id)).toBe(false);
    expect((await post("removeRepository", "/git/repositories/remove", { id: second!.id })).status).toBe(404);
    // Removing from GitProtect never deletes the hosted repository.
    expect([...sim.world.scm.repositories.values()].some((r) => second!.url.includes(r.name))).toBe(true);
  });

  it("synchronizes an organization with its host: new repositories appear, renamed ones follow", async () => {
    const organization = (await organizations()).find((o) => o.driver === 4)!;
    const before = await repositoriesOf(organization.id);
    const unprotected = [...sim.world.azure.repositories.values()].filter(
      (r) => ![...sim.world.gitprotect.repositories.values()].some((g) => g.hosted?.id === r.id),
    );
    expect(unprotected.length).toBeGreaterThan(0);
    const renamed = [...sim.world.gitprotect.repositories.values()].find((r) => r.hosted?.host === "azure")!;
    sim.world.azure.repositories.get(renamed.hosted!.id)!.name = "renamed-upstream";
    expect(
      (await post("synchronizeOrganization", "/git/organizations/synchronize", { id: organization.id }))
        .status,
    ).toBe(200);
    const after = await repositoriesOf(organization.id);
    expect(after.length).toBe(before.length + unprotected.length);
    expect(after.find((r) => r.id === renamed.id)!.name).toBe("renamed-upstream");
    expect(
      (
        await post("synchronizeOrganization", "/git/organizations/synchronize", {
          id: "00000000-0000-4000-8000-000000000000",
        })
      ).status,
    ).toBe(404);
  });

  it("exercises every operation of the contract", () => {
    expect(client.unexercised()).toEqual([]);
  });
});
