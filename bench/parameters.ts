/**
 * What the bench asks each question with: parameters drawn from the loaded graph, not one
 * fixed probe. A dashboard's traffic asks about the popular subjects more often than the
 * rest, and about many of them; an analyst asks things never asked before. So each
 * operation gets two sequences, both sent in the same order to every server:
 *
 * - `varied`: VARIED_DRAWS draws, with repeats, each value weighted by how much the graph
 *   holds about it (statements about a policy, statements a person said, mentions of a
 *   name, evidence of a statement);
 * - `fresh`: distinct values that the varied sequence never holds, for the operations whose
 *   answer our API keeps (c, d, e) and for a lookup (g); each is asked once (measure.ts stops
 *   a run when its sequence is spent), so a kept answer can never serve it. A few are asked of
 *   every server to compare their answers; the rest are dealt into one share per server, so
 *   no server meets values another has just warmed in Neo4j's page cache.
 *
 * The draws are seeded: the same graph and seed give the same sequences.
 */
// Our cursors are made by the API's own encoder, whose module declares GraphQL types.
import 'reflect-metadata';
import type { BenchDatabase } from './database';
import { cypher } from '../src/db/cypher';
import type { Row } from '../src/db/cypher';
import { Random } from '../src/corpus/random';
import { encodeCursor } from '../src/graph/connection';
import { STATEMENT_CURSOR } from '../src/graph/statement/statement.repository';
import type { Operation, OperationInput } from './operations';

/** Draws per operation in the varied sequence. */
export const VARIED_DRAWS = 400;
/** At most this many distinct values per server's share of the fresh sequence. */
const FRESH_MAX = 6_000;
/** Fresh values asked of every server to compare their answers, and so in no server's share. */
export const FRESH_CHECKED = 2;

export interface ParameterSets {
  readonly varied: readonly OperationInput[];
  /** null where the operation is not run never-repeated. */
  readonly fresh: FreshSets | null;
}

export interface FreshSets {
  /** Asked of every server before the timed runs, to compare their answers. */
  readonly checked: readonly OperationInput[];
  /** Disjoint, of one size, one per server: a server's never-repeated run asks its own share. */
  readonly shares: readonly (readonly OperationInput[])[];
}

/**
 * `items` dealt into `count` disjoint shares of one size, in an order shuffled by `seed`, so
 * each share is a sample of the same distribution whatever order `items` came in; the few
 * that would make one share longer than another are left out.
 */
export function dealShares<T>(items: readonly T[], count: number, seed: number): T[][] {
  if (!Number.isInteger(count) || count < 1) throw new Error(`dealShares: expected a whole number of shares of at least 1; received ${count}`);
  const order = new Random(seed).shuffle(items);
  const size = Math.floor(order.length / count);
  return Array.from({ length: count }, (_, share) => Array.from({ length: size }, (_, i) => order[i * count + share] as T));
}

interface Weighted {
  readonly value: string;
  readonly weight: number;
}

/** The graph's candidates for each kind of parameter, with their popularity. */
const CANDIDATES = {
  policies: 'MATCH (p:Policy) RETURN p.id AS value, COUNT { (p)<-[:ABOUT]-(:Statement) } AS weight ORDER BY value',
  people: 'MATCH (p:Person) RETURN p.id AS value, COUNT { (p)-[:SAID]->(:Statement) } AS weight ORDER BY value',
  /** Anything statements are about: attribution asked of any of them. */
  topics: 'MATCH (e:Entity) WITH e, COUNT { (e)<-[:ABOUT]-(:Statement) } AS weight WHERE weight > 0 RETURN e.id AS value, weight ORDER BY value',
  /** Names a reader types: policies, people and organizations, by how often the graph mentions them. */
  names: `MATCH (e:Entity) WHERE e:Policy OR e:Person OR e:Organization
          RETURN e.name AS value, COUNT { (e)<-[:ABOUT]-(:Statement) } + COUNT { (e)-[:SAID]->(:Statement) } + 1 AS weight ORDER BY e.id`,
  places: 'MATCH (p:Place) RETURN p.id AS value, COUNT { (p)--() } AS weight ORDER BY value',
  statements: 'MATCH (s:Statement) RETURN s.id AS value, COUNT { (s)-[:APPEARS_IN]->() } AS weight ORDER BY value',
  /** The months statements are dated in (their own date, else their article's), by how many. */
  months: 'MATCH (s:Statement) WHERE s.day IS NOT NULL RETURN left(s.day, 7) AS value, count(*) AS weight ORDER BY value',
} as const;

