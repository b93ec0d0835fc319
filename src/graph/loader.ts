/**
 * DataLoader factories. A batch function must return exactly one result per key, in key
 * order (DataLoader's contract); `byKey` builds that list from rows keyed by id, filling
 * keys the database did not return with `missing`.
 */
import DataLoader from 'dataloader';

export function byKey<K, V>(keys: readonly K[], found: ReadonlyMap<K, V>, missing: V): V[] {
  return keys.map((key) => (found.has(key) ? (found.get(key) as V) : missing));
}

/** `items` by `keyOf`, each group in the order of `items`; groups in order of first appearance. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
}

/** A loader keyed by id whose batch query returns rows of `{ id, [field]: value }`. */
export function idLoader<V>(fetch: (ids: readonly string[]) => Promise<ReadonlyMap<string, V>>, missing: V): DataLoader<string, V> {
  return new DataLoader<string, V>(async (ids) => byKey(ids, await fetch(ids), missing), { maxBatchSize: 1000 });
}
