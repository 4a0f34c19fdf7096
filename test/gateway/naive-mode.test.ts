import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/gateway.js";

/** The benchmark's reference: the same gateway without batching, de-duplication or cache answers the same, with more calls. */

let optimized: Harness;
let naive: Harness;
const overview = `{ organizations(first: 20) { nodes { name repositories(first: 50) { nodes { id name backup { licenceActive plans { name } } defaultBranch { name } branches(first: 100) { nodes { name head { author { name } date } } } } } } } }`;

beforeAll(async () => {
  [optimized, naive] = await Promise.all([
    startHarness({ env: { CACHE: "off" } }),
    startHarness({ env: { GATEWAY_NAIVE: "1" } }),
  ]);
});
afterAll(async () => {
  await Promise.all([optimized.close(), naive.close()]);
});

describe("naive mode (benchmark only)", () => {
  it("answers exactly what the gateway answers, with many more upstream calls, twice over", async () => {
    const [a, b] = await Promise.all([optimized.query(overview), naive.query(overview)]);
    expect(b.errors).toBeUndefined();
    expect(b.data).toEqual(a.data);
    const calls = (h: Harness) => h.calls().filter((c) => c.operation !== "login").length;
    expect(calls(naive)).toBeGreaterThan(2 * calls(optimized));
    naive.resetCalls();
    await naive.query(overview);
    expect(calls(naive)).toBeGreaterThan(2 * calls(optimized));
  });
});
