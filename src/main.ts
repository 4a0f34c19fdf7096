import { ConfigError, loadConfig, type Config } from "./config.js";
import { startGateway } from "./server.js";

/** configuration → server → listen. With no upstream configured, the built-in demo upstreams. */

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const stops: Array<() => Promise<void>> = [];
if (config.demo) {
  // The simulators are a development aid, loaded only for the demo.
  const { gatewayEnvironment, startSimulators } = await import("../simulators/start-simulators.js");
  const simulators = await startSimulators({ ports: { gitprotect: 0, azureDevOps: 0, scmManager: 0 } });
  stops.push(() => simulators.close());
  // As an operator would configure it; SCM-Manager as alice, so permissions shape the answers.
  config = loadConfig({ ...process.env, ...gatewayEnvironment(simulators, "alice") });
  console.log(
    "No upstream configured: serving the built-in demo upstreams (simulators) started in this process.",
  );
}

const gateway = await startGateway(config);
stops.unshift(() => gateway.close());
console.log(`GraphQL gateway ready at ${gateway.url} (Apollo Sandbox opens there in a browser).

A first query:
  curl -s ${gateway.url} -H 'content-type: application/json' \\
    -d '{"query":"{ organizations(first: 5) { nodes { name provider repositories(first: 3) { nodes { name host backup { licenceActive plans { name } } defaultBranch { name head { author { name } date } } } } } } }"}'`);

const stop = () => void Promise.all(stops.map((s) => s())).then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
