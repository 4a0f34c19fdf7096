import { describe, expect, it } from "vitest";
import { connection } from "../../src/graphql/connection.js";
import { decodeCursor, encodeCursor, offsetWindow, pageSize } from "../../src/graphql/cursor.js";
import { offsetPage, windowOf } from "../../src/services/page.js";

const badInput = expect.objectContaining({ extensions: { code: "BAD_USER_INPUT" } }) as Error;

describe("cursors", () => {
  it.each([{ offset: 0 }, { offset: 41 }, { skip: 3 }, { token: "abc==", skip: 0 }])(
    "round-trip %j",
    (position) => {
      expect(decodeCursor(encodeCursor(position))).toEqual(position);
    },
  );

  it.each([
    "%%%",
    "",
    Buffer.from('{"o":-1}').toString("base64url"),
    Buffer.from('{"k":1e9}').toString("base64url"),
  ])("refuse %j", (raw) => expect(() => decodeCursor(raw)).toThrow(badInput));

  it("turn `first` and `after` into a window, and refuse sizes outside 1–100 and another connection's cursor", () => {
    expect(offsetWindow(undefined, undefined)).toEqual({ offset: 0, first: 20 });
    expect(offsetWindow(5, encodeCursor({ offset: 9 }))).toEqual({ offset: 10, first: 5 });
    for (const first of [0, 101, 1.5]) expect(() => pageSize(first)).toThrow(badInput);
    expect(() => offsetWindow(5, encodeCursor({ skip: 2 }))).toThrow(badInput);
  });
});

describe("connections from pages", () => {
  it("make a cursor of each position and say where the page stands", () => {
    const page = windowOf(["a", "b", "c", "d", "e"], { offset: 1, first: 2 });
    const answer = connection(page);
    expect(answer.nodes).toEqual(["b", "c"]);
    expect(answer.edges.map((e) => decodeCursor(e.cursor))).toEqual([{ offset: 1 }, { offset: 2 }]);
    expect(answer.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: true,
      startCursor: answer.edges[0]!.cursor,
      endCursor: answer.edges[1]!.cursor,
    });
    expect(answer.totalCount).toBe(5);
  });

  it("end with null cursors on an empty page", () => {
    const answer = connection(offsetPage([], { offset: 0, first: 10 }, 0));
    expect(answer.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});
