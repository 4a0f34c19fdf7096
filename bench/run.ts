import { mkdir, writeFile } from "node:fs/promises";
import type { Simulators } from "../simulators/start-simulators.js";
import type { WorldParams } from "../simulators/world/params.js";
import { startGatewayProcess, type GatewayProcess } from "../test/support/processes.js";
import {
  median,
  peakRssMb,
  primingPasses,
  summarize,
  throughput,
  timed,
  type LatencySummary,
} from "./measure.js";
import { comparePeer, type PeerResult, type PeerSetting } from "./peer-comparison.js";
import { composePeer, installPeer } from "./peer-process.js";
import { renderPeerReport } from "./peer-report.js";
import { renderReport, type ScenarioResult } from "./report.js";
import {
  benchWorld,
  bulkMutation,
  criticalPathMs,
  largeBlame,
  overview,
  repositoryPage,
  repositoryWalk,
  type Scenario,
  variablesInTurn,
} from "./scenarios.js";
import {
  askCold,
  benchUpstreams,
  capacityOf,
  compiledGateway,
  gatewayEnv,
  invalidate,
  refusals,
  resetCalls,
  startImageGateway,
  startUpstreams,
  upstreamCalls,
  type UpstreamSetting,
} from "./upstreams.js";

/**
 * `npm run bench [-- --quick] [-- --peers] [-- --organizations 5 --repositories 200 --latency 20 --jitter 5]`
 * The gateway against the limit (minimum calls, critical path) and beside the naive reference,
 * measured side by side in one run; with `--peers`, beside GraphQL Mesh too (installed on demand
 * into bench/peers/). Writes bench/results/<date>.md and .json.
 */

const args = new Map<string, string>();
process.argv
  .slice(2)
  .forEach(
    (arg, i, all) =>
      arg.startsWith("--") &&
      args.set(arg.slice(2), all[i + 1]?.startsWith("--") ? "true" : (all[i + 1] ?? "true")),
  );
const quick = args.has("quick");
const number = (name: string, fallback: number) => (args.has(name) ? Number(args.get(name)) : fallback);

const world: Partial<WorldParams> = {
  ...benchWorld,
  organizations: number("organizations", benchWorld.organizations),
  repositoriesPerOrganization: number("repositories", quick ? 20 : benchWorld.repositoriesPerOrganization),
  unprotectedPerOrganization: quick ? 2 : benchWorld.unprotectedPerOrganization,
  plans: number("plans", benchWorld.plans),
  branches: number("branches", quick ? 4 : benchWorld.branches),
  commits: number("commits", quick ? 40 : benchWorld.commits),
  fileLines: number("file-lines", quick ? 200 : benchWorld.fileLines),
};
const latency = {
  fixedMs: number("latency", benchUpstreams.latency.fixedMs),
  jitterMs: number("jitter", benchUpstreams.latency.jitterMs),
};
/**
 * What each simulated upstream can take (`--capacity N`): N calls at once at its base latency,
 * slower past that, refused with 503 and `Retry-After` past twice that. The gateway's adaptive
 * limit must find it; the critical path is computed with it.
 */
const cap = number("capacity", benchUpstreams.capacity.concurrent);
const capacity = capacityOf(cap);
const upstreams: UpstreamSetting = { latency, capacity };
const samples = { cold: quick ? 2 : 11, warm: quick ? 10 : 50 };
const loadSeconds = quick ? 1 : 3;
const concurrencies = [1, 16, 64];

const log = (message: string) => console.log(`[bench] ${message}`);

/** A write's variables take turns over the whole run, both gateways and the priming included. */
const variablesOf = variablesInTurn();

async function measure(
  sim: Simulators,
  gateway: GatewayProcess,
  kind: "gateway" | "naive",
  scenario: Scenario,
): Promise<ScenarioResult> {
  log(`${scenario.name}: ${kind}`);
  const refusedBefore = refusals(sim);
  let errors = 0;
  const coldTimes: number[] = [];
  let coldCalls = 0;
  const cpu = { gateway: [] as number[], upstreams: [] as number[] };
  for (let run = 0; run < samples.cold; run += 1) {
    const invalidated = kind === "gateway" && !scenario.write;
    const result = await askCold(sim, gateway, scenario, variablesOf(scenario, run), invalidated);
    cpu.gateway.push(result.cpu.gateway);
    cpu.upstreams.push(result.cpu.upstreams);
    coldTimes.push(result.ms);
    errors += result.errors;
    coldCalls = Math.max(coldCalls, result.calls);
  }
  let warm: LatencySummary | null = null;
  let warmCalls: number | null = null;
  const rps: Record<string, number | null> = Object.fromEntries(concurrencies.map((c) => [`c${c}`, null]));
  if (kind === "gateway" && !scenario.write) {
    await timed(gateway.url, scenario.query, scenario.variables?.(0));
    resetCalls(sim);
    const warmTimes: number[] = [];
    for (let run = 0; run < samples.warm; run += 1) {
      const result = await timed(gateway.url, scenario.query, scenario.variables?.(0));
      warmTimes.push(result.ms);
      errors += result.errors;
    }
    warmCalls = upstreamCalls(sim);
    warm = summarize(warmTimes);
    for (const c of concurrencies) {
      const load = await throughput(
        gateway.url,
        scenario.query,
        scenario.variables?.(0),
        c,
        loadSeconds * 1000,
      );
      rps[`c${c}`] = load.rps;
      errors += load.errors;
    }
  }
  return {
    scenario: scenario.name,
    gateway: kind,
    minimumCalls: scenario.minimumCalls,
    coldCalls,
    warmCalls,
    cold: summarize(coldTimes),
    warm,
    criticalPathMs: criticalPathMs(scenario.rounds, cap, latency.fixedMs + latency.jitterMs),
    coldCpuMs: { gateway: median(cpu.gateway), upstreams: median(cpu.upstreams) },
    throughput: rps,
    errors,
    refused: refusals(sim) - refusedBefore,
  };
}

