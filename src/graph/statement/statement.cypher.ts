/**
 * Every Cypher text for statements. Filters are assembled from the fixed fragments below
 * by which filter fields are present (translateStatementPage); values are parameters.
 */
import { cypher, type CypherQuery } from '../../db/cypher';
import { ENTITY_PROJECTION } from '../entity/entity.cypher';

export const STATEMENT_PROJECTION = `{
  __typename: 'Statement', id: s.id, text: s.text, kind: s.kind, venue: s.venue, sortKey: s.sortKey,
  date: CASE WHEN s.date IS NULL AND s.dateText IS NULL THEN null
        ELSE {date: s.date, text: s.dateText, precision: s.datePrecision} END,
  quotedInId: [(s)-[:QUOTED_IN]->(o:Statement) | o.id][0]
}`;

export const STATEMENTS_BY_ID = `
UNWIND $ids AS id
MATCH (s:Statement {id: id})
RETURN id, ${STATEMENT_PROJECTION} AS statement`;

/**
 * Who said it, what it is about, who reported it and where it appears, for a batch of
 * statements in one trip: a listing almost always asks for several of these, and one
 * query with four small pattern comprehensions costs Neo4j less than four queries.
 * Lists come with their ordinals; the repository sorts them.
 */
export const DETAILS = `
UNWIND $ids AS id
MATCH (s:Statement {id: id})
RETURN id,
  [(s)<-[:SAID]-(e:Entity) | ${ENTITY_PROJECTION}][0] AS speaker,
  [(s)-[r:ABOUT]->(e:Entity) | {ordinal: r.ordinal, entity: ${ENTITY_PROJECTION}}] AS about,
  [(s)-[r:REPORTED_BY]->(e:Organization) | {ordinal: r.ordinal, entity: ${ENTITY_PROJECTION}}] AS reportedBy,
  [(s)-[r:APPEARS_IN]->(a:Article) | {start: r.start, end: r.end, sentence: r.sentence,
     sentenceStart: coalesce(r.sentenceStart, r.start), articleId: a.id, publishedAt: a.publishedAt}] AS evidence`;

export const QUOTES_INSIDE = `
UNWIND $ids AS id
MATCH (outer:Statement {id: id})<-[:QUOTED_IN]-(s:Statement)
WITH id, s ORDER BY s.sortKey, s.id
RETURN id, collect(${STATEMENT_PROJECTION}) AS statements`;

/** How a batch of connections reaches its statements from the key's node. */
export const ANCHORS = {
  said: '(:Entity {id: key.id})-[:SAID]->(s:Statement)',
  about: '(s:Statement)-[:ABOUT]->(:Entity {id: key.id})',
  reportedBy: '(s:Statement)-[:REPORTED_BY]->(:Organization {id: key.id})',
  article: '(s:Statement)-[:APPEARS_IN]->(:Article {id: key.id})',
} as const;
export type Anchor = keyof typeof ANCHORS;

// sortKey is unique by construction (article date | article id | position in the article),
// so it alone orders statements: the planner can then read a page straight off its index.
const AFTER_KEY = '(key.afterKey IS NULL OR s.sortKey > key.afterKey)';

/** One page per key, all keys in one round trip; `$limit` is shared by the batch. */
export const PAGES_BY_ANCHOR: Readonly<Record<Anchor, string>> = Object.fromEntries(
  Object.entries(ANCHORS).map(([name, pattern]) => [
    name,
    `
UNWIND range(0, size($keys) - 1) AS i
WITH i, $keys[i] AS key
CALL {
  WITH key
  MATCH ${pattern}
  WHERE ${AFTER_KEY}
  WITH s ORDER BY s.sortKey LIMIT toInteger($limit)
  RETURN collect(${STATEMENT_PROJECTION}) AS rows
}
RETURN i, rows`,
  ]),
) as Record<Anchor, string>;

export const COUNTS_BY_ANCHOR: Readonly<Record<Anchor, string>> = Object.fromEntries(
  Object.entries(ANCHORS).map(([name, pattern]) => [
    name,
    `
UNWIND $ids AS id
WITH {id: id} AS key
RETURN key.id AS id, COUNT { MATCH ${pattern} } AS n`,
  ]),
) as Record<Anchor, string>;

export interface StatementFilterValues {
  readonly speaker?: string | null;
  readonly about?: string | null;
  readonly reportedBy?: string | null;
  readonly kind?: string | null;
  readonly article?: string | null;
}

/**
 * Translates a filter into a MATCH that starts from the most selective anchor the filter
 * names (an index seek on an id), and WHERE clauses for the rest.
 */
export function filterClauses(filter: StatementFilterValues): { match: string; where: string[] } {
  const where: string[] = [];
  let match = '(s:Statement)';
  const conditions: [keyof StatementFilterValues, string, string][] = [
    ['speaker', '(:Entity {id: $speaker})-[:SAID]->(s:Statement)', 'EXISTS { (s)<-[:SAID]-(:Entity {id: $speaker}) }'],
    ['about', '(s:Statement)-[:ABOUT]->(:Entity {id: $about})', 'EXISTS { (s)-[:ABOUT]->(:Entity {id: $about}) }'],
    ['reportedBy', '(s:Statement)-[:REPORTED_BY]->(:Organization {id: $reportedBy})', 'EXISTS { (s)-[:REPORTED_BY]->(:Organization {id: $reportedBy}) }'],
    ['article', '(s:Statement)-[:APPEARS_IN]->(:Article {id: $article})', 'EXISTS { (s)-[:APPEARS_IN]->(:Article {id: $article}) }'],
  ];
  for (const [field, anchor, exists] of conditions) {
    if (filter[field] === undefined || filter[field] === null) continue;
    if (match === '(s:Statement)') match = anchor;
    else where.push(exists);
  }
  if (filter.kind !== undefined && filter.kind !== null) where.push('s.kind = $kind');
  return { match, where };
}

export const filterParams = (filter: StatementFilterValues): Record<string, unknown> => ({
  speaker: filter.speaker ?? null,
  about: filter.about ?? null,
  reportedBy: filter.reportedBy ?? null,
  kind: filter.kind ?? null,
  article: filter.article ?? null,
});

export function translateStatementPage(
  filter: StatementFilterValues,
  limit: number,
  after: readonly [string | number, string] | null,
): CypherQuery {
  const { match, where } = filterClauses(filter);
  // The range predicate lets the planner walk the sortKey index in order when no anchor is named.
  where.push(after === null ? 's.sortKey >= $afterKey' : 's.sortKey > $afterKey');
  const text = `
MATCH ${match}
WHERE ${where.join('\n  AND ')}
WITH s ORDER BY s.sortKey LIMIT toInteger($limit)
RETURN ${STATEMENT_PROJECTION} AS statement`;
  return cypher(text, {
    ...filterParams(filter),
    limit,
    afterKey: after === null ? '' : String(after[0]),
  });
}

export function translateStatementCount(filter: StatementFilterValues): CypherQuery {
  const { match, where } = filterClauses(filter);
  const text = `
MATCH ${match}
${where.length > 0 ? `WHERE ${where.join('\n  AND ')}` : ''}
RETURN count(s) AS n`;
  return cypher(text, filterParams(filter));
}
