import { setImmediate as nextTurn } from "node:timers/promises";

/**
 * Maps a long list a slice at a time, the event loop turning between slices. The three simulated
 * servers share one thread, and a server's work must not hold another's calls unread: made in one
 * go, Azure DevOps's listing of a thousand repositories (about 4 ms of DTOs on a slow machine, 10
 * with its rendering and writing) delayed an SCM-Manager call sent beside it by as long, and that
 * call answered its full latency later still.
 */
export async function mapInTurns<T, R>(
  items: readonly T[],
  map: (item: T) => R | Promise<R>,
  slice = 100,
): Promise<R[]> {
  const mapped: R[] = [];
  for (let start = 0; start < items.length; start += slice) {
    if (start > 0) await nextTurn();
    mapped.push(...(await Promise.all(items.slice(start, start + slice).map(map))));
  }
  return mapped;
}
