import DataLoader from "dataloader";
import { UpstreamError, type UpstreamErrorKind } from "../http/upstream-error.js";

export interface LoaderKit {
  /** A loader that may batch: `load` gets every key asked for in the same tick. */
  batched<K, V>(load: (keys: readonly K[]) => Promise<Array<V | Error>>): DataLoader<K, V, string>;
  /**
   * A loader for an upstream with no batch endpoint: each distinct key is one call, made once
   * per request however many resolvers ask, and settled as soon as that call is. Keys may be
   * objects (compared by value).
   */
  perKey<K, V>(load: (key: K) => Promise<V>, identify?: (key: K) => string): DataLoader<K, V, string>;
  /** One value per request (a whole listing), loaded on first use and shared. */
  once<V>(load: () => Promise<V>): { load(): Promise<V>; started(): boolean };
  /** Whether listings a query will need may be started ahead of the resolvers that need them. */
  prefetches: boolean;
  /** Whether one key asked twice in a request costs one call: the services may then share one read. */
  deduplicates: boolean;
}

/** Loaders as the gateway makes them: batched, de-duplicated within the request, fetched ahead. */
export function loaderKit(): LoaderKit {
  return {
    batched: <K, V>(load: (keys: readonly K[]) => Promise<Array<V | Error>>) =>
      new DataLoader<K, V, string>(load, { cacheKeyFn: stableKey }),
    // Each key's value is its own call's promise, which DataLoader's promise for the key adopts
    // (test/loaders/loader-kit.test.ts holds it to that). Settled as a batch, every key waited for
    // the slowest (a cold overview's heads for the last of a hundred branch listings).
    perKey: <K, V>(load: (key: K) => Promise<V>, identify: (key: K) => string = stableKey) =>
      new DataLoader<K, V, string>(
        (keys) => Promise.resolve(keys.map((key) => callOf(load, key)) as unknown as V[]),
        { cacheKeyFn: identify },
      ),
    once<V>(load: () => Promise<V>) {
      let value: Promise<V> | undefined;
      return { load: () => (value ??= load()), started: () => value !== undefined };
    },
    prefetches: true,
    deduplicates: true,
  };
}

/**
 * A missing record is null, not an error: the field is null and the rest of the answer stands.
 * Some calls also answer 400 for what a repository's type cannot do (svn has no branches).
 */
export async function orNull<V>(work: Promise<V>, alsoNull: UpstreamErrorKind[] = []): Promise<V | null> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof UpstreamError && (error.kind === "NOT_FOUND" || alsoNull.includes(error.kind)))
      return null;
    throw error;
  }
}

/** The call for one key, failing with an Error; one that throws before it starts fails its own key, not the batch it was asked in. */
function callOf<K, V>(load: (key: K) => Promise<V>, key: K): Promise<V> {
  try {
    return load(key).catch((error: unknown) => Promise.reject(toError(error)));
  } catch (error) {
    return Promise.reject(toError(error));
  }
}

export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

export function stableKey(key: unknown): string {
  return typeof key === "string" ? key : JSON.stringify(key);
}

const caseless = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The record when it is the one asked for: an answer about another record is no answer about this one. */
export function about<V>(
  found: V | null,
  idOf: (record: V) => string,
  id: string,
  sameId: (a: string, b: string) => boolean = caseless,
): V | null {
  return found && sameId(idOf(found), id) ? found : null;
}

/**
 * Records by id where the upstream has no batch endpoint: one id alone is one get; several (or
 * any, once the listing has started) are answered by the one listing, which primes them all.
 */
export function listedById<V>(
  kit: LoaderKit,
  source: { get: (id: string) => Promise<V>; list: () => Promise<V[]>; idOf: (record: V) => string },
  sameId: (a: string, b: string) => boolean = (a, b) => a === b,
) {
  const byId = kit.batched<string, V | null>(async (ids) => {
    if (ids.length === 1 && !listing.started()) {
      return [about(await orNull(source.get(ids[0]!)), source.idOf, ids[0]!, sameId)];
    }
    const all = await listing.load();
    return ids.map((id) => all.find((r) => sameId(source.idOf(r), id)) ?? null);
  });
  const listing = kit.once(async () => {
    const all = await source.list();
    for (const r of all) byId.prime(source.idOf(r), r);
    return all;
  });
  return { byId, listing };
}

/**
 * A repository's list of named items (branches), and an item by name found in it. Not primed from
 * the list: an overview lists thousands of branches and asks a few hundred by name, and each prime
 * was a key written out and a promise made (about 1 % of a cold overview's CPU).
 */
export function namedWithin<V>(
  kit: LoaderKit,
  list: (id: string) => Promise<V[] | null>,
  nameOf: (item: V) => string,
) {
  const all = kit.perKey(list);
  // Each lookup settles with its own repository's list, as soon as that list is in.
  const one = kit.perKey(
    async ({ id, name }: { id: string; name: string }) =>
      (await all.load(id))?.find((i) => nameOf(i) === name) ?? null,
  );
  return { all, one };
}
