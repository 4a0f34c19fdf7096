import { describe, expect, it } from "vitest";
import { ConcurrencyLimit, NotRun } from "../../src/http/concurrency-limit.js";

const later = () => new Promise<void>((resolve) => setImmediate(resolve));

describe("ConcurrencyLimit", () => {
  it("runs at most its limit at once and the waiters in order", async () => {
    const limit = new ConcurrencyLimit({ current: 2 });
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        limit.run(async () => {
          running += 1;
          most = Math.max(most, running);
          order.push(n);
          await later();
          running -= 1;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("turns a caller away when the queue is full, and a waiter whose deadline passes", async () => {
    const limit = new ConcurrencyLimit({ current: 1 }, 1);
    let finish!: () => void;
    const first = limit.run(() => new Promise<void>((resolve) => (finish = resolve)));
    const waiter = limit.run(() => Promise.resolve("ran"), Date.now() + 20);
    await expect(limit.run(() => Promise.resolve("ran"))).rejects.toEqual(new NotRun("queue-full"));
    await expect(waiter).rejects.toEqual(new NotRun("deadline"));
    finish();
    await first;
    // The slot is free again: the deadline's waiter left nothing behind.
    await expect(limit.run(() => Promise.resolve("ran"))).resolves.toBe("ran");
  });

  it("starts more waiters when its limit grows, none while it is over a limit that shrank", async () => {
    const limit = { current: 1 };
    const queue = new ConcurrencyLimit(limit);
    const releases: Array<() => void> = [];
    let started = 0;
    const task = () =>
      queue.run(
        () =>
          new Promise<void>((resolve) => {
            started += 1;
            releases.push(resolve);
          }),
      );
    const all = [task(), task(), task(), task()];
    await later();
    expect(started).toBe(1);
    limit.current = 3;
    releases.shift()!();
    await later();
    // One slot freed and two more allowed: three waiters start together.
    expect(started).toBe(4);
    limit.current = 1;
    releases.shift()!();
    releases.shift()!();
    // Over the smaller limit, a newcomer waits behind the task still running.
    const late = task();
    await later();
    expect(started).toBe(4);
    releases.shift()!();
    await later();
    expect(started).toBe(5);
    releases.shift()!();
    await Promise.all([...all, late]);
  });
});
