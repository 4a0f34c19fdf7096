import { describe, expect, it } from "vitest";
import { compareAsText } from "../../simulators/http/text-order.js";

describe("the simulators' order of a listed field", () => {
  it("is what localeCompare with English gives, accents, case, digits and non-strings alike", () => {
    const values: unknown[] = ["b", "B", "a", "á", "A", "a10", "a9", "Zeta", "zeta", "", 12, null, true, "ä"];
    const asText = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v ?? ""));
    for (const a of values)
      for (const b of values)
        expect(Math.sign(compareAsText(a, b)), `${String(a)} against ${String(b)}`).toBe(
          Math.sign(asText(a).localeCompare(asText(b), "en")),
        );
  });
});
