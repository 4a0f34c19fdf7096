import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { startClock } from "../../src/http/call-clock.js";

const busyFor = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until); // the gateway at work: an answer arriving now would wait
};

describe("startClock", () => {
  it("puts a call's answer no earlier than the last moment the event loop waited idle", async () => {
    const clock = startClock();
    await sleep(50); // the gateway idle, waiting on the upstream: the answer was not there yet
    busyFor(5);
    // Generous bounds: a busy machine stretches both, never turns work into waiting.
    expect(clock.answeredAfter()).toBeGreaterThanOrEqual(40);
    expect(clock.answeredAfter()).toBeLessThanOrEqual(clock.elapsed());
  });

  it("counts none of the time the loop was busy after its last wait: an answer may have come then", async () => {
    const clock = startClock();
    busyFor(150);
    await sleep(120);
    startClock(); // other calls start and end meanwhile: the loop's activity is sampled then
    busyFor(40);
    // Idle somewhere in the 120 ms wait, and surely after its sample less the 150 busy before it.
    expect(clock.answeredAfter()).toBeGreaterThanOrEqual(100);
    expect(clock.answeredAfter()).toBeLessThanOrEqual(clock.elapsed() - 40);
  });

  it("says 0 when the loop was never idle since the call began", () => {
    const clock = startClock();
    busyFor(30);
    expect(clock.answeredAfter()).toBe(0);
  });
});
