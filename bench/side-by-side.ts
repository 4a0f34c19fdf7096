import { execFileSync } from "node:child_process";
import { mkdtempSync, symlinkSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Simulators } from "../simulators/start-simulators.js";
import type { World } from "../simulators/world/model.js";
import type { GatewayProcess } from "../test/support/processes.js";
import { median, primingPasses, summarize } from "./measure.js";
import { ms, ratio } from "./report.js";
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
  askCold,
  benchUpstreams,
  compiledGateway,
  gatewayEnv,
  imageStartOf,
  startImageGateway,
  startUpstreams,
  thisImageStart,
  type ImageStart,
} from "./upstreams.js";

/**
 * `npm run bench:side-by-side -- (--against <commit> | --node-options="<NODE_OPTIONS>") [--scenario overview] [--runs 30]`
 * This checkout's gateway beside another: an earlier commit's build (its tree checked out in a
 * temporary worktree, compiled with this checkout's dependencies, started as that commit's
 * Dockerfile starts it), or this build with other NODE_OPTIONS in place of the image's. Only the
 * gateway differs: the simulators and the client are this checkout's. Both run on the same
 * simulated upstreams (the benchmark's world, latency and capacity), primed alike, then are asked
 * the same cold question in pairs, which side goes first swapped every pair, so that a machine
 * whose speed drifts weighs on both alike. Prints and writes (bench/results/<date>-side-by-side.md
 * and .json) each side's cold p50 / p95, CPU per request (all its threads), upstream calls and
 * errors, and the median of the pairs' ratios.
 */

const scenarios: Record<string, (world: World) => Scenario> = {
  overview,
  page: repositoryPage,
  blame: largeBlame,
  walk: repositoryWalk,
  bulk: bulkMutation,
};

interface Side {
  label: string;
  image: ImageStart;
  entry?: string;
  cleanUp?: () => void;
}

const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" }).trim();

function options() {
  const { values } = parseArgs({
    options: {
      against: { type: "string" },
      "node-options": { type: "string" },
      scenario: { type: "string", default: "overview" },
      runs: { type: "string", default: "30" },
    },
    strict: true,
  });
  const make = scenarios[values.scenario];
  if (!make) throw new Error(`--scenario is one of ${Object.keys(scenarios).join(", ")}`);
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 2 || runs % 2 !== 0)
    throw new Error("--runs is an even whole number (a write takes turns: as many attaches as detaches)");
  if ((values.against === undefined) === (values["node-options"] === undefined))
    throw new Error(
      'Give one of --against <commit> or --node-options="<NODE_OPTIONS>": the side to compare with.',
    );
  return { make, runs, against: values.against, nodeOptions: values["node-options"] };
}

function thisCheckout(): Side {
  const dirty = git("status", "--porcelain", "--untracked-files=no") !== "";
  return {
    label: `${git("rev-parse", "--short", "HEAD")}${dirty ? " with uncommitted changes" : ""} (this checkout)`,
    image: thisImageStart,
  };
}

/** The commit's tree in a worktree of its own, compiled; removed again by `cleanUp`, or at once if it fails to build. */
function commitSide(commit: string): Side {
  const hash = git("rev-parse", "--short", `${commit}^{commit}`);
  const dir = mkdtempSync(join(tmpdir(), "gateway-side-by-side-"));
  git("worktree", "add", "--detach", "--force", dir, hash);
  const cleanUp = () => git("worktree", "remove", "--force", dir);
  try {
    symlinkSync(join(process.cwd(), "node_modules"), join(dir, "node_modules"));
    execFileSync("npm", ["run", "--silent", "build"], { cwd: dir, stdio: "inherit" });
    return {
      label: `${hash} (that commit's build)`,
      image: imageStartOf(git("show", `${hash}:Dockerfile`)),
      entry: join(dir, "dist/main.js"),
      cleanUp,
    };
  } catch (error) {
    cleanUp();
    throw error;
  }
}

