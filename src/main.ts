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
  const { startSimulators } = await import("../simulators/start-simulators.js");
  const simulators = await startSimulators({ ports: { gitprotect: 0, azureDevOps: 0, scmManager: 0 } });
  stops.push(() => simulators.close());
  const [admin] = simulators.credentials.gitprotect;
  config = {
    ...config,
    gitprotect: { url: simulators.gitprotect.url, email: admin.email, password: admin.password },
    azureDevOps: { url: simulators.azureDevOps.url, pat: simulators.credentials.azure.validToken },
    scmManager: { url: simulators.scmManager.url, username: "alice", password: "alice-secret" },
  };
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
