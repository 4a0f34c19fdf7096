import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulators } from "../simulators/start-simulators.js";
import { timed } from "./measure.js";
import { benchWorld, overviewQuery } from "./scenarios.js";
import { benchUpstreams, compiledGateway, gatewayEnv, startImageGateway } from "./upstreams.js";

/**
 * `npm run profile [-- --runs=N]`: the cold overview under `node --cpu-prof`. The compiled gateway
 * runs with its caches off (every overview is cold) over the benchmark's world; the profile is
 * written on exit and summed here by what each sample was under (its whole stack): the HTTP
 * client, garbage collection, GraphQL execution, contract validation, JSON parsing, startup.
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
}

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
  if (under(stack, (f) => f.url.includes("/ajv/") || f.functionName.startsWith("validate")))
    return "contract validation of upstream answers";
  if (under(stack, (f) => f.url.endsWith("rest-client.js") && f.functionName === "parse"))
    return "JSON parsing of upstream answers";
  if (under(stack, (f) => f.url.includes("/undici/") || ["fetch", "sendRequest"].includes(f.functionName)))
    return "the HTTP client";
  if (under(stack, (f) => /\/(graphql|@apollo)\//.test(f.url))) return "GraphQL execution";
  return "other";
}

function summarize(profile: Profile): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const spent = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const stack: Frame[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at))
      stack.push(byId.get(at)!.callFrame);
    const cost = costOf(stack);
    spent.set(cost, (spent.get(cost) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  spent.delete("idle");
  return [...spent].sort((a, b) => b[1] - a[1]);
}

async function main() {
  compiledGateway();
  const sim = await startSimulators({
    ports: { gitprotect: 0, azureDevOps: 0, scmManager: 0 },
    world: benchWorld,
    latency: benchUpstreams.latency,
  });
  const folder = await mkdtemp(join(tmpdir(), "gateway-profile-"));
  const gateway = await startImageGateway(gatewayEnv(sim, { CACHE: "off" }), {
    nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${folder}`],
  });
  const query = overviewQuery(20);
  let ms = 0;
  for (let run = 0; run < runs; run += 1) ms += (await timed(gateway.url, query)).ms;
  await gateway.stop();
  await sim.close();
  const file = (await readdir(folder)).find((f) => f.endsWith(".cpuprofile"))!;
  const profile = JSON.parse(await readFile(join(folder, file), "utf8")) as Profile;
  const places = summarize(profile);
  const busy = places.reduce((sum, [, t]) => sum + t, 0);
  console.log(
    `${runs} cold overviews, ${Math.round(ms / runs)} ms each; ${Math.round(busy)} ms on the CPU in all`,
  );
  console.log(`profile: ${join(folder, file)}`);
  for (const [place, t] of places.slice(0, 25))
    console.log(
      `${((100 * t) / busy).toFixed(1).padStart(5)} %  ${Math.round(t).toString().padStart(6)} ms  ${place}`,
    );
  process.exit(0);
}

await main();