/** Both gateways on one set of simulators, stopped (and the simulators closed) however the measuring ends. */
async function withGateways<T>(
  sides: Side[],
  run: (sim: Simulators, gateways: GatewayProcess[]) => Promise<T>,
): Promise<T> {
  const sim = await startUpstreams(benchWorld, benchUpstreams);
  const gateways: GatewayProcess[] = [];
  try {
    for (const side of sides)
      gateways.push(await startImageGateway(gatewayEnv(sim), { image: side.image, entry: side.entry }));
    return await run(sim, gateways);
  } finally {
    await Promise.all(gateways.map((g) => g.stop()));
    await sim.close();
  }
}

/** Primed alike, then asked in pairs, the first of each pair swapped every run. */
async function inPairs(sim: Simulators, gateways: GatewayProcess[], scenario: Scenario, runs: number) {
  const variablesOf = variablesInTurn();
  for (let pass = 0; pass < primingPasses; pass += 1)
    for (const gateway of gateways) await askCold(sim, gateway, scenario, variablesOf(scenario, pass));
  const pairs: Array<[Cold, Cold]> = [];
  for (let run = 0; run < runs; run += 1) {
    const pair: Cold[] = [];
    for (const i of run % 2 === 0 ? [0, 1] : [1, 0])
      pair[i] = await askCold(sim, gateways[i]!, scenario, variablesOf(scenario, run));
    pairs.push([pair[0]!, pair[1]!]);
  }
  return pairs;
}

type Cold = Awaited<ReturnType<typeof askCold>>;

function render(scenario: Scenario, sides: Side[], pairs: Array<[Cold, Cold]>): string {
  const row = (side: Side, i: 0 | 1) => {
    const mine = pairs.map((p) => p[i]);
    const cold = summarize(mine.map((c) => c.ms));
    const calls = Math.max(...mine.map((c) => c.calls));
    const errors = mine.reduce((n, c) => n + c.errors, 0);
    return `| ${side.label} | \`${side.image.nodeOptions}\` | ${ms(cold.p50)} / ${ms(cold.p95)} | ${ms(median(mine.map((c) => c.cpu.gateway)))} | ${calls} | ${errors} |`;
  };
  const perPair = (of: (c: Cold) => number) => median(pairs.map(([a, b]) => of(b) / of(a))).toFixed(2);
  const faster = pairs.filter(([a, b]) => b.ms < a.ms).length;
  return [
    `# Side by side ${new Date().toISOString().slice(0, 16)}: ${scenario.name}, ${pairs.length} cold pairs`,
    "",
    `World: \`${JSON.stringify(benchWorld)}\`; upstream latency ${benchUpstreams.latency.fixedMs} ms ± ${benchUpstreams.latency.jitterMs}; ${benchUpstreams.capacity.concurrent} calls at once per upstream.`,
    "",
    "| side | NODE_OPTIONS | cold p50 / p95 ms | gateway CPU ms per request (median) | upstream calls | errors |",
    "|---|---|---|---|---|---|",
    row(sides[0]!, 0),
    row(sides[1]!, 1),
    "",
    `The second side against the first, median of the pairs: time ${perPair((c) => c.ms)}×, CPU ${perPair((c) => c.cpu.gateway)}×; faster in ${faster} of ${pairs.length} pairs (p50 ${ratio(median(pairs.map((p) => p[1].ms)), median(pairs.map((p) => p[0].ms)))}×).`,
    "",
  ].join("\n");
}

async function main() {
  const { make, runs, against, nodeOptions } = options();
  compiledGateway();
  const mine = thisCheckout();
  const other = against
    ? commitSide(against)
    : { label: "this checkout's build", image: { ...mine.image, nodeOptions: nodeOptions! } };
  try {
    const sides = [mine, other];
    const { scenario, pairs } = await withGateways(sides, async (sim, gateways) => {
      const scenario = make(sim.world);
      return { scenario, pairs: await inPairs(sim, gateways, scenario, runs) };
    });
    const markdown = render(scenario, sides, pairs);
    console.log(markdown);
    const folder = new URL("./results/", import.meta.url);
    await mkdir(folder, { recursive: true });
    const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, "-");
    await writeFile(new URL(`${stamp}-side-by-side.md`, folder), markdown);
    const json = { scenario: scenario.name, sides, world: benchWorld, upstreams: benchUpstreams, pairs };
    await writeFile(new URL(`${stamp}-side-by-side.json`, folder), JSON.stringify(json, null, 2));
  } finally {
    other.cleanUp?.();
  }
}

await main();
process.exit(0);
