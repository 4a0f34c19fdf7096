import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { asInterpreted } from "../../src/server/compiled-errors.js";

const failed = (...path: Array<string | number>) =>
  new GraphQLError("failed", { path, originalError: new Error("upstream") });

describe("a compiled operation's errors", () => {
  it("keep one for each null they caused: siblings that nulled one parent give one, nullable fields their own", () => {
    const data = { repositories: [null, { name: "a", backup: null, defaultBranch: null }] };
    const result = asInterpreted({
      data,
      errors: [
        failed("repositories", 0, "id"),
        failed("repositories", 0, "name"),
        failed("repositories", 1, "backup"),
        failed("repositories", 1, "defaultBranch"),
      ],
    });
    expect(result.errors?.map((e) => e.path)).toEqual([
      ["repositories", 0, "id"],
      ["repositories", 1, "backup"],
      ["repositories", 1, "defaultBranch"],
    ]);
  });

  it("keep one when the whole answer is null, and become graphql-js errors with extensions and locations", () => {
    const located = Object.assign(failed("a", "b"), { locations: [{ line: 1, column: 3 }] });
    const result = asInterpreted({ data: null, errors: [located, failed("a", "c")] });
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]!.extensions).toEqual({});
    expect(result.errors![0]!.toJSON()).toMatchObject({
      path: ["a", "b"],
      locations: [{ line: 1, column: 3 }],
    });
    expect(result.errors![0]!.originalError?.message).toBe("upstream");
  });
});
