import { loadConfig } from "../src/config/config.js";
import { preflight, serve } from "../src/main.js";
import { gatewayEnvironment, startSimulators } from "./start-simulators.js";

/**
 * `npm start`: the gateway as configured, or with no upstream configured (and not in production),
 * the gateway over the built-in demo upstreams (the simulators), started in this process. The
 * gateway itself never imports the simulators: this launcher sits outside it.
 */
await preflight();
const cleanups: Array<() => Promise<void>> = [];
let env = process.env;
if (loadConfig(env).demo) {
  const simulators = await startSimulators({ ports: { gitprotect: 0, azureDevOps: 0, scmManager: 0 } });
  cleanups.push(() => simulators.close());
  // As an operator would configure it; SCM-Manager as alice, so permissions shape the answers.
  env = { ...env, ...gatewayEnvironment(simulators, "alice") };
  // GraphiQL shows how a caller acts as one SCM-Manager user of its own (here alice, as configured).
  env.EXPLORER_HEADERS ??= JSON.stringify({
    "x-scm-manager-username": "alice",
    "x-scm-manager-password": simulators.credentials.scm.find((u) => u.name === "alice")!.password,
  });
  console.log(
    `No upstream configured: serving the built-in demo upstreams (simulators) started in this process (git data in ${simulators.world.dataDir}, removed on stop).`,
  );
}
await serve(env, cleanups);
