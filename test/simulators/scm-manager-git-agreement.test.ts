import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulators, type Simulators } from "../../simulators/start-simulators.js";
import type { ScmRepository } from "../../simulators/world/model.js";
import { basic } from "../support/contract-client.js";

/** What the SCM-Manager simulator answers must be what git itself says about the same repository. */

let sim: Simulators;
let repo: ScmRepository;

const gitOut = (...args: string[]) =>
  execFileSync("git", ["--git-dir", repo.gitDir, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
const get = async <T>(path: string): Promise<T> => {
  const response = await fetch(`${sim.scmManager.url}/api/rest/repositories/${repo.id}${path}`, {
    headers: { authorization: basic("scmadmin", "scmadmin"), accept: "application/json" },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
};

beforeAll(async () => {
  sim = await startSimulators({
    ports: { gitprotect: 0, azureDevOps: 0, scmManager: 0 },
    world: { commits: 60, branches: 5, fileLines: 150 },
  });
  repo = [...sim.world.scm.repositories.values()].find((r) => r.type === "git")!;
});
afterAll(() => sim.close());

describe("SCM-Manager simulator agrees with git", () => {
  it("branches", async () => {
    const { branch } = await get<{ branch: Array<{ name: string; revision: string }> }>("/branches");
    const expected = gitOut("for-each-ref", "--format=%(refname:short) %(objectname)", "refs/heads")
      .trim()
      .split("\n")
      .map((line) => {
        const [name, revision] = line.split(" ");
        return { name, revision };
      });
    expect(branch).toEqual(expected);
    expect(branch.length).toBe(5);
  });

  it("changesets of a branch, page by page, with their parents and total", async () => {
    const expected = gitOut("rev-list", "--parents", "refs/heads/main").trim().split("\n");
    const seen: Array<{ id: string; parents: string[] }> = [];
    let total = 0;
    for (let start = 0; start < expected.length; start += 7) {
      const page = await get<{ total: number; changesets: Array<{ id: string; parents: string[] }> }>(
        `/changesets?branch=main&start=${start}&limit=7`,
      );
      total = page.total;
      seen.push(...page.changesets);
    }
    expect(total).toBe(expected.length);
    expect(seen.map((c) => [c.id, ...c.parents].join(" "))).toEqual(expected);
    expect(seen.some((c) => c.parents.length === 2)).toBe(true);
  });

  it("changesets of one path", async () => {
    const expected = gitOut("rev-list", "HEAD", "--", "src/util.ts").trim().split("\n");
    const page = await get<{ total: number; changesets: Array<{ id: string }> }>(
      `/changesets?path=src/util.ts&limit=1000`,
    );
    expect(page.total).toBe(expected.length);
    expect(page.changesets.map((c) => c.id)).toEqual(expected);
  });

  it("one changeset's author, date and modifications", async () => {
    const id = gitOut("rev-parse", "HEAD~3").trim();
    const changeset = await get<{
      author: { name: string; mail: string };
      date: number;
      modifications: { added: string[]; modified: string[]; removed: string[] };
    }>(`/changeset/${id}`);
    const [name, mail, time] = gitOut("show", "-s", "--format=%an%x00%ae%x00%at", id).trim().split("\0");
    expect(changeset.author).toEqual({ name, mail });
    expect(changeset.date).toBe(Number(time) * 1000);
    const changed = gitOut("diff-tree", "--no-commit-id", "--name-status", "-r", "--no-renames", `${id}^`, id)
      .trim()
      .split("\n");
    const byKind = (letter: string) =>
      changed.filter((l) => l.startsWith(letter)).map((l) => l.split("\t")[1]);
    expect(changeset.modifications).toEqual({
      added: byKind("A"),
      modified: byKind("M"),
      removed: byKind("D"),
    });
  });

  it("blame: every line's changeset, author, time and code, with many authors", async () => {
    const { blamelines, total } = await get<{
      total: number;
      blamelines: Array<{
        lineNumber: number;
        revision: string;
        author: { name: string; mail: string };
        when: number;
        code: string;
      }>;
    }>("/blame?path=src/engine.ts");
    const porcelain = gitOut("blame", "--line-porcelain", "HEAD", "--", "src/engine.ts").split("\n");
    const expected: Array<{
      lineNumber: number;
      revision: string;
      author: string;
      mail: string;
      when: number;
      code: string;
    }> = [];
    let current: Partial<(typeof expected)[number]> = {};
    for (const line of porcelain) {
      const header = /^([0-9a-f]{40}) \d+ (\d+)/.exec(line);
      if (header) current = { revision: header[1], lineNumber: Number(header[2]) };
      else if (line.startsWith("author ")) current.author = line.slice(7);
      else if (line.startsWith("author-mail ")) current.mail = line.slice(13, -1);
      else if (line.startsWith("author-time ")) current.when = Number(line.slice(12)) * 1000;
      else if (line.startsWith("\t"))
        expected.push({ ...(current as (typeof expected)[number]), code: line.slice(1) });
    }
    expect(total).toBe(expected.length);
    expect(
      blamelines.map((l) => ({
        lineNumber: l.lineNumber,
        revision: l.revision,
        author: l.author.name,
        mail: l.author.mail,
        when: l.when,
        code: l.code,
      })),
    ).toEqual(expected);
    expect(new Set(blamelines.map((l) => l.author.name)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(blamelines.map((l) => l.revision)).size).toBeGreaterThanOrEqual(10);
  });

  it("file content and folder listing", async () => {
    const response = await fetch(
      `${sim.scmManager.url}/api/rest/repositories/${repo.id}/content?path=src/engine.ts`,
      {
        headers: { authorization: basic("scmadmin", "scmadmin") },
      },
    );
    expect(await response.text()).toBe(gitOut("show", "HEAD:src/engine.ts"));
    const browse = await get<{ files: Array<{ name: string; directory: boolean }> }>("/browse");
    const expected = gitOut("ls-tree", "HEAD")
      .trim()
      .split("\n")
      .map((l) => l.split("\t")[1]);
    expect(browse.files.map((f) => f.name).sort()).toEqual(expected.sort());
  });
});
