import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { startClock } from "../../src/http/call-clock.js";

describe("startClock", () => {
  it("tells a call's time apart from the time the event loop was busy during it", async () => {
    const clock = startClock();
    const until = performance.now() + 60;
    while (performance.now() < until); // the gateway at work: an answer arriving now would wait
    await sleep(120); // the gateway idle, waiting on the upstream
    // Generous bounds: a busy machine stretches both, never turns waiting into work.
    expect(clock.busy()).toBeGreaterThanOrEqual(55);
    expect(clock.elapsed()).toBeGreaterThanOrEqual(175);
    expect(clock.elapsed() - clock.busy()).toBeGreaterThanOrEqual(100);
  });
});
