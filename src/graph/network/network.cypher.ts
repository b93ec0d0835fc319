/**
 * The Cypher text of `network` and `networkRanking`: one query that selects statements with
 * the same filter as `statements` (statement.cypher.ts filterClauses, so a clause added there,
 * such as leaving out retracted articles, narrows the network too) and folds them into
 * weighted edges for each dimension asked for. The dimensions are fixed fragments chosen by
 * name; every value travels as a parameter.
 *
 * A filter may select more statements than one request can fold in its time: the fold then
 * takes the newest `$sample` of them (by dayKey, which orders every statement one way), and
 * the answer says so (`foldedCount` below `statementCount`). Each statement is read once:
 * its speaker and what each dimension asked for links it to (`facts`), in article order.
 */
import { cypher, type CypherQuery } from '../../db/cypher';
import { ENTITY_HEADER_PROJECTION } from '../entity/entity.cypher';
import { filterClauses, filterParams, type StatementFilterValues } from '../statement/statement.cypher';
import { NetworkDimension } from './network.dimension';

/** An edge's end `v` as an EntityHeader (type, id, name). */
const header = (v: string): string => `[e IN [${v}] | ${ENTITY_HEADER_PROJECTION}][0]`;

/** What each dimension reads of a statement `s` said by `a`, as a field of its facts. */
const FACT_FIELDS: Readonly<Record<NetworkDimension, string>> = {
  [NetworkDimension.ABOUT]: 'about: [(s)-[:ABOUT]->(b:Entity) WHERE b <> a | b]',
  [NetworkDimension.REPORTED_BY]: 'outlets: [(s)-[:REPORTED_BY]->(o:Organization) WHERE o <> a | o]',
  [NetworkDimension.CO_QUOTED]: 'articles: [(s)-[:APPEARS_IN]->(x:Article) | x.id]',
};

/** Speaker → each entity of the facts' `field`, one statement one unit of weight. */
const speakerTo = (relation: 'ABOUT' | 'REPORTED_BY', field: 'about' | 'outlets'): string => `
  UNWIND facts AS f
  UNWIND f.${field} AS b
  WITH f.speaker AS a, b, collect(f.statement) AS ids
  WITH a, b, size(ids) AS weight, ids[..toInteger($evidence)] AS evidence
  WHERE weight >= $minWeight
  RETURN '${relation}' AS relation, a, b, weight, evidence`;

/**
 * How each dimension folds the facts into (source, target, weight, evidence), weight at least
 * `$minWeight`. Evidence is the first `$evidence` statements in article order (the facts'
 * order, which grouping keeps). CO_QUOTED counts articles, not statements: two speakers
 * quoted in one article are one co-quotation however often each speaks there; its evidence
 * is each one's first statement in the first articles they share. A statement has exactly
 * one speaker (npm run check).
 */
const EDGES: Readonly<Record<NetworkDimension, string>> = {
  [NetworkDimension.ABOUT]: speakerTo('ABOUT', 'about'),
  [NetworkDimension.REPORTED_BY]: speakerTo('REPORTED_BY', 'outlets'),
  [NetworkDimension.CO_QUOTED]: `
  UNWIND facts AS f
  UNWIND f.articles AS article
  WITH article, f.speaker AS a, head(collect(f.statement)) AS first
  WITH article, collect({speaker: a, key: a.id, first: first}) AS voices
  WHERE size(voices) > 1
  UNWIND voices AS x
  UNWIND voices AS y
  WITH article, x, y WHERE x.key < y.key
  WITH x.speaker AS a, y.speaker AS b, article, [x.first, y.first] AS pair ORDER BY article
  WITH a, b, count(article) AS weight, collect(pair) AS pairs
  WHERE weight >= $minWeight
  RETURN 'CO_QUOTED' AS relation, a, b, weight, reduce(ids = [], p IN pairs | ids + p)[..toInteger($evidence)] AS evidence`,
};

/** The filter's ids that name nothing, by filter field, checked in the same query. */
const FILTER_TARGETS = { speaker: 'Entity', about: 'Entity', reportedBy: 'Organization', article: 'Article' } as const;

function missingIds(filter: StatementFilterValues): string {
  const checks = (Object.keys(FILTER_TARGETS) as (keyof typeof FILTER_TARGETS)[])
    .filter((field) => filter[field] !== undefined && filter[field] !== null)
    .map((field) => `CASE WHEN EXISTS { (:${FILTER_TARGETS[field]} {id: $${field}}) } THEN null ELSE '${field}' END`);
  return `[field IN [${checks.join(', ')}] WHERE field IS NOT NULL]`;
}

/**
 * The network of the statements `filter` selects: when they number at most
 * `$maxStatements`, every edge of the dimensions `by` with weight at least `$minWeight` among
 * the newest `$sample` of them (`foldedCount`), heaviest first (ties by relation and ids);
 * `edgeCount` counts them all, `edges` holds the first `$first`. Over `$maxStatements`, no
 * edges are folded (`statementCount` says why).
 */
export function translateNetwork(by: readonly NetworkDimension[], filter: StatementFilterValues, bounds: NetworkBounds): CypherQuery {
  const { match, where } = filterClauses(filter);
  const dimensions = [...new Set(by)].sort();
  const text = `
CALL () {
  MATCH ${match}
  ${where.length > 0 ? `WHERE ${where.join('\n    AND ')}` : ''}
  WITH DISTINCT s
  WITH s ORDER BY s.dayKey DESC
  RETURN count(s) AS statementCount, collect(s)[..toInteger($sample)] AS chosen
}
WITH ${missingIds(filter)} AS missing, chosen, statementCount
OPTIONAL CALL (chosen, statementCount, missing) {
  WITH chosen, statementCount, missing WHERE statementCount <= $maxStatements AND size(missing) = 0
  CALL (chosen) {
    UNWIND chosen AS s
    WITH s ORDER BY s.sortKey
    MATCH (a:Entity)-[:SAID]->(s)
    RETURN collect({statement: s.id, speaker: a, ${dimensions.map((d) => FACT_FIELDS[d]).join(', ')}}) AS facts
  }
  CALL (facts) {${dimensions.map((d) => EDGES[d]).join('\n  UNION ALL')}
  }
  RETURN relation, a, b, weight, evidence
}
WITH missing, statementCount, size(chosen) AS foldedCount, relation, a, b, weight, evidence
ORDER BY weight DESC, relation, a.id, b.id
WITH missing, statementCount, foldedCount, collect(CASE WHEN relation IS NULL THEN null ELSE {relation: relation, source: a, target: b, weight: weight, evidence: evidence} END) AS found
RETURN missing, statementCount, foldedCount, size(found) AS edgeCount, [edge IN found[..toInteger($first)] | {
  relation: edge.relation, weight: edge.weight, evidence: edge.evidence,
  source: ${header('edge.source')}, target: ${header('edge.target')}
}] AS edges`;
  return cypher(text, { ...filterParams(filter), ...bounds });
}

/** The parameters that bound a network query. */
export interface NetworkBounds {
  readonly minWeight: number;
  readonly first: number;
  readonly maxStatements: number;
  /** Statements folded at most: the newest this many of those the filter selects. */
  readonly sample: number;
  readonly evidence: number;
}
