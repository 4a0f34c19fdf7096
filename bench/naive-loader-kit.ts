import DataLoader from "dataloader";
import { stableKey, toError, type LoaderKit } from "../src/loaders/loader-kit.js";

/**
 * The benchmark's reference: loaders with no batching, no de-duplication and nothing fetched
 * ahead, one call per ask, as a first version written without DataLoader would make.
 */
export function naiveLoaderKit(): LoaderKit {
  const options = { batch: false, cache: false, cacheKeyFn: stableKey };
  return {
    batched: <K, V>(load: (keys: readonly K[]) => Promise<Array<V | Error>>) =>
      new DataLoader<K, V, string>(load, options),
    perKey: <K, V>(load: (key: K) => Promise<V>) =>
      new DataLoader<K, V, string>(
        (keys) => Promise.all(keys.map((key) => load(key).catch((error: unknown) => toError(error)))),
        options,
      ),
    once: <V>(load: () => Promise<V>) => ({ load, started: () => false }),
    prefetches: false,
    deduplicates: false,
  };
}
