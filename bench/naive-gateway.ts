import { loadConfig } from "../src/config/config.js";
import { startGateway } from "../src/server/gateway.js";
import { naiveLoaderKit } from "./naive-loader-kit.js";

/** The naive reference as a process of its own, configured like the gateway; no cross-request cache either. */
const gateway = await startGateway(loadConfig({ ...process.env, CACHE: "off" }), {
  services: { loaderKit: naiveLoaderKit() },
});
console.log(`GraphQL gateway ready at ${gateway.url} (naive reference)`);
process.once("SIGTERM", () => void gateway.close().then(() => process.exit(0)));
