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

/** The rows of a batch query, `{ id, [field]: value }`, as a map from id to value. */
export function valueById<V>(rows: readonly Record<string, unknown>[], field: string): Map<string, V> {
  return new Map(rows.map((r) => [r.id as string, r[field] as V]));
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

/**
 * Answers for `keys`, one per key in key order, from one `fetch` per group of keys that share
 * `groupOf` (a page size, say, which a query's LIMIT cannot take from a row). `fetch` gets a
 * group's keys and returns, for each row it found, the row's position in that group and its
 * answer; a key with no row gets `missing()`.
 */
export async function inGroups<K, V>(
  keys: readonly K[],
  groupOf: (key: K) => string,
  fetch: (group: readonly K[]) => Promise<Iterable<readonly [number, V]>>,
  missing: () => V,
): Promise<V[]> {
  const results = keys.map(() => missing());
  const indexed = keys.map((key, i) => ({ key, i }));
  for (const group of groupBy(indexed, ({ key }) => groupOf(key)).values()) {
    for (const [at, value] of await fetch(group.map(({ key }) => key))) {
      const original = group[at];
      if (original !== undefined) results[original.i] = value;
    }
  }
  return results;
}

/**
 * How to make each member of an object, given the argument the object is made for and the
 * object itself (`S`: its other members, and those of any object it is merged into).
 */
export type Makers<T, A, S = T> = { readonly [K in keyof T]: (arg: A, self: S) => T[K] };

const ARG = Symbol('made for');
const MADE = Symbol('made');

/**
 * A factory of objects whose members are each made the first time they are read, then kept.
 * A request reads a few of its many loaders, and making every one of them for every request
 * showed in a lookup's CPU (measured in docs/bench-findings.md, finding 20). The getters are
 * defined once, on a prototype, so a request pays for two small objects and the loaders it uses.
 */
export function madeOnUse<T extends object, A>(makers: Makers<T, A>): (arg: A) => T {
  class Made {
    readonly [ARG]: A;
    readonly [MADE]: Partial<T> = {};
    constructor(arg: A) {
      this[ARG] = arg;
    }
  }
  for (const key of Object.keys(makers) as (keyof T & string)[]) {
    Object.defineProperty(Made.prototype, key, {
      enumerable: true,
      get(this: Made): T[typeof key] {
        return (this[MADE][key] ??= makers[key](this[ARG], this as unknown as T));
      },
    });
  }
  return (arg) => new Made(arg) as unknown as T;
}

/** Makers of a record with one member per name, all made alike (a loader per relation, say). */
export function makersByName<N extends string, V, A>(names: readonly N[], make: (name: N, arg: A) => V): Makers<Readonly<Record<N, V>>, A> {
  return Object.fromEntries(names.map((name) => [name, (arg: A) => make(name, arg)])) as unknown as Makers<Readonly<Record<N, V>>, A>;
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
