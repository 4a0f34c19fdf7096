import { rm } from "node:fs/promises";
import { azureDevOpsSimulator } from "./azure-devops/azure-devops-simulator.js";
import { gitprotectSimulator } from "./gitprotect/gitprotect-simulator.js";
import type { Latency } from "./http/faults.js";
import { startSimulatorServer, type SimulatorServer } from "./http/simulator-server.js";
import { scmManagerSimulator } from "./scm-manager/scm-manager-simulator.js";
import { buildWorld, demoCredentials } from "./world/build-world.js";
import { documentsWorld } from "./world/document-samples.js";
import type { World } from "./world/model.js";
import { worldParams, type WorldParams } from "./world/params.js";

export const defaultPorts = { gitprotect: 4101, azureDevOps: 4102, scmManager: 4103 };

export interface SimulatorOptions {
  /** 0 picks a free port (what tests do). */
  ports?: Partial<typeof defaultPorts>;
  world?: Partial<WorldParams>;
  /** Serve the documents' own sample records instead of a generated world. */
  samples?: boolean;
  /** Latency added to every call, e.g. `{ fixedMs: 20, jitterMs: 5 }` for benchmarks. */
  latency?: Latency;
  /** Where git repositories are built; a fresh temporary folder by default, removed on close. */
  dataDir?: string;
}

export interface Simulators {
  world: World;
  gitprotect: SimulatorServer & { url: string };
  azureDevOps: SimulatorServer & { url: string };
  scmManager: SimulatorServer & { url: string };
  credentials: typeof demoCredentials;
  close(): Promise<void>;
}

type Deferred<T> = { promise: Promise<T>; resolve(value: T): void; reject(error: unknown): void };
const deferred = <T>(): Deferred<T> => {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => ((resolve = ok), (reject = fail)));
  return { promise, resolve, reject };
};

/** Starts the three simulators over one freshly built world. */
export async function startSimulators(options: SimulatorOptions = {}): Promise<Simulators> {
  const params = worldParams(options.world);
  const ports = { ...defaultPorts, ...options.ports };
  const definitions = {
    gitprotect: deferred<ReturnType<typeof gitprotectSimulator>>(),
    azureDevOps: deferred<ReturnType<typeof azureDevOpsSimulator>>(),
    scmManager: deferred<ReturnType<typeof scmManagerSimulator>>(),
  };
  const common = { seed: params.seed, latency: options.latency };
  const servers: SimulatorServer[] = [];
  try {
    const gitprotect = await startSimulatorServer(definitions.gitprotect.promise, {
      ...common,
      port: ports.gitprotect,
    });
    servers.push(gitprotect);
    const azureDevOps = await startSimulatorServer(definitions.azureDevOps.promise, {
      ...common,
      port: ports.azureDevOps,
    });
    servers.push(azureDevOps);
    const scmManager = await startSimulatorServer(definitions.scmManager.promise, {
      ...common,
      port: ports.scmManager,
    });
    servers.push(scmManager);

    const urls = {
      azureCollection: `${azureDevOps.origin}/DefaultCollection`,
      scmServer: `${scmManager.origin}/scm`,
    };
    const world = options.samples
      ? await documentsWorld(urls, options.dataDir)
      : await buildWorld(params, urls, options.dataDir);
    definitions.gitprotect.resolve(gitprotectSimulator(world));
    definitions.azureDevOps.resolve(azureDevOpsSimulator(world));
    definitions.scmManager.resolve(scmManagerSimulator(world));

    return {
      world,
      gitprotect: { ...gitprotect, url: gitprotect.origin },
      azureDevOps: { ...azureDevOps, url: urls.azureCollection },
      scmManager: { ...scmManager, url: urls.scmServer },
      credentials: demoCredentials,
      async close() {
        await Promise.all(servers.map((s) => s.close()));
        if (!options.dataDir) await rm(world.dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const d of Object.values(definitions)) d.reject(error);
    await Promise.all(servers.map((s) => s.close()));
    throw error;
  }
}

/**
 * The environment that points a gateway at these simulators with demo accounts: GitProtect's
 * admin, the Azure DevOps token, and an SCM-Manager user (the admin unless another is named).
 * Anyone who reaches such a gateway may read and write (ANONYMOUS_ACCESS): it is a demo.
 */
export function gatewayEnvironment(
  simulators: Simulators,
  scmUser: "scmadmin" | "alice" | "bob" = "scmadmin",
): Record<string, string> {
  const [admin] = simulators.credentials.gitprotect;
  const scm = simulators.credentials.scm.find((u) => u.name === scmUser)!;
  return {
    GITPROTECT_URL: simulators.gitprotect.url,
    GITPROTECT_EMAIL: admin.email,
    GITPROTECT_PASSWORD: admin.password,
    AZURE_DEVOPS_URL: simulators.azureDevOps.url,
    AZURE_DEVOPS_PAT: simulators.credentials.azure.validToken,
    SCM_MANAGER_URL: simulators.scmManager.url,
    SCM_MANAGER_USERNAME: scm.name,
    SCM_MANAGER_PASSWORD: scm.password,
    ANONYMOUS_ACCESS: "write",
  };
}
