import { mkdir, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { execFileSync, spawn } from "node:child_process";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { freePort, startGatewayProcess } from "../test/support/processes.js";
import { summarize, timed } from "./measure.js";

/**
 * `npm run soak [-- --seconds=N] [--rate=R] [--no-fault] [--pin]`: mixed load on a gateway process with a capped heap, and half-way
 * SCM-Manager starts to hang. Shown: resident memory over time (flat), every error explained by
 * the fault (SCM-Manager, UPSTREAM_UNAVAILABLE), and the latency of queries that do not touch
 * SCM-Manager before and after the fault.
 */

const seconds = Number(process.argv.find((a) => a.startsWith("--seconds="))?.split("=")[1] ?? 180);
/** `--no-fault`: the same load without the hang, to tell the fault's effect from the load's. */
const fault = !process.argv.includes("--no-fault");
/** Requests per second, offered whatever the answers do; about half what this load saturates at here. */
const rate = Number(process.argv.find((a) => a.startsWith("--rate="))?.split("=")[1] ?? 400);
/** `--pin`: the gateway on the first core, the load and the simulators on the second, so they do not share one. */
const pin = process.argv.includes("--pin");
const maxInFlight = 1024;
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
    for (const pid of [upstreams.pid, process.pid]) onCore(pid, 1);
  }
  const started = performance.now();
  const elapsed = () => (performance.now() - started) / 1000;
  const half = seconds / 2;
  /** The first tenth fills the caches: its cold answers are not the steady state compared. */
  const warmUp = seconds / 10;
  const latencies = { before: [] as number[], after: [] as number[] };
  const touched = { before: [] as number[], after: [] as number[] };
  const errors = new Map<string, number>();
  const memory: Array<[number, number]> = [];
  const sampler = setInterval(
    () => memory.push([Math.round(elapsed()), Math.round(rssMb(gateway.pid))]),
    5_000,
  );
  const served: Record<string, Promise<Buckets>> = {};
  // The load client's own event loop: a delay there counts in the latencies it measures.
  const clientLoop = monitorEventLoopDelay({ resolution: 1 });
  const clientLoopMs: number[] = [];
  const clientLoopSample = () => {
    clientLoopMs.push(Math.round(clientLoop.percentile(99) / 1e5) / 10);
    clientLoop.reset();
  };
  const warmedAt = setTimeout(() => {
    served.warm = untouchedBuckets(gateway.url);
    clientLoop.enable();
  }, warmUp * 1000);
  const faultAt = setTimeout(() => {
    served.half = untouchedBuckets(gateway.url);
    clientLoopSample();
    if (fault) void upstreams.hangScm();
  }, half * 1000);

  // Open loop: requests leave on a fixed schedule whatever the answers do, so a fault that makes some
  // answers fast (an open breaker) does not raise the offered load, and a latency counts from the
  // scheduled start (no coordinated omission).
  const inFlight = new Set<Promise<void>>();
  let dropped = 0;
  const send = async (n: number, scheduled: number) => {
    const query = n % 4 === 0 ? touching : untouched;
    const { body } = await timed(gateway.url, query).catch(() => ({ body: { errors: [{}] } }));
    const ms = performance.now() - scheduled;
    const at = (scheduled - started) / 1000;
    if (at >= warmUp) (query === untouched ? latencies : touched)[at < half ? "before" : "after"].push(ms);
    for (const error of (body.errors ?? []) as Array<{
      extensions?: { code?: string; upstream?: string };
    }>) {
      const key = `${error.extensions?.upstream ?? "-"} ${error.extensions?.code ?? "?"}`;
      errors.set(key, (errors.get(key) ?? 0) + 1);
    }
  };
  for (let n = 0; elapsed() < seconds; n += 1) {
    const scheduled = started + (n * 1000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (inFlight.size >= maxInFlight) {
      dropped += 1;
      continue;
    }
    const request = send(n, scheduled).finally(() => inFlight.delete(request));
    inFlight.add(request);
  }
  await Promise.all(inFlight);
  const end = await untouchedBuckets(gateway.url);
  clientLoopSample();
  clearInterval(sampler);
  clearTimeout(faultAt);
  clearTimeout(warmedAt);
  await gateway.stop();

  const report = {
    fault,
    pinned: pin,
    seconds,
    rate,
    dropped,
    heapMb,
    memoryMb: memory,
    untouchedBefore: summarize(latencies.before),
    untouchedAfter: summarize(latencies.after),
    /** As the gateway measured them (its histogram): the share of untouched queries answered within each bound. */
    untouchedServedBefore: within(await served.warm!, await served.half!),
    untouchedServedAfter: within(await served.half!, end),
    /** p99 of the load client's event-loop delay (ms) in each half, 1 ms resolution. */
    loadClientLoopDelayP99Ms: clientLoopMs,
    touchingBefore: summarize(touched.before),
    touchingAfter: summarize(touched.after),
    errors: Object.fromEntries(errors),
  };
  const firstHalf = memory.filter(([t]) => t <= half).map(([, mb]) => mb);
  const secondHalf = memory.filter(([t]) => t > half).map(([, mb]) => mb);
  console.log(JSON.stringify(report, null, 2));
  console.log(
    `memory: first half peak ${Math.max(...firstHalf)} MB, second half peak ${Math.max(...secondHalf)} MB`,
  );
  console.log(
    `untouched p99: ${report.untouchedBefore.p99.toFixed(1)} ms before, ${report.untouchedAfter.p99.toFixed(1)} ms after`,
  );
  console.log(
    `untouched served by the gateway within 5/10/25 ms: before ${JSON.stringify(report.untouchedServedBefore)}, after ${JSON.stringify(report.untouchedServedAfter)}`,
  );
  await mkdir(new URL("./results/", import.meta.url), { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
  await writeFile(new URL(`./results/${stamp}-soak.json`, import.meta.url), JSON.stringify(report, null, 2));
}

await main();
