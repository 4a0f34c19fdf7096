import DataLoader from "dataloader";
import { UpstreamError, type UpstreamErrorKind } from "../http/upstream-error.js";

export interface LoaderKit {
  /** A loader that may batch: `load` gets every key asked for in the same tick. */
  batched<K, V>(load: (keys: readonly K[]) => Promise<Array<V | Error>>): DataLoader<K, V, string>;
  /**
   * A loader for an upstream with no batch endpoint: each distinct key is one call, made once
   * per request however many resolvers ask. Keys may be objects (compared by value).
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
    perKey: <K, V>(load: (key: K) => Promise<V>, identify: (key: K) => string = stableKey) =>
      new DataLoader<K, V, string>(
        (keys) => Promise.all(keys.map((key) => load(key).catch((error: unknown) => toError(error)))),
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
  // Each key settles with its own repository's list: one list that failed fails only its own lookups.
  const one = kit.batched<{ id: string; name: string }, V | null>((keys) =>
    Promise.all(
      keys.map(({ id, name }) =>
        all.load(id).then((items) => items?.find((i) => nameOf(i) === name) ?? null, toError),
      ),
    ),
  );
  return { all, one };
}
