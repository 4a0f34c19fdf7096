/**
 * Maps an offset window [offset, offset + first) onto page/limit paging (GitProtect's), with as
 * few calls as possible: one page whose size is at least `first` when one can cover the window,
 * otherwise consecutive pages of size `first`.
 */
export function pageWindow(
  offset: number,
  first: number,
  maxLimit: number,
): { pages: Array<{ page: number; limit: number }>; skip: number } {
  for (let limit = first; limit <= maxLimit; limit += 1) {
    const index = Math.floor(offset / limit);
    if ((index + 1) * limit >= offset + first)
      return { pages: [{ page: index + 1, limit }], skip: offset - index * limit };
  }
  const index = Math.floor(offset / first);
  return {
    pages: [
      { page: index + 1, limit: first },
      { page: index + 2, limit: first },
    ],
    skip: offset - index * first,
  };
}
