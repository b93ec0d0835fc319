/**
 * DataLoader factories. A batch function must return exactly one result per key, in key
 * order (DataLoader's contract); `byKey` builds that list from rows keyed by id, filling
 * keys the database did not return with `missing`.
 */
import DataLoader from 'dataloader';
import { badInput } from '../errors';

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

/** The record with this id that the graph links to (`kind` names it): its absence is an error, not a null. */
export async function linked<V>(loader: DataLoader<string, V | null>, kind: string, id: string): Promise<V> {
  const found = await loader.load(id);
  if (found === null) throw badInput(`${kind} ${id} is missing`);
  return found;
}

/**
 * A field of a record that may have arrived as a header (ArticleHeader, EntityHeader, StatementHeader):
 * at once when the header carries it, else from the whole record in `loader` (`linked`, so
 * `kind` names it if it is missing). The lookahead asks for the field whenever it sees it
 * selected, so a selection it cannot see costs a trip, never an answer.
 */
export function fieldOrWhole<T, K extends keyof T>(header: Partial<T> & { readonly id: string }, key: K, loader: DataLoader<string, T | null>, kind: string): T[K] | Promise<T[K]> {
  const value = header[key];
  return value !== undefined ? (value as T[K]) : linked(loader, kind, header.id).then((record) => record[key]);
}
