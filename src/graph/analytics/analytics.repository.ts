/**
 * Search, paths, timeline and attribution: one query each, rows turned into plain records.
 * Ids that must exist are checked in the same query, not in a second. Each works across
 * the graph, so its answer is kept while the database is unchanged (`readKept`): one round
 * trip to check that, and a second to compute the answer when it is not kept. Kept rows are
 * frozen and shared by every request given them, so nothing here changes a row.
 */
import { cypher } from '../../db/cypher';
import type { Db } from '../../db/gateway';
import type { EntityType } from '../../vocabulary';
import type { StatementFilterValues } from '../statement/statement.cypher';
import { requireKnownIds } from '../statement/statement.repository';
import * as Q from './analytics.cypher';
import { entityNotFound, type MissingId } from './analytics.input';
import { AttributionDimension, type AttributionBucket, type AttributionSeries, type Interval, type NodeRecord, type Path, type SearchHit, type TimelineItem } from './analytics.type';
import { assembleSeries, intervalStarts, seriesWindow, type SeriesCounts } from './series';
import { escapeLucene, nameSnippet, searchTerms, textSnippet } from './search-text';

/** What matched in a hit, for the snippet: the words around it, or the name that holds it. */
function snippetFor(node: NodeRecord, terms: readonly string[]): string | null {
  switch (node.__typename) {
    case 'Statement':
      return textSnippet(node.text, terms) ?? node.text;
    case 'Article':
      return nameSnippet([node.title], terms) ?? textSnippet(node.text, terms) ?? node.title;
    default:
      return nameSnippet([node.name, ...node.aliases], terms) ?? node.name;
  }
}

/** Nodes whose name, aliases, text or title hold any word of `text`, best first. */
export async function search(db: Db, text: string, first: number): Promise<SearchHit[]> {
  const rows = await db.readKept(cypher(Q.SEARCH, { query: escapeLucene(text), limit: first }));
  const terms = searchTerms(text);
  return rows.map((row) => {
    const node = row.node as NodeRecord;
    return { node, score: row.score as number, snippet: snippetFor(node, terms) };
  });
}

/** The shortest paths between two entities; NOT_FOUND when either id names nothing. */
export async function paths(db: Db, from: string, to: string, maxHops: number, first: number): Promise<Path[]> {
  const [row] = await db.readKept(Q.translatePaths(from, to, maxHops, first));
  const missing: MissingId[] = [];
  if (row?.fromFound !== true) missing.push({ argument: 'from', id: from });
  if (row?.toFound !== true) missing.push({ argument: 'to', id: to });
  if (missing.length > 0) throw entityNotFound(missing);
  return row?.paths as Path[];
}

/** Which timeline query serves an entity of each type. */
const TIMELINE_SCOPE: Readonly<Record<EntityType, Q.TimelineScope>> = {
  Person: 'actor',
  Organization: 'actor',
  Place: 'actor',
  Policy: 'subject',
  Event: 'subject',
};

/**
 * Events, policies and statements oldest first, all of them or those involving one entity
 * (`entity` with its type); NOT_FOUND when the entity does not exist.
 */
export async function timeline(db: Db, entity: { id: string; type: EntityType } | null, first: number): Promise<TimelineItem[]> {
  const text = entity === null ? Q.TIMELINE.all : Q.TIMELINE[TIMELINE_SCOPE[entity.type]];
  const rows = await db.readKept(cypher(text, { entity: entity?.id ?? null, limit: first }));
  if (entity !== null && rows[0]?.found !== true) throw entityNotFound([{ argument: 'entity', id: entity.id }]);
  return rows
    .filter((row) => row.node !== null)
    .map((row) => ({
      date: row.date as string | null,
      dateText: row.dateText as string | null,
      precision: row.precision as string | null,
      node: row.node as NodeRecord,
    }));
}

/** Statement counts per speaker, topic, outlet, kind or article, most first, then by label. */
export async function attribution(db: Db, groupBy: AttributionDimension, filter: StatementFilterValues): Promise<AttributionBucket[]> {
  await requireKnownIds(db, filter);
  const rows = await db.readKept(Q.translateAttribution(groupBy, filter));
  return rows.map((row) => ({ id: row.id as string | null, label: row.label as string, count: row.n as number }));
}

/**
 * One series per group (the `top` largest, then "other"), a point per interval of the
 * window. A window given by the filter is checked for size before Neo4j is asked; one that
 * the data sets is checked after.
 */
export async function attributionSeries(
  db: Db,
  groupBy: AttributionDimension,
  interval: Interval,
  filter: StatementFilterValues,
  top: number,
): Promise<AttributionSeries[]> {
  const since = filter.since ?? null;
  const until = filter.until ?? null;
  if (since !== null && until !== null) intervalStarts(since, until, interval);
  await requireKnownIds(db, filter);
  const [row] = await db.readKept(Q.translateSeries(groupBy, interval, filter, top));
  const counts = row as unknown as SeriesCounts;
  const window = seriesWindow(counts, since, until);
  if (window === null) return [];
  return assembleSeries(counts, intervalStarts(window.from, window.to, interval), ID_DIMENSIONS.has(groupBy));
}

/** The dimensions whose groups are entities or articles, with ids. */
const ID_DIMENSIONS: ReadonlySet<AttributionDimension> = new Set([
  AttributionDimension.SPEAKER,
  AttributionDimension.ABOUT,
  AttributionDimension.REPORTED_BY,
  AttributionDimension.ARTICLE,
]);
