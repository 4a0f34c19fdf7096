import { startSimulators } from "../simulators/start-simulators.js";

// Until the GraphQL gateway exists, `npm start` serves the simulated upstreams it will federate.
const simulators = await startSimulators();
console.log(`GraphQL gateway: not built yet. Simulated upstreams:
  GitProtect   ${simulators.gitprotect.url}
  Azure DevOps ${simulators.azureDevOps.url}
  SCM-Manager  ${simulators.scmManager.url}/api/rest`);
process.once("SIGINT", () => void simulators.close().then(() => process.exit(0)));
