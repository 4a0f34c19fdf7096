import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AdaptiveLimit } from "../../src/http/adaptive-limit.js";

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

/** `n` answers of `operation` in `ms`, each while the limit is fully used. */
const answer = (limit: AdaptiveLimit, n: number, ms: number, operation = "getBranches") => {
  for (let i = 0; i < n; i += 1) limit.answered(operation, ms, limit.current);
};

/** A limit grown by 400 fast answers from where it starts, never shrunk. */
const grownTo116 = () => {
  const limit = new AdaptiveLimit(4, 256);
  answer(limit, 400, 20);
  expect(limit.current).toBe(116);
  return limit;
};

describe("AdaptiveLimit", () => {
  it("starts at 16 within its bounds, and grows while answers are as fast as before and the limit is used", () => {
    const limit = new AdaptiveLimit(4, 256);
    expect(limit.current).toBe(16);
    answer(limit, 16, 20);
    // A quarter per answer: at most ×1.25 per round trip.
    expect(limit.current).toBe(20);
    answer(limit, 400, 20);
    expect(limit.current).toBe(120);
    answer(limit, 2_000, 20);
    expect(limit.current).toBe(256);
    expect(new AdaptiveLimit(1, 3).current).toBe(3);
  });

  it("does not grow while it is not used: an upstream asked little says nothing of what it can take", () => {
    const limit = new AdaptiveLimit(4, 256);
    for (let i = 0; i < 100; i += 1) limit.answered("getBranches", 20, 2);
    expect(limit.current).toBe(16);
  });

  it("shrinks by a tenth when answers slow down, once per round trip", () => {
    const limit = new AdaptiveLimit(4, 256);
    answer(limit, 1, 20);
    answer(limit, 10, 60);
    expect(limit.current).toBe(14); // 16.25 × 0.9
    vi.advanceTimersByTime(60);
    answer(limit, 1, 60);
    expect(limit.current).toBe(13);
  });

  it("holds while answers are somewhat slower than the best: the server has begun to queue", () => {
    const limit = new AdaptiveLimit(4, 256);
    answer(limit, 1, 20);
    answer(limit, 20, 32);
    expect(limit.current).toBe(16);
  });

  it("keeps a baseline per operation: a slow operation is not a slow upstream", () => {
    const limit = new AdaptiveLimit(4, 256);
    answer(limit, 4, 5, "getRepositories");
    answer(limit, 4, 400, "getBlame");
    expect(limit.current).toBe(18);
  });

  it("halves on a timeout or a refusal, not below its floor", () => {
    const limit = new AdaptiveLimit(4, 256);
    limit.overloaded(20);
    expect(limit.current).toBe(8);
    limit.overloaded(20);
    expect(limit.current).toBe(8);
    vi.advanceTimersByTime(20);
    limit.overloaded(20);
    vi.advanceTimersByTime(20);
    limit.overloaded(20);
    expect(limit.current).toBe(4);
  });

  it("halves on Retry-After and holds its growth until then, five seconds at most", () => {
    const limit = new AdaptiveLimit(4, 256);
    limit.overloaded(20, 2_000);
    expect(limit.current).toBe(8);
    answer(limit, 40, 20);
    expect(limit.current).toBe(8);
    vi.advanceTimersByTime(2_000);
    // Past where it shrank to, about the square root of the limit per round trip (eight answers).
    answer(limit, 8, 20);
    expect(limit.current).toBe(10);
    // A day asked for by one throttled caller holds the others for five seconds, not a day.
    limit.overloaded(20, 86_400_000);
    vi.advanceTimersByTime(5_000);
    answer(limit, 4, 20);
    expect(limit.current).toBe(6);
  });

  it("takes a call cut short by its request's deadline as a slowdown only when it had already taken twice the best", () => {
    const limit = new AdaptiveLimit(4, 256);
    limit.cutShort("getBranches", 500);
    expect(limit.current).toBe(16);
    answer(limit, 1, 20);
    limit.cutShort("getBranches", 25);
    expect(limit.current).toBe(16);
    limit.cutShort("getBranches", 500);
    expect(limit.current).toBe(14);
  });

  it("counts no slowdown against the upstream for the time the gateway was busy, up to half of what the answer took past its best", () => {
    const limit = new AdaptiveLimit(4, 256);
    answer(limit, 1, 20);
    // 44 ms with the gateway busy for 24 of them: 12 put down to the gateway, 32 under the bound of 35.
    for (let i = 0; i < 20; i += 1) limit.answered("getBranches", 44, limit.current, () => 24);
    expect(limit.current).toBe(16);
    // However busy the gateway was, an answer at twice its best and more is the upstream's queue.
    limit.answered("getBranches", 60, limit.current, () => 60);
    expect(limit.current).toBe(14);
  });

  it("grows fast only on an answer fast as it was read; one fast once the gateway's busy time is excused probes", () => {
    const limit = grownTo116();
    // 34 ms as read, 10 of them with the gateway busy (7 excused): about its square root, 11 calls, not 29.
    for (let i = 0; i < 116; i += 1) limit.answered("getBranches", 34, limit.current, () => 10);
    expect(limit.current).toBe(126);
    for (let i = 0; i < 126; i += 1) limit.answered("getBranches", 24, limit.current, () => 10);
    expect(limit.current).toBe(158);
  });

  it("does not probe a fast upstream that has begun to queue: its slow bound is twice its best", () => {
    const limit = grownTo116();
    answer(limit, 1, 10, "getCommit");
    // 18 ms against a best of 10, the gateway idle: the server queues (a capacity of 64 at 116 in service).
    for (let i = 0; i < 500; i += 1) limit.answered("getCommit", 18, limit.current, () => 0);
    expect(limit.current).toBe(116);
  });

  it("past where it last shrank to, grows by about its square root per round trip instead of a quarter per answer", () => {
    const limit = grownTo116();
    vi.advanceTimersByTime(100);
    answer(limit, 1, 60);
    expect(limit.current).toBe(104);
    // A round trip of fast answers: ten calls more, not 26.
    answer(limit, 104, 20);
    expect(limit.current).toBe(114);
  });

  it("stays below where the upstream refused for a minute, then probes past it again", () => {
    const limit = grownTo116();
    limit.overloaded(20);
    expect(limit.current).toBe(58);
    // A second failure at the limit already cut (an outage): the higher bound is kept.
    vi.advanceTimersByTime(100);
    limit.overloaded(20);
    expect(limit.current).toBe(29);
    answer(limit, 20_000, 20);
    // Just below the 116 it was refused at: 116 × 0.9.
    expect(limit.current).toBe(104);
    vi.advanceTimersByTime(60_000);
    answer(limit, 1_000, 20);
    expect(limit.current).toBeGreaterThan(104);
  });
});
