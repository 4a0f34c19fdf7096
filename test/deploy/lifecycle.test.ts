import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayEnvironment, startSimulators, type Simulators } from "../../simulators/start-simulators.js";
import { post, startGatewayProcess } from "../support/processes.js";

/** The compiled gateway as the image runs it (`node dist/main.js`), and how it stops. */

const root = new URL("../../", import.meta.url).pathname;
let sim: Simulators;

beforeAll(async () => {
  execFileSync("npm", ["run", "--silent", "build"], { cwd: root, stdio: "ignore" });
  sim = await startSimulators({ ports: { gitprotect: 0, azureDevOps: 0, scmManager: 0 } });
}, 120_000);
afterAll(() => sim?.close());

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );

describe("the compiled gateway", () => {
  it("imports nothing but Node's own modules and the production dependencies", () => {
    const { dependencies } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    const imported = new Set<string>();
    for (const file of filesUnder(join(root, "dist")).filter((f) => f.endsWith(".js")))
      for (const [, specifier] of readFileSync(file, "utf8").matchAll(
        /(?:from|import)\s*\(?\s*"([^".][^"]*)"/g,
      ))
        imported.add(
          specifier!.startsWith("@")
            ? specifier!.split("/").slice(0, 2).join("/")
            : specifier!.split("/")[0]!,
        );
    const foreign = [...imported].filter(
      (name) => !name.startsWith("node:") && !builtinModules.includes(name) && !(name in dependencies),
    );
    expect(foreign).toEqual([]);
    expect(imported.has("graphql")).toBe(true);
  });

  it("on SIGTERM finishes the request in flight, exits 0 and accepts nothing more", async () => {
    const gateway = await startGatewayProcess(gatewayEnvironment(sim), "dist/main.js");
    sim.gitprotect.faults.setRules([{ operation: "*", latencyMs: 1_500 }]);
    try {
      const inFlight = post(gateway.url, "{ organizations(first: 2) { nodes { name } } }");
      await new Promise((resolve) => setTimeout(resolve, 500));
      process.kill(gateway.pid, "SIGTERM");
      const answer = await inFlight;
      expect(answer.errors).toBeUndefined();
      expect((answer.data as { organizations: { nodes: unknown[] } }).organizations.nodes).toHaveLength(2);
      expect(await gateway.exited).toBe(0);
      await expect(fetch(gateway.url.replace("/graphql", "/health"))).rejects.toThrow();
    } finally {
      sim.gitprotect.faults.setRules([]);
      await gateway.stop();
    }
  });
});

describe("the demo", () => {
  it("on SIGTERM stops its upstreams, removes its temporary world and exits 0", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "simulators/demo.ts"], {
      cwd: root,
      env: { PATH: process.env.PATH, PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    await new Promise<void>((resolve) =>
      child.stdout.on("data", () => output.includes("gateway ready") && resolve()),
    );
    const world = /git data in (\S+),/.exec(output)![1]!;
    expect(existsSync(world)).toBe(true);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(existsSync(world)).toBe(false);
  }, 60_000);
});
