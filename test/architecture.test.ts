import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { describe, expect, it } from "vitest";
import { layerRules } from "../eslint.layers.js";

const root = resolve(import.meta.dirname, "..");
const src = join(root, "src");

/** Every hand-written TypeScript file of src/, and the files of src/ it imports. */
function importGraph(): Map<string, string[]> {
  const files = (readdirSync(src, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".ts") && !f.startsWith("generated") && !f.endsWith(".gen.ts"))
    .map((f) => join(src, f));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const targets = [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.[^"]+)"/g)].map((m) =>
      resolve(dirname(file), m[1]!.replace(/\.js$/, ".ts")),
    );
    graph.set(file, targets);
  }
  return graph;
}

/** One import cycle, as a list of files, or undefined. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string): string[] | undefined => {
    if (state.get(file) === "done") return undefined;
    if (state.get(file) === "open") return stack.slice(stack.indexOf(file));
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = graph.has(next) ? visit(next) : undefined;
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(file, "done");
    return undefined;
  };
  for (const file of graph.keys()) {
    const cycle = visit(file);
    if (cycle) return cycle.map((f) => relative(root, f));
  }
  return undefined;
}

/** The layer rules alone, applied to a file as if it stood at `path`. */
async function layerProblems(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } }, ...layerRules],
  });
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return result!.messages.map((m) => m.message);
}

describe("the layers of src/", () => {
  it("have no import cycle", () => {
    expect(findCycle(importGraph())).toBeUndefined();
  });

  it("never import the simulators, the benchmark or the tests", () => {
    const outside = [...importGraph().values()].flat().filter((f) => !f.startsWith(src));
    expect(outside).toEqual([]);
  });

  it("are held by lint: a resolver importing a loader, an upstream client or the transport fails", async () => {
    for (const target of [
      "../loaders/create-loaders.js",
      "../upstreams/gitprotect/types.js",
      "../http/types.js",
    ])
      expect(
        await layerProblems(
          "src/resolvers/example.ts",
          `import type { X } from "${target}";\nexport type Y = X;\n`,
        ),
      ).toEqual([expect.stringMatching(/Layering: resolvers ask services/)]);
    expect(
      await layerProblems(
        "src/resolvers/example.ts",
        `import { connection } from "../graphql/connection.js";\nexport { connection };\n`,
      ),
    ).toEqual([]);
  });

  it("are held by lint: services make no cursors, the transport knows no API, nothing reaches the simulators", async () => {
    expect(
      await layerProblems(
        "src/services/example.ts",
        `import { encodeCursor } from "../graphql/cursor.js";\nexport { encodeCursor };\n`,
      ),
    ).toHaveLength(1);
    expect(
      await layerProblems(
        "src/http/example.ts",
        `import type { X } from "../upstreams/rest-client.js";\nexport type Y = X;\n`,
      ),
    ).toHaveLength(1);
    expect(
      await layerProblems(
        "src/main.ts",
        `import { startSimulators } from "../simulators/start-simulators.js";\nexport { startSimulators };\n`,
      ),
    ).toHaveLength(1);
  });
});
