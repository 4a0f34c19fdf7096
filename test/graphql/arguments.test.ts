import { describe, expect, it } from "vitest";
import { checkedPath, checkedRevision, isRefName } from "../../src/graphql/arguments.js";

describe("arguments that reach an upstream", () => {
  it.each([
    "main",
    "feature/x",
    "v1.0",
    "ü-branch",
    "refs/heads/main",
    "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678",
  ])("%j is a revision", (name) => expect(isRefName(name)).toBe(true));

  it.each([
    "",
    ".",
    "..",
    "a..b",
    "a/",
    "/a",
    "a//b",
    ".hidden",
    "x.lock",
    "a b",
    "a~1",
    "a^",
    "a:b",
    "a?",
    "a*",
    "a[",
    "a\\b",
    "@",
    "a@{1}",
    "tab\t",
    "nul\u0000",
    "x".repeat(257),
  ])("%j is no revision: bad input", (name) => {
    expect(isRefName(name)).toBe(false);
    expect(() => checkedRevision(name, "azure")).toThrow(
      expect.objectContaining({ extensions: { code: "BAD_USER_INPUT" } }) as Error,
    );
  });

  it("on SCM-Manager takes Mercurial names with spaces, and refuses only dot segments, control characters and length", () => {
    for (const name of ["default branch", "a b", "a:b", "release/1.x"])
      expect(checkedRevision(name, "scm")).toBe(name);
    for (const name of [".", "..", "a\tb", "nul\u0000", "x".repeat(257)])
      expect(() => checkedRevision(name, "scm")).toThrow(
        expect.objectContaining({ extensions: { code: "BAD_USER_INPUT" } }) as Error,
      );
  });

  it("refuses paths that climb out or carry NUL", () => {
    for (const path of ["../etc/passwd", "a/../../b", "nul\u0000", "x".repeat(1025)])
      expect(() => checkedPath(path)).toThrow();
    expect(checkedPath("src/a.ts")).toBe("src/a.ts");
  });
});
