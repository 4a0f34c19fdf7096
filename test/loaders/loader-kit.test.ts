import { describe, expect, it } from "vitest";
import { loaderKit, namedWithin } from "../../src/loaders/loader-kit.js";

describe("items by name within a repository's list", () => {
  it("finds each in its own repository's list, read once; a list that failed fails only its own lookups", async () => {
    const read: string[] = [];
    const { all, one } = namedWithin(
      loaderKit(),
      (id: string) => {
        read.push(id);
        return id === "down" ? Promise.reject(new Error("down")) : Promise.resolve([{ name: "main", id }]);
      },
      (item) => item.name,
    );
    // As an overview reads them: the lists first, then a name in each, in one batch.
    await Promise.allSettled([all.load("down"), all.load("up")]);
    const [down, up, missing] = await Promise.allSettled([
      one.load({ id: "down", name: "main" }),
      one.load({ id: "up", name: "main" }),
      one.load({ id: "up", name: "gone" }),
    ]);
    expect(down.status).toBe("rejected");
    expect(up).toEqual({ status: "fulfilled", value: { name: "main", id: "up" } });
    expect(missing).toEqual({ status: "fulfilled", value: null });
    expect(read).toEqual(["down", "up"]);
  });
});
