import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { isObjectType } from "graphql";
import { gatewaySchema } from "../src/server/schema.js";
import { coverageFolder } from "../test/support/schema-coverage.js";

/**
 * After the suite: every field of the schema was resolved with data by some test, or is listed
 * below with the reason it cannot be. `--reset` clears the record before the suite runs.
 */
const exceptions: Record<string, string> = {};

if (process.argv.includes("--reset")) {
  rmSync(coverageFolder, { recursive: true, force: true });
  process.exit(0);
}

const resolved = new Set(
  readdirSync(coverageFolder).flatMap(
    (file) => JSON.parse(readFileSync(join(coverageFolder, file), "utf8")) as string[],
  ),
);
const schema = gatewaySchema();
const fields = Object.values(schema.getTypeMap())
  .filter((type) => isObjectType(type) && !type.name.startsWith("__"))
  .flatMap((type) =>
    Object.keys((type as { getFields(): object }).getFields()).map((field) => `${type.name}.${field}`),
  );
const never = fields.filter((field) => !resolved.has(field) && !(field in exceptions));
const stale = Object.keys(exceptions).filter((field) => resolved.has(field) || !fields.includes(field));
console.log(
  `schema coverage: ${fields.length - never.length} of ${fields.length} fields resolved with data by the tests`,
);
if (never.length)
  console.log(`never resolved with data (test them, or list them with a reason):\n  ${never.join("\n  ")}`);
if (stale.length) console.log(`exceptions no longer needed:\n  ${stale.join("\n  ")}`);
process.exit(never.length || stale.length ? 1 : 0);
