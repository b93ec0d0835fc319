/**
 * A series two ways: over the topic's ABOUT links (translateSeries, when the filter allows)
 * and over the statements (translateSeriesByStatements, the reference), each put in one
 * order, so a test can ask that they answer alike; and the ABOUT links whose series copies
 * disagree with their statements.
 */
import { cypher, type CypherQuery } from '../../src/db/cypher';
import type { Neo4jGateway, Row } from '../../src/db/gateway';
import { translateSeries, translateSeriesByStatements } from '../../src/graph/analytics/analytics.cypher';
import type { AttributionDimension, Interval } from '../../src/graph/analytics/analytics.type';
import { STALE_SERIES_LINKS } from '../../src/graph/analytics/series-links.cypher';
import { intervalStart, type SeriesCounts } from '../../src/graph/analytics/series';
import type { StatementFilterValues } from '../../src/graph/statement/statement.cypher';

const byText = (a: unknown, b: unknown): number => JSON.stringify(a).localeCompare(JSON.stringify(b));

/** The counts in one order: the kept groups as they come, the totals once per interval, the cells sorted. */
function normalised(row: Row | undefined): SeriesCounts {
  const counts = row as unknown as SeriesCounts;
  const totals = [...new Map(counts.totals.map((t) => [t.start, t.n])).entries()].map(([start, n]) => ({ start, n })).sort(byText);
  return { kept: counts.kept, totals, cells: [...counts.cells].sort(byText) };
}

async function counts(gateway: Neo4jGateway, query: CypherQuery): Promise<SeriesCounts> {
  const [row] = await gateway.read(query);
  return normalised(row);
}

export interface TwoWays {
  /** Whether translateSeries read the links (it reads the statements otherwise). */
  readonly byLinks: boolean;
  readonly links: SeriesCounts;
  readonly statements: SeriesCounts;
}

export async function seriesTwoWays(gateway: Neo4jGateway, groupBy: AttributionDimension, interval: Interval, filter: StatementFilterValues, top: number): Promise<TwoWays> {
  const fast = translateSeries(groupBy, interval, filter, top);
  const reference = translateSeriesByStatements(groupBy, interval, filter, top);
  return { byLinks: fast.cypher !== reference.cypher, links: await counts(gateway, fast), statements: await counts(gateway, reference) };
}

/** One dated statement about the topic: who said it, and when. */
interface Said {
  readonly key: string;
  readonly label: string;
  readonly day: string;
}

const byCount = (a: { n: number; label: string; key: string }, b: { n: number; label: string; key: string }): number =>
  b.n - a.n || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * A series by speaker over one topic, counted here from each dated statement's speaker and
 * day, by nothing that translateSeries shares: the reference its kept groups, totals and
 * cells must equal, ties at the `top`-th count included.
 */
export async function speakerSeriesCountedHere(gateway: Neo4jGateway, topic: string, interval: Interval, top: number): Promise<SeriesCounts> {
  const said = (await gateway.read(
    cypher(
      `MATCH (:Entity {id: $topic})<-[:ABOUT]-(s:Statement)<-[:SAID]-(g:Entity) WHERE s.day IS NOT NULL
       RETURN g.id AS key, coalesce(g.name, g.id) AS label, s.day AS day`,
      { topic },
    ),
  )) as unknown as Said[];
  const groups = new Map<string, { key: string; label: string; n: number }>();
  for (const { key, label } of said) {
    const group = groups.get(key) ?? { key, label, n: 0 };
    groups.set(key, { ...group, n: group.n + 1 });
  }
  const kept = [...groups.values()].sort(byCount).slice(0, top);
  const keptKeys = new Set(kept.map((k) => k.key));
  const totals = new Map<string, number>();
  const cells = new Map<string, { start: string; key: string | null; n: number }>();
  for (const { key, day } of said) {
    const start = intervalStart(day, interval);
    totals.set(start, (totals.get(start) ?? 0) + 1);
    const cellKey = keptKeys.has(key) ? key : null;
    const cell = cells.get(`${cellKey ?? ''}|${start}`) ?? { start, key: cellKey, n: 0 };
    cells.set(`${cellKey ?? ''}|${start}`, { ...cell, n: cell.n + 1 });
  }
  return inOrder({ kept, totals: [...totals].map(([start, n]) => ({ start, n })), cells: [...cells.values()] });
}

/** Counts with their totals by start and their cells by start and key, every record's fields in one order. */
export function inOrder(counts: SeriesCounts): SeriesCounts {
  const byStartAndKey = (a: { start: string; key?: string | null }, b: { start: string; key?: string | null }): number => {
    const x = `${a.start}|${a.key ?? ''}`;
    const y = `${b.start}|${b.key ?? ''}`;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  return {
    kept: counts.kept.map(({ key, label, n }) => ({ key, label, n })),
    totals: counts.totals.map(({ start, n }) => ({ start, n })).sort(byStartAndKey),
    cells: counts.cells.map(({ start, key, n }) => ({ start, key, n })).sort(byStartAndKey),
  };
}

/** Up to 10 ABOUT links whose speaker or day copy is not their statement's. */
export function staleLinks(gateway: Neo4jGateway): Promise<Row[]> {
  return gateway.read(cypher(STALE_SERIES_LINKS, { limit: 10 }));
}
