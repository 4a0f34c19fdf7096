import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { primingPasses } from "./measure.js";
import { benchWorld, overview } from "./scenarios.js";
import {
  askCold,
  benchUpstreams,
  compiledGateway,
  gatewayEnv,
  invalidate,
  startImageGateway,
  startUpstreams,
} from "./upstreams.js";

/**
 * `npm run profile [-- --runs=N]`: the cold overview under `node --cpu-prof`, in the benchmark's
 * setting: the compiled gateway, started as the image starts it, with its caches on, over the
 * benchmark's world and upstreams (latency and capacity), primed with as many cold overviews as
 * the benchmark has priming passes, each overview made cold by the benchmark's three invalidating
 * writes. Only the samples taken from an overview's ask to its answer are counted (not startup, the
 * priming or the writes; a collection the writes left may fall in): the profile's clock and this
 * process's are the same monotonic clock. They are summed by what each sample was under (its whole
 * stack): the HTTP client, garbage collection, GraphQL execution, contract validation, JSON parsing.
 * The CPU per overview is the gateway's threads', the profiler's own among them.
 */

const runs = Number(process.argv.find((a) => a.startsWith("--runs="))?.split("=")[1] ?? 20);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  /** Microseconds on the monotonic clock. */
  startTime: number;
}

/** When each overview was being answered, in microseconds on the monotonic clock. */
type Window = [number, number];
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

type Frame = ProfileNode["callFrame"];
const under = (stack: Frame[], test: (frame: Frame) => boolean) => stack.some(test);

/** What a sample was spent on, from its whole stack (innermost first): the costs the README names. */
function costOf(stack: Frame[]): string {
  const inner = stack[0]!.functionName;
  if (inner === "(idle)") return "idle";
  if (inner === "(garbage collector)") return "garbage collection";
  if (
    under(
      stack,
      (f) => /\/yaml\//.test(f.url) || ["compileSourceTextModule", "wrapSafe"].includes(f.functionName),
    )
  )
    return "startup (modules, contracts)";
  if (under(stack, (f) => f.url.includes("/ajv/") && f.functionName.includes("compile")))
    return "startup (validators compiled)";
  // ajv's compiled validators are nameless files' `validate<n>`; graphql-js's and prom-client's own `validate…` are not.
  if (under(stack, (f) => f.url.includes("/ajv/") || (f.url === "" && /^validate\d+$/.test(f.functionName))))
    return "contract validation of upstream answers";
  if (under(stack, (f) => f.url.endsWith("rest-client.js") && f.functionName === "parse"))
    return "JSON parsing of upstream answers";
  if (under(stack, (f) => f.url.includes("/undici/") || ["fetch", "sendRequest"].includes(f.functionName)))
    return "the HTTP client";
  if (under(stack, (f) => /\/(graphql|@apollo)\//.test(f.url))) return "GraphQL execution";
  return restOf(stack[0]!);
}

/** The rest, by where its innermost frame is: the gateway's own code, another package, or Node. */
function restOf(frame: Frame): string {
  if (frame.url.includes("/dist/http/")) return "the upstream HTTP layer (limit, breaker, cache, metrics)";
  if (frame.url.includes("/dist/")) return "the gateway's other code (services, loaders, clients, server)";
  if (frame.url.includes("/node_modules/"))
    return "other packages (Fastify, DataLoader, Keyv, prom-client, …)";
  return "Node and V8 (sockets, streams, promises, buffers)";
}

/** Milliseconds of samples by cost, and by the function each was in (its own time), idle left out. */
function summarize(profile: Profile, windows: Window[]) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const costs = new Map<string, number>();
  const functions = new Map<string, number>();
  const add = (into: Map<string, number>, key: string, ms: number) =>
    into.set(key, (into.get(key) ?? 0) + ms);
  let sampledAt = profile.startTime;
  profile.samples.forEach((id, i) => {
    sampledAt += profile.timeDeltas[i] ?? 0;
    if (!windows.some(([from, to]) => sampledAt >= from && sampledAt <= to)) return;
    const stack: Frame[] = [];
    for (let node: number | undefined = id; node !== undefined; node = parentOf.get(node))
      stack.push(byId.get(node)!.callFrame);
    const cost = costOf(stack);
    if (cost === "idle") return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    add(costs, cost, ms);
    const inner = stack[0]!;
    add(functions, `${inner.functionName || "(anonymous)"} ${inner.url.split("/").slice(-2).join("/")}`, ms);
  });
  const sorted = (spent: Map<string, number>) => [...spent].sort((a, b) => b[1] - a[1]);
  return { costs: sorted(costs), functions: sorted(functions) };
}

async function main() {
  compiledGateway();
  const sim = await startUpstreams(benchWorld, benchUpstreams);
  const folder = await mkdtemp(join(tmpdir(), "gateway-profile-"));
  const gateway = await startImageGateway(gatewayEnv(sim), {
    nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${folder}`],
  });
  const scenario = overview(sim.world);
  for (let pass = 0; pass < primingPasses; pass += 1) await askCold(sim, gateway, scenario, undefined);
  const windows: Window[] = [];
  let ms = 0;
  let cpu = 0;
  for (let run = 0; run < runs; run += 1) {
    // Invalidated here, not by askCold: the writes stay outside the overview's window.
    await invalidate(sim, gateway.url);
    const from = nowUs();
    const answer = await askCold(sim, gateway, scenario, undefined, false);
    windows.push([from, nowUs()]);
    ms += answer.ms;
    cpu += answer.cpu.gateway;
  }
  await gateway.stop();
  await sim.close();
  const file = (await readdir(folder)).find((f) => f.endsWith(".cpuprofile"))!;
  const profile = JSON.parse(await readFile(join(folder, file), "utf8")) as Profile;
  const { costs, functions } = summarize(profile, windows);
  const busy = costs.reduce((sum, [, t]) => sum + t, 0);
  console.log(
    `${runs} cold overviews, ${Math.round(ms / runs)} ms and ${Math.round(cpu / runs)} ms of the gateway's CPU (all its threads, the profiler's too) each; ${Math.round(busy)} ms of samples on its main thread in all`,
  );
  console.log(`profile: ${join(folder, file)}`);
  const line = ([place, t]: [string, number]) =>
    console.log(
      `${((100 * t) / busy).toFixed(1).padStart(5)} %  ${Math.round(t).toString().padStart(6)} ms  ${place}`,
    );
  costs.forEach(line);
  console.log("the functions with the most samples of their own:");
  functions.slice(0, 12).forEach(line);
  process.exit(0);
}

await main();
