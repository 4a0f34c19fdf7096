import { describe, expect, it } from "vitest";
import { buildPath, buildQuery } from "../../src/upstreams/path.js";

describe("the path builder", () => {
  it.each(["", ".", ".."])("refuses the segment %j before any call", (segment) => {
    expect(() => buildPath("SCM-Manager", ["repositories", segment, "blame"])).toThrow(
      expect.objectContaining({ kind: "INVALID_ARGUMENT", upstream: "SCM-Manager" }) as Error,
    );
  });

  it.each([
    ["a/b", "/a%2Fb"],
    ["%2e%2e", "/%252e%252e"],
    ["x?y#z", "/x%3Fy%23z"],
    ["line\r\nbreak", "/line%0D%0Abreak"],
    ["nul\u0000", "/nul%00"],
    ["Ünïcode Tools", "/%C3%9Cn%C3%AFcode%20Tools"],
    ["...", "/..."],
  ])("encodes %j as one segment", (segment, encoded) => {
    expect(buildPath("Azure DevOps", [segment])).toBe(encoded);
    expect(new URL(`http://host${buildPath("Azure DevOps", ["base", segment])}`).pathname).toBe(
      `/base${encoded}`,
    );
  });

  it("adds query parameters in order, leaving out what is undefined or empty", () => {
    expect(buildQuery({ path: "a b/c", revision: undefined, limit: 0, recursive: true, empty: "" })).toBe(
      "?path=a+b%2Fc&limit=0&recursive=true",
    );
    expect(buildQuery({})).toBe("");
  });
});
