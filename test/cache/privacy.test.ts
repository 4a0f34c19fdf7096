import { randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/gateway.js";
import { scmRepositoriesVisibleTo } from "../support/visibility.js";

/** Two users with different rights, in turn and at the same time, through each cache back end. */

const namespace = `privacy-${randomUUID()}`;
const backEnds = {
  memory: {},
  redis: {
    CACHE_URL: "redis://127.0.0.1:6379",
    CACHE_KEY_SECRET: "privacy-test-secret-0123456789",
    CACHE_NAMESPACE: namespace,
  },
};
const query = `{ repositories(first: 100, host: SCM_MANAGER) { totalCount nodes { name scmManager { permissions { name } } } } }`;
const users = {
  alice: { "x-scm-manager-username": "alice", "x-scm-manager-password": "alice-secret" },
  bob: { "x-scm-manager-username": "bob", "x-scm-manager-password": "bob-secret" },
};

describe.each(Object.entries(backEnds))("cache privacy (%s)", (_, env) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ env });
  });
  afterAll(() => h.close());

  const names = (answer: Awaited<ReturnType<Harness["query"]>>) =>
    (answer.data as { repositories: { nodes: Array<{ name: string }> } }).repositories.nodes
      .map((n) => n.name)
      .sort();
  const expected = (user: string) => scmRepositoriesVisibleTo(h.sim.world, user);

  it("in turn: each user gets only their own answer, and the second is not the first's", async () => {
    for (let round = 0; round < 2; round += 1) {
      expect(names(await h.query(query, {}, users.alice))).toEqual(expected("alice"));
      expect(names(await h.query(query, {}, users.bob))).toEqual(expected("bob"));
    }
    expect(expected("alice")).not.toEqual(expected("bob"));
  });

  it("at the same time: interleaved requests never cross", async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 ? h.query(query, {}, users.bob) : h.query(query, {}, users.alice),
      ),
    );
    answers.forEach((answer, i) => expect(names(answer)).toEqual(expected(i % 2 ? "bob" : "alice")));
  });

  it("a wrong password is refused even when the right one's answer is cached", async () => {
    const wrong = await h.query(
      query,
      {},
      { "x-scm-manager-username": "alice", "x-scm-manager-password": "guess" },
    );
    expect(wrong.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("cache keys", () => {
  it("never carry a credential, only a keyed hash of it", () => {
    const keys = execFileSync("redis-cli", ["--scan", "--pattern", `*${namespace}*`], { encoding: "utf8" });
    expect(keys.split("\n").filter(Boolean).length).toBeGreaterThan(0);
    for (const secret of [
      "alice",
      "bob",
      "secret",
      Buffer.from("alice:alice-secret").toString("base64"),
      "demo-pat",
      "Admin-pass",
    ])
      expect(keys).not.toContain(secret);
  });
});
