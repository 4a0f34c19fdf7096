import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
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
  largeBlame,
  overview,
  repositoryPage,
  repositoryWalk,
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
 * errors, and the second side's time and CPU over the first's pair by pair (see pairRatio).
 */

/** Reads only: a write changes the world, and the two asks of a pair would not be the same question. */
const scenarios: Record<string, (world: World) => Scenario> = {
  overview,
  page: repositoryPage,
  blame: largeBlame,
  walk: repositoryWalk,
};

interface Side {
  label: string;
  commit: string;
  /** Whether the build had changes beyond its commit. */
  dirty: boolean;
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
  if (!Object.hasOwn(scenarios, values.scenario))
    throw new Error(`--scenario is one of ${Object.keys(scenarios).join(", ")}`);
  const make = scenarios[values.scenario]!;
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 2 || runs % 2 !== 0)
    throw new Error("--runs is an even whole number: each side goes first as often as the other");
  if ((values.against === undefined) === (values["node-options"] === undefined))
    throw new Error(
      'Give one of --against <commit> or --node-options="<NODE_OPTIONS>": the side to compare with.',
    );
  return { make, runs, against: values.against, nodeOptions: values["node-options"] };
}

/** What the build is made of: a change there, committed or not, is a change to the gateway measured. */
const buildInputs = [
  "src",
  "schema",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "tsconfig.build.json",
  "Dockerfile",
];

function thisCheckout(): Side {
  const commit = git("rev-parse", "--short", "HEAD");
  const dirty = git("status", "--porcelain", "--", ...buildInputs) !== "";
  return {
    label: `${commit}${dirty ? " with uncommitted changes" : ""} (this checkout)`,
    commit,
    dirty,
    image: thisImageStart,
  };
}

/** The commit's tree in a worktree of its own, compiled; removed again by `cleanUp`, or at once if it fails to build. */
function commitSide(commit: string): Side {
  const hash = git("rev-parse", "--short", `${commit}^{commit}`);
  const dir = mkdtempSync(join(tmpdir(), "gateway-side-by-side-"));
  const cleanUp = removal(dir);
  try {
    git("worktree", "add", "--detach", "--force", dir, hash);
    symlinkSync(join(process.cwd(), "node_modules"), join(dir, "node_modules"));
    execFileSync("npm", ["run", "--silent", "build"], { cwd: dir, stdio: "inherit" });
    return {
      label: `${hash} (that commit's build)`,
      commit: hash,
      dirty: false,
      image: imageStartOf(git("show", `${hash}:Dockerfile`)),
      entry: join(dir, "dist/main.js"),
      cleanUp,
    };
  } catch (error) {
    cleanUp();
    throw error;
  }
}

/**
 * Removes the worktree at `dir` (its folder even when it was never added), once; a failure to
 * remove it is said, not thrown over the run's own.
 */
function removal(dir: string): () => void {
  let done = false;
  const remove = () => {
    if (done) return;
    done = true;
    try {
      execFileSync("git", ["worktree", "remove", "--force", dir], { stdio: "ignore" });
    } catch {
      rmSync(dir, { recursive: true, force: true });
      execFileSync("git", ["worktree", "prune"], { stdio: "ignore" });
    }
  };
  return () => {
    try {
      remove();
    } catch (error) {
      console.error(`could not remove the worktree ${dir}:`, error);
    }
  };
}

/** The gateways started and not yet stopped: an interrupted run stops them before it exits. */
const running = new Set<GatewayProcess>();

/** However the run is interrupted, no gateway is left running and no worktree behind. */
function onInterrupt(cleanUp: () => void): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      running.forEach((gateway) => process.kill(gateway.pid, "SIGKILL"));
      cleanUp();
      process.exit(130);
    });
}

