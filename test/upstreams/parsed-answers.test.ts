import { crc32 } from "node:zlib";
import { describe, expect, it, vi } from "vitest";
import { Contracts } from "../../src/upstreams/contracts.js";
import { ParsedAnswers, parseJson } from "../../src/upstreams/parsed-answers.js";

const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));

describe("answers parsed once per distinct content", () => {
  it("gives the same bytes the value checked before, frozen whole, without checking them again", () => {
    const answers = new ParsedAnswers();
    const check = vi.fn(parseJson);
    const body = { value: [{ name: "one", refs: [{ objectId: "a" }] }] };
    const first = answers.read("listRefs", bytes(body), check);
    // Another call's answer: other bytes in memory, the same content.
    const again = answers.read("listRefs", bytes(body), check);
    expect(check).toHaveBeenCalledTimes(1);
    expect(first).toEqual({ ok: true, value: body });
    expect(again.ok && first.ok && again.value === first.value).toBe(true);
    const value = (again as { value: typeof body }).value;
    // Shared by every request that received these bytes: none may change it for the others.
    expect(() => (value.value[0]!.name = "changed")).toThrow(TypeError);
    expect(() => value.value[0]!.refs.push({ objectId: "b" })).toThrow(TypeError);
  });

  it("checks other bytes, or the same bytes checked as another answer, anew", () => {
    const answers = new ParsedAnswers();
    const check = vi.fn(parseJson);
    answers.read("listRefs 200", bytes({ value: [] }), check);
    answers.read("listRefs 200", bytes({ value: [1] }), check);
    answers.read("getCommit 200", bytes({ value: [] }), check);
    expect(check).toHaveBeenCalledTimes(3);
  });

  it("never gives the value of other bytes alike in length, beginning and end", () => {
    const answers = new ParsedAnswers();
    const check = vi.fn(parseJson);
    const listing = (middle: string) => bytes({ head: "h".repeat(5000), middle, tail: "t".repeat(5000) });
    const [one, other] = [listing("repository-a"), listing("repository-b")];
    expect(one.byteLength).toBe(other.byteLength);
    expect(answers.read("listRepositories", one, check)).toMatchObject({ value: { middle: "repository-a" } });
    expect(answers.read("listRepositories", other, check)).toMatchObject({
      value: { middle: "repository-b" },
    });
    expect(answers.read("listRepositories", one, check)).toMatchObject({ value: { middle: "repository-a" } });
    expect(check).toHaveBeenCalledTimes(3);
  });

  it("never gives the value of small bytes of the same length and CRC-32", () => {
    const answers = new ParsedAnswers();
    // A known CRC-32 collision: both bodies are 19 bytes with one checksum.
    const [plumless, buckeroo] = [bytes({ name: "plumless" }), bytes({ name: "buckeroo" })];
    expect(crc32(buckeroo)).toBe(crc32(plumless));
    expect(answers.read("getRepository", plumless, parseJson)).toEqual({
      ok: true,
      value: { name: "plumless" },
    });
    expect(answers.read("getRepository", buckeroo, parseJson)).toEqual({
      ok: true,
      value: { name: "buckeroo" },
    });
  });

  it("keeps a copy of the bytes it checked: a caller's buffer written over later changes nothing kept", () => {
    const answers = new ParsedAnswers();
    const body = bytes({ name: "plumless" });
    answers.read("getRepository", body, parseJson);
    // A pooled buffer is used again for other answers once the call is done with it.
    bytes({ name: "buckeroo" }).copy(body);
    const other = answers.read("getRepository", bytes({ name: "buckeroo" }), parseJson);
    expect(other).toEqual({ ok: true, value: { name: "buckeroo" } });
  });

  it("keeps no failure, and no answer larger than a megabyte", () => {
    const answers = new ParsedAnswers();
    const refuse = vi.fn(() => ({ ok: false as const, problem: "not as promised" }));
    answers.read("listRefs", bytes({}), refuse);
    expect(answers.read("listRefs", bytes({}), refuse)).toEqual({ ok: false, problem: "not as promised" });
    expect(refuse).toHaveBeenCalledTimes(2);

    const check = vi.fn(parseJson);
    const large = bytes({ names: Array.from({ length: 80_000 }, (_, i) => `repository-${i}`) });
    expect(large.byteLength).toBeGreaterThan(1024 * 1024);
    answers.read("listRepositories", large, check);
    answers.read("listRepositories", large, check);
    expect(check).toHaveBeenCalledTimes(2);
  });
});

describe("Contracts.read", () => {
  const contracts = new Contracts();

  it("says why an answer is not what its operation promises, or that it is no JSON", () => {
    expect(
      contracts.read("Azure DevOps", "listRepositories", 200, bytes({ count: "two" }), true),
    ).toMatchObject({
      ok: false,
      problem: expect.stringContaining("listRepositories answered") as unknown,
    });
    expect(
      contracts.read("Azure DevOps", "listRepositories", 200, Buffer.from('{"count": 3, "va'), true),
    ).toEqual({
      ok: false,
    });
    expect(
      contracts.read("Azure DevOps", "listRepositories", 200, bytes({ count: 0, value: [] }), true),
    ).toEqual({
      ok: true,
      value: { count: 0, value: [] },
    });
  });

  it("shares (frozen) only what a cacheable read answered: a sign-in's token or a write's answer is kept nowhere", () => {
    const answer = bytes({ count: 0, value: [] });
    const written = contracts.read("Azure DevOps", "listRepositories", 200, answer, false);
    const again = contracts.read("Azure DevOps", "listRepositories", 200, answer, false);
    expect(written.ok && again.ok && written.value !== again.value).toBe(true);
    expect(Object.isFrozen((written as { value: object }).value)).toBe(false);
    const listed = contracts.read("Azure DevOps", "listRepositories", 200, answer, true);
    const listedAgain = contracts.read("Azure DevOps", "listRepositories", 200, answer, true);
    expect(listed.ok && listedAgain.ok && listed.value === listedAgain.value).toBe(true);
    expect(Object.isFrozen((listed as { value: object }).value)).toBe(true);
  });
});
