import { describe, expect, it } from "vitest";
import { pageWindow } from "../../src/loaders/page-window.js";

/** The records a page/limit plan reads, as offsets. */
function covered(offset: number, first: number, maxLimit: number): number[] {
  const { pages, skip } = pageWindow(offset, first, maxLimit);
  const read = pages.flatMap(({ page, limit }) =>
    Array.from({ length: limit }, (_, i) => (page - 1) * limit + i),
  );
  return read.slice(skip, skip + first);
}

describe("offset windows on page/limit paging", () => {
  it("covers every window exactly, in order, in one call where one page can", () => {
    for (let offset = 0; offset < 60; offset += 1)
      for (const first of [1, 2, 3, 7, 20]) {
        const wanted = Array.from({ length: first }, (_, i) => offset + i);
        expect(covered(offset, first, 1000), `${offset}+${first}`).toEqual(wanted);
        expect(pageWindow(offset, first, 1000).pages).toHaveLength(1);
      }
  });

  it("falls back to two consecutive pages when no page size up to the limit covers the window", () => {
    const plan = pageWindow(99, 10, 10);
    expect(plan.pages).toEqual([
      { page: 10, limit: 10 },
      { page: 11, limit: 10 },
    ]);
    expect(covered(99, 10, 10)).toEqual(Array.from({ length: 10 }, (_, i) => 99 + i));
  });
});
