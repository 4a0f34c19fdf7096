import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { settingNames } from "../../src/config/settings.js";

/** The image and the scale-out setup, checked by reading them (no container engine here). */

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

/** Dockerfile instructions per stage, continuation lines joined, comments dropped. */
function stages(dockerfile: string): Array<{ from: string; instructions: Array<[string, string]> }> {
  const lines = dockerfile
    .replace(/\\\n/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));
  const found: Array<{ from: string; instructions: Array<[string, string]> }> = [];
  for (const line of lines) {
    const [, keyword = "", rest = ""] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === "FROM") found.push({ from: rest, instructions: [] });
    else found.at(-1)?.instructions.push([keyword.toUpperCase(), rest]);
  }
  return found;
}

describe("the image", () => {
  const [build, runtime] = stages(read("Dockerfile"));
  const all = (keyword: string) => runtime!.instructions.filter(([k]) => k === keyword).map(([, v]) => v);

  it("builds in one stage and runs the compiled gateway on Node 24 in another", () => {
    expect(build!.from).toMatch(/^node:24\S* AS build$/);
    expect(build!.instructions).toContainEqual(["RUN", "npm run build"]);
    expect(runtime!.from).toMatch(/^node:24/);
    expect(all("CMD")).toEqual([
      '["node", "--initial-old-space-size=96", "--heap-growing-percent=10", "dist/main.js"]',
    ]);
    expect(all("COPY")).toContain("--from=build /app/dist ./dist");
  });

  it("holds production dependencies only: no TypeScript runner, simulators, tests or git", () => {
    expect(all("RUN").join(" ")).toContain("npm ci --omit=dev");
    const copied = all("COPY").join(" ");
    for (const absent of ["simulators", "test", "bench", "src", "tsx"])
      expect(copied).not.toMatch(new RegExp(`\\b${absent}\\b`));
    expect(all("RUN").join(" ")).not.toMatch(/apt-get|git\b/);
    expect(read(".dockerignore").split("\n")).toEqual(
      expect.arrayContaining(["simulators", "test", "node_modules"]),
    );
  });

  it("runs as a user, caps the heap, and checks its health on PORT, whatever PORT is", () => {
    expect(all("USER")).toEqual(["node"]);
    const env = all("ENV").join(" ");
    expect(env).toContain("NODE_ENV=production");
    expect(env).toMatch(/NODE_OPTIONS="?--max-old-space-size=\d+/);
    const [health] = all("HEALTHCHECK");
    expect(health).toContain("process.env.PORT");
    expect(health).not.toContain("4000");
  });

  it("carries OCI labels", () => {
    const labels = all("LABEL").join(" ");
    for (const label of ["title", "description", "version", "revision"])
      expect(labels).toContain(`org.opencontainers.image.${label}=`);
  });
});

describe("the compose file", () => {
  const compose = parse(read("compose.yaml"), { merge: true }) as {
    services: Record<string, Record<string, unknown>>;
  };
  const services = compose.services;
  const gateways = Object.entries(services).filter(([name]) => name.startsWith("gateway"));

  it("runs two gateway replicas of the image, sharing Redis once it is healthy", () => {
    expect(gateways).toHaveLength(2);
    for (const [, gateway] of gateways) {
      expect(gateway.build).toBe(".");
      const env = gateway.environment as Record<string, string>;
      expect(env.CACHE_URL).toBe("redis://redis:6379");
      expect(env.CACHE_KEY_SECRET).toMatch(/^\$\{CACHE_KEY_SECRET:\?/);
      expect(gateway.depends_on).toEqual({ redis: { condition: "service_healthy" } });
    }
    expect(services.redis!.healthcheck).toBeDefined();
  });

  it("names only settings the gateway knows", () => {
    for (const [, gateway] of gateways)
      for (const name of Object.keys(gateway.environment as object)) expect(settingNames).toContain(name);
  });

  it("puts one load balancer on one port, in front of exactly the replicas", () => {
    const balancer = services["load-balancer"]!;
    expect(balancer.ports).toEqual(["8080:8080"]);
    expect(balancer.volumes).toEqual(["./deploy/nginx.conf:/etc/nginx/nginx.conf:ro"]);
    const nginx = read("deploy/nginx.conf");
    const servers = [...nginx.matchAll(/^\s*server\s+([\w-]+):(\d+)/gm)].map(
      ([, host, port]) => `${host}:${port}`,
    );
    expect(servers.sort()).toEqual(gateways.map(([name]) => `${name}:4000`).sort());
    expect(nginx).toMatch(/listen 8080;/);
    // The gateways trust the balancer's fixed address alone, and it forwards only what it saw.
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    const address = (balancer.networks as { default: { ipv4_address: string } }).default.ipv4_address;
    for (const [, gateway] of gateways)
      expect((gateway.environment as Record<string, string>).TRUST_PROXY).toBe(address);
  });
});
