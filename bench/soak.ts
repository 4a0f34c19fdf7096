import { mkdir, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { execFileSync, spawn } from "node:child_process";
import { freePort, startGatewayProcess } from "../test/support/processes.js";
import type { LoadPlan, LoadReport } from "./soak-load.js";

/**
 * `npm run soak [-- --seconds=N] [--rate=R] [--no-fault] [--pin]`: mixed load on a gateway process with a capped heap, and half-way
 * SCM-Manager starts to hang. Shown: resident memory over time (flat), every error explained by
 * the fault (SCM-Manager, UPSTREAM_UNAVAILABLE), and the latency of queries that do not touch
 * SCM-Manager before and after the fault. The two queries are sent by two client processes, as
 * different clients send them: in one process, the burst of failed answers a hang releases was read
 * by the same event loop that timed the untouched answers, and counted in their latency.
 */

const seconds = Number(process.argv.find((a) => a.startsWith("--seconds="))?.split("=")[1] ?? 180);
/** `--no-fault`: the same load without the hang, to tell the fault's effect from the load's. */
const fault = !process.argv.includes("--no-fault");
/** Requests per second, offered whatever the answers do; about half what this load saturates at here. */
const rate = Number(process.argv.find((a) => a.startsWith("--rate="))?.split("=")[1] ?? 400);
/** `--pin`: the gateway on the first core, the load and the simulators on the second, so they do not share one. */
const pin = process.argv.includes("--pin");
const heapMb = 256;

const untouched = `query Untouched { organizations(first: 5) { nodes { name } } azure: repositories(first: 20, host: AZURE_DEVOPS) { nodes { name defaultBranch { name } } } }`;
const touching = `query Touching { scm: repositories(first: 20, host: SCM_MANAGER) { nodes { name branches(first: 5) { nodes { name } } } } }`;

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;

/** The simulators in a process of their own, as real upstreams are: their sockets are not the load's. */
async function startUpstreams() {
  const ports = await Promise.all([freePort(), freePort(), freePort()]);
  const child = spawn(process.execPath, ["--import", "tsx", "simulators/main.ts"], {
    cwd: new URL("../", import.meta.url).pathname,
    env: {
      ...process.env,
      GITPROTECT_SIM_PORT: String(ports[0]),
      AZURE_DEVOPS_SIM_PORT: String(ports[1]),
      SCM_MANAGER_SIM_PORT: String(ports[2]),
      SIM_LATENCY_MS: "20",
      SIM_JITTER_MS: "5",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // The simulators print the variables a gateway over them needs: taken as they are, not rebuilt.
  const printed = await new Promise<string>((resolve) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("npm start")) resolve(output);
    });
  });
  const env = Object.fromEntries(
    [...printed.matchAll(/^\s+([A-Z_]+)=(\S+)/gm)].map(([, name, value]) => [name!, value!]),
  );
  const scm = new URL(env.SCM_MANAGER_URL!).origin;
  return {
    env,
    hangScm: () =>
      fetch(`${scm}/_simulator/faults`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify([{ operation: "getBranches", hang: true }]),
      }),
    pid: child.pid!,
    stop: () => child.kill("SIGTERM"),
  };
}

/**
 * Cumulative counts of the gateway's request-duration histogram for the untouched query, by upper
 * bound, and its event loop's delay since the last scrape (prom-client starts it over at each).
 */
type Buckets = Map<string, number>;

async function untouchedBuckets(graphqlUrl: string): Promise<Buckets> {
  const text = await (await fetch(new URL("/metrics", graphqlUrl))).text();
  const buckets: Buckets = new Map();
  for (const [, name, value] of text.matchAll(/^gateway_nodejs_eventloop_lag_(p99|max)_seconds (\S+)/gm))
    buckets.set(`loop ${name}`, Number(value));
  const pattern = /^gateway_request_duration_seconds_bucket\{([^}]*)\} (\d+)/gm;
  for (const [, labels, count] of text.matchAll(pattern))
    if (labels!.includes('operation="Untouched"'))
      buckets.set(/le="([^"]+)"/.exec(labels!)![1]!, Number(count));
  return buckets;
}

/** Between two scrapes: the share (percent) of requests answered within 5, 10 and 25 ms, and the event loop's delay. */
function within(from: Buckets, to: Buckets) {
  const count = (le: string) => (to.get(le) ?? 0) - (from.get(le) ?? 0);
  const total = count("+Inf");
  const share = (le: string) => (total === 0 ? 0 : Math.round((10_000 * count(le)) / total) / 100);
  const loopMs = (name: string) => Math.round((to.get(`loop ${name}`) ?? 0) * 10_000) / 10;
  return {
    requests: total,
    "5ms": share("0.005"),
    "10ms": share("0.01"),
    "25ms": share("0.025"),
    loopDelayP99Ms: loopMs("p99"),
    loopDelayMaxMs: loopMs("max"),
  };
}

/** Every thread of the process (the thread pool compresses) on one core. */
const onCore = (pid: number, core: number) =>
  execFileSync("taskset", ["-a", "-cp", String(core), String(pid)]);

async function main() {
  // The gateway as production runs it: compiled, on Node alone (tsx's source maps make every error dearer).
  execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
  const upstreams = await startUpstreams();
  try {
    await soak(upstreams);
  } finally {
    upstreams.stop();
  }
}