/**
 * Two worlds, the peer's own (the one it was first measured on) and the default one, each with
 * upstreams that take any load and with the capacity-limited ones.
 */
async function comparePeers(): Promise<PeerResult[]> {
  const worlds = [
    {
      name: "The peer's world",
      world: { organizations: 3, repositoriesPerOrganization: 60, branches: 5, commits: 40 },
    },
    { name: "The default world", world },
  ];
  const settings: PeerSetting[] = worlds.flatMap(({ name, world }) => [
    { label: `${name}, upstreams without a capacity limit`, world, upstreams: { latency, capacity: null } },
    { label: `${name}, capacity-limited upstreams`, world, upstreams },
  ]);
  const results: PeerResult[] = [];
  for (const setting of settings)
    results.push(await comparePeer(setting, { coldSamples: quick ? 3 : 9, loadSeconds, concurrencies, log }));
  return results;
}

async function main() {
  const started = Date.now();
  compiledGateway();
  if (args.has("peers")) {
    // Before anything is measured: a peer that cannot be installed stops the run at once.
    installPeer(log);
    composePeer();
  }
  log(`world ${JSON.stringify(world)}, latency ${latency.fixedMs}±${latency.jitterMs} ms`);
  const sim = await startUpstreams(world, upstreams);
  log(`world built in ${Date.now() - started} ms`);
  const gateway = await startImageGateway(gatewayEnv(sim));
  const naive = await startGatewayProcess(gatewayEnv(sim), "bench/naive-gateway.ts");
  await Promise.all([gateway, naive].map((g) => timed(g.url, "{ organizations(first: 1) { totalCount } }")));

  const scenarios = [
    overview(sim.world),
    repositoryPage(sim.world),
    largeBlame(sim.world),
    repositoryWalk(sim.world),
    bulkMutation(sim.world),
  ];
  log(`priming: ${primingPasses} unmeasured passes`);
  for (let pass = 0; pass < primingPasses; pass += 1)
    for (const scenario of scenarios)
      for (const g of [gateway, naive]) {
        if (g === gateway && !scenario.write) await invalidate(sim, g.url);
        const primed = await timed(g.url, scenario.query, variablesOf(scenario, pass));
        if (primed.errors) log(`priming: ${scenario.name} answered with ${primed.errors} errors`);
      }
  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    results.push(await measure(sim, gateway, "gateway", scenario));
    results.push(await measure(sim, naive, "naive", scenario));
  }

  log("throughput of { __typename }");
  const typename: Record<string, number> = {};
  for (const c of concurrencies)
    typename[`c${c}`] = (
      await throughput(gateway.url, "{ __typename }", undefined, c, loadSeconds * 1000)
    ).rps;
  const rss = { gateway: peakRssMb(gateway.pid), naive: peakRssMb(naive.pid) };
  await Promise.all([gateway.stop(), naive.stop()]);
  await sim.close();

  log("growth");
  const growth = [];
  for (const factor of quick ? [1, 2] : [1, 4, 16]) {
    const grown = { ...world, organizations: (world.organizations ?? 5) * factor };
    const g = await startUpstreams(grown, upstreams);
    const gw = await startImageGateway(gatewayEnv(g));
    await timed(gw.url, "{ organizations(first: 1) { totalCount } }");
    const scenario = overview(g.world, 100);
    resetCalls(g);
    const cold = await timed(gw.url, scenario.query);
    const calls = upstreamCalls(g);
    const warmTimes: number[] = [];
    for (let i = 0; i < 5; i += 1) warmTimes.push((await timed(gw.url, scenario.query)).ms);
    growth.push({
      factor,
      organizations: grown.organizations,
      repositories: g.world.gitprotect.repositories.size,
      calls,
      minimumCalls: scenario.minimumCalls,
      coldMs: cold.ms,
      criticalPathMs: criticalPathMs(scenario.rounds, cap, latency.fixedMs + latency.jitterMs),
      warmP50Ms: summarize(warmTimes).p50,
      errors: cold.errors + refusals(g),
      peakRssMb: peakRssMb(gw.pid),
    });
    await gw.stop();
    await g.close();
  }

  const peers = args.has("peers") ? await comparePeers() : [];

  const report = {
    date: new Date().toISOString(),
    quick,
    world,
    latency,
    capacity,
    samples,
    results,
    typename,
    rss,
    growth,
    peers,
    durationSeconds: Math.round((Date.now() - started) / 1000),
  };
  const folder = new URL("./results/", import.meta.url);
  await mkdir(folder, { recursive: true });
  const stamp = report.date.slice(0, 19).replace(/:/g, "-");
  const markdown = renderReport(report) + (peers.length ? `\n${renderPeerReport(peers)}` : "");
  await writeFile(new URL(`${stamp}${quick ? "-quick" : ""}.json`, folder), JSON.stringify(report, null, 2));
  await writeFile(new URL(`${stamp}${quick ? "-quick" : ""}.md`, folder), markdown);
  console.log(markdown);
}

await main();
process.exit(0);
