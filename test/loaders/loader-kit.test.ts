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

/** A call the test answers when it chooses. */
function heldCall<V>() {
  let answer!: (value: V) => void;
  const promise = new Promise<V>((resolve) => (answer = resolve));
  return { promise, answer };
}

/** Whether the promise has settled after a moment (a call answered at once has; one held has not). */
const settledYet = async (promise: Promise<unknown>) => {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((resolve) => setTimeout(resolve, 10));
  return settled;
};

describe("a loader per key", () => {
  it("settles each key with its own call, not with the slowest asked in the same tick", async () => {
    const slow = heldCall<string>();
    const calls: string[] = [];
    const loader = loaderKit().perKey((key: string) => {
      calls.push(key);
      return key === "slow" ? slow.promise : Promise.resolve(`${key}!`);
    });
    const [fast, late] = [loader.load("fast"), loader.load("slow")];
    expect(await settledYet(fast)).toBe(true);
    expect(await settledYet(late)).toBe(false);
    await expect(fast).resolves.toBe("fast!");
    slow.answer("slow!");
    await expect(late).resolves.toBe("slow!");
    // Asked again, a key is the same call.
    await expect(loader.load("slow")).resolves.toBe("slow!");
    expect(calls).toEqual(["fast", "slow"]);
  });

  it("fails only the key whose call failed", async () => {
    const loader = loaderKit().perKey((key: string) => {
      if (key === "refused") throw new Error("refused before it started");
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- what an odd call fails with
      if (key === "odd") return Promise.reject("not an Error");
      return key === "down" ? Promise.reject(new Error("down")) : Promise.resolve(key);
    });
    const [down, refused, odd, up] = await Promise.allSettled(
      ["down", "refused", "odd", "up"].map((k) => loader.load(k)),
    );
    expect(down).toMatchObject({ status: "rejected", reason: { message: "down" } });
    expect(refused).toMatchObject({ status: "rejected", reason: { message: "refused before it started" } });
    // Whatever a call fails with, its key fails with an Error.
    expect(odd).toMatchObject({ status: "rejected", reason: { message: "not an Error" } });
    expect((odd as PromiseRejectedResult).reason).toBeInstanceOf(Error);
    expect(up).toEqual({ status: "fulfilled", value: "up" });
  });

  it("answers a name in a repository's list once that list is in, whatever another repository's list does", async () => {
    const slow = heldCall<Array<{ name: string }>>();
    const { one } = namedWithin(
      loaderKit(),
      (id: string) => (id === "slow" ? slow.promise : Promise.resolve([{ name: "main" }])),
      (item) => item.name,
    );
    const [fast, late] = [one.load({ id: "fast", name: "main" }), one.load({ id: "slow", name: "main" })];
    expect(await settledYet(fast)).toBe(true);
    expect(await settledYet(late)).toBe(false);
    await expect(fast).resolves.toEqual({ name: "main" });
    slow.answer([]);
    await expect(late).resolves.toBeNull();
  });
});
