import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/gateway.js";

/** A locked-down deployment: only the operations of its manifest run. */

const trusted = "query Count { organizations(first: 1) { totalCount } }";
const hash = createHash("sha256").update(trusted).digest("hex");
let h: Harness;

beforeAll(async () => {
  const manifest = join(mkdtempSync(join(tmpdir(), "trusted-")), "persisted-documents.json");
  writeFileSync(manifest, JSON.stringify({ [hash]: trusted }));
  h = await startHarness({ env: { CACHE: "off", TRUSTED_DOCUMENTS: manifest } });
});
afterAll(() => h.close());

const post = (body: unknown) =>
  fetch(h.gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  }).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as { data?: unknown; errors?: Array<{ extensions: { code: string } }> },
  }));

describe("trusted documents", () => {
  it("runs a manifest's operation named by id, by hash or by its text; refuses any other before a call", async () => {
    const expected = { organizations: { totalCount: h.sim.world.gitprotect.organizations.size } };
    for (const body of [
      { documentId: `sha256:${hash}` },
      { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } },
      { query: trusted },
    ]) {
      const answer = await post(body);
      expect(answer.status, JSON.stringify(body)).toBe(200);
      expect(answer.body.data).toEqual(expected);
    }
    const get = await fetch(`${h.gateway.url}?documentId=${hash}`, {
      headers: { "apollo-require-preflight": "1" },
    });
    expect(((await get.json()) as { data: unknown }).data).toEqual(expected);
    h.resetCalls();
    for (const body of [
      { query: "{ organizations { nodes { name } } }" },
      { documentId: "0".repeat(64) },
      {},
    ]) {
      const answer = await post(body);
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.extensions.code).toBe("OPERATION_NOT_TRUSTED");
    }
    expect(h.calls()).toEqual([]);
  });
});
