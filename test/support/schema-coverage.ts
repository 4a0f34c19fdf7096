import type { ApolloServerPlugin } from "@apollo/server";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Where each test process of this checkout leaves the fields its gateways resolved (scripts/schema-coverage.ts reads them). */
export const coverageFolder = new URL("../../node_modules/.cache/schema-coverage/", import.meta.url).pathname;

const resolved = new Set<string>();
const startedAt = Date.now();

/** Records every field resolved with data (not null, not an error), as `Type.field`. */
export const schemaCoverage: ApolloServerPlugin<never> = {
  requestDidStart: () =>
    Promise.resolve({
      executionDidStart: () =>
        Promise.resolve({
          willResolveField({ info }) {
            const coordinate = `${info.parentType.name}.${info.fieldName}`;
            return (error, result) => {
              const data = Array.isArray(result)
                ? result.length > 0
                : result !== null && result !== undefined;
              if (!error && data) resolved.add(coordinate);
            };
          },
        }),
    }),
};

/** Leaves what this process resolved so far for the check after the suite (a file per process). */
export function saveCoverage(): void {
  mkdirSync(coverageFolder, { recursive: true });
  writeFileSync(join(coverageFolder, `${process.pid}-${startedAt}.json`), JSON.stringify([...resolved]));
}
