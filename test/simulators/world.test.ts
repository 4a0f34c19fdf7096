import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulators, type Simulators } from "../../simulators/start-simulators.js";
import { hostedCloneUrl } from "../../simulators/world/clone-urls.js";

const ports = { gitprotect: 0, azureDevOps: 0, scmManager: 0 };
let first: Simulators;
let second: Simulators;

beforeAll(async () => {
  [first, second] = await Promise.all([startSimulators({ ports }), startSimulators({ ports })]);
});
afterAll(async () => {
  await Promise.all([first.close(), second.close()]);
});

const headOf = (gitDir: string) =>
  execFileSync("git", ["--git-dir", gitDir, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();

describe("the simulated world", () => {
  it("is deterministic for a seed: same ids, same git commits", () => {
    expect([...first.world.gitprotect.repositories.keys()]).toEqual([
      ...second.world.gitprotect.repositories.keys(),
    ]);
    expect([...first.world.azure.repositories.keys()]).toEqual([...second.world.azure.repositories.keys()]);
    const heads = (s: Simulators) => [...s.world.scm.repositories.values()].map((r) => headOf(r.gitDir));
    expect(heads(first)).toEqual(heads(second));
  });

  it("links GitProtect repositories to hosted ones by clone URL, in several spellings", () => {
    const records = [...first.world.gitprotect.repositories.values()];
    const hosted = records.filter((r) => r.hosted);
    expect(hosted.length).toBeGreaterThan(0);
    for (const record of hosted) {
      const url = hostedCloneUrl(first.world, record.hosted!)!;
      const path = (u: string) =>
        decodeURIComponent(u.replace(/^\w+:\/\/(?:[^@/]*@)?[^/]+/, "").replace(/\.git$|\/$/, ""));
      expect(path(record.url)).toBe(path(url));
    }
    expect(new Set(hosted.map((r) => r.url.slice(0, 4)))).toEqual(new Set(["http", "ssh:"]));
    expect(hosted.some((r) => r.url.endsWith(".git"))).toBe(true);
    expect(hosted.some((r) => r.url.includes("@"))).toBe(true);
  });

  it("has repositories only GitProtect knows and hosted ones nothing backs up", () => {
    const records = [...first.world.gitprotect.repositories.values()];
    expect(records.some((r) => !r.hosted && r.url.startsWith("https://github.com/"))).toBe(true);
    const backedUp = new Set(records.map((r) => r.hosted?.id));
    expect([...first.world.azure.repositories.keys()].some((id) => !backedUp.has(id))).toBe(true);
    expect([...first.world.scm.repositories.keys()].some((id) => !backedUp.has(id))).toBe(true);
  });

  it("has plans with schedules, repositories in several plans and inactive licences", () => {
    const plans = [...first.world.gitprotect.plans.values()];
    expect(plans.every((p) => p.schedule.startTime)).toBe(true);
    const membership = new Map<string, number>();
    for (const plan of plans)
      for (const id of plan.repositoriesIds) membership.set(id, (membership.get(id) ?? 0) + 1);
    expect([...membership.values()].some((n) => n > 1)).toBe(true);
    expect([...first.world.gitprotect.repositories.values()].some((r) => !r.isLicenceActive)).toBe(true);
    expect(plans.some((p) => p.type === 2)).toBe(true);
  });

  it("grows by parameters and shares git histories when asked", async () => {
    const big = await startSimulators({
      ports,
      world: {
        organizations: 5,
        repositoriesPerOrganization: 40,
        plans: 10,
        branches: 6,
        commits: 50,
        sharedHistories: 2,
      },
    });
    try {
      expect(big.world.gitprotect.repositories.size).toBe(5 * 40);
      expect(big.world.gitprotect.organizations.size).toBe(5);
      expect(big.world.gitprotect.plans.size).toBe(10);
      // Each Azure DevOps organization also has one empty repository, which shares nothing.
      const withHistory = [...big.world.azure.repositories.values()].filter(
        (r) => !r.name.startsWith("empty-"),
      );
      const gitDirs = new Set(withHistory.map((r) => r.gitDir));
      expect(gitDirs.size).toBe(2);
      const branches = execFileSync("git", ["--git-dir", [...gitDirs][0]!, "for-each-ref", "refs/heads"], {
        encoding: "utf8",
      });
      expect(branches.trim().split("\n")).toHaveLength(6);
    } finally {
      await big.close();
    }
  });

  it("refuses out-of-range parameters with a clear message", async () => {
    await expect(startSimulators({ ports, world: { commits: 1 } })).rejects.toThrow(
      /commits must be an integer between 2/,
    );
  });
});
