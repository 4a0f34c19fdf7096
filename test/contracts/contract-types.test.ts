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
