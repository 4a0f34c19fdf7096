import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readmeWithAssumptions, renderAssumptions } from "../../scripts/assumptions.js";

describe("the README's table of assumptions about the real services", () => {
  it("lists every x-assumption of the three contracts, and is current (npm run assumptions)", async () => {
    const table = renderAssumptions();
    for (const api of ["GitProtect", "Azure DevOps", "SCM-Manager"]) expect(table).toContain(`| ${api} |`);
    expect(table).toContain("listassignedtoorganization");
    expect(readFileSync(new URL("../../README.md", import.meta.url), "utf8")).toBe(
      await readmeWithAssumptions(),
    );
  });
});
