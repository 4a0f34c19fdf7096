import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { FastifyInstance } from "fastify";
import { compress, encodingFor, varyOnEncoding } from "../compression.js";

const require = createRequire(import.meta.url);

/** GraphiQL 3's browser build and React 18's, from node_modules: nothing is fetched from a CDN. */
const assets: Record<string, { from: string; file: string; type: string }> = {
  "react.js": { from: "react", file: "umd/react.production.min.js", type: "text/javascript" },
  "react-dom.js": { from: "react-dom", file: "umd/react-dom.production.min.js", type: "text/javascript" },
  "graphiql.js": { from: "graphiql", file: "graphiql.min.js", type: "text/javascript" },
  "graphiql.css": { from: "graphiql", file: "graphiql.min.css", type: "text/css" },
};

/** A file of an installed package (their `exports` do not list the browser builds). */
const fileOf = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);

/**
 * A self-contained GraphiQL at `/graphiql` for closed networks: its page, scripts and styles are
 * served by the gateway itself, the headers editor pre-filled (`EXPLORER_HEADERS`), the docs
 * explorer fed by introspection.
 */
export function registerGraphiQL(app: FastifyInstance, headers: Record<string, string>): void {
  const files = Object.fromEntries(
    Object.entries(assets).map(([name, { from, file, type }]) => [
      name,
      { body: readFileSync(fileOf(from, file)), type },
    ]),
  );
  app.get("/graphiql", (_, reply) => reply.type("text/html; charset=utf-8").send(page));
  app.get("/graphiql/start.js", (_, reply) =>
    reply.type("text/javascript; charset=utf-8").send(startScript(headers)),
  );
  // Each asset compressed once per encoding, when first asked for.
  const compressed = new Map<string, Promise<Buffer>>();
  app.get<{ Params: { name: string } }>("/graphiql/assets/:name", async (request, reply) => {
    const asset = files[request.params.name];
    if (!asset) return reply.callNotFound();
    // The assets change only with the gateway's version: a browser keeps them for a day.
    reply.type(asset.type).header("cache-control", "public, max-age=86400");
    varyOnEncoding(reply);
    const encoding = encodingFor(request.headers, asset.body.length);
    if (!encoding) return reply.send(asset.body);
    const memo = `${encoding}:${request.params.name}`;
    if (!compressed.has(memo)) compressed.set(memo, compress(asset.body, encoding));
    const bytes = await compressed.get(memo)!;
    return reply.header("content-encoding", encoding).send(bytes);
  });
}

const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>GraphiQL · repo-graph gateway</title>
    <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
    <link rel="stylesheet" href="/graphiql/assets/graphiql.css" />
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script src="/graphiql/assets/react.js"></script>
    <script src="/graphiql/assets/react-dom.js"></script>
    <script src="/graphiql/assets/graphiql.js"></script>
    <script src="/graphiql/start.js"></script>
  </body>
</html>
`;

const firstQuery = `# A first query: the organizations, some of their repositories and where each is hosted.
query Overview {
  organizations(first: 5) {
    nodes {
      name
      repositories(first: 3) {
        nodes { name host defaultBranch { name } }
      }
    }
  }
}
`;

/** In a file of its own (not inline), so that a strict Content-Security-Policy may allow 'self' alone. */
function startScript(headers: Record<string, string>): string {
  return `const fetcher = GraphiQL.createFetcher({ url: new URL("/graphql", location.href).href });
ReactDOM.createRoot(document.getElementById("graphiql")).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultQuery: ${JSON.stringify(firstQuery)},
    headers: ${JSON.stringify(JSON.stringify(headers, null, 2))},
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: "headers",
  }),
);
`;
}