/** Both gateways on one set of simulators, stopped (and the simulators closed) however the measuring ends. */
async function withGateways<T>(
  sides: Side[],
  run: (sim: Simulators, gateways: GatewayProcess[]) => Promise<T>,
): Promise<T> {
  const sim = await startUpstreams(benchWorld, benchUpstreams);
  const gateways: GatewayProcess[] = [];
  try {
    for (const side of sides) {
      const gateway = await startImageGateway(gatewayEnv(sim), { image: side.image, entry: side.entry });
      gateways.push(gateway);
      running.add(gateway);
    }
    return await run(sim, gateways);
  } finally {
    await Promise.all(gateways.map((g) => g.stop().then(() => running.delete(g))));
    await sim.close();
  }
}

/** Primed alike (the question asked, four times each), then asked in pairs, the first of each pair swapped every run. */
async function inPairs(sim: Simulators, gateways: GatewayProcess[], scenario: Scenario, runs: number) {
  for (let pass = 0; pass < primingPasses; pass += 1)
    for (const gateway of gateways) await askCold(sim, gateway, scenario, scenario.variables?.(pass));
  const pairs: Array<[Cold, Cold]> = [];
  for (let run = 0; run < runs; run += 1) {
    const pair: Cold[] = [];
    for (const i of run % 2 === 0 ? [0, 1] : [1, 0])
      pair[i] = await askCold(sim, gateways[i]!, scenario, scenario.variables?.(run));
    pairs.push([pair[0]!, pair[1]!]);
  }
  return pairs;
}

/** The middle value, or the mean of the middle two: a ratio of pairs leans to neither side. */
function middle(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const half = sorted.length >> 1;
  return sorted.length % 2 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
}

/**
 * The second side's time (or CPU) over the first's, pair by pair: the middle ratio of the pairs
 * where the first went first, of those where the second did, and the geometric mean of the two,
 * since whichever is asked first after the pause between pairs tends to be faster.
 */
function pairRatio(pairs: Array<[Cold, Cold]>, of: (c: Cold) => number) {
  const ratios = (start: number) =>
    middle(pairs.filter((_, run) => run % 2 === start).map(([a, b]) => of(b) / of(a)));
  const firstFirst = ratios(0);
  const secondFirst = ratios(1);
  return { firstFirst, secondFirst, both: Math.sqrt(firstFirst * secondFirst) };
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
  const perPair = (of: (c: Cold) => number) => {
    const r = pairRatio(pairs, of);
    return `${r.both.toFixed(2)}× (${r.firstFirst.toFixed(2)} when the first side went first, ${r.secondFirst.toFixed(2)} when the second did)`;
  };
  const secondFaster = pairs.filter(([a, b]) => b.ms < a.ms).length;
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
    `The second side against the first, pair by pair: time ${perPair((c) => c.ms)}; CPU ${perPair((c) => c.cpu.gateway)}. Pairs won: the first side ${pairs.length - secondFaster}, the second ${secondFaster}. The two p50s: ${ratio(median(pairs.map((p) => p[1].ms)), median(pairs.map((p) => p[0].ms)))}×.`,
    "",
  ].join("\n");
}

async function main() {
  const { make, runs, against, nodeOptions } = options();
  compiledGateway();
  const mine = thisCheckout();
  let cleanUp = () => {};
  onInterrupt(() => cleanUp());
  const other = against
    ? commitSide(against)
    : {
        ...mine,
        label: `${mine.label} with other NODE_OPTIONS`,
        image: { ...mine.image, nodeOptions: nodeOptions! },
      };
  cleanUp = () => other.cleanUp?.();
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
    const described = sides.map(({ label, commit, dirty, image }) => ({ label, commit, dirty, image }));
    const json = {
      scenario: scenario.name,
      sides: described,
      world: benchWorld,
      upstreams: benchUpstreams,
      pairs,
    };
    await writeFile(new URL(`${stamp}-side-by-side.json`, folder), JSON.stringify(json, null, 2));
  } finally {
    cleanUp();
  }
}

await main();
process.exit(0);
