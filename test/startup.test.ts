import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { describe, expect, it } from "vitest";
import { loadConfig, settingDefaults } from "../src/config/config.js";
import { misspelt, settingNames } from "../src/config/settings.js";
import { freePort } from "./support/processes.js";

/** `npm start` as a new user runs it: its exit code and what it printed, both streams together. */
function start(
  env: Record<string, string>,
  args: string[] = [],
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "simulators/demo.ts", ...args], {
    cwd: new URL("../", import.meta.url).pathname,
    env: { PATH: process.env.PATH, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  return new Promise((resolve) =>
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    }),
  );
}

const nothingStarted = (output: string) =>
  expect(output).not.toMatch(/serving the built-in demo|gateway ready/);

describe("starting", () => {
  it("--help lists every setting with its default, and starts nothing", async () => {
    const { code, output } = await start({}, ["--help"]);
    expect(code).toBe(0);
    for (const name of settingNames) expect(output).toContain(name);
    expect(output).toMatch(/UPSTREAM_TIMEOUT_MS\s+10000\s/);
    expect(output).toMatch(/INTROSPECTION\s+on \(off in prod\.\)/);
    nothingStarted(output);
  });

  it("warns of a misspelt setting with the nearest name; a bad HOST is one line, before anything starts", async () => {
    const { code, output } = await start({
      AZURE_DEVOPS_URI: "https://tfs.example.com/tfs",
      HOST: "not-a-host",
    });
    expect(code).toBe(1);
    expect(output).toContain(
      "AZURE_DEVOPS_URI is not a setting and is ignored: did you mean AZURE_DEVOPS_URL?",
    );
    expect(output).toContain('HOST "not-a-host" is not an address of this machine');
    expect(output).not.toMatch(/\n\s+at /);
    nothingStarted(output);
  });

  it("a busy port is one line, before the demo's upstreams start", async () => {
    const port = await freePort();
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(port, "127.0.0.1", resolve));
    try {
      const { code, output } = await start({ PORT: String(port) });
      expect(code).toBe(1);
      expect(output.trim()).toBe(
        `PORT ${port} is already in use on 127.0.0.1: stop what listens there or set another PORT.`,
      );
    } finally {
      busy.close();
    }
  });

  it("in production with no upstream, refuses and says how to configure one", async () => {
    const { code, output } = await start({ NODE_ENV: "production" });
    expect(code).toBe(1);
    expect(output).toContain("NODE_ENV=production and no upstream configured: set GITPROTECT_URL");
    nothingStarted(output);
  });
});

describe("the settings", () => {
  it("are exactly the variables the configuration reads", () => {
    expect(new Set(settingDefaults({}).keys())).toEqual(settingNames);
  });

  it("a variable with one of our prefixes that is no setting is named with the nearest one", () => {
    expect(
      misspelt(["SCM_MANAGER_USER", "CACHE_TTL_REF_SECONDS", "PATH", "AZURE_CLIENT_ID", "PORT"]),
    ).toEqual([
      { name: "SCM_MANAGER_USER", nearest: "SCM_MANAGER_URL" },
      { name: "CACHE_TTL_REF_SECONDS", nearest: "CACHE_TTL_REFS_SECONDS" },
    ]);
  });

  it("refuse explorer headers in production, without echoing them", () => {
    let message = "";
    try {
      loadConfig({
        NODE_ENV: "production",
        SCM_MANAGER_URL: "https://scm.example.com/scm",
        ANONYMOUS_ACCESS: "read",
        EXPLORER_HEADERS: '{"x-scm-manager-password":"s3cret"}',
      });
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain("EXPLORER_HEADERS is for development only");
    expect(message).not.toContain("s3cret");
  });

  it("refuse base URLs that name the API path the gateway adds itself", () => {
    const refusal = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return "";
      } catch (error) {
        return String(error);
      }
    };
    expect(refusal({ SCM_MANAGER_URL: "http://scm.example.com/scm/api/rest" })).toContain(
      'SCM_MANAGER_URL is the server URL with its context path (e.g. https://scm.example.com/scm), without "/api/rest"',
    );
    expect(refusal({ AZURE_DEVOPS_URL: "https://tfs.example.com/DefaultCollection/_apis/git" })).toContain(
      'without "/_apis/git"',
    );
  });
});

describe("the README", () => {
  it("names every setting", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const named = (name: string) =>
      readme.includes(`\`${name}\``) ||
      readme.includes(`\`${name}=`) ||
      [...readme.matchAll(/`([A-Z_]+)\*`/g)].some(([, prefix]) => name.startsWith(prefix!));
    expect([...settingNames].filter((name) => !named(name))).toEqual([]);
  });
});
