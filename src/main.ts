import { pathToFileURL } from "node:url";
import { ConfigError, loadConfig, type Config } from "./config/config.js";
import { helpText } from "./config/help.js";
import { misspelt } from "./config/settings.js";
import { startGateway, type Gateway } from "./server/gateway.js";
import { describeListenError, listenProblem } from "./server/listen-check.js";

/**
 * Before anything starts (the demo's upstreams included): `--help`, variables that look like
 * misspelt settings, an invalid configuration, production with no upstream, a place the gateway
 * cannot listen. Each is one clear message; all but the misspellings stop here.
 */
export async function preflight(env = process.env, argv = process.argv): Promise<void> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(helpText());
    process.exit(0);
  }
  for (const { name, nearest } of misspelt(Object.keys(env)))
    console.warn(`${name} is not a setting and is ignored: did you mean ${nearest}?`);
  const config = configOrExit(env);
  const problem = await listenProblem(config.host, config.port);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}

function configOrExit(env: NodeJS.ProcessEnv): Config {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

/**
 * configuration → server → listen. `cleanups` run after the gateway closed, on SIGINT or SIGTERM
 * (the demo launcher stops its simulators there).
 */
export async function serve(env = process.env, cleanups: Array<() => Promise<void>> = []): Promise<void> {
  const config = configOrExit(env);
  if (config.demo) {
    console.error(
      "No upstream configured: set GITPROTECT_URL, AZURE_DEVOPS_URL or SCM_MANAGER_URL (see README). `npm start` serves the built-in demo upstreams instead.",
    );
    process.exit(1);
  }
  const gateway = await startGateway(config).catch((error: NodeJS.ErrnoException) => {
    if (error instanceof ConfigError) console.error(error.message);
    else if (error.syscall === "listen" || error.syscall === "getaddrinfo")
      console.error(describeListenError(error, config.host, config.port));
    else throw error;
    process.exit(1);
  });
  stopOnSignals(gateway, cleanups);
  const { anonymous, apiKeys, jwt } = config.access;
  if (!anonymous.length && !apiKeys.length && !jwt)
    console.warn(
      "Nobody can call yet: set API_KEYS or JWT_SECRET/JWT_JWKS_URL (or ANONYMOUS_ACCESS) — see README.",
    );
  if (anonymous.length)
    console.warn(
      `Open to anyone who can reach it: callers without credentials may ${anonymous.join(" and ")} (ANONYMOUS_ACCESS). Set API_KEYS or JWT_* and ANONYMOUS_ACCESS=off to close it.`,
    );
  console.log(`GraphQL gateway ready at ${gateway.url} (Apollo Sandbox opens there in a browser).

A first query:
  curl -s ${gateway.url} -H 'content-type: application/json' \\
    -d '{"query":"{ organizations(first: 5) { nodes { name provider repositories(first: 3) { nodes { name host backup { licenceActive plans { name } } defaultBranch { name head { author { name } date } } } } } } }"}'`);
}

/**
 * On SIGTERM or SIGINT: stop accepting, finish what is in flight, let go of Redis and the demo's
 * upstreams, exit 0. A second signal does not wait.
 */
function stopOnSignals(gateway: Gateway, cleanups: Array<() => Promise<void>>): void {
  const stop = () => {
    process.once("SIGINT", () => process.exit(1));
    process.once("SIGTERM", () => process.exit(1));
    void gateway
      .close()
      .then(() => Promise.all(cleanups.map((cleanup) => cleanup())))
      .then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await preflight();
  await serve();
}
