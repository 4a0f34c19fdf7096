import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { contracts, renderContractTypes } from "../../scripts/contract-types.js";

describe("upstream contracts", () => {
  it.each(contracts)(
    "$api: the generated types are up to date (npm run generate:contracts)",
    async ({ document, types }) => {
      expect(await readFile(types, "utf8")).toBe(await renderContractTypes(document));
    },
  );

  it.each(contracts)(
    "$api: is OpenAPI 3.1, names every operation and lists its assumptions in one place",
    async ({ document }) => {
      const doc = parse(await readFile(document, "utf8")) as {
        openapi: string;
        info: { "x-assumptions"?: string[] };
        paths: Record<string, Record<string, { operationId?: string; summary?: string }>>;
      };
      expect(doc.openapi).toBe("3.1.0");
      const operations = Object.values(doc.paths).flatMap((item) =>
        Object.entries(item)
          .filter(([key]) => key !== "parameters")
          .map(([, op]) => op),
      );
      expect(operations.every((op) => op.operationId && op.summary)).toBe(true);
      expect(new Set(operations.map((op) => op.operationId)).size).toBe(operations.length);
      expect(doc.info["x-assumptions"]?.length).toBeGreaterThan(0);
    },
  );
});

/** Every schema in a document, nested ones included, with the property name it stands under. */
function* schemas(node: unknown, name = ""): Generator<[string, Record<string, unknown>]> {
  if (!node || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const item of node) yield* schemas(item, name);
    return;
  }
  const record = node as Record<string, unknown>;
  if ("type" in record) yield [name, record];
  for (const [key, value] of Object.entries(record)) yield* schemas(value, key);
}

describe("upstream contracts, read by other tools", () => {
  // A 32-bit integer cannot hold today's epoch milliseconds: a client generated from the contracts
  // (GraphQL Mesh typed them Int) failed on every SCM-Manager date until they said int64.
  it("every epoch-millisecond integer is int64", async () => {
    const epochs: Array<[string, Record<string, unknown>]> = [];
    for (const { document } of contracts)
      for (const [name, schema] of schemas(parse(await readFile(document, "utf8"))))
        if (typeof schema.description === "string" && /epoch millisecond/i.test(schema.description))
          epochs.push([name, schema]);
    expect(epochs.map(([name]) => name).sort()).toEqual(["creationDate", "date", "lastModified", "when"]);
    expect(epochs.filter(([, s]) => s.format !== "int64").map(([name]) => name)).toEqual([]);
  });
});
