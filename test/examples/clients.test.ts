import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDashboard, loadRepository } from "../../examples/frontend/backup-dashboard.js";
import { encodeId } from "../../src/graphql/global-id.js";
import { startHarness, type Harness } from "../support/gateway.js";

/** The examples run as their users would run them, against a gateway over the simulators. */

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const keys = {
  API_KEYS: `dashboard:read:${sha256("dashboard-key")},ops-tool:read+write:${sha256("tool-key")}`,
  ANONYMOUS_ACCESS: "off",
};
const manifest = fileURLToPath(
  new URL("../../examples/frontend/gql/persisted-documents.json", import.meta.url),
);
const tool = fileURLToPath(new URL("../../examples/internal-tool/attach-unprotected.ts", import.meta.url));
let h: Harness;

beforeAll(async () => {
  h = await startHarness({ env: keys });
});
afterAll(() => h.close());

describe("the typed frontend module (client preset)", () => {
  const client = () => ({ url: h.gateway.url, headers: { "x-api-key": "dashboard-key" } });

  it("loads the dashboard and a repository page with the generated documents", async () => {
    const rows = await loadDashboard(client());
    expect(rows.map((r) => r.name).sort()).toEqual(
      [...h.sim.world.gitprotect.organizations.values()].map((o) => o.name).sort(),
    );
    expect(rows.every((r) => r.coverage >= 0 && r.coverage <= 100)).toBe(true);
    const repo = [...h.sim.world.scm.repositories.values()].find((r) => r.type === "git" && !r.archived)!;
    const page = await loadRepository(
      client(),
      encodeId({ type: "Repository", host: "scm", repositoryId: repo.id }),
    );
    expect(page?.name).toBe(repo.name);
    expect(page?.branches?.nodes.length).toBeGreaterThan(0);
    expect(page?.changesets?.nodes.length).toBeLessThanOrEqual(10);
  });

  it("runs by hash alone on a gateway that runs only the manifest's operations", async () => {
    const locked = await startHarness({ env: { ...keys, TRUSTED_DOCUMENTS: manifest } });
    try {
      const persisted = {
        url: locked.gateway.url,
        headers: { "x-api-key": "dashboard-key" },
        persisted: true,
      };
      expect((await loadDashboard(persisted)).length).toBe(h.sim.world.gitprotect.organizations.size);
      const adHoc = await locked.query(`{ organizations(first: 1) { totalCount } }`, undefined, {
        "x-api-key": "dashboard-key",
      });
      expect(adHoc.status).toBe(400);
      expect(adHoc.errors?.[0]?.extensions?.code).toBe("OPERATION_NOT_TRUSTED");
    } finally {
      await locked.close();
    }
  });
});

describe("the internal tool (plain HTTP, an API key)", () => {
  const run = (apiKey: string, ...args: string[]) =>
    promisify(execFile)(process.execPath, ["--import", "tsx", tool, ...args], {
      env: { ...process.env, GATEWAY_URL: h.gateway.url, GATEWAY_API_KEY: apiKey },
    }).then(
      ({ stdout }) => ({ code: 0, out: stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({
        code: error.code,
        out: error.stdout + error.stderr,
      }),
    );
  const planContents = () =>
    new Map([...h.sim.world.gitprotect.plans.values()].map((p) => [p.name, [...p.repositoriesIds]]));
  /** A plan that takes repositories one by one (no rules, not "all"), whose organization has some in no plan. */
  const target = () => {
    const { organizations, plans, repositories } = h.sim.world.gitprotect;
    const plansOf = (organizationId: string) =>
      [...plans.values()].filter((p) => p.organizationId === organizationId);
    const plan = [...plans.values()].find((candidate) => {
      const all = plansOf(candidate.organizationId);
      if (all.some((p) => p.inculdeAllReposistories || p.azure)) return false;
      return [...repositories.values()].some(
        (r) =>
          r.organizationId === candidate.organizationId &&
          !r.isRemoved &&
          !all.some((p) => p.repositoriesIds.includes(r.id)),
      );
    })!;
    return { organization: organizations.get(plan.organizationId)!.name, plan: plan.name };
  };

  it("stops with the gateway's reason when its key may only read, having changed nothing", async () => {
    const { organization, plan } = target();
    const before = planContents();
    const refused = await run("dashboard-key", organization, plan);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/FORBIDDEN|write/);
    expect(planContents()).toEqual(before);
  });

  it("attaches the repositories no plan holds, and only them", async () => {
    const { organization, plan } = target();
    const planned = await run("tool-key", organization, plan, "--dry-run");
    expect(planned.code).toBe(0);
    const count = Number(/would attach (\d+)/.exec(planned.out)?.[1]);
    expect(count).toBeGreaterThan(0);
    const before = planContents();
    const done = await run("tool-key", organization, plan);
    expect(done).toMatchObject({
      code: 0,
      out: expect.stringContaining(`attached ${count} to "${plan}"`) as string,
    });
    // The plan holds `count` more repositories, and no other plan changed.
    const after = planContents();
    for (const [name, ids] of before)
      expect(after.get(name)!.length - ids.length).toBe(name === plan ? count : 0);
    expect((await run("tool-key", organization, plan, "--dry-run")).out).toContain("would attach 0");
  });
});
