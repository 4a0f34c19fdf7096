import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import { createServer as createTlsServer } from "node:https";
import { connect, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayEnvironment, startSimulators, type Simulators } from "../../simulators/start-simulators.js";
import { loadConfig } from "../../src/config/config.js";
import { startGateway } from "../../src/server/gateway.js";
import { startGatewayProcess } from "../support/processes.js";

/** Upstreams on a closed network: reached through an HTTP proxy, or served with a private CA's certificate. */

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
};
const close = (server: Server) => new Promise((resolve) => server.close(resolve));
const everything = `{ organizations(first: 5) { totalCount } azure: repositories(first: 5, host: AZURE_DEVOPS) { totalCount } scm: repositories(first: 5, host: SCM_MANAGER) { totalCount } }`;

/** A forward proxy as corporate networks run them: CONNECT tunnels, and absolute-form requests. */
function forwardProxy() {
  const seen = new Set<string>();
  const server = createServer((req, res) => {
    const target = new URL(req.url!);
    seen.add(target.host);
    const onward = request(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode!, answer.headers);
      answer.pipe(res);
    });
    req.pipe(onward);
  });
  server.on("connect", (req, socket, head) => {
    seen.add(req.url!);
    const [host, port] = req.url!.split(":");
    const onward = connect(Number(port), host, () => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      onward.write(head);
      onward.pipe(socket).pipe(onward);
    });
    onward.on("error", () => socket.destroy());
    socket.on("error", () => onward.destroy());
  });
  return { server, seen };
}

let sim: Simulators;
beforeAll(async () => {
  sim = await startSimulators({ ports: { gitprotect: 0, azureDevOps: 0, scmManager: 0 } });
});
afterAll(() => sim.close());
const hostOf = (url: string) => new URL(url).host;

describe("an HTTP proxy (HTTP_PROXY, HTTPS_PROXY, NO_PROXY)", () => {
  const proxy = forwardProxy();
  let proxyUrl: string;
  beforeAll(async () => {
    proxyUrl = `http://127.0.0.1:${await listen(proxy.server)}`;
  });
  afterAll(() => close(proxy.server));

  /** What the proxy carried while a gateway over the simulators answered the query about every upstream. */
  const carried = async (env: Record<string, string>) => {
    proxy.seen.clear();
    const config = loadConfig({ PORT: "0", LOG_LEVEL: "silent", ...gatewayEnvironment(sim), ...env });
    const gateway = await startGateway(config);
    try {
      const response = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: everything }),
      });
      expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();
    } finally {
      await gateway.close();
    }
    return [...proxy.seen].sort();
  };
  const hosts = () => [sim.gitprotect.url, sim.azureDevOps.url, sim.scmManager.url].map(hostOf);

  it("carries every upstream call", async () => {
    expect(await carried({ HTTP_PROXY: proxyUrl })).toEqual(hosts().sort());
  });

  it("carries /ready's questions too", async () => {
    const config = loadConfig({
      PORT: "0",
      LOG_LEVEL: "silent",
      ...gatewayEnvironment(sim),
      HTTP_PROXY: proxyUrl,
    });
    const gateway = await startGateway(config);
    try {
      proxy.seen.clear();
      const ready = await fetch(new URL("/ready", gateway.url));
      expect(ready.status).toBe(200);
      expect([...proxy.seen].sort()).toEqual(hosts().sort());
    } finally {
      await gateway.close();
    }
  });

  it("except to the hosts NO_PROXY names", async () => {
    const [gitprotect, ...others] = hosts();
    expect(await carried({ HTTP_PROXY: proxyUrl, NO_PROXY: gitprotect! })).toEqual(others.sort());
  });
});

describe("a private CA (NODE_EXTRA_CA_CERTS)", () => {
  let dir: string;
  let front: Server;
  let scmUrl: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "gateway-ca-"));
    const openssl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "ignore" });
    openssl(
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      "ca.key",
      "-out",
      "ca.crt",
      "-days",
      "2",
      "-subj",
      "/CN=Gateway test CA",
    );
    openssl(
      "req",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      "server.key",
      "-out",
      "server.csr",
      "-subj",
      "/CN=127.0.0.1",
    );
    writeFileSync(join(dir, "san.ext"), "subjectAltName=IP:127.0.0.1\n");
    openssl(
      "x509",
      "-req",
      "-in",
      "server.csr",
      "-CA",
      "ca.crt",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-out",
      "server.crt",
      "-days",
      "2",
      "-extfile",
      "san.ext",
    );
    // SCM-Manager behind TLS with the private CA's certificate, as an on-premises server would be.
    const plain = new URL(sim.scmManager.url);
    front = createTlsServer(
      { key: readFileSync(join(dir, "server.key")), cert: readFileSync(join(dir, "server.crt")) },
      (req, res) => {
        const onward = request(
          { host: plain.hostname, port: plain.port, path: req.url, method: req.method, headers: req.headers },
          (answer) => {
            res.writeHead(answer.statusCode!, answer.headers);
            answer.pipe(res);
          },
        );
        req.pipe(onward);
      },
    );
    const port = await listen(front);
    scmUrl = `https://127.0.0.1:${port}${plain.pathname}`;
  });
  afterAll(async () => {
    await close(front);
    rmSync(dir, { recursive: true, force: true });
  });

  const scmCount = async (env: Record<string, string>) => {
    const gateway = await startGatewayProcess({
      ...gatewayEnvironment(sim),
      SCM_MANAGER_URL: scmUrl,
      LOG_LEVEL: "silent",
      ...env,
    });
    try {
      const response = await fetch(gateway.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: `{ repositories(first: 1, host: SCM_MANAGER) { totalCount } }` }),
      });
      return (await response.json()) as {
        data?: { repositories: { totalCount: number } | null };
        errors?: Array<{ extensions: { code: string } }>;
      };
    } finally {
      await gateway.stop();
    }
  };

  it("trusts an upstream whose certificate the CA signed", async () => {
    const answer = await scmCount({ NODE_EXTRA_CA_CERTS: join(dir, "ca.crt") });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.repositories?.totalCount).toBe(sim.world.scm.repositories.size);
  });

  it("without it refuses the connection, and says the upstream is unavailable", async () => {
    const answer = await scmCount({});
    expect(answer.errors?.[0]?.extensions.code).toBe("UPSTREAM_UNAVAILABLE");
  });
});
