import type { ApolloServerPlugin } from "@apollo/server";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Where each test process leaves the fields its gateways resolved (read by scripts/schema-coverage.ts). */
export const coverageFolder = join(tmpdir(), "repo-graph-schema-coverage");

const resolved = new Set<string>();

/** Records every field resolved with data (not null, not an error), as `Type.field`. */
export const schemaCoverage: ApolloServerPlugin<never> = {
  requestDidStart: () =>
    Promise.resolve({
      executionDidStart: () =>
        Promise.resolve({
          willResolveField({ info }) {
            const coordinate = `${info.parentType.name}.${info.fieldName}`;
            return (error, result) => {
              if (!error && result !== null && result !== undefined) resolved.add(coordinate);
            };
          },
        }),
    }),
};

/** Leaves what this process resolved so far for the check after the suite (a file per process). */
export function saveCoverage(): void {
  mkdirSync(coverageFolder, { recursive: true });
  writeFileSync(join(coverageFolder, `${process.pid}.json`), JSON.stringify([...resolved]));
}
