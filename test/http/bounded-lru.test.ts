import { describe, expect, it } from "vitest";
import { BoundedLru } from "../../src/http/bounded-lru.js";

describe("the bounded in-memory store", () => {
  it("forgets the least recently used entries past its entry limit", () => {
    const lru = new BoundedLru<string>(3, 1_000_000);
    for (const key of ["a", "b", "c"]) lru.set(key, key);
    lru.get("a");
    lru.set("d", "d");
    expect([...lru.keys()]).toEqual(["c", "a", "d"]);
    expect(lru.has("b")).toBe(false);
  });

  it("stays under its byte limit, whatever it is given", () => {
    const lru = new BoundedLru<string>(1_000_000, 10_000);
    for (let i = 0; i < 1_000; i += 1) lru.set(`key-${i}`, "x".repeat(500));
    expect(lru.byteSize).toBeLessThanOrEqual(10_000);
    expect(lru.size).toBeGreaterThan(0);
    expect(lru.has("key-999")).toBe(true);
    lru.clear();
    expect(lru.byteSize).toBe(0);
  });

  it("measures objects by the strings and buffers they hold, as cached answers are kept", () => {
    const lru = new BoundedLru<unknown>(1_000_000, 100_000);
    const entry = { status: 200, headers: { etag: '"v1"' }, body: "x".repeat(30_000), storedAt: 1 };
    lru.set("a", entry);
    // Two bytes a character of the body, and a little for the rest.
    expect(lru.byteSize).toBeGreaterThan(60_000);
    expect(lru.byteSize).toBeLessThan(61_000);
    lru.set("b", { ...entry, body: Buffer.alloc(50_000) });
    expect(lru.has("a")).toBe(false);
    expect(lru.byteSize).toBeGreaterThan(50_000);
    expect(lru.byteSize).toBeLessThan(51_000);
  });
});
