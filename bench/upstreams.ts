import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { encodeId } from "../src/graphql/global-id.js";
import { gatewayEnvironment, startSimulators, type Simulators } from "../simulators/start-simulators.js";
import type { Capacity } from "../simulators/http/capacity.js";
import type { WorldParams } from "../simulators/world/params.js";
import { startGatewayProcess, type GatewayProcess } from "../test/support/processes.js";
import { cpuMs, ownCpuMs, timed } from "./measure.js";
import type { Scenario } from "./scenarios.js";

/** The simulated upstreams and the gateway as the benchmark runs them, and what it counts on them. */

export interface UpstreamSetting {
  latency: { fixedMs: number; jitterMs: number };
  /** What each upstream can take; null: as much as it is sent. */
  capacity: Capacity | null;
}

/**
 * What each simulated upstream can take: `concurrent` calls at once at its base latency, slower
 * past that, refused with 503 and `Retry-After` past twice that.
 */
export const capacityOf = (concurrent: number) =>
  ({ concurrent, refuseAbove: 2 * concurrent, status: 503, retryAfterSeconds: 1 }) as const;

/** The benchmark's upstreams unless told otherwise: 20 ms ± 5, 64 calls at once. */
export const benchUpstreams = { latency: { fixedMs: 20, jitterMs: 5 }, capacity: capacityOf(64) };

export async function startUpstreams(
  world: Partial<WorldParams>,
  setting: UpstreamSetting,
): Promise<Simulators> {
  const sim = await startSimulators({
    ports: { gitprotect: 0, azureDevOps: 0, scmManager: 0 },
    world,
    latency: setting.latency,
  });
  for (const server of servers(sim)) server.capacity.set(setting.capacity ?? undefined);
  return sim;
}

export const servers = (sim: Simulators) => [sim.gitprotect, sim.azureDevOps, sim.scmManager];
export const resetCalls = (sim: Simulators) => servers(sim).forEach((s) => s.stats.reset());
/** Calls the upstreams answered since the last reset, sign-ins left out. */
export const upstreamCalls = (sim: Simulators) =>
  servers(sim).reduce(
    (n, s) =>
      n + Object.entries(s.stats.snapshot().counts).reduce((m, [op, c]) => m + (op === "login" ? 0 : c), 0),
    0,
  );
/** Calls the upstreams refused for want of capacity so far. */
export const refusals = (sim: Simulators) =>
  servers(sim).reduce((n, s) => n + s.capacity.snapshot().refusals, 0);

const compiledEntry = "dist/main.js";

/**
 * The gateway as the image runs it (`node dist/main.js`), compiled once per run: measured through
 * tsx, its loader alone added about 40 MB to the gateway's resident memory.
 */
export function compiledGateway(): void {
  execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
}

/** How the image starts the gateway, read from a Dockerfile so that the benchmark and the image cannot drift apart. */
export interface ImageStart {
  /** Its NODE_OPTIONS (the heap's settings). */
  nodeOptions: string;
  /** The flags its last CMD gives node itself (V8's that NODE_OPTIONS may not carry). */
  nodeArgs: string[];
}

export function imageStartOf(dockerfile: string): ImageStart {
  const found = /NODE_OPTIONS=(?:"([^"]*)"|(\S+))/.exec(dockerfile);
  const nodeOptions = found?.[1] ?? found?.[2];
  // Without them the gateway would be measured as nobody runs it.
  if (!nodeOptions)
    throw new Error("The Dockerfile sets no NODE_OPTIONS for the benchmark to start the gateway with.");
  const command = [...dockerfile.matchAll(/^CMD (\[.*\])$/gm)].at(-1)?.[1];
  const words = command ? (JSON.parse(command) as string[]) : [];
  if (words[0] !== "node" || words.at(-1) !== compiledEntry)
    throw new Error(
      `The Dockerfile's command is not node … ${compiledEntry}: the benchmark cannot start it so.`,
    );
  return { nodeOptions, nodeArgs: words.slice(1, -1) };
}

/** How this checkout's image starts the gateway. */
export const thisImageStart = imageStartOf(readFileSync(new URL("../Dockerfile", import.meta.url), "utf8"));

/**
 * The compiled gateway started as the image starts it, with `env` and `nodeArgs` (a profiler's);
 * `entry` another build (an earlier commit's) and `image` how its own Dockerfile starts it.
 */
export const startImageGateway = (
  env: Record<string, string>,
  { nodeArgs = [] as string[], entry = compiledEntry, image = thisImageStart } = {},
) =>
  startGatewayProcess({ ...env, NODE_OPTIONS: image.nodeOptions }, entry, [...image.nodeArgs, ...nodeArgs]);

export function gatewayEnv(sim: Simulators, extra: Record<string, string> = {}) {
  return {
    ...gatewayEnvironment(sim),
    // As deployed (the Dockerfile's setting): graphql-js skips its development-time checks.
    NODE_ENV: "production",
    MAX_QUERY_DEPTH: "20",
    // The growth runs read every organization at once, well past a request's default limits.
    MAX_QUERY_COST: "10000000",
    UPSTREAM_CALL_BUDGET: "10000000",
    // The load comes from one address: a rate limit would measure itself.
    RATE_LIMIT: "0",
    LOG_LEVEL: "warn",
    ...extra,
  };
}

/** Three harmless writes: each moves one upstream's cache to a new generation, so the next read is cold. */
export async function invalidate(sim: Simulators, url: string): Promise<void> {
  const external = [...sim.world.gitprotect.organizations.values()].find((o) => o.host.kind === "external")!;
  const azure = [...sim.world.azure.repositories.values()].find((r) => r.name !== "")!;
  const scm = [...sim.world.scm.repositories.values()].find((r) => r.type === "git")!;
  await Promise.all([
    timed(
      url,
      `mutation($input: SynchronizeOrganizationInput!) { synchronizeOrganization(input: $input) { errors { code } } }`,
      {
        input: { organizationId: encodeId({ type: "Organization", organizationId: external.id }) },
      },
    ),
    timed(
      url,
      `mutation($input: UpdateAzureDevOpsRepositoryInput!) { updateAzureDevOpsRepository(input: $input) { errors { code } } }`,
      {
        input: {
          repositoryId: encodeId({ type: "Repository", host: "azure", repositoryId: azure.id }),
          defaultBranch: "main",
        },
      },
    ),
    timed(
      url,
      `mutation($input: RunScmManagerHealthCheckInput!) { runScmManagerHealthCheck(input: $input) { errors { code } } }`,
      {
        input: { repositoryId: encodeId({ type: "Repository", host: "scm", repositoryId: scm.id }) },
      },
    ),
  ]);
}

/**
 * One cold ask: each upstream's cache moved to a new generation first (unless `invalidated` is
 * false: a write, or a gateway without a cache), then the calls it made counted and the CPU it
 * cost the gateway and this process (the simulators and the client).
 */
export async function askCold(
  sim: Simulators,
  gateway: GatewayProcess,
  scenario: Scenario,
  variables: Record<string, unknown> | undefined,
  invalidated = !scenario.write,
) {
  if (invalidated) await invalidate(sim, gateway.url);
  resetCalls(sim);
  const before = { gateway: cpuMs(gateway.pid), upstreams: ownCpuMs() };
  const answer = await timed(gateway.url, scenario.query, variables);
  const cpu = { gateway: cpuMs(gateway.pid) - before.gateway, upstreams: ownCpuMs() - before.upstreams };
  return { ms: answer.ms, errors: answer.errors, calls: upstreamCalls(sim), cpu };
}
