import { defaultPorts, gatewayEnvironment, startSimulators } from "./start-simulators.js";
import { worldParams, type WorldParams } from "./world/params.js";

/**
 * `npm run simulators`: the three simulated upstreams over the demo world, on fixed ports.
 * Environment: GITPROTECT_SIM_PORT, AZURE_DEVOPS_SIM_PORT, SCM_MANAGER_SIM_PORT, SIM_LATENCY_MS,
 * SIM_JITTER_MS, SIM_WORLD_<PARAMETER> (e.g. SIM_WORLD_ORGANIZATIONS=5) to grow the world, and
 * SIM_SAMPLES=1 to serve the documents' own sample records instead.
 */

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    console.error(`${name} must be a port number (0-65535), got "${raw}"`);
    process.exit(1);
  }
  return value;
}

function worldFromEnvironment(): Partial<WorldParams> {
  const overrides: Record<string, number> = {};
  for (const key of Object.keys(worldParams())) {
    const name = `SIM_WORLD_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
    if (process.env[name]) overrides[key] = Number(process.env[name]);
  }
  return overrides;
}

try {
  const simulators = await startSimulators({
    ports: {
      gitprotect: port("GITPROTECT_SIM_PORT", defaultPorts.gitprotect),
      azureDevOps: port("AZURE_DEVOPS_SIM_PORT", defaultPorts.azureDevOps),
      scmManager: port("SCM_MANAGER_SIM_PORT", defaultPorts.scmManager),
    },
    world: worldFromEnvironment(),
    samples: process.env.SIM_SAMPLES === "1",
    latency: { fixedMs: port("SIM_LATENCY_MS", 0), jitterMs: port("SIM_JITTER_MS", 0) },
  });
  const { credentials: c } = simulators;
  console.log(`Simulated upstreams are up (world seed ${simulators.world.seed}, git data in ${simulators.world.dataDir}).

  GitProtect      ${simulators.gitprotect.url}
                  sign in: POST /account/login {"email":"${c.gitprotect[0].email}","password":"${c.gitprotect[0].password}"}
                  (viewer without management roles: ${c.gitprotect[1].email} / ${c.gitprotect[1].password})
  Azure DevOps    ${simulators.azureDevOps.url}
                  Basic auth, any user name, personal access token "${c.azure.validToken}" ("${c.azure.expiredToken}" is expired)
  SCM-Manager     ${simulators.scmManager.url}   (its REST API under /api/rest)
                  Basic auth: ${c.scm.map((u) => `${u.name}/${u.password}${u.admin ? " (admin)" : u.locked ? " (locked)" : ""}`).join(", ")}

  Control API on each: GET|DELETE /_simulator/stats, GET|PUT|POST|DELETE /_simulator/faults,
                       PUT /_simulator/latency, GET|PUT|DELETE /_simulator/capacity,
                       GET|PATCH /_simulator/settings, GET /_simulator/operations

  A gateway over them:
    ${Object.entries(gatewayEnvironment(simulators))
      .map(([name, value]) => `${name}=${value}`)
      .join(" \\\n    ")} \\\n    npm start`);
  const stop = () => void simulators.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error(`The simulators could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
