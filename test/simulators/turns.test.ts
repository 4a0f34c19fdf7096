import { describe, expect, it } from "vitest";
import { mapInTurns } from "../../simulators/http/turns.js";

describe("a long list mapped in turns", () => {
  it("maps every item in order, and lets other work of the event loop run between slices", async () => {
    const events: string[] = [];
    setImmediate(() => events.push("another server's call"));
    const mapped = await mapInTurns(
      Array.from({ length: 250 }, (_, i) => i),
      (n) => {
        if (n % 100 === 0) events.push(`slice from ${n}`);
        return Promise.resolve(n * 2);
      },
    );
    expect(mapped).toEqual(Array.from({ length: 250 }, (_, i) => i * 2));
    expect(events).toEqual(["slice from 0", "another server's call", "slice from 100", "slice from 200"]);
  });
});
