import { execFileSync } from "node:child_process";
import { mkdtempSync, symlinkSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GatewayProcess } from "../test/support/processes.js";
import type { Simulators } from "../simulators/start-simulators.js";
import { cpuMs, median, primingPasses, summarize, timed, type LatencySummary } from "./measure.js";
import {
  benchWorld,
  bulkMutation,
  largeBlame,
  overview,
  repositoryPage,
  repositoryWalk,
  variablesInTurn,
  type Scenario,
} from "./scenarios.js";
import {
  compiledGateway,
  gatewayEnv,
  invalidate,
  resetCalls,
  startImageGateway,
  startUpstreams,
  upstreamCalls,
} from "./upstreams.js";

/**
 * `npm run bench:side-by-side -- (--against <commit> | --node-options "<NODE_OPTIONS>") [--scenario overview] [--runs 30]`
 * This checkout's gateway, as the image runs it, beside another: an earlier commit's build (its
 * tree checked out in a temporary worktree and compiled with this checkout's dependencies), or
 * this build with other NODE_OPTIONS. Both on the same simulated upstreams (the benchmark's world,
 * latency 20 ms ± 5, 64 calls at once), primed alike, then asked the same cold question by turns,
 * which side goes first swapped each run, so that a machine whose speed drifts during the run
 * weighs on both alike. Prints and writes (bench/results/<date>-side-by-side.md and .json) each
 * side's cold p50 / p95, its CPU per request (all its threads), its upstream calls and errors.
 */

const args = new Map<string, string>();
process.argv
  .slice(2)
  .forEach((arg, i, all) => arg.startsWith("--") && args.set(arg.slice(2), all[i + 1] ?? "true"));
const scenarios: Record<string, (world: Parameters<typeof overview>[0]) => Scenario> = {
  overview,
  page: repositoryPage,
  blame: largeBlame,
  walk: repositoryWalk,
  bulk: bulkMutation,
};
const scenarioName = args.get("scenario") ?? "overview";
const runs = Number(args.get("runs") ?? 30);
const against = args.get("against");
const nodeOptions = args.get("node-options");

interface Side {
  label: string;
  start: (env: Record<string, string>) => Promise<GatewayProcess>;
  cleanUp?: () => void;
}

/** The commit's tree in a worktree of its own, compiled; removed again by `cleanUp`. */
function commitSide(commit: string): Side {
  const hash = execFileSync("git", ["rev-parse", "--short", `${commit}^{commit}`], {
    encoding: "utf8",
  }).trim();
  const dir = mkdtempSync(join(tmpdir(), "gateway-side-by-side-"));
  execFileSync("git", ["worktree", "add", "--detach", "--force", dir, hash], { stdio: "ignore" });
  symlinkSync(join(process.cwd(), "node_modules"), join(dir, "node_modules"));
  execFileSync("npm", ["run", "--silent", "build"], { cwd: dir, stdio: "inherit" });
  return {
    label: `${hash} (build of that commit)`,
    start: (env) => startImageGateway(env, [], { entry: join(dir, "dist/main.js") }),
    cleanUp: () => execFileSync("git", ["worktree", "remove", "--force", dir], { stdio: "ignore" }),
  };
}

function otherSide(): Side {
  if (against) return commitSide(against);
  if (nodeOptions)
    return {
      label: `this checkout, NODE_OPTIONS="${nodeOptions}"`,
      start: (env) => startImageGateway(env, [], { nodeOptions }),
    };
  throw new Error('Give --against <commit> or --node-options "<NODE_OPTIONS>": the side to compare with.');
}

const latency = { fixedMs: 20, jitterMs: 5 };