/** Cumulative weights: a draw is a binary search of a uniform number. */
function weightedDraws(random: Random, items: readonly Weighted[], n: number): string[] {
  const usable = items.filter((item) => item.weight > 0);
  if (usable.length === 0) throw new Error('no candidates with any weight to draw from');
  const cumulative: number[] = [];
  let total = 0;
  for (const item of usable) cumulative.push((total += item.weight));
  return Array.from({ length: n }, () => {
    const target = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return (usable[lo] as Weighted).value;
  });
}

/** A month ("2023-06") as the inclusive window of its first and last day. */
function monthWindow(month: string): { since: string; until: string } {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { since: `${month}-01`, until: `${month}-${String(last).padStart(2, '0')}` };
}

/** Distinct values not among `asked`, in a seeded order, at most `most`. */
const unasked = (random: Random, values: readonly string[], asked: readonly string[], most: number): string[] => {
  const seen = new Set(asked);
  return random.shuffle([...new Set(values)].filter((v) => !seen.has(v))).slice(0, most);
};

/** Search text a Lucene query reads as plain words in every server: letters and spaces, lower case. */
const plainWords = (name: string): string =>
  name
    .toLowerCase()
    .replace(/[^\p{L}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Two words of the names' vocabulary that no varied text is: a reader's new question. */
function wordPairs(random: Random, texts: readonly string[], asked: readonly string[], most: number): string[] {
  const words = [...new Set(texts.flatMap((t) => t.split(' ')).filter((w) => w.length > 3))].sort();
  const seen = new Set(asked);
  const pairs = new Set<string>();
  for (let tries = 0; pairs.size < most && tries < most * 4; tries += 1) {
    const pair = `${random.pick(words)} ${random.pick(words)}`;
    if (!seen.has(pair)) pairs.add(pair);
  }
  return [...pairs];
}

/** Where each server starts a page of the statement list: the statement before it, as our cursor, the floor's, and the peer's offset. */
async function pageInputs(database: BenchDatabase, base: OperationInput, pages: readonly number[]): Promise<OperationInput[]> {
  const first = base.first;
  const starts = new Map<number, Row>();
  for (const page of new Set(pages)) {
    const [row] = await database.gateway.read(cypher('MATCH (s:Statement) WITH s ORDER BY s.sortKey SKIP toInteger($n) LIMIT 1 RETURN s.sortKey AS sortKey, s.id AS id', { n: (page - 1) * first - 1 }));
    if (row === undefined) throw new Error(`the statement list has no page ${page} of ${first}`);
    starts.set(page, row);
  }
  return pages.map((page) => {
    const { sortKey, id } = starts.get(page) as { sortKey: string; id: string };
    return {
      ...base,
      after: { ours: encodeCursor(STATEMENT_CURSOR, [sortKey, id]), floor: Buffer.from(JSON.stringify([sortKey, id]), 'utf8').toString('base64url'), peer: null },
      offset: (page - 1) * first,
      peerByOffset: true,
    };
  });
}

/**
 * The sequences for each operation. `page` is the page (f) centres on: pages are drawn
 * uniformly from 2 to twice it (or the last full page), so they average about it. `shares`
 * is how many servers run the never-repeated sequences, each on a share of its own.
 */
export async function drawParameters(
  database: BenchDatabase,
  ops: readonly Operation[],
  baseFor: (op: Operation) => OperationInput,
  seed: number,
  page: number,
  statements: number,
  shares = 1,
): Promise<Map<string, ParameterSets>> {
  const random = new Random(seed ^ 0x26);
  const freshMost = FRESH_CHECKED + FRESH_MAX * shares;
  // The first few are the agreement check's, asked of every server; the rest are dealt, a share per server.
  const fresh = (op: Operation, inputs: readonly OperationInput[]): FreshSets => ({
    checked: inputs.slice(0, FRESH_CHECKED),
    shares: dealShares(inputs.slice(FRESH_CHECKED), shares, seed ^ op.key.charCodeAt(0)),
  });
  const cache = new Map<keyof typeof CANDIDATES, Weighted[]>();
  const candidates = async (kind: keyof typeof CANDIDATES): Promise<Weighted[]> => {
    const known = cache.get(kind);
    if (known) return known;
    const rows = (await database.gateway.read(cypher(CANDIDATES[kind]))) as unknown as Weighted[];
    cache.set(kind, rows);
    return rows;
  };
  const sets = new Map<string, ParameterSets>();
  for (const op of ops) {
    const base = baseFor(op);
    const own = random.fork(op.key.charCodeAt(0));
    const withProbe = (field: keyof OperationInput['probes'], values: readonly string[]): OperationInput[] => values.map((value) => ({ ...base, probes: { ...base.probes, [field]: value } }));
    switch (op.key) {
      case 'a':
        sets.set(op.key, { varied: withProbe('topPolicy', weightedDraws(own, await candidates('policies'), VARIED_DRAWS)), fresh: null });
        break;
      case 'b':
        sets.set(op.key, { varied: withProbe('topSpeaker', weightedDraws(own, await candidates('people'), VARIED_DRAWS)), fresh: null });
        break;
      case 'c': {
        const varied = weightedDraws(own, await candidates('policies'), VARIED_DRAWS);
        const unseen = unasked(own, (await candidates('topics')).map((t) => t.value), varied, freshMost);
        sets.set(op.key, { varied: withProbe('topPolicy', varied), fresh: fresh(op, withProbe('topPolicy', unseen)) });
        break;
      }
      case 'd': {
        const names = (await candidates('names')).map((n) => ({ value: plainWords(n.value), weight: n.weight })).filter((n) => n.value !== '');
        const varied = weightedDraws(own, names, VARIED_DRAWS);
        const pairs = wordPairs(own, names.map((n) => n.value), varied, freshMost);
        sets.set(op.key, { varied: withProbe('searchText', varied), fresh: fresh(op, withProbe('searchText', pairs)) });
        break;
      }
      case 'e': {
        const from = weightedDraws(own, await candidates('people'), VARIED_DRAWS);
        const to = weightedDraws(own, await candidates('places'), VARIED_DRAWS);
        const pair = (f: string, t: string): OperationInput => ({ ...base, probes: { ...base.probes, pathFrom: f, pathTo: t } });
        const varied = from.map((f, i) => pair(f, to[i] as string));
        const asked = new Set(varied.map((v) => `${v.probes.pathFrom} ${v.probes.pathTo}`));
        const people = (await candidates('people')).filter((p) => p.weight > 0).map((p) => p.value);
        const places = (await candidates('places')).map((p) => p.value);
        const unseen = new Map<string, OperationInput>();
        for (let tries = 0; unseen.size < freshMost && tries < freshMost * 4; tries += 1) {
          const [f, t] = [own.pick(people), own.pick(places)];
          if (!asked.has(`${f} ${t}`)) unseen.set(`${f} ${t}`, pair(f, t));
        }
        sets.set(op.key, { varied, fresh: fresh(op, [...unseen.values()]) });
        break;
      }
      case 'f': {
        const lastFullPage = Math.floor(statements / base.first);
        const pages = Array.from({ length: VARIED_DRAWS }, () => own.int(2, Math.max(2, Math.min(2 * page, lastFullPage))));
        sets.set(op.key, { varied: await pageInputs(database, base, pages), fresh: null });
        break;
      }
      case 'g': {
        const all = await candidates('statements');
        const varied = weightedDraws(own, all, VARIED_DRAWS);
        sets.set(op.key, { varied: withProbe('statement', varied), fresh: fresh(op, withProbe('statement', unasked(own, all.map((s) => s.value), varied, freshMost))) });
        break;
      }
      case 'j':
        sets.set(op.key, { varied: withProbe('topPolicy', weightedDraws(own, await candidates('policies'), VARIED_DRAWS)), fresh: null });
        break;
      case 'k':
        sets.set(op.key, { varied: weightedDraws(own, await candidates('months'), VARIED_DRAWS).map((month) => ({ ...base, window: monthWindow(month) })), fresh: null });
        break;
      default:
        sets.set(op.key, { varied: [base], fresh: null });
    }
  }
  return sets;
}

/** How many distinct values a sequence holds: what the report says of it. */
export const distinct = (op: Operation, inputs: readonly OperationInput[]): number => new Set(inputs.map((input) => JSON.stringify(op.body('floor', input)))).size;
