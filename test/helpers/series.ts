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
import type { SeriesCounts } from '../../src/graph/analytics/series';
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

/** Up to 10 ABOUT links whose speaker or day copy is not their statement's. */
export function staleLinks(gateway: Neo4jGateway): Promise<Row[]> {
  return gateway.read(cypher(STALE_SERIES_LINKS, { limit: 10 }));
}