async function main() {
  const make = scenarios[scenarioName];
  if (!make) throw new Error(`--scenario is one of ${Object.keys(scenarios).join(", ")}`);
  if (!Number.isInteger(runs) || runs < 2) throw new Error("--runs is a whole number of at least 2");
  compiledGateway();
  const sides: Side[] = [{ label: "this checkout", start: (env) => startImageGateway(env) }, otherSide()];
  try {
    const sim = await startUpstreams(benchWorld, {
      latency,
      capacity: { concurrent: 64, refuseAbove: 128, status: 503, retryAfterSeconds: 1 },
    });
    const gateways = await Promise.all(sides.map((side) => side.start(gatewayEnv(sim))));
    const scenario = make(sim.world);
    const measured = await byTurns(sim, gateways, scenario);
    await Promise.all(gateways.map((g) => g.stop()));
    await sim.close();
    await report(
      scenario,
      sides.map((side, i) => ({ side: side.label, ...measured[i]! })),
    );
  } finally {
    sides.forEach((side) => side.cleanUp?.());
  }
}

/** Primed alike, then the same cold question to each in turn, the first of the pair swapped every run. */
async function byTurns(sim: Simulators, gateways: GatewayProcess[], scenario: Scenario) {
  const variablesOf = variablesInTurn();
  const ask = async (gateway: GatewayProcess, run: number) => {
    if (!scenario.write) await invalidate(sim, gateway.url);
    resetCalls(sim);
    const before = cpuMs(gateway.pid);
    const answer = await timed(gateway.url, scenario.query, variablesOf(scenario, run));
    return {
      ms: answer.ms,
      cpu: cpuMs(gateway.pid) - before,
      calls: upstreamCalls(sim),
      errors: answer.errors,
    };
  };
  for (let pass = 0; pass < primingPasses; pass += 1)
    for (const gateway of gateways) await ask(gateway, pass);
  const measured = gateways.map(() => ({ ms: [] as number[], cpu: [] as number[], calls: 0, errors: 0 }));
  for (let run = 0; run < runs; run += 1)
    for (const i of run % 2 === 0 ? [0, 1] : [1, 0]) {
      const one = await ask(gateways[i]!, run);
      const into = measured[i]!;
      into.ms.push(one.ms);
      into.cpu.push(one.cpu);
      into.calls = Math.max(into.calls, one.calls);
      into.errors += one.errors;
    }
  return measured.map((m) => ({
    cold: summarize(m.ms),
    cpuMs: median(m.cpu),
    calls: m.calls,
    errors: m.errors,
  }));
}

type Row = { side: string; cold: LatencySummary; cpuMs: number; calls: number; errors: number };

async function report(scenario: Scenario, rows: Row[]) {
  const ms = (n: number) => (n >= 10 ? n.toFixed(0) : n.toFixed(1));
  const [mine, other] = rows as [Row, Row];
  const markdown = [
    `# Side by side ${new Date().toISOString().slice(0, 16)}: ${scenario.name}, ${runs} cold runs each, by turns`,
    "",
    `World: \`${JSON.stringify(benchWorld)}\`; upstream latency ${latency.fixedMs} ms ± ${latency.jitterMs}; 64 calls at once per upstream.`,
    "",
    "| side | cold p50 / p95 ms | CPU ms per request (median) | upstream calls | errors |",
    "|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.side} | ${ms(r.cold.p50)} / ${ms(r.cold.p95)} | ${ms(r.cpuMs)} | ${r.calls} | ${r.errors} |`,
    ),
    "",
    `The other side against this checkout: p50 ${(other.cold.p50 / mine.cold.p50).toFixed(2)}×, CPU ${(other.cpuMs / mine.cpuMs).toFixed(2)}×.`,
    "",
  ].join("\n");
  console.log(markdown);
  const folder = new URL("./results/", import.meta.url);
  await mkdir(folder, { recursive: true });
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, "-");
  await writeFile(new URL(`${stamp}-side-by-side.md`, folder), markdown);
  await writeFile(
    new URL(`${stamp}-side-by-side.json`, folder),
    JSON.stringify({ scenario: scenario.name, runs, world: benchWorld, latency, rows }, null, 2),
  );
}

await main();
process.exit(0);
