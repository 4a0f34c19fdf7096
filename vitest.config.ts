import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

export default defineConfig({
  // graphql 16 ships a CommonJS and an ES build; Node (and so Apollo and graphql-tools) loads the
  // CommonJS one. The tests load the same, or the schema's types fail graphql's realm checks.
  resolve: { alias: { graphql: createRequire(import.meta.url).resolve("graphql") } },
  test: {
    include: ["test/**/*.test.ts"],
    // Each file builds its own simulated world with real git repositories: two cores, so two workers.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
