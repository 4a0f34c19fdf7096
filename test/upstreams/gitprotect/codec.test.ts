import { describe, expect, it } from "vitest";
import * as codec from "../../../src/upstreams/gitprotect/codec.js";

describe("GitProtect's enum codes", () => {
  const tables = {
    provider: [1, 2, 3, 4, 5],
    planType: [1, 2],
    backupType: [1, 2, 3],
    choiceMode: [1, 2, 3],
    frequency: ["Hourly", "Daily", "Weekly", "Monthly"],
    backupStatus: ["None", "Success", "Warning", "Failed"],
  } as const;

  it.each(Object.entries(tables))(
    "%s: every code has a name, and the name gives the code back",
    (name, codes) => {
      const table = codec[name as keyof typeof tables] as {
        name(c: unknown): string;
        code(n: string): unknown;
      };
      const names = codes.map((code) => table.name(code));
      expect(new Set(names).size).toBe(codes.length);
      for (const [i, code] of codes.entries()) expect(table.code(names[i]!)).toBe(code);
    },
  );

  it("names codes as the schema does", () => {
    expect(codec.provider.name(5)).toBe("GENERIC_GIT");
    expect(codec.planType.name(2)).toBe("AZURE_DEVOPS");
    expect(codec.frequency.code("WEEKLY")).toBe("Weekly");
    expect(codec.backupStatus.name("Failed")).toBe("FAILED");
  });
});
