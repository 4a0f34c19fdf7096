import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { startClock } from "../../src/http/call-clock.js";

const busyFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until); // the gateway at work: an answer arriving now would wait
};

describe("startClock", () => {
  it("tells a call's time apart from the time the event loop was busy during its last part", async () => {
    const clock = startClock();
    busyFor(150);
    await sleep(120); // the gateway idle, waiting on the upstream
    startClock(); // other calls start and end meanwhile: the loop's activity is sampled then
    busyFor(40);
    // Generous bounds: a busy machine stretches both, never turns waiting into work. The process
    // may lose its core for tens of milliseconds while the loop is busy (the suite on one core):
    // the busy time before the answer could have come is long enough that counting it shows.
    expect(clock.busyAfter(0)).toBeGreaterThanOrEqual(185);
    expect(clock.elapsed() - clock.busyAfter(0)).toBeGreaterThanOrEqual(60);
    // Busy before the answer could have come delayed nothing: only what came after counts.
    expect(clock.busyAfter(200)).toBeGreaterThanOrEqual(35);
    expect(clock.busyAfter(200)).toBeLessThan(150);
  });

  it("reads the busy time from the oldest sample it still has once its ring has wrapped, and none for a moment to come", () => {
    const clock = startClock();
    for (let i = 0; i < 5_000; i += 1) startClock(); // more samples than the ring holds
    busyFor(30);
    // The call's own start is gone from the ring: the oldest sample left undercounts, never more.
    expect(clock.busyAfter(0)).toBeGreaterThanOrEqual(25);
    expect(clock.busyAfter(0)).toBeLessThanOrEqual(clock.elapsed());
    expect(clock.busyAfter(clock.elapsed() + 1_000)).toBe(0);
  });
});
