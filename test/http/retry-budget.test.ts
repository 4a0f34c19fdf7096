import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "../../src/http/circuit-breaker.js";
import { RetryBudget } from "../../src/http/retry-budget.js";

describe("retries and breakers", () => {
  it("a retry budget, once spent, allows about one retry per ten calls", () => {
    const budget = new RetryBudget(10, 0.1);
    let spent = 0;
    while (budget.take()) spent++;
    expect(spent).toBe(10);
    let retries = 0;
    for (let call = 0; call < 100; call++) {
      budget.called();
      if (budget.take()) retries++;
    }
    expect(retries).toBeGreaterThanOrEqual(9);
    expect(retries).toBeLessThanOrEqual(10);
  });

  it("a breaker opens after failures in a row, and a success closes it", () => {
    const breaker = new CircuitBreaker(3, 60_000);
    breaker.failed();
    breaker.failed();
    breaker.succeeded();
    breaker.failed();
    breaker.failed();
    expect(breaker.allows()).toBe(true);
    breaker.failed();
    expect(breaker.state).toBe("open");
    expect(breaker.allows()).toBe(false);
  });
});