async function soak(upstreams: Awaited<ReturnType<typeof startUpstreams>>) {
  const gateway = await startGatewayProcess(
    {
      ...upstreams.env,
      NODE_ENV: "production",
      NODE_OPTIONS: `--max-old-space-size=${heapMb}`,
      RATE_LIMIT: "0",
      // Its own request-duration histogram tells the gateway's share of the latency from the load client's.
      METRICS: "on",
      LOG_LEVEL: "warn",
      UPSTREAM_TIMEOUT_MS: "2000",
      // Stale branches would hide the hang from clients; the soak wants its errors seen and explained.
      CACHE_STALE_IF_ERROR_SECONDS: "0",
    },
    "dist/main.js",
  );
  if (pin) {
    onCore(gateway.pid, 0);
    onCore(upstreams.pid, 1);
  }
  const half = seconds / 2;
  /** The first tenth fills the caches: its cold answers are not the steady state compared. */
  const warmUp = seconds / 10;
  // Both clients begin at one moment, once both have started.
  const plan = { url: gateway.url, startAt: Date.now() + 3_000, seconds, warmUp, half };
  const loads = {
    untouched: startLoad({ ...plan, query: untouched, rate: (rate * 3) / 4 }),
    touching: startLoad({ ...plan, query: touching, rate: rate / 4 }),
  };
  const at = (offset: number) => plan.startAt + offset * 1000 - Date.now();
  const memory: Array<[number, number]> = [];
  const sampler = setInterval(
    () => memory.push([Math.round((Date.now() - plan.startAt) / 1000), Math.round(rssMb(gateway.pid))]),
    5_000,
  );
  const served: Record<string, Promise<Buckets>> = {};
  const warmedAt = setTimeout(() => {
    served.warm = untouchedBuckets(gateway.url);
  }, at(warmUp));
  const faultAt = setTimeout(() => {
    served.half = untouchedBuckets(gateway.url);
    if (fault) void upstreams.hangScm();
  }, at(half));
  const [untouchedLoad, touchingLoad] = await Promise.all([loads.untouched, loads.touching]);
  const end = await untouchedBuckets(gateway.url);
  clearInterval(sampler);
  clearTimeout(faultAt);
  clearTimeout(warmedAt);
  await gateway.stop();
  await report({
    fault,
    pinned: pin,
    seconds,
    rate,
    dropped: untouchedLoad.dropped + touchingLoad.dropped,
    heapMb,
    memoryMb: memory,
    untouchedBefore: untouchedLoad.before,
    untouchedAfter: untouchedLoad.after,
    /** As the gateway measured them (its histogram): the share of untouched queries answered within each bound. */
    untouchedServedBefore: within(await served.warm!, await served.half!),
    untouchedServedAfter: within(await served.half!, end),
    /** p99 of the untouched client's event-loop delay (ms) in each half, 1 ms resolution. */
    untouchedClientLoopDelayP99Ms: untouchedLoad.loopDelayP99Ms,
    touchingBefore: touchingLoad.before,
    touchingAfter: touchingLoad.after,
    errors: sumOf(untouchedLoad.errors, touchingLoad.errors),
  });
}

/** Error counts of both clients, by upstream and code, added together. */
function sumOf(...counts: Array<Record<string, number>>): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const count of counts) for (const [key, n] of Object.entries(count)) sum[key] = (sum[key] ?? 0) + n;
  return sum;
}

/** A client process (bench/soak-load.ts) sending one query by `plan`; its report once it is done. */
function startLoad(plan: LoadPlan): Promise<LoadReport> {
  const command = [process.execPath, "--import", "tsx", "bench/soak-load.ts"];
  const child = spawn(pin ? "taskset" : command[0]!, pin ? ["-a", "-c", "1", ...command] : command.slice(1), {
    cwd: new URL("../", import.meta.url).pathname,
    env: { ...process.env, SOAK_LOAD: JSON.stringify(plan) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) =>
    child.once("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(output.trim().split("\n").at(-1)!) as LoadReport)
        : reject(new Error(`a soak client exited with ${code}`)),
    ),
  );
}

async function report(result: {
  untouchedBefore: LoadReport["before"];
  untouchedAfter: LoadReport["after"];
  untouchedServedBefore: unknown;
  untouchedServedAfter: unknown;
  memoryMb: Array<[number, number]>;
  [name: string]: unknown;
}) {
  const half = seconds / 2;
  const firstHalf = result.memoryMb.filter(([t]) => t <= half).map(([, mb]) => mb);
  const secondHalf = result.memoryMb.filter(([t]) => t > half).map(([, mb]) => mb);
  console.log(JSON.stringify(result, null, 2));
  console.log(
    `memory: first half peak ${Math.max(...firstHalf)} MB, second half peak ${Math.max(...secondHalf)} MB`,
  );
  console.log(
    `untouched p99: ${result.untouchedBefore.p99.toFixed(1)} ms before, ${result.untouchedAfter.p99.toFixed(1)} ms after`,
  );
  console.log(
    `untouched served by the gateway within 5/10/25 ms: before ${JSON.stringify(result.untouchedServedBefore)}, after ${JSON.stringify(result.untouchedServedAfter)}`,
  );
  await mkdir(new URL("./results/", import.meta.url), { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
  await writeFile(new URL(`./results/${stamp}-soak.json`, import.meta.url), JSON.stringify(result, null, 2));
}

await main();
