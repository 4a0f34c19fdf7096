import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface GatewayProcess {
  url: string;
  pid: number;
  output(): string;
  /** Its exit code once it has exited (null when a signal ended it). */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * A gateway replica in a process of its own, configured by `env`; `entry` another start: a `.ts`
 * one runs through tsx, a compiled `.js` one (`dist/main.js`, as the image runs it) on Node alone;
 * `nodeArgs` go to Node before it (those NODE_OPTIONS may not hold, such as `--cpu-prof`).
 */
export async function startGatewayProcess(
  env: Record<string, string>,
  entry = "src/main.ts",
  nodeArgs: string[] = [],
): Promise<GatewayProcess> {
  const port = await freePort();
  const args = [...nodeArgs, ...(entry.endsWith(".ts") ? ["--import", "tsx", entry] : [entry])];
  const child = spawn(process.execPath, args, {
    cwd: new URL("../../", import.meta.url).pathname,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Not left running behind the caller, who never receives it.
      child.kill("SIGKILL");
      reject(new Error(`gateway did not start:\n${output}`));
    }, 30_000);
    child.stdout.on("data", () => {
      if (output.includes("GraphQL gateway ready")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`gateway exited with ${code}:\n${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    pid: child.pid!,
    output: () => output,
    exited: new Promise((resolve) => child.once("exit", (code) => resolve(code))),
    stop: () => stop(child),
  };
}

/** A Redis server of the test's own on a free port, to stop and start again. */
export async function startRedis(
  port?: number,
): Promise<{ port: number; url: string; stop(): Promise<void> }> {
  const chosen = port ?? (await freePort());
  const child = spawn(
    "redis-server",
    ["--port", String(chosen), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis did not start:\n${output}`)), 10_000);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`redis exited with ${code}:\n${output}`)));
  });
  return { port: chosen, url: `redis://127.0.0.1:${chosen}`, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 3_000).unref();
  });
}

/** Posts a GraphQL request to a gateway URL. */
export async function post<T = unknown>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as {
    data: T;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    extensions?: Record<string, unknown>;
  };
}
