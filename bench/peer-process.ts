import { execFileSync, spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { freePort } from "../test/support/processes.js";
import type { Simulators } from "../simulators/start-simulators.js";

/**
 * The peer: GraphQL Mesh composed over the project's contracts and served by Hive Gateway
 * (bench/peers/, its configuration documented there). Installed on demand into bench/peers/
 * with its own lock file, never a dependency of the gateway.
 */
const folder = new URL("./peers/", import.meta.url).pathname;
const bin = (path: string) => `${folder}node_modules/${path}`;

/** `npm ci` in bench/peers/ unless what is installed is as new as its lock file. */
export function installPeer(log: (message: string) => void): void {
  const marker = bin(".package-lock.json");
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(`${folder}package-lock.json`).mtimeMs)
    return;
  log("installing the peer (GraphQL Mesh, Hive Gateway) into bench/peers/");
  execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: folder, stdio: "inherit" });
}

/** Composes the supergraph from the contracts, as `mesh-compose` does for a user. */
export function composePeer(): void {
  execFileSync(process.execPath, [bin("@graphql-mesh/compose-cli/esm/bin.js"), "-o", "supergraph.graphql"], {
    cwd: folder,
    stdio: "pipe",
  });
}

export interface PeerProcess {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Hive Gateway over the supergraph, its subgraphs pointed at the simulators. */
export async function startPeer(sim: Simulators): Promise<PeerProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [bin("@graphql-hive/gateway/dist/bin.js"), "supergraph", "supergraph.graphql", "--port", String(port)],
    {
      cwd: folder,
      env: {
        ...process.env,
        NODE_ENV: "production",
        GITPROTECT_URL: sim.gitprotect.url,
        AZURE_DEVOPS_URL: sim.azureDevOps.url,
        SCM_MANAGER_URL: sim.scmManager.url,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  try {
    await untilReady(
      `${url}/readiness`,
      () => output,
      () => child.exitCode !== null,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `${url}/graphql`, pid: child.pid!, stop };
}

async function untilReady(url: string, output: () => string, exited: () => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !exited()) {
    const ready = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the peer did not start:\n${output()}`);
}
